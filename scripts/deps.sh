#!/usr/bin/env bash
# Installs what `make run` or `make test` needs and is missing: a C compiler (SQLite and
# the race detector use cgo), for the tests Chromium (the patient pages are tested in a
# real headless browser, web/browser_test.go) and, to open a window, the OpenGL and X11 headers Fyne
# builds against, and ALSA's headers for the emergency alarm. On Debian and Ubuntu it installs them with apt-get; elsewhere it says
# what to install and stops.
set -euo pipefail
need=${1:-test}

missing=()
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
if [ "$need" = test ]; then
	# Debian's package is chromium; the browser tests drive /usr/bin/chromium.
	command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi
if [ "$need" = run ]; then
	command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
	for pc in gl x11 xrandr xcursor xinerama xi xxf86vm; do
		if ! pkg-config --exists "$pc" 2>/dev/null; then
			missing+=(libgl1-mesa-dev xorg-dev)
			break
		fi
	done
	# The emergency alarm plays through ALSA (oto); tests build without it (-tags ci).
	pkg-config --exists alsa 2>/dev/null || missing+=(libasound2-dev)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	echo "Installing ${missing[*]} with apt-get…" >&2
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $(printf '%s\n' "${missing[@]}" | sort -u) >&2
	exit 0
fi

cat >&2 <<MSG
Triage Desk needs ${missing[*]}, and this is not a Debian or Ubuntu machine. Install:
  Fedora:  sudo dnf install gcc chromium pkgconf-pkg-config mesa-libGL-devel libXcursor-devel libXrandr-devel libXinerama-devel libXi-devel libXxf86vm-devel alsa-lib-devel
  macOS:   xcode-select --install (and Chromium, or set CHROMIUM to a Chrome binary)
  Windows: a MinGW-w64 gcc (for example MSYS2's mingw-w64-x86_64-gcc) on PATH
then run make again.
MSG
exit 1
