/*! MedTranslate patient chat launcher: <script src="https://RELAY/widget.js" async data-hospital="…" data-lang="vi"
 * data-position="left" data-accent="#0b6b87" data-relay="https://RELAY"></script> (all optional; see widget/README.md).
 * Defines only window.MedTranslateWidget: open(), close(), toggle(), isOpen(). */
(function () {
  'use strict';
  if (window.MedTranslateWidget) return;
  var doc = document;
  var script = doc.currentScript;
  if (!script) {
    var all = doc.querySelectorAll('script[src*="widget.js"]');
    script = all[all.length - 1];
  }
  if (!script) return;
  var data = script.dataset;

  function originOf(url) {
    try {
      var u = new URL(url, location.href);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
    } catch (e) { return null; }
  }
  var relay = originOf(data.relay || script.src);
  if (!relay) return;
  var LANGS = ['en', 'ja', 'zh', 'th', 'vi', 'ko'];
  function pick(v) { v = String(v || '').toLowerCase().slice(0, 2); return LANGS.indexOf(v) >= 0 ? v : ''; }
  var lang = pick(data.lang);
  var ui = lang || pick(navigator.language) || 'en';
  var left = data.position === 'left';
  var accent = /^#([0-9a-f]{6})$/i.test(data.accent || '') ? data.accent : '#0b6b87';
  var hospital = (data.hospital || data.hospitalName || '').slice(0, 80);
  var TEXTS = {
    en: ['Chat with us', 'Close chat', '{n} unread'],
    ja: ['チャットで相談', 'チャットを閉じる', '新着メッセージ {n} 件'],
    zh: ['在线咨询', '关闭聊天', '{n} 条新消息'],
    th: ['แชทกับเรา', 'ปิดแชท', 'ข้อความใหม่ {n} ข้อความ'],
    vi: ['Trò chuyện với chúng tôi', 'Đóng cửa sổ trò chuyện', '{n} tin nhắn mới'],
    ko: ['채팅 상담', '채팅 닫기', '새 메시지 {n}개']
  };
  var TEXT = TEXTS[ui];

  // Readable text on the accent colour (WCAG relative luminance).
  function ink(hex) {
    var l = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2] > 0.4 ? '#111820' : '#ffffff';
  }

  var CSS = ':host{all:initial}' +
    '.w{--a:' + accent + ';--i:' + ink(accent) + ';font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
    '.l{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:60px;height:60px;margin:0;padding:0;border:0;border-radius:50%;' +
    'background:var(--a);color:var(--i);box-shadow:0 6px 24px rgba(16,24,40,.28);cursor:pointer;display:grid;place-items:center;transition:transform .15s}' +
    '.l:hover{transform:scale(1.06)}.l:focus-visible{outline:3px solid #1a5fb4;outline-offset:3px}' +
    '.left .l{right:auto;left:20px}.l svg{width:28px;height:28px;fill:currentColor}' +
    '.b{position:absolute;top:-3px;right:-3px;min-width:22px;height:22px;padding:0 6px;box-sizing:border-box;border:2px solid #fff;border-radius:11px;' +
    'background:#c8102e;color:#fff;font:700 12px/18px system-ui,sans-serif;text-align:center}.b[hidden],.p[hidden]{display:none}' +
    '.p{position:fixed;bottom:92px;right:20px;z-index:2147483000;width:380px;height:640px;max-height:calc(100vh - 116px);overflow:hidden;' +
    'border-radius:16px;background:#fff;box-shadow:0 12px 48px rgba(16,24,40,.28);opacity:0;transform:translateY(12px);visibility:hidden;' +
    'transition:opacity .18s,transform .18s,visibility 0s .18s}' +
    '.left .p{right:auto;left:20px}.open .p{opacity:1;transform:none;visibility:visible;transition:opacity .18s,transform .18s}' +
    '.p iframe{display:block;width:100%;height:100%;border:0}' +
    '@media (max-width:480px){.p,.left .p{inset:0;width:100%;height:100%;max-height:none;border-radius:0}.open .l{display:none}}' +
    '@media (prefers-reduced-motion:reduce){.l,.p,.open .p{transition:none}}';

  var SVG = 'http://www.w3.org/2000/svg';
  function icon(d) {
    var s = doc.createElementNS(SVG, 'svg');
    s.setAttribute('viewBox', '0 0 24 24');
    s.setAttribute('aria-hidden', 'true');
    var p = doc.createElementNS(SVG, 'path');
    p.setAttribute('d', d);
    s.appendChild(p);
    return s;
  }
  var CHAT = 'M12 3C6.5 3 2 6.9 2 11.7c0 2.5 1.2 4.7 3.2 6.3L4.4 22l4.6-2.5c1 .3 2 .4 3 .4 5.5 0 10-3.9 10-8.7S17.5 3 12 3zm-1 4h2v3h3v2h-3v3h-2v-3H8v-2h3z';
  var CLOSE = 'M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7 4.3 4.3l6.3 6.3 6.3-6.3z';

  var host = doc.createElement('medtranslate-widget');
  host.style.setProperty('all', 'initial', 'important');
  var root = host.attachShadow({ mode: 'open' });
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && 'replaceSync' in CSSStyleSheet.prototype) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS); // constructed sheets work under a strict style-src
    root.adoptedStyleSheets = [sheet];
  } else {
    var style = doc.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }
  var wrap = doc.createElement('div');
  wrap.className = 'w' + (left ? ' left' : '');
  var panel = doc.createElement('div');
  panel.className = 'p';
  panel.id = 'medtranslate-panel';
  panel.hidden = true;
  var button = doc.createElement('button');
  button.type = 'button';
  button.className = 'l';
  button.setAttribute('aria-controls', panel.id);
  button.setAttribute('aria-expanded', 'false');
  var badge = doc.createElement('span');
  badge.className = 'b';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  wrap.appendChild(panel);
  wrap.appendChild(button);
  root.appendChild(wrap);

  var frame = null, open = false, unread = 0, closeTimer = null;
  var finePointer = !!(window.matchMedia && window.matchMedia('(pointer: fine)').matches);

  function label() {
    button.textContent = '';
    button.appendChild(icon(open ? CLOSE : CHAT));
    button.appendChild(badge);
    var text = open ? TEXT[1] : TEXT[0];
    if (!open && unread) text += ' (' + TEXT[2].replace('{n}', unread) + ')';
    badge.hidden = open || !unread;
    button.setAttribute('aria-label', text);
    button.title = text;
  }

  function tell(extra) {
    if (!frame || !frame.contentWindow) return;
    var msg = { ns: 'medtranslate', type: 'panel', open: open };
    if (extra) msg.focus = true;
    frame.contentWindow.postMessage(msg, relay);
  }

  function ensureFrame() {
    if (frame) return;
    var q = new URLSearchParams({ embed: '1', host: location.origin, accent: accent });
    if (lang) q.set('lang', lang);
    if (hospital) q.set('hospital', hospital);
    frame = doc.createElement('iframe');
    frame.src = relay + '/chat?' + q.toString();
    frame.title = hospital ? TEXT[0] + ' – ' + hospital : TEXT[0];
    frame.setAttribute('referrerpolicy', 'no-referrer');
    panel.appendChild(frame);
  }

  function setOpen(value, fromInside) {
    if (value === open) return;
    open = value;
    ensureFrame();
    clearTimeout(closeTimer);
    if (open) {
      panel.hidden = false;
      void panel.offsetWidth; // start the transition from the closed state
      wrap.classList.add('open');
      frame.focus();
      tell(finePointer);
    } else {
      wrap.classList.remove('open');
      closeTimer = setTimeout(function () { panel.hidden = true; }, 200);
      tell(false);
      if (fromInside) button.focus();
    }
    button.setAttribute('aria-expanded', String(open));
    label();
  }

  button.addEventListener('click', function () { setOpen(!open); });
  wrap.addEventListener('keydown', function (e) { if (e.key === 'Escape' && open) setOpen(false, true); });
  window.addEventListener('message', function (e) {
    if (!frame || e.source !== frame.contentWindow || e.origin !== relay) return;
    var d = e.data;
    if (!d || d.ns !== 'medtranslate') return;
    if (d.type === 'ready') tell(open && finePointer);
    else if (d.type === 'close') setOpen(false, true);
    else if (d.type === 'lang' && TEXTS.hasOwnProperty(d.lang)) {
      TEXT = TEXTS[d.lang]; // the patient's choice inside the chat names the launcher too
      frame.title = hospital ? TEXT[0] + ' – ' + hospital : TEXT[0];
      label();
    }
    else if (d.type === 'unread' && typeof d.count === 'number') {
      var count = Math.max(0, Math.min(99, Math.floor(d.count))) || 0;
      if (count === unread) return;
      unread = count;
      badge.textContent = String(unread);
      label();
    }
  });

  function mount() {
    (doc.body || doc.documentElement).appendChild(host);
    label();
    // Load the chat quietly once the page is idle, so the badge can show replies to an open consultation.
    setTimeout(ensureFrame, 1500);
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', mount);
  else mount();

  window.MedTranslateWidget = Object.freeze({
    open: function () { setOpen(true); },
    close: function () { setOpen(false); },
    toggle: function () { setOpen(!open); },
    isOpen: function () { return open; }
  });
})();
