#!/bin/sh
# Installs the build into a temporary prefix and checks that the installed relay serves from
# it alone: the layout is there, /health answers with the glossary loaded, /widget.js and the
# demo page come from share/medtranslate/widget, and without share/medtranslate it refuses to
# start rather than fall back to the sources.
set -eu
cmake=$1
build=$2
work=$(mktemp -d)
relay_pid=
cleanup() {
    [ -n "$relay_pid" ] && kill "$relay_pid" 2>/dev/null && wait "$relay_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/relay.log" ] && cat "$work/relay.log" >&2; exit 1; }

prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" --component relay >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
if [ -f "$build/console/medtranslate-console" ]; then
    "$cmake" --install "$build" --prefix "$prefix" --component console >>"$work/install.log" || fail "install the console"
fi

for f in bin/medtranslate-relay \
         share/medtranslate/resources/glossary/do-not-translate.txt \
         share/medtranslate/resources/phrases/consultation.tsv \
         share/medtranslate/resources/templates/templates.tsv \
         share/medtranslate/widget/widget.js \
         share/medtranslate/widget/chat.html \
         lib/systemd/system/medtranslate-relay.service \
         lib/sysusers.d/medtranslate.conf \
         share/doc/medtranslate/relay.env.example; do
    [ -f "$prefix/$f" ] || fail "missing $f"
done
if [ -f "$build/console/medtranslate-console" ]; then
    for f in bin/medtranslate-console share/applications/medtranslate-console.desktop \
             share/icons/hicolor/scalable/apps/medtranslate-console.svg; do
        [ -f "$prefix/$f" ] || fail "missing $f"
    done
fi
grep -q "^ExecStart=$prefix/bin/medtranslate-relay" "$prefix/lib/systemd/system/medtranslate-relay.service" \
    || fail "unit does not start the installed binary"

# Only the installed layout: no source tree, no resource flags from the caller.
start_relay() {
    env -u MEDTRANSLATE_RESOURCES -u MEDTRANSLATE_WIDGET_DIR -u MEDTRANSLATE_SOURCE_ROOT \
        -u MEDTRANSLATE_CONFIG -u QT_NO_GLIB \
        -u ANTHROPIC_API_KEY -u OPENAI_API_KEY -u DEEPL_API_KEY -u MEDTRANSLATE_PROVIDERS \
        MEDTRANSLATE_NO_SOURCE_TREE=1 \
        "$prefix/bin/medtranslate-relay" --listen 127.0.0.1:0 --db "$work/relay.db" \
        >"$work/relay.log" 2>&1 &
    relay_pid=$!
}

start_relay
url=
for _ in $(seq 100); do
    url=$(sed -n 's/.*listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/relay.log")
    [ -n "$url" ] && break
    kill -0 "$relay_pid" 2>/dev/null || fail "the installed relay exited"
    sleep 0.1
done
[ -n "$url" ] || fail "no banner"

admin=$(sed -n 's/.*operators: *\(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/relay.log")
[ -n "$admin" ] || fail "no operators' address in the banner"
curl -fsS "$url/health" | grep -q '^{"status":"ok"}$' || fail "public /health is not just the status"
health=$(curl -fsS "$admin/health") || fail "/health"
echo "$health" | grep -q '"status":"ok"' || fail "/health: $health"
# "glossary <version> (N terms)": the glossary came from share/medtranslate/resources.
echo "$health" | grep -Eq 'glossary [^ ]+ \([1-9][0-9]* terms\)' || fail "glossary not loaded: $health"
echo "$health" | grep -q '"event_loop":"QEventDispatcherUNIX"' || fail "event loop: $health"
curl -fsS "$url/widget.js" -o "$work/widget.js" || fail "/widget.js"
cmp -s "$work/widget.js" "$prefix/share/medtranslate/widget/widget.js" || fail "/widget.js is not the installed file"
curl -fsS "$url/demo" -o /dev/null || fail "/demo"
kill "$relay_pid"
wait "$relay_pid" || fail "the relay did not stop cleanly"
relay_pid=

# Without the installed data it must not find the sources instead.
mv "$prefix/share/medtranslate" "$prefix/share/medtranslate.away"
start_relay
status=0
wait "$relay_pid" || status=$?
relay_pid=
[ "$status" -ne 0 ] || fail "the relay started without share/medtranslate"
grep -q "share/medtranslate" "$work/relay.log" || fail "the error does not name the missing folder"
echo "ok: installed relay serves $url from $prefix"
