#!/usr/bin/env bash
# Runs the desk under Xvfb in a fresh demo practice and saves a screenshot of one
# screen, so what staff see can be looked at without a display.
# Usage: screenshot.sh BINARY OUT.png [SCREEN], SCREEN one of inbox (the default),
# preview, detail, team, dashboard, emergency. SIZE=1440x900 for the wide screen
# (the default is 1280x720, the smallest the desk is made for).
#
# It waits for the desk itself to say the screen is drawn (TRIAGEDESK_READY), not for a
# number of seconds: building the demo practice takes 20 s on a quiet machine and
# minutes on a loaded one. "emergency" also waits for the demo's first arrival (an
# emergency, sent 8-20 s after the desk starts) to raise the banner.
set -euo pipefail
bin=${1:?usage: screenshot.sh BINARY OUT.png [SCREEN]}
out=${2:?usage: screenshot.sh BINARY OUT.png [SCREEN]}
screen=${3:-inbox}
size=${SIZE:-1280x720}
limit=${WAIT:-900} # seconds before giving up
for tool in Xvfb import; do
	command -v "$tool" >/dev/null 2>&1 && continue
	if command -v apt-get >/dev/null 2>&1; then
		sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
		$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq xvfb imagemagick >&2
		break
	fi
	echo "screenshot needs Xvfb and ImageMagick's import" >&2; exit 1
done

# A display no one else is using.
for n in $(shuf -i 100-199 -n 20); do
	[ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=:$n; break; }
done
home=$(mktemp -d)
ready=$home/ready
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
trap 'kill $app $xvfb 2>/dev/null || true; wait 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
# A fresh home so the demo practice is made anew and the picture is the same each time.
TRIAGEDESK_SCREEN=$screen TRIAGEDESK_READY=$ready TRIAGEDESK_WINDOW=$size \
	HOME=$home XDG_CACHE_HOME=$home/cache XDG_CONFIG_HOME=$home/config LANG=en_GB.UTF-8 DISPLAY=$display \
	"$bin" >"$home/desk.log" 2>&1 &
app=$!
start=$SECONDS
until [ -e "$ready" ]; do
	kill -0 "$app" 2>/dev/null || { cat "$home/desk.log" >&2; echo "the desk exited before it was drawn" >&2; exit 1; }
	if [ $((SECONDS - start)) -ge "$limit" ]; then
		tail -20 "$home/desk.log" >&2
		echo "the desk did not say the $screen screen was drawn within $limit s (WAIT=seconds to wait longer)" >&2
		exit 1
	fi
	sleep 1
done
mkdir -p "$(dirname "$out")"
DISPLAY=$display import -window root "$out"
echo "saved $out ($screen at $size, ready after $((SECONDS - start)) s)"
