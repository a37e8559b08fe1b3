#!/usr/bin/env bash
# bench.sh PORTAL_BINARY RATELOAD_BINARY WORK_DIR
#
# make bench's HTTP half: the public pages beside nginx serving the same bytes.
# Starts `portal serve` on a fresh data dir (embedded database, demo content),
# runs side-by-side.sh over the pages with the page cache on (the default), again
# after a restart with PORTAL_PAGE_CACHE_MB=0, then sends the article page half
# of its cached peak rate with rateload (open loop, like wrk2) for its p99, and
# prints one markdown table with the goals:
#   cache on:  portal >= 0.8 x nginx req/s on every page
#   cache off: portal >= 0.25 x nginx req/s on every page
#   article at half the cached peak: p99 <= 5 ms
# wrk, both servers and rateload share this machine's CPUs: trust the ratios,
# not the absolute numbers, and expect noise when other work runs.
#
# Env: side-by-side.sh's (THREADS CONNS DURATION ROUNDS WARMUP SETTLE ...) pass
# through; KEEP (0: delete side-by-side's raw wrk outputs); P99_DURATION (10s).
set -euo pipefail

[ $# = 3 ] || { sed -n '2,17p' "$0" >&2; exit 2; }
bin=$1 rateload=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
export KEEP=${KEEP:-0}

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# A port nothing listens on (a race with another process is possible but rare).
free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    [ -n "$(ss -Hltn "sport = :$p")" ] || { echo "$p"; return; }
  done
  die "no free port found"
}

rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"
port=$(free_port)
base="http://127.0.0.1:$port"
portal=

# start_portal CACHE_MB: serve the data dir (created on the first start) and
# wait until the database answers.
start_portal() {
  log "starting the portal on $base with PORTAL_PAGE_CACHE_MB=$1"
  # The request log goes through tail: a run logs hundreds of thousands.
  PORTAL_PAGE_CACHE_MB=$1 PORTAL_DATA_DIR="$work/var" PORTAL_ADDR="127.0.0.1:$port" DATABASE_URL= \
    "$bin" serve > >(tail -n 1000 >"$work/portal-cache-$1.log") 2>&1 &
  portal=$!
  for _ in $(seq 600); do
    curl -fs -o /dev/null "$base/readyz" && return
    kill -0 "$portal" 2>/dev/null || die "the portal exited (see $work/portal-cache-$1.log)"
    sleep 0.2
  done
  die "the portal was not ready after 120 s"
}
# stop_portal: a graceful stop, which also stops the embedded database, so
# the next start can take its data dir.
stop_portal() {
  [ -n "$portal" ] || return 0
  kill -INT "$portal" 2>/dev/null || true
  wait "$portal" 2>/dev/null || true
  portal=
}
trap stop_portal EXIT
trap 'exit 130' INT TERM

# The pages, by label. The article is the first on the news list; the search
# is for 教育 (education), URL-encoded as wrk and nginx's copy want it.
labels=(home article "news list" exhibitors charges search)
paths=(/zh/ "" /zh/news/ /zh/exhibitors/ /zh/exhibit/charges "/zh/search?q=%E6%95%99%E8%82%B2")

# side_by_side CACHE: measure every page, add "cache label portal nginx p99 bytes"
# rows (tab-separated) to rows.tsv.
side_by_side() {
  local urls=() p
  for p in "${paths[@]}"; do urls+=("$base$p"); done
  STATIC_PORT=$(free_port) "$here/side-by-side.sh" "${urls[@]}" | tee "$work/side-by-side-$1.txt" >&2
  # Its table, one row per URL in the order given: URL, live req/s, static
  # req/s, ratio, p99 live, p99 static, bytes, notes.
  awk -v cache="$1" -v base="$base" -v labels="$(IFS='|'; echo "${labels[*]}")" '
    BEGIN { split(labels, l, "|") }
    index($1, base) == 1 { k++; print cache "\t" l[k] "\t" $2 "\t" $3 "\t" $5 "\t" $7 }
  ' "$work/side-by-side-$1.txt" >>"$work/rows.tsv"
}

