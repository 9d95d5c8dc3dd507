#!/usr/bin/env bash
# Runs the desk under Xvfb in demo mode at 1280x720 and saves a screenshot, so what a
# receptionist sees can be looked at without a display. Usage: screenshot.sh BINARY OUT.png
# [SCREEN], SCREEN one of inbox (the default), detail, team, dashboard.
set -euo pipefail
bin=${1:?usage: screenshot.sh BINARY OUT.png}
out=${2:?usage: screenshot.sh BINARY OUT.png}
screen=${3:-inbox}
for tool in Xvfb import; do
	command -v "$tool" >/dev/null 2>&1 && continue
	if command -v apt-get >/dev/null 2>&1; then
		sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
		$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq xvfb imagemagick >&2
		break
	fi
	echo "screenshot needs Xvfb and ImageMagick's import" >&2; exit 1
done

display=:$((90 + RANDOM % 9))
home=$(mktemp -d)
size=${SIZE:-1280x720} # SIZE=1440x900 for the wide screen
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
trap 'kill $app $xvfb 2>/dev/null || true; wait 2>/dev/null; rm -rf "$home"' EXIT
sleep 1
# A fresh home so the demo practice is made anew and the picture is the same each time.
TRIAGEDESK_SCREEN=$screen HOME=$home XDG_CACHE_HOME=$home/cache XDG_CONFIG_HOME=$home/config LANG=en_GB.UTF-8 DISPLAY=$display "$bin" >"$home/desk.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do
	sleep 1
	kill -0 "$app" 2>/dev/null || { cat "$home/desk.log" >&2; echo "the desk exited before it was drawn" >&2; exit 1; }
	# The demo practice is built on first start; wait until the window has settled.
	[ -s "$home/cache/triagedesk/demo-cache.db" ] && [ "$(find "$home/cache" -newermt '-3 seconds' | wc -l)" -eq 0 ] && break
done
sleep 2
mkdir -p "$(dirname "$out")"
DISPLAY=$display import -window root "$out"
echo "saved $out"
