#!/usr/bin/env bash
# Vendors the NHS design system's stylesheet into web/static/, keeping only the rules
# the patient pages use. The published nhsuk-frontend.min.css is 277 KB; a phone on a
# poor connection should not fetch every component of the design system to show a form.
#
#   scripts/vendor-css.sh          # needs node and npm; run it when the templates use a
#                                  # new class, or to move to a new nhsuk-frontend
#
# It fetches npm nhsuk-frontend at the pinned version, runs PurgeCSS (pinned too) over
# the stylesheet with web/templates/*.html and web/*.go as the content that uses
# classes, and writes web/static/nhsuk-frontend.min.css. The design system's MIT
# licence stays in web/static/LICENSE. web/css_test.go fails when a template uses a
# class the shipped stylesheet lacks, so a forgotten run is caught by `make test`.
set -euo pipefail

NHSUK_FRONTEND=10.6.1 # keep in step with web.CSSVersion
PURGECSS=8.0.0

root=$(cd "$(dirname "$0")/.." && pwd)
command -v npm >/dev/null 2>&1 || { echo "vendor-css: needs node and npm (Debian: apt-get install npm)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

npm pack --silent "nhsuk-frontend@$NHSUK_FRONTEND" >/dev/null
tar xzf "nhsuk-frontend-$NHSUK_FRONTEND.tgz"
npm install --silent --no-save --no-audit --no-fund "purgecss@$PURGECSS" >/dev/null

# Classes made in Go and put into a template whole ("nhsuk-tag--{{.Tag}}") do not
# appear whole in any file, so their families are kept by pattern.
cat >purgecss.config.cjs <<CONFIG
module.exports = {
  css: ["package/dist/nhsuk/nhsuk-frontend.min.css"],
  content: ["$root/web/templates/*.html", "$root/web/*.go"],
  safelist: { standard: [/^nhsuk-tag--/], greedy: [] },
  fontFace: true,
  keyframes: true,
  variables: true,
};
CONFIG
mkdir out
npx purgecss --config purgecss.config.cjs --output out >/dev/null

before=$(wc -c <package/dist/nhsuk/nhsuk-frontend.min.css)
cp out/nhsuk-frontend.min.css "$root/web/static/nhsuk-frontend.min.css"
after=$(wc -c <"$root/web/static/nhsuk-frontend.min.css")
echo "web/static/nhsuk-frontend.min.css: nhsuk-frontend $NHSUK_FRONTEND purged by PurgeCSS $PURGECSS, $before bytes to $after" >&2
