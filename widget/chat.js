/* MedTranslate patient chat page. Plain JS, no build step; every text goes in with textContent. */
(function () {
  'use strict';
  var STR = window.MedTranslateI18n || {};
  var NATIVE = { en: 'English', ja: '日本語', zh: '中文', th: 'ภาษาไทย', vi: 'Tiếng Việt', ko: '한국어' };
  var UI_LANGS = Object.keys(NATIVE);
  var PATIENT_LANGS = UI_LANGS.slice(0, 5);
  var LOCALE = { zh: 'zh-CN' };
  var TRANSLATED = { ok: 1, cached: 1, fallback: 1, vetted: 1 };
  // Warnings about what the translation says (not about how it was made): the reader may read
  // something else than the counselor wrote.
  var CONTENT_WARNING = /^(number_mismatch|unit_mismatch|time_mismatch|negation_mismatch|glossary_missing|dnt_missing|placeholder_missing|unclear_term)/;
  function doubtful(tr) {
    return (tr.warnings || []).some(function (w) { return CONTENT_WARNING.test(w); });
  }
  var KEY = 'medtranslate:v1:' + location.origin;
  // What the relay accepts (it decides by the bytes; these only spare the patient a useless upload).
  // The size limit is the relay's own, told in its welcome; this is its default until then.
  var maxFileBytes = 10 * 1024 * 1024;
  var FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'];
  var UPLOAD_STALL_MS = 30000; // an upload that makes no progress for this long has failed
  var THUMB_BOX = 240;         // px: thumbnails are shown at most this wide and high
  var $ = {};
  ['app', 'title', 'dot', 'status', 'lang', 'end', 'more', 'menu', 'minimize', 'banner', 'scroller', 'intro', 'chips', 'consult-wrap',
    'consult', 'note', 'messages', 'typing', 'typing-text', 'ended', 'restart', 'composer', 'file', 'attach', 'input', 'live',
    'confirm', 'confirm-yes', 'confirm-no', 'viewer', 'viewer-name', 'viewer-note', 'viewer-save', 'viewer-close',
    'prechat', 'pc-name', 'pc-contact', 'pc-reason', 'contact', 'contact-input', 'contact-send', 'contact-err'
  ].forEach(function (id) { $[id] = document.getElementById(id); });

  var params = new URLSearchParams(location.search);
  var hostOrigin = window.parent !== window ? checkHost(params.get('host')) : null;
  function checkHost(value) {
    try {
      var origin = new URL(value).origin, ancestors = location.ancestorOrigins;
      if (origin !== value || (ancestors && ancestors.length && ancestors[0] !== origin)) return null;
      return origin;
    } catch (e) { return null; }
  }
  function pick(list, v) { v = String(v || '').toLowerCase().slice(0, 2); return list.indexOf(v) >= 0 ? v : ''; }
  function browserLang() {
    return (navigator.languages || [navigator.language]).map(function (l) { return pick(UI_LANGS, l); }).filter(Boolean)[0];
  }

  var saved;
  try { saved = JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { saved = {}; }
  var ui = pick(UI_LANGS, saved.ui) || pick(UI_LANGS, params.get('lang')) || browserLang() || 'en';
  var consultLang = pick(PATIENT_LANGS, saved.lang) || pick(PATIENT_LANGS, ui) || 'en';
  var room = saved.room_id && saved.token ? { id: saved.room_id, token: saved.token } : null;
  var info = { status: 'waiting', agent: null, agent_online: false, agent_read_seq: 0 };
  // The place in the queue while waiting (the relay's queue_position frame), else null.
  var queuePlace = null;
  var entries = [], bySeq = new Map(), byClientId = new Map();
  var lastSeq = 0;        // highest seq of a message frame received
  var readMark = 0;       // highest seq the relay knows we have read
  var announceAfter = -1; // messages above this seq are new to the patient (set by the first welcome)
  var ws = null, connected = false, attempt = 0, retryTimer = null, bannerTimer = null, readTimer = null;
  var fatal = false, creating = false, ended = false, bannerKey = '';
  var panelOpen = !hostOrigin;
  var typingOut = false, typingTimer = null, agentTypingTimer = null;
  // The desk (GET /api/desk): its pre-chat fields; and the closed desk's offer to leave contact details.
  var desk = null, prechatAnswers = null, offerContact = false, answerLater = false, contactPending = false;

  function save() {
    // Files are not kept: storage holds a few megabytes at most, and a file cannot be read back.
    var outbox = entries.filter(function (e) { return e.own && !e.seq && e.kind !== 'attachment'; }).map(function (e) {
      return { id: e.client_msg_id, text: e.text, ts: e.created_at, failed: e.state === 'failed' };
    });
    var data = { ui: ui, lang: consultLang, outbox: outbox };
    // An ended (or refused) consultation leaves nothing behind on a shared device: the next
    // person to open the chat must not find the token or the unsent text.
    if (ended || fatal) data.outbox = [];
    else if (room) { data.room_id = room.id; data.token = room.token; }
    try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* storage blocked: memory only */ }
  }
  function t(key, vars) {
    var s = (STR[ui] && STR[ui][key]) || STR.en[key] || key;
    return s.replace(/\{(\w+)\}/g, function (m, k) { return vars && k in vars ? vars[k] : m; });
  }
  // Why an entry failed, with the relay's size limit filled in.
  function reason(key) {
    return t(key, { mb: Math.floor(maxFileBytes / (1024 * 1024)) });
  }
  function mk(tag, cls, text, lang) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    if (lang) n.lang = lang;
    return n;
  }
  function button(cls, text, onClick) {
    var b = mk('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function newId() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    return 'p-' + Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
  }
  function post(type, extra) {
    if (!hostOrigin) return;
    var msg = { ns: 'medtranslate', type: type };
    for (var k in extra) msg[k] = extra[k];
    window.parent.postMessage(msg, hostOrigin);
  }
  function visible() { return panelOpen && document.visibilityState === 'visible'; }
  function agentName(e) { return (e && e.sender_name) || (info.agent && info.agent.name) || t('counselor'); }
  function sendFrame(frame) { if (connected) ws.send(JSON.stringify(frame)); }

  // ---- page ----
  function applyLanguage() {
    document.documentElement.lang = ui;
    document.querySelectorAll('[data-i18n]').forEach(function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-label]').forEach(function (n) {
      n.title = t(n.getAttribute('data-i18n-label'));
      n.setAttribute('aria-label', n.title);
    });
    var hospital = (params.get('hospital') || '').slice(0, 80);
    if (hospital) $.title.textContent = hospital;
    document.title = $.title.textContent;
    $.input.placeholder = t('placeholder');
    $.app.setAttribute('data-drop', t('drop_here'));
    $.lang.value = ui;
    $.consult.value = consultLang;
    $['consult-wrap'].hidden = !!room || ui !== 'ko';
    $.chips.querySelectorAll('input').forEach(function (r) { r.checked = r.value === ui; });
    entries.forEach(render);
    refresh();
    showHeader();
    showBanner(bannerKey, true);
    post('lang', { lang: ui });
  }

  function setUi(lang) {
    ui = lang;
    if (!room && PATIENT_LANGS.indexOf(lang) >= 0) consultLang = lang;
    save();
    applyLanguage();
  }

  function showHeader() {
    var active = room && !ended && info.status === 'active';
    $.dot.className = 'dot ' + (ended ? 'off' : active ? (info.agent_online ? 'on' : 'off') : room ? 'wait' : '');
    $.status.textContent = active ? agentName() + ' · ' + t(info.agent_online ? 'online' : 'away')
      : !ended && room && queuePlace ? placeText()
      : t(ended ? 'ended_status' : room ? 'waiting' : 'team');
    $.intro.hidden = !!room || entries.length > 0;
    $.note.hidden = $.more.hidden = !$.intro.hidden;
    $.end.hidden = !room || ended;
    $.end.disabled = !connected;
    $.composer.hidden = ended || needPrechat();
    $.ended.hidden = !ended;
    $.prechat.hidden = !needPrechat();
    $.contact.hidden = !(room && offerContact && !answerLater && !ended);
    $['contact-send'].disabled = contactPending;
  }

  // ---- the desk: pre-chat step and contact details (docs/desk.md) ----
  function prechatFields() {
    var f = (desk && desk.prechat) || {};
    return ['name', 'contact', 'reason'].filter(function (k) { return f[k] === 'optional' || f[k] === 'required'; });
  }
  function needPrechat() { return !room && !prechatAnswers && prechatFields().length > 0; }

  function loadDesk() {
    fetch('/api/desk', { cache: 'no-store', credentials: 'omit' }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d || desk) return;
        desk = d;
        var f = desk.prechat || {};
        $.prechat.querySelectorAll('.field').forEach(function (p) {
          var ask = f[p.getAttribute('data-field')];
          p.hidden = ask !== 'optional' && ask !== 'required';
          p.querySelector('.opt').hidden = ask !== 'optional';
          p.querySelector('input, textarea').required = ask === 'required';
        });
        showHeader();
      }, function () { /* no desk information: the chat works without a pre-chat step */ });
  }

  // As the relay checks them (medtranslate/protocol/Validation): the relay has the last word.
  function validEmail(s) {
    var at = s.indexOf('@');
    if (s.length > 254 || at < 1 || at > 64 || s.indexOf('@', at + 1) >= 0 || /[\s",<>()[\]\\;:]/.test(s.slice(0, at))) return false;
    var labels = s.slice(at + 1).split('.');
    return labels.length > 1 && labels.every(function (l) {
      return l.length <= 63 && /^[a-z0-9\u0080-\uffff](?:[a-z0-9\u0080-\uffff-]*[a-z0-9\u0080-\uffff])?$/i.test(l);
    });
  }
  function validPhone(s) {
    if (!s || s.length > 32 || !/^\+?[\d ().-]+$/.test(s) || /[ .-]{2}|^\+?[ .-]|[ .-]$/.test(s)) return false;
    var digits = s.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }

  function submitPrechat() {
    var answers = {}, first = null;
    prechatFields().forEach(function (k) {
      var input = $['pc-' + k], value = input.value.trim(), err = document.getElementById('pc-' + k + '-err');
      var bad = input.required && !value ? 'prechat_missing'
        : k === 'contact' && value && !validEmail(value) && !validPhone(value) ? 'contact_bad' : '';
      err.textContent = bad ? t(bad) : '';
      input.setAttribute('aria-invalid', String(!!bad));
      if (bad && !first) first = input;
      if (value) answers[k] = value;
    });
    if (first) return first.focus();
    prechatAnswers = answers;
    showHeader();
    createRoom();
    $.input.focus();
  }

  function submitContact() {
    var value = $['contact-input'].value.trim(), contact = null;
    if (validEmail(value)) contact = { email: value };
    else if (validPhone(value)) contact = { phone: value };
    $['contact-input'].setAttribute('aria-invalid', String(!contact));
    if (!contact) { $['contact-err'].textContent = t('contact_bad'); return $['contact-input'].focus(); }
    if (!connected) { $['contact-err'].textContent = t('contact_failed'); return; }
    $['contact-err'].textContent = '';
    contactPending = true;
    sendFrame({ type: 'contact', room_id: room.id, contact: contact });
    showHeader();
  }

  // "You are number 2 in line, about 4 minutes"; without recent waits to go by, the place alone.
  function placeText() {
    if (queuePlace.minutes == null) return t('queue_place', { n: queuePlace.position });
    return t(queuePlace.minutes <= 1 ? 'queue_wait_one' : 'queue_wait', { n: queuePlace.position, m: queuePlace.minutes });
  }

  // Connection notices wait a moment, so that a quick reconnect does not flicker.
  function showBanner(key, now) {
    bannerKey = key || '';
    clearTimeout(bannerTimer);
    function apply() {
      $.banner.textContent = bannerKey ? t(bannerKey) : '';
      $.banner.className = 'banner' + (bannerKey ? ' shown' : '') + (/refused|expired/.test(bannerKey) ? ' bad' : '');
    }
    if (now || !/connecting|start_failed/.test(bannerKey)) apply();
    else bannerTimer = setTimeout(apply, 1200);
  }

  // ---- messages ----
  function fmtTime(iso) {
    var d = iso ? new Date(iso) : new Date();
    try { return new Intl.DateTimeFormat(LOCALE[ui] || ui, { hour: 'numeric', minute: '2-digit' }).format(d); } catch (e) { return ''; }
  }

  function render(e) {
    var li = e.li || (e.li = mk('li'));
    var tr = e.translation || {};
    li._e = e;
    li.textContent = '';
    if (e.sender === 'system') {
      var vetted = TRANSLATED[tr.status] && tr.text;
      li.className = 'msg system';
      li.appendChild(mk('p', 'bubble', vetted ? tr.text : e.text, vetted ? tr.lang : e.lang));
      return;
    }
    var bubble = mk('div', 'bubble'), meta = mk('div', 'meta'), time = mk('time', null, fmtTime(e.created_at));
    if (e.created_at) time.dateTime = e.created_at;
    meta.appendChild(time);
    li.className = 'msg ' + (e.own ? 'own' : 'agent');
    if (e.kind === 'attachment') li.className += ' file';
    if (e.own) {
      bubble.appendChild(mk('span', 'sr-only', t('you') + ': '));
      bubble.appendChild(e.kind === 'attachment' ? fileView(e) : mk('p', 'text', e.text, e.lang || consultLang));
      meta.appendChild(e.statusEl = mk('span', 'state'));
      if (e.state === 'failed' || e.state === 'refused') {
        li.className += ' failed';
        if (e.errorKey) bubble.appendChild(mk('p', 'reason', reason(e.errorKey)));
        if (e.detail) bubble.appendChild(mk('p', 'detail', e.detail));
        // A refusal is final (the same file would be refused again): it can only be dismissed.
        meta.appendChild(e.state === 'failed' ? button('link', t('retry'), function () { resend(e); })
                                              : button('link', t('dismiss'), function () { dismiss(e); }));
      }
    } else {
      li.appendChild(mk('div', 'name', agentName(e)));
      bubble.appendChild(mk('span', 'sr-only', agentName(e) + ': '));
      var toggle = !!e.text;
      if (e.kind === 'attachment') {
        bubble.appendChild(fileView(e)); // a file name is not translated
        toggle = false;
      } else if (TRANSLATED[tr.status] && tr.text) {
        bubble.appendChild(mk('p', 'text', tr.text, tr.lang || consultLang));
        meta.appendChild(mk('span', null, t(tr.status === 'vetted' ? 'vetted' : 'auto')));
        toggle = toggle && tr.text !== e.text;
        // The counselor sent it despite a warning: the patient is told to check, and the
        // original is one tap away.
        if (doubtful(tr)) {
          li.className += ' doubtful';
          bubble.appendChild(mk('p', 'warn doubt', t('doubtful')));
          toggle = !!e.text;
        }
      } else if (!tr.status || tr.status === 'pending') {
        bubble.appendChild(mk('p', 'text pending', t('translating')));
      } else {
        // "unavailable", or anything unknown: the original, labelled as the original.
        li.className += ' untranslated';
        bubble.appendChild(mk('p', 'text', tr.text || e.text, tr.lang || e.lang || 'ko'));
        meta.appendChild(mk('span', 'warn', t('unavailable')));
        toggle = false;
      }
      if (toggle) {
        var orig = mk('div', 'original');
        orig.id = 'orig-' + e.seq;
        orig.hidden = !e.showOriginal;
        orig.appendChild(mk('span', 'label', t('original')));
        orig.appendChild(mk('p', null, e.text, e.lang || 'ko'));
        bubble.appendChild(orig);
        var b = button('link', t(e.showOriginal ? 'hide_original' : 'show_original'), function () {
          e.showOriginal = !e.showOriginal;
          render(e);
          refresh();
          e.li.querySelector('.meta .link').focus();
        });
        b.setAttribute('aria-expanded', String(!!e.showOriginal));
        b.setAttribute('aria-controls', orig.id);
        meta.appendChild(b);
      }
    }
    li.appendChild(bubble);
    li.appendChild(meta);
  }

  // Keeps the list in seq order; messages still waiting for their seq stay at the end.
  function place(e) {
    render(e);
    var list = $.messages, n = list.lastChild;
    if (!e.seq) {
      if (e.li.parentNode !== list) list.appendChild(e.li);
      return;
    }
    while (n && (n === e.li || !n._e.seq || n._e.seq > e.seq)) n = n.previousSibling;
    var ref = n ? n.nextSibling : list.firstChild;
    if (ref !== e.li) list.insertBefore(e.li, ref);
  }

  // Groups runs of one sender, shows sent/read on the last delivered own message, reports unread.
  function refresh() {
    var lastOwn = null, prev = null, unread = 0;
    for (var n = $.messages.firstChild; n; n = n.nextSibling) {
      var e = n._e, kind = e.sender + (e.sender_name || '');
      n.classList.toggle('cont', prev === kind);
      prev = kind;
      if (e.own && e.seq) lastOwn = e;
      if (e.sender === 'agent' && e.seq > readMark) unread++;
    }
    entries.forEach(function (e) {
      if (!e.statusEl) return;
      var key = e.state === 'failed' || e.state === 'refused' ? 'failed' : !e.seq ? 'sending' : e !== lastOwn ? '' : e.seq <= info.agent_read_seq ? 'read' : 'sent';
      e.statusEl.textContent = key && t(key);
      e.statusEl.className = 'state ' + key;
    });
    post('unread', { count: visible() ? 0 : unread });
  }

  function nearBottom() { var s = $.scroller; return s.scrollHeight - s.scrollTop - s.clientHeight < 120; }
  function toBottom() { $.scroller.scrollTop = $.scroller.scrollHeight; }

  function addEntry(e) {
    entries.push(e);
    if (e.seq) bySeq.set(e.seq, e);
    if (e.own) byClientId.set(e.client_msg_id, e);
  }

  function announce(e) {
    var tr = e.translation || {};
    if (e.announced || e.own || e.seq <= announceAfter || tr.status === 'pending') return;
    e.announced = true;
    var text = tr.text || e.text;
    if (e.sender === 'system') return void ($.live.textContent = text);
    if (!TRANSLATED[tr.status]) text += ' (' + t('unavailable') + ')';
    $.live.textContent = t('new_message', { name: agentName(e), text: text });
  }

  function onMessage(m) {
    var stick = nearBottom();
    var e = bySeq.get(m.seq) || (m.sender === 'patient' && byClientId.get(m.client_msg_id));
    if (e && e.received) {
      // Seen before (a replay): only a finished translation is news.
      if (m.translation && m.translation.status !== 'pending' && (e.translation || {}).status === 'pending') {
        e.translation = m.translation;
        render(e);
      }
    } else {
      var known = !!e;
      e = e || {};
      ['seq', 'client_msg_id', 'sender', 'sender_name', 'text', 'lang', 'translation', 'created_at', 'kind', 'attachment'
      ].forEach(function (k) { e[k] = m[k]; });
      e.own = m.sender === 'patient';
      e.received = true;
      if (e.own) { e.state = 'sent'; e.file = null; clearTimeout(e.ackTimer); }
      if (known) bySeq.set(e.seq, e); else addEntry(e);
      place(e);
      if (e.own) save();
    }
    announce(e);
    if (m.seq > lastSeq) lastSeq = m.seq;
    if (m.sender === 'agent') showAgentTyping(false);
    if (m.event === 'ended') setEnded();
    if (m.event === 'desk_closed' || m.event === 'desk_unattended') offerContact = true;
    showHeader();
    maybeRead();
    if (stick || e.own) toBottom();
  }

  function onTranslation(f) {
    var e = bySeq.get(f.seq), stick = nearBottom();
    if (!e || !f.translation) return;
    e.translation = f.translation;
    render(e);
    refresh();
    announce(e);
    if (stick) toBottom();
  }

  // ---- sending: pending until the ack, the same client_msg_id on every try ----
  function submit() {
    var text = $.input.value.trim();
    if (!text || ended) return;
    $.input.value = '';
    autosize();
    stopTyping();
    var e = { own: true, sender: 'patient', client_msg_id: newId(), text: text, created_at: new Date().toISOString(), state: 'pending', attempts: 0 };
    addEntry(e);
    place(e);
    refresh();
    showHeader();
    save();
    toBottom();
    if (room) trySend(e); else createRoom();
  }

  function trySend(e) {
    if (e.kind === 'attachment') return upload(e);
    if (!connected || e.state !== 'pending' || e.inFlight || e.seq) return;
    e.inFlight = true;
    ws.send(JSON.stringify({ type: 'send', room_id: room.id, client_msg_id: e.client_msg_id, text: e.text }));
    clearTimeout(e.ackTimer);
    e.ackTimer = setTimeout(function () {
      sendFailed(e, true);
      drop(); // no ack in time: the connection is probably dead; reconnecting sends it again
    }, 10000);
  }

  function sendFailed(e, retryable) {
    clearTimeout(e.ackTimer);
    e.inFlight = false;
    if (e.seq) return;
    // An upload is not repeated by itself (it may be megabytes): the patient sees why, and decides.
    if (!retryable || e.kind === 'attachment' || ++e.attempts >= 3) {
      e.state = retryable || e.kind !== 'attachment' ? 'failed' : 'refused';
      render(e);
      refresh();
      save();
    } else {
      setTimeout(function () { trySend(e); }, 1000 * e.attempts);
    }
  }

  function resend(e) {
    e.state = 'pending';
    e.attempts = e.progress = 0;
    e.errorKey = e.detail = null;
    render(e);
    refresh();
    save();
    if (room) trySend(e); else createRoom();
  }

  // ---- attachments: uploaded over HTTP, announced in the room as messages with a seq ----
  function attach(files) {
    if (ended) return;
    Array.prototype.forEach.call(files || [], function (file) {
      var e = { own: true, sender: 'patient', kind: 'attachment', client_msg_id: newId(), text: file.name || 'file', file: file,
        created_at: new Date().toISOString(), state: 'pending', attempts: 0, progress: 0 };
      if (file.size > maxFileBytes) { e.state = 'refused'; e.errorKey = 'file_too_large'; }
      else if (file.type && FILE_TYPES.indexOf(file.type) < 0) { e.state = 'refused'; e.errorKey = 'file_type'; }
      addEntry(e);
      place(e);
      if (e.errorKey) $.live.textContent = reason(e.errorKey);
      else if (room) trySend(e);
      else createRoom(); // the upload starts with the connection's welcome, like a text message
    });
    refresh();
    showHeader();
    toBottom();
  }

  // The same client_msg_id on every try: the relay stores the file once and answers a repeat with
  // the same message. Its answer (or the WebSocket frame, whichever comes first) settles the entry.
  function upload(e) {
    if (!room || e.state !== 'pending' || e.inFlight || e.seq || !e.file) return;
    var xhr = e.xhr = new XMLHttpRequest(), stall;
    function watch() {
      clearTimeout(stall);
      stall = setTimeout(function () { done(0, 'file_timeout'); xhr.abort(); }, UPLOAD_STALL_MS);
    }
    function done(status, why, body) {
      clearTimeout(stall);
      if (e.xhr !== xhr) return;
      e.xhr = null;
      e.inFlight = false;
      var m = body && body.message;
      if ((status === 200 || status === 201) && m && m.client_msg_id === e.client_msg_id) return onMessage(m);
      uploadFailed(e, status, why, body && body.error);
    }
    e.inFlight = true;
    xhr.open('POST', '/api/rooms/' + encodeURIComponent(room.id) + '/attachments?client_msg_id=' +
      encodeURIComponent(e.client_msg_id) + '&name=' + encodeURIComponent(e.text));
    xhr.setRequestHeader('Authorization', 'Bearer ' + room.token);
    xhr.upload.onprogress = function (ev) {
      watch();
      if (ev.lengthComputable && ev.total) showProgress(e, ev.loaded / ev.total);
    };
    xhr.onload = function () {
      var body;
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = {}; }
      done(xhr.status, '', body);
    };
    xhr.onerror = xhr.onabort = function () { done(0, navigator.onLine === false ? 'file_offline' : 'file_network'); };
    xhr.send(e.file);
    watch();
  }

  // The relay's reason, in the patient's language, and its own words under it.
  var UPLOAD_ERRORS = { 400: 'file_bad', 401: 'expired', 403: 'file_refused', 404: 'file_refused', 409: 'file_ended',
    413: 'file_too_large', 415: 'file_type', 429: 'file_busy' };
  function uploadFailed(e, status, why, error) {
    if (e.seq) return;
    var retryable = !status || status === 408 || status === 429 || status >= 500;
    e.errorKey = why || UPLOAD_ERRORS[status] || (retryable ? 'file_server' : 'file_refused');
    e.detail = error && typeof error.message === 'string' ? error.message.slice(0, 300) : '';
    if (status === 409 || (error && error.code === 'room_ended')) setEnded();
    sendFailed(e, retryable && !ended);
    $.live.textContent = reason(e.errorKey);
  }

  function showProgress(e, fraction) {
    e.progress = Math.min(1, fraction);
    if (!e.progressEl) return;
    e.progressEl.value = Math.round(e.progress * 100);
    try { e.percentEl.textContent = new Intl.NumberFormat(LOCALE[ui] || ui, { style: 'percent' }).format(e.progress); }
    catch (err) { e.percentEl.textContent = Math.round(e.progress * 100) + '%'; }
  }

  function dismiss(e) {
    forget(e);
    entries.splice(entries.indexOf(e), 1);
    byClientId.delete(e.client_msg_id);
    e.li.remove();
    refresh();
    showHeader();
    $.input.focus();
  }

  // Releases what an entry holds: its upload and its thumbnail's blob: URL.
  function forget(e) {
    var xhr = e.xhr;
    e.gone = true;
    e.xhr = null;
    if (xhr) xhr.abort();
    if (e.thumbUrl) URL.revokeObjectURL(e.thumbUrl);
    e.thumbUrl = null;
  }

  function fmtSize(n) {
    var units = ['B', 'KB', 'MB', 'GB'], i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    var digits = i && n < 10 ? 1 : 0;
    try { return new Intl.NumberFormat(LOCALE[ui] || ui, { maximumFractionDigits: digits }).format(n) + ' ' + units[i]; }
    catch (err) { return n.toFixed(digits) + ' ' + units[i]; }
  }

  function icon(d) {
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg'), path = document.createElementNS(svg.namespaceURI, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
  }
  var DOC_ICON = 'M6 2h8l6 6v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm7 1.5V9h5.5zM8 13v1.5h8V13zm0 3.5V18h5v-1.5z';

  // An image the relay made a thumbnail of, or a card (icon, name, type and size) that downloads the file.
  function fileView(e) {
    var a = e.attachment || {}, name = a.name || e.text, box = mk('div', 'attachment');
    if (a.thumbnail_url && e.seq && !e.thumbFailed) {
      var img = e.thumbImg = mk('img'), open = button('thumb', null, function () { openViewer(e); });
      img.alt = name;
      if (a.width > 0 && a.height > 0) { // the space is kept before the thumbnail arrives: nothing jumps
        var fit = Math.min(1, THUMB_BOX / a.width, THUMB_BOX / a.height);
        img.width = Math.max(1, Math.round(a.width * fit));
        img.height = Math.max(1, Math.round(a.height * fit));
      }
      if (e.thumbUrl) img.src = e.thumbUrl; else loadThumb(e);
      open.setAttribute('aria-label', t('open_image', { name: name }));
      open.appendChild(img);
      box.appendChild(open);
    } else {
      var type = a.type || (e.file && e.file.type) || '', size = fmtSize(a.size != null ? a.size : e.file ? e.file.size : 0);
      var label = (type.split('/')[1] || (/\.(\w{1,5})$/.exec(name) || [])[1] || '').toUpperCase().slice(0, 5);
      var card = e.seq ? button('card', null, function () { download(e); }) : mk('div', 'card');
      var about = mk('span', 'about');
      card.appendChild(icon(DOC_ICON));
      about.appendChild(mk('span', 'file-name', name));
      about.appendChild(mk('span', 'file-size', (label ? label + ' · ' : '') + size));
      card.appendChild(about);
      if (e.seq) card.setAttribute('aria-label', t('download_file', { name: name, size: size }));
      box.appendChild(card);
    }
    if (e.loadFailed) box.appendChild(mk('p', 'reason', t('load_failed')));
    if (!e.seq && e.state === 'pending') {
      var bar = mk('div', 'progress');
      e.progressEl = mk('progress');
      e.progressEl.max = 100;
      e.progressEl.setAttribute('aria-label', t('uploading'));
      bar.appendChild(e.progressEl);
      bar.appendChild(e.percentEl = mk('span', 'percent'));
      box.appendChild(bar);
      showProgress(e, e.progress || 0);
    } else {
      e.progressEl = e.percentEl = null;
    }
    return box;
  }

  // Downloads need the room's token, which an <img src> or a link cannot carry: fetch, then a blob: URL.
  function fetchFile(url) {
    return Promise.resolve().then(function () {
      if (!room || new URL(url, location.href).origin !== location.origin) throw new Error('not an attachment of this relay');
      return fetch(url, { headers: { Authorization: 'Bearer ' + room.token }, credentials: 'omit' });
    }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.blob();
    });
  }

  function loadThumb(e) {
    if (e.thumbLoading) return;
    e.thumbLoading = true;
    fetchFile(e.attachment.thumbnail_url).then(function (blob) {
      if (e.gone) return;
      e.thumbUrl = URL.createObjectURL(blob);
      if (e.thumbImg) e.thumbImg.src = e.thumbUrl;
    }, function () {
      e.thumbFailed = true; // shown as a card instead, which still opens the file
      if (!e.gone) render(e);
    });
  }

  function loadFailed(e, failed) {
    if (!!e.loadFailed === failed) return;
    e.loadFailed = failed;
    if (failed) $.live.textContent = t('load_failed');
    render(e);
  }

  function download(e) {
    var a = e.attachment;
    fetchFile(a.url).then(function (blob) {
      var url = URL.createObjectURL(blob), link = mk('a');
      link.href = url;
      link.download = a.name || 'file';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000); // once the download has taken it
      loadFailed(e, false);
    }, function () { loadFailed(e, true); });
  }

  var viewing = null, viewUrl = null; // the entry whose image the viewer shows, and its blob: URL
  function openViewer(e) {
    var img = mk('img');
    viewing = e;
    img.hidden = true;
    img.alt = e.attachment.name;
    $['viewer-note'].before(img);
    $.viewer.setAttribute('aria-label', e.attachment.name);
    $['viewer-name'].textContent = e.attachment.name;
    $['viewer-note'].textContent = t('loading');
    $.viewer.showModal();
    $['viewer-close'].focus();
    fetchFile(e.attachment.url).then(function (blob) {
      if (viewing !== e) return;
      img.src = viewUrl = URL.createObjectURL(blob);
      img.hidden = false;
      $['viewer-note'].textContent = '';
    }, function () {
      if (viewing === e) $['viewer-note'].textContent = t('load_failed');
    });
  }

  function closedViewer() {
    viewing = null;
    $.viewer.querySelectorAll('img').forEach(function (img) { img.remove(); });
    if (viewUrl) URL.revokeObjectURL(viewUrl);
    viewUrl = null;
  }

  // Read marks go out once a burst of messages (a replay) has settled.
  function maybeRead() {
    refresh();
    clearTimeout(readTimer);
    readTimer = setTimeout(function () {
      if (visible() && connected && lastSeq > readMark) {
        readMark = lastSeq;
        sendFrame({ type: 'read', room_id: room.id, seq: lastSeq });
        refresh();
      }
    }, 300);
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    if (typingOut) sendFrame({ type: 'typing', room_id: room.id, active: false });
    typingOut = false;
  }

  function onInput() {
    autosize();
    if (!connected || ended) return;
    if (!$.input.value.trim()) return stopTyping();
    if (!typingOut) sendFrame({ type: 'typing', room_id: room.id, active: true });
    typingOut = true;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 3000);
  }

  function autosize() {
    $.input.style.height = 'auto';
    $.input.style.height = Math.min($.input.scrollHeight, 132) + 'px';
  }

  function showAgentTyping(on) {
    var stick = nearBottom();
    clearTimeout(agentTypingTimer);
    $.typing.hidden = !on;
    if (!on) return;
    $['typing-text'].textContent = t('typing', { name: agentName() });
    agentTypingTimer = setTimeout(showAgentTyping, 15000, false);
    if (stick) toBottom();
  }

  // ---- the consultation and its connection ----
  function createRoom() {
    if (creating || room) return;
    creating = true;
    fetch('/api/rooms', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, cache: 'no-store', credentials: 'omit',
      body: JSON.stringify(prechatAnswers && Object.keys(prechatAnswers).length ? { language: consultLang, prechat: prechatAnswers } : { language: consultLang })
    }).then(function (r) {
      var wait = parseInt(r.headers.get('Retry-After') || '', 10);
      return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b, wait: wait }; });
    }).then(function (res) {
      creating = false;
      if (res.status === 201 && res.body.room_id && res.body.patient_token) {
        room = { id: res.body.room_id, token: res.body.patient_token };
        attempt = 0;
        save();
        applyLanguage();
        connect();
      } else if (res.status === 400 && prechatAnswers) {
        // The hospital changed its pre-chat step since the page loaded: ask again.
        prechatAnswers = null;
        desk = null;
        loadDesk();
        showBanner('prechat_refused', true);
        showHeader();
      } else if (res.status >= 500 || res.status === 429) {
        showBanner('start_failed');
        retryLater(createRoom, res.status === 429 ? res.wait * 1000 : 0);
      } else {
        showBanner('refused');
        entries.forEach(function (e) { if (!e.seq && e.state !== 'refused') { e.state = 'failed'; render(e); } });
        refresh();
      }
    }, function () {
      creating = false;
      showBanner(navigator.onLine === false ? 'offline' : 'start_failed');
      retryLater(createRoom);
    });
  }

  // Exponential backoff with jitter, so that many patients do not come back in lockstep; when
  // the relay said when to come back (a 429's Retry-After), asking sooner would only be refused.
  function retryLater(fn, notBeforeMs) {
    var delay = Math.min(30000, 500 * Math.pow(2, attempt++));
    delay = notBeforeMs > 0 ? Math.min(notBeforeMs, 900000) + Math.random() * 1000
                            : delay / 2 + Math.random() * delay / 2;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(fn, delay);
  }

  // Resume after the last message, or before a translation still outstanding.
  function resumeSeq() {
    return entries.reduce(function (from, e) {
      return e.seq && (e.translation || {}).status === 'pending' ? Math.min(from, e.seq - 1) : from;
    }, lastSeq);
  }

  function connect() {
    clearTimeout(retryTimer);
    if (!room || ws || fatal) return;
    if (navigator.onLine === false) { showBanner('offline'); return retryLater(connect); }
    var sock = ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    var helloTimer = setTimeout(function () { sock.close(); }, 15000);
    if (!bannerKey) showBanner('connecting');
    sock.onopen = function () {
      sock.send(JSON.stringify({ type: 'hello', role: 'patient', token: room.token, last_seq: resumeSeq() }));
    };
    sock.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (err) { return; }
      if (ws !== sock || !f || typeof f.type !== 'string' || (f.room_id && f.room_id !== room.id)) return;
      if (f.type === 'welcome') clearTimeout(helloTimer);
      handle(f);
    };
    sock.onclose = function () {
      clearTimeout(helloTimer);
      if (ws !== sock) return;
      ws = null;
      disconnected();
    };
  }

  function disconnected() {
    connected = false;
    typingOut = false;
    // Uploads go over HTTP, not this socket: they carry on.
    entries.forEach(function (e) { if (e.inFlight && !e.xhr) { e.inFlight = false; clearTimeout(e.ackTimer); } });
    showAgentTyping(false);
    showHeader();
    if (fatal) {
      ended = true;
      save();
      showBanner('expired');
      return showHeader();
    }
    showBanner(navigator.onLine === false ? 'offline' : 'reconnecting');
    retryLater(connect);
  }

  function drop() {
    var sock = ws;
    if (!sock) return;
    ws = null;
    sock.onclose = null;
    sock.close();
    disconnected();
  }

  function updateRoom(r) {
    if (!r) return;
    info.status = r.status;
    if (r.status !== 'waiting') queuePlace = null;
    info.agent = r.agent || null;
    info.agent_online = !!r.agent_online;
    info.agent_read_seq = Math.max(info.agent_read_seq, r.agent_read_seq || 0);
    if (r.answer_later) { answerLater = true; contactPending = false; }
    readMark = Math.max(readMark, r.patient_read_seq || 0);
    if (r.status === 'ended') setEnded();
    roomLanguage(r.patient_language);
    showHeader();
    refresh();
  }

  // ---- correcting the consultation's language (set_language, docs/protocol.md) ----
  // The header's language menu, once the consultation exists, also tells the relay that the
  // patient writes this language; the room frame in it answers, from either side.
  var langRequest = null; // { id, room, lang } until answered
  function requestLanguage(code) {
    if (!room || ended || PATIENT_LANGS.indexOf(code) < 0 || code === consultLang) return;
    langRequest = { id: 'lang-' + newId().slice(2), room: room.id, lang: code };
    sendLanguage();
  }
  function sendLanguage() { // again after a reconnect, until answered
    if (langRequest && room && langRequest.room === room.id) sendFrame({ type: 'set_language', room_id: room.id, language: langRequest.lang, request_id: langRequest.id });
  }
  function roomLanguage(code) {
    if (PATIENT_LANGS.indexOf(code) < 0) return;
    if (langRequest && langRequest.lang === code) langRequest = null;
    if (code === consultLang) return;
    consultLang = code;
    if (ui !== 'ko') ui = code; // the counselor corrected it: the patient reads what they write
    save();
    applyLanguage();
  }
  function languageRefused(f) {
    if (!langRequest || f.ref !== langRequest.id) return false;
    langRequest = null;
    showBanner('lang_refused');
    return true;
  }

  function handle(f) {
    var e;
    switch (f.type) {
      case 'welcome':
        connected = true;
        attempt = 0;
        if (f.max_attachment_bytes > 0) maxFileBytes = f.max_attachment_bytes;
        showBanner('');
        var r = (f.rooms || []).filter(function (x) { return x.room_id === room.id; })[0];
        if (announceAfter < 0) announceAfter = r ? r.last_seq || 0 : 0;
        updateRoom(r);
        sendLanguage();
        showHeader();
        entries.forEach(trySend);
        maybeRead();
        break;
      case 'message': onMessage(f); break;
      case 'translation': onTranslation(f); break;
      case 'room': updateRoom(f); break;
      case 'queue_position':
        if (info.status !== 'waiting') break;
        queuePlace = { position: f.position,
          minutes: typeof f.expected_wait_s === 'number' ? Math.max(1, Math.ceil(f.expected_wait_s / 60)) : null };
        showHeader();
        break;
      case 'ended': setEnded(); break;
      case 'typing': if (f.role === 'agent') showAgentTyping(!!f.active); break;
      case 'read':
        if (f.role === 'agent' && f.seq > info.agent_read_seq) { info.agent_read_seq = f.seq; refresh(); }
        break;
      case 'ack':
        e = byClientId.get(f.client_msg_id);
        if (!e || e.seq) break;
        clearTimeout(e.ackTimer);
        e.inFlight = false;
        e.seq = f.seq;
        e.state = 'sent';
        bySeq.set(f.seq, e);
        place(e);
        refresh();
        save();
        break;
      case 'error':
        e = f.ref && byClientId.get(f.ref);
        if (f.code === 'room_ended') setEnded();
        if (languageRefused(f)) break;
        if (e) sendFailed(e, f.code === 'internal' || f.code === 'rate_limited');
        else if (contactPending && !f.ref) {
          contactPending = false;
          $['contact-err'].textContent = t(f.code === 'bad_request' ? 'contact_bad' : 'contact_failed');
          showHeader();
        }
        else if (f.code === 'unauthorized' && !connected) fatal = true; // the relay closes the socket next
        else if (f.code === 'internal' && !connected) ws.close(); // the token could not be checked now
        break;
    }
  }

  function setEnded() {
    if (ended) return;
    ended = true;
    stopTyping();
    showAgentTyping(false);
    entries.forEach(function (e) {
      if (e.own && !e.seq && e.state === 'pending') { e.state = 'failed'; clearTimeout(e.ackTimer); render(e); }
    });
    if ($.confirm.open) $.confirm.close();
    refresh();
    showHeader();
    save();
  }

  function restart() {
    drop();
    clearTimeout(retryTimer);
    room = null;
    queuePlace = null;
    info = { status: 'waiting', agent: null, agent_online: false, agent_read_seq: 0 };
    if ($.viewer.open) $.viewer.close();
    entries.forEach(forget);
    entries = [];
    bySeq.clear();
    byClientId.clear();
    $.messages.textContent = '';
    lastSeq = readMark = attempt = 0;
    announceAfter = -1;
    fatal = ended = false;
    prechatAnswers = null;
    offerContact = answerLater = contactPending = false;
    $['contact-input'].value = $['contact-err'].textContent = '';
    if (!desk) loadDesk();
    consultLang = pick(PATIENT_LANGS, ui) || consultLang;
    showBanner('');
    save();
    applyLanguage();
    $.input.focus();
  }

  // ---- wiring ----
  UI_LANGS.forEach(function (code) {
    var label = mk('label'), radio = mk('input');
    radio.type = 'radio';
    radio.name = 'ui';
    radio.value = code;
    radio.addEventListener('change', function () { if (radio.checked) setUi(code); });
    label.appendChild(radio);
    label.appendChild(mk('span', null, NATIVE[code], code));
    $.chips.appendChild(label);
    [$.lang, $.consult].forEach(function (select) {
      if (select === $.consult && code === 'ko') return;
      var option = mk('option', null, NATIVE[code], code);
      option.value = code;
      select.appendChild(option);
    });
  });
  $.composer.addEventListener('submit', function (ev) { ev.preventDefault(); submit(); });
  $.input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) { ev.preventDefault(); submit(); }
  });
  $.input.addEventListener('input', onInput);
  $.input.addEventListener('paste', function (ev) {
    var files = ev.clipboardData && ev.clipboardData.files;
    if (!files || !files.length) return;
    ev.preventDefault();
    attach(files);
  });
  $.attach.addEventListener('click', function () { $.file.click(); });
  $.file.addEventListener('change', function () {
    attach($.file.files);
    $.file.value = ''; // the same file can be chosen again
    $.input.focus();
  });
  // A file dropped anywhere on the chat is sent; the browser must not open it in place of the chat.
  function dragsFiles(ev) { return ev.dataTransfer && Array.prototype.indexOf.call(ev.dataTransfer.types || [], 'Files') >= 0; }
  document.addEventListener('dragover', function (ev) {
    if (!dragsFiles(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = ended ? 'none' : 'copy';
    $.app.classList.toggle('dropping', !ended);
  });
  document.addEventListener('dragleave', function (ev) {
    if (!ev.relatedTarget || !document.documentElement.contains(ev.relatedTarget)) $.app.classList.remove('dropping');
  });
  document.addEventListener('drop', function (ev) {
    $.app.classList.remove('dropping');
    if (!dragsFiles(ev)) return;
    ev.preventDefault();
    attach(ev.dataTransfer.files);
  });
  $['viewer-close'].addEventListener('click', function () { $.viewer.close(); });
  $['viewer-save'].addEventListener('click', function () { if (viewing) download(viewing); });
  $.viewer.addEventListener('click', function (ev) { if (ev.target === $.viewer) $.viewer.close(); }); // the backdrop
  $.viewer.addEventListener('close', closedViewer);
  $.input.addEventListener('blur', stopTyping);
  $.lang.addEventListener('change', function () { setUi($.lang.value); requestLanguage($.lang.value); });
  $.consult.addEventListener('change', function () { consultLang = $.consult.value; save(); });
  function showMenu(on) {
    $.menu.hidden = !on;
    $.more.setAttribute('aria-expanded', String(on));
  }
  $.more.addEventListener('click', function () {
    showMenu($.menu.hidden);
    if (!$.menu.hidden) $.lang.focus();
  });
  $.menu.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Escape') return;
    ev.stopPropagation();
    showMenu(false);
    $.more.focus();
  });
  document.addEventListener('pointerdown', function (ev) {
    if (!$.menu.contains(ev.target) && !$.more.contains(ev.target)) showMenu(false);
  });
  $.end.addEventListener('click', function () { showMenu(false); $.confirm.showModal(); $['confirm-no'].focus(); });
  $['confirm-no'].addEventListener('click', function () { $.confirm.close(); });
  $['confirm-yes'].addEventListener('click', function () {
    $.confirm.close();
    sendFrame({ type: 'end', room_id: room.id });
    $.more.focus();
  });
  $.restart.addEventListener('click', restart);
  $.prechat.addEventListener('submit', function (ev) { ev.preventDefault(); submitPrechat(); });
  $.contact.addEventListener('submit', function (ev) { ev.preventDefault(); submitContact(); });
  if (hostOrigin) {
    $.minimize.hidden = false;
    $.minimize.addEventListener('click', function () { post('close'); });
    document.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape' && !$.confirm.open && !$.viewer.open) post('close');
    });
    window.addEventListener('message', function (ev) {
      var d = ev.data;
      if (ev.source !== window.parent || ev.origin !== hostOrigin || !d || d.ns !== 'medtranslate' || d.type !== 'panel') return;
      panelOpen = !!d.open;
      if (panelOpen && d.focus) $.input.focus();
      maybeRead();
    });
  }
  document.addEventListener('visibilitychange', maybeRead);
  window.addEventListener('offline', function () { showBanner('offline'); drop(); });
  window.addEventListener('online', function () {
    attempt = 0;
    showBanner(room ? 'connecting' : '');
    if (room) connect(); else if (entries.length) createRoom();
  });

  var accent = params.get('accent');
  if (/^#[0-9a-f]{6}$/i.test(accent || '')) {
    var lum = [1, 3, 5].reduce(function (sum, i, k) {
      var c = parseInt(accent.substr(i, 2), 16) / 255;
      return sum + [0.2126, 0.7152, 0.0722][k] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }, 0);
    document.documentElement.style.setProperty('--accent', accent);
    document.documentElement.style.setProperty('--on-accent', lum > 0.4 ? '#111820' : '#fff');
  }

  (saved.outbox || []).forEach(function (o) {
    if (o && typeof o.id === 'string' && typeof o.text === 'string')
      addEntry({ own: true, sender: 'patient', client_msg_id: o.id, text: o.text, created_at: o.ts, state: o.failed ? 'failed' : 'pending', attempts: 0 });
  });
  entries.forEach(place);
  if (!room) loadDesk();
  applyLanguage();
  if (room) connect(); else if (entries.some(function (e) { return e.state === 'pending'; })) createRoom();
  post('ready');
})();
