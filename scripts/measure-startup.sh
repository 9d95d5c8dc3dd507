#!/usr/bin/env bash
# Measures the desk on a big cache: time from process start to the cache's rows on
# screen, and resident memory, under Xvfb at 1280x720. It makes a practice queue with
# REQUESTS requests (100,000 by default), syncs it into a cache with triagectl, stops
# the queue, and starts the desk on the cache (so the figures are the cache's, not the
# network's). Usage: measure-startup.sh [REQUESTS]   (after make build)
set -euo pipefail
n=${1:-100000}
dir=$(mktemp -d)
display=:$((80 + RANDOM % 9))
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null; rm -rf "$dir"' EXIT
bin/queueserver demo --db "$dir/q.db" --requests "$n" >"$dir/users.txt"
token=$(awk '$1 == "demo-reviewer" {print $3}' "$dir/users.txt")
bin/queueserver serve --db "$dir/q.db" --addr 127.0.0.1:18777 >/dev/null 2>&1 &
pids+=($!)
sleep 1
bin/triagectl sync --server http://127.0.0.1:18777 --token "$token" --cache "$dir/cache.db" >/dev/null
kill "${pids[0]}"
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
TRIAGEDESK_TRACE=1 HOME=$dir XDG_CONFIG_HOME=$dir/config LANG=en_GB.UTF-8 DISPLAY=$display \
	bin/triagedesk --server http://127.0.0.1:18777 --token "$token" --cache "$dir/cache.db" 2>"$dir/desk.log" &
desk=$!
pids+=($desk)
sleep 8
grep -a '^triagedesk:' "$dir/desk.log" || { echo "the desk did not report its start-up" >&2; exit 1; }
ps -o rss= -p "$desk" | awk '{printf "resident memory: %.0f MB\n", $1/1024}'
