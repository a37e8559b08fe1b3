#!/usr/bin/env bash
# bench-memory.sh PORTAL_BINARY WORK_DIR
#
# make bench-memory: the portal's peak resident memory under load. Starts
# `portal serve` on a fresh data dir (embedded database, demo content, page
# cache at its default), lists every public page (the sitemap and every
# same-origin link and image on its pages, plus a few searches: whatever answers
# 200), requests them in turn with wrk for DURATION, and samples VmRSS from
# /proc/PID/status every second; VmHWM at the end is the kernel's own peak.
# Only the portal process counts: the embedded PostgreSQL is a separate process
# that production replaces with a managed database. The goal is < 200 MB.
#
# Env: DURATION (10m) THREADS (2) CONNS (32)
set -euo pipefail

[ $# = 2 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
bin=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
DURATION=${DURATION:-10m} THREADS=${THREADS:-2} CONNS=${CONNS:-32}
GOAL_MB=200

log() { printf '[bench-memory] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
command -v wrk >/dev/null || die "wrk is missing (make deps-bench installs it)"

port=
for _ in $(seq 100); do
  p=$((20000 + RANDOM % 40000))
  [ -n "$(ss -Hltn "sport = :$p")" ] || { port=$p; break; }
done
[ -n "$port" ] || die "no free port found"
base="http://127.0.0.1:$port"

rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"
# The request log goes through tail: ten minutes of it would fill the disk.
PORTAL_DATA_DIR="$work/var" PORTAL_ADDR="127.0.0.1:$port" DATABASE_URL= \
  "$bin" serve > >(tail -n 1000 >"$work/portal.log") 2>&1 &
portal=$!
trap 'kill -INT $portal 2>/dev/null; wait $portal 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
for i in $(seq 600); do
  curl -fs -o /dev/null "$base/readyz" && break
  kill -0 "$portal" 2>/dev/null || die "the portal exited (see $work/portal.log)"
  [ "$i" -lt 600 ] || die "the portal was not ready after 120 s"
  sleep 0.2
done
rss() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$portal/status"; } # kB
start_rss=$(rss VmRSS)

# Every public page: the sitemap's, then what they link to and show (without
# #fragments, which wrk would send as part of the query).
curl -fs "$base/sitemap.xml" | grep -o '<loc>[^<]*' | sed "s|^<loc>$base||" >"$work/sitemap.txt"
[ -s "$work/sitemap.txt" ] || die "empty sitemap"
{
  cat "$work/sitemap.txt"
  while read -r p; do
    curl -fs "$base$p" | grep -oE '(href|src)="/[^"]*"' | cut -d'"' -f2 | sed -e 's/&amp;/\&/g' -e 's/#.*//' || true
  done <"$work/sitemap.txt"
  # Searches: 教育 (education), 实验室 (laboratory), 沈阳 (Shenyang), and English ones.
  printf '%s\n' '/zh/search?q=%E6%95%99%E8%82%B2' '/zh/search?q=%E5%AE%9E%E9%AA%8C%E5%AE%A4' \
    '/zh/search?q=%E6%B2%88%E9%98%B3' '/en/search?q=education' '/en/search?q=laboratory+safety'
} | grep -v -E '^/(admin|logout)' | sort -u >"$work/candidates.txt"
: >"$work/paths.txt"
while read -r p; do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$p")" = 200 ]; then echo "$p" >>"$work/paths.txt"; fi
done <"$work/candidates.txt"
log "$(wc -l <"$work/paths.txt") paths answer 200 (of $(wc -l <"$work/candidates.txt") found); load for $DURATION"

# Sample the resident size every second while wrk runs.
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 10s -s "$here/pages.lua" "$base" -- "$work/paths.txt" >"$work/wrk.txt" 2>&1 &
load=$!
peak=0 samples=0
while kill -0 "$load" 2>/dev/null; do
  r=$(rss VmRSS) || break
  [ -n "$r" ] || break
  if [ "$r" -gt "$peak" ]; then peak=$r; fi
  samples=$((samples + 1))
  sleep 1
done
wait "$load" || die "wrk failed: $(cat "$work/wrk.txt")"
kill -0 "$portal" 2>/dev/null || die "the portal died under load (see $work/portal.log)"
hwm=$(rss VmHWM) end_rss=$(rss VmRSS)

read -r reqs rps errs < <(awk '
  /requests in/ { n = $1 } /Requests\/sec:/ { r = $2 }
  /Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 }
  END { printf "%d %s %d\n", n, r, e }' "$work/wrk.txt")
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
printf '\n## make bench-memory: the portal'"'"'s resident memory under load\n\n'
printf '%s, %s CPUs, load average %s; wrk -t%s -c%s -d%s over %s paths: %s requests, %s req/s, %s errors\n\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$THREADS" "$CONNS" "$DURATION" \
  "$(wc -l <"$work/paths.txt")" "$reqs" "$rps" "$errs"
echo '| measure | MB |'
echo '|---|--:|'
echo "| VmRSS when ready | $(mb "$start_rss") |"
echo "| VmRSS peak under load ($samples samples, 1 s apart) | $(mb "$peak") |"
echo "| VmHWM (the kernel's peak, start-up included) | $(mb "$hwm") |"
echo "| VmRSS at the end | $(mb "$end_rss") |"
echo
top=$(( hwm > peak ? hwm : peak ))
if [ "$top" -lt $((GOAL_MB * 1024)) ]; then
  echo "Goal: peak resident size < $GOAL_MB MB: met ($(mb "$top") MB)"
else
  echo "Goal: peak resident size < $GOAL_MB MB: MISSED ($(mb "$top") MB)"
fi