start_portal 64
article=$(curl -fs "$base/zh/news/" | grep -o 'href="/zh/news/[0-9][^"]*"' | awk -F'"' 'NR == 1 { print $2 }')
[ -n "$article" ] || die "no article link on /zh/news/"
paths[1]=$article
log "article: $article"
: >"$work/rows.tsv"
side_by_side on

# p99 at half the peak the cached article page reached: an open-loop load,
# measured from each request's due time (see internal/pagecheck/cmd/rateload).
peak=$(awk -F'\t' '$1 == "on" && $2 == "article" { print $3 }' "$work/rows.tsv")
half=$(awk -v p="$peak" 'BEGIN { printf "%d", p / 2 }')
[ "$half" -gt 0 ] || die "no cached peak for the article page"
log "rateload: $article at $half req/s (half of $peak)"
"$rateload" -rate "$half" -duration "${P99_DURATION:-10s}" "$base$article" | tee "$work/rateload.txt" >&2
read -r half_rate half_p99 half_errors < <(tail -1 "$work/rateload.txt" | tr ' ' '\n' | awk -F= '
  { v[$1] = $2 } END { print v["rate"], v["p99"], v["errors"] }')

stop_portal
start_portal 0
side_by_side off
stop_portal

# ---------------------------------------------------------------- the table
short() { # a path cut to 40 characters for the table
  awk -v p="$1" 'BEGIN { print (length(p) > 40) ? substr(p, 1, 39) "…" : p }'
}
printf '\n## make bench: the portal beside nginx serving the same bytes\n\n'
printf '%s, %s CPUs, load average %s; wrk -t%s -c%s -d%s, median of %s rounds; nginx %s; commit %s\n\n' \
  "$(date -u +%FT%TZ)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${THREADS:-2}" "${CONNS:-32}" \
  "${DURATION:-5s}" "${ROUNDS:-3}" "$(nginx -v 2>&1 | sed 's/.*\///')" \
  "$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo '| page | cache | portal req/s | nginx req/s | ratio | portal p99 ms |'
echo '|---|---|--:|--:|--:|--:|'
for i in "${!labels[@]}"; do
  for cache in on off; do
    awk -F'\t' -v c="$cache" -v l="${labels[$i]}" -v p="$(short "${paths[$i]}")" '
      $1 == c && $2 == l {
        r = ($4 > 0) ? sprintf("%.2f", $3 / $4) : "n/a"
        printf "| %s `%s` %s B | %s | %.0f | %.0f | %s | %.2f |\n", l, p, $6, c, $3, $4, r, $5 }' "$work/rows.tsv"
  done
done
printf '| article at half the cached peak: %s req/s asked, open loop%s | on | %.0f | | | %.2f |\n\n' \
  "$half" "$( [ "${half_errors:-0}" = 0 ] || echo ", $half_errors errors")" "$half_rate" "$half_p99"
echo "The p99 of each page is wrk's at full load (every connection kept busy); the last row's is at a fixed rate, each request timed from when it was due."
echo

# ---------------------------------------------------------------- the goals
goal() { # goal CACHE MIN: the pages whose ratio falls short
  awk -F'\t' -v c="$1" -v min="$2" '
    $1 == c { n++; r = ($4 > 0) ? $3 / $4 : 0; if (r < min) { miss = miss sep $2 " " sprintf("%.2f", r); sep = ", " } }
    END { if (miss == "") printf "met on all %d pages", n; else printf "MISSED on %s", miss }' "$work/rows.tsv"
}
echo "Goals:"
echo "- cache on, portal >= 0.8 x nginx req/s: $(goal on 0.8)"
echo "- cache off, portal >= 0.25 x nginx req/s: $(goal off 0.25)"
echo "- article p99 <= 5 ms at half the cached peak: $(awk -v p="$half_p99" -v e="${half_errors:-0}" '
  BEGIN { printf "%s (%.2f ms%s)", (p != "" && p + 0 <= 5 && e == 0) ? "met" : "MISSED", p, (e > 0) ? ", " e " errors" : "" }')"
