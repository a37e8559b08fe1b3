#!/usr/bin/env bash
# side-by-side.sh URL_A [URL_B ...]
#
# For each URL: fetch its HTML once (plain GET, no Accept-Encoding, no redirects
# followed: the same request wrk makes), save the bytes as a static file, serve all
# copies from one separate nginx on 127.0.0.1:${STATIC_PORT:-18082}, then run
#   wrk -t$THREADS -c$CONNS -d$DURATION --latency
# alternately against the static copy and the live URL for $ROUNDS rounds
# (static, live, static, live, ...), after one short unrecorded warm-up of each.
# Prints a table: URL | median req/s live | median req/s static | ratio live/static |
# p99 live ms (median of the rounds' p99s) | p99 static ms | bytes | notes.
#
# Static nginx: worker_processes auto, sendfile on, tcp_nopush on, access_log off,
# gzip OFF, keepalive_requests 100000, open_file_cache off (nginx default); each copy
# is served with the live response's Content-Type. wrk sends no Accept-Encoding, so
# neither side compresses.  wrk runs on the same machine as both servers (it takes
# CPU from them alike), so trust the ratio, not the absolute numbers.
#
# Env: STATIC_PORT (18082) THREADS (2) CONNS (32) DURATION (5s) ROUNDS (3)
#      WARMUP (1s; 0 to skip) STATIC_WORKERS (auto) SETTLE (5: max seconds to wait
#      for >= 90 % idle CPU before each measured run) KEEP (1: keep the work dir with
#      the raw wrk outputs; 0: delete it)
#
# A copy, unchanged but for this note, of the team's shared tool
# tools/side-by-side.sh from the workspace this project was built in, kept here
# so make bench runs where that workspace is not; internal/pagecheck/bench.sh
# drives it.
set -euo pipefail

STATIC_PORT=${STATIC_PORT:-18082}
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-5s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-1s}
STATIC_WORKERS=${STATIC_WORKERS:-auto}
KEEP=${KEEP:-1}

log() { printf '[side-by-side] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[ $# -ge 1 ] || { sed -n '2,22p' "$0" >&2; exit 2; }

# ---------------------------------------------------------------- tools
missing=()
for t in wrk:wrk nginx:nginx curl:curl; do
  command -v "${t%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${t%%:*}" ] || missing+=("${t#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]} and not root"
  log "installing ${missing[*]}"
  ai() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2; }
  ai "${missing[@]}" || { apt-get update -q >&2; ai "${missing[@]}"; }
fi
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)

# ---------------------------------------------------------------- work dir + copies
WORK=$(mktemp -d /tmp/side-by-side.XXXXXX)
chmod 755 "$WORK"; mkdir -p "$WORK/www" "$WORK/tmp" "$WORK/wrk"
NGINX_PID=
cleanup() {
  if [ -n "$NGINX_PID" ] && [ -e "/proc/$NGINX_PID" ]; then
    kill -TERM "$NGINX_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -e "/proc/$NGINX_PID" ] || break; sleep 0.1; done
  fi
  if [ "$KEEP" = 1 ]; then log "raw wrk output kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

declare -a URLS CT BYTES NOTE
i=0
locs=""
for url in "$@"; do
  i=$((i+1))
  f="$WORK/www/$i.html"
  meta=$(curl -sS -o "$f" -w '%{http_code}\t%{content_type}\t%{size_download}' --max-time 30 "$url") \
    || die "fetch failed: $url"
  code=${meta%%$'\t'*}; rest=${meta#*$'\t'}; ct=${rest%%$'\t'*}; size=${rest#*$'\t'}
  URLS[$i]=$url; BYTES[$i]=$size; NOTE[$i]=""
  [ "$code" = 200 ] || { NOTE[$i]="live HTTP $code"; log "warning: $url answered HTTP $code (copied as is)"; }
  ct=$(printf '%s' "${ct:-text/html}" | tr -d '"\\')
  CT[$i]=$ct
  chmod 644 "$f"
  locs+="        location = /$i.html { types { } default_type \"$ct\"; }"$'\n'
  log "copied $url -> $i.html ($size bytes, $ct)"
done

# ---------------------------------------------------------------- static nginx
cat > "$WORK/nginx.conf" <<EOF
worker_processes $STATIC_WORKERS;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    access_log off;
    gzip off;
    server_tokens off;
    client_body_temp_path $WORK/tmp/body;
    fastcgi_temp_path     $WORK/tmp/fastcgi;
    proxy_temp_path       $WORK/tmp/proxy;
    uwsgi_temp_path       $WORK/tmp/uwsgi;
    scgi_temp_path        $WORK/tmp/scgi;
    server {
        listen 127.0.0.1:$STATIC_PORT;
        root $WORK/www;
$locs        location / { return 404; }
    }
}
EOF
if ss -Hltn "sport = :$STATIC_PORT" 2>/dev/null | grep -q .; then
  die "127.0.0.1:$STATIC_PORT already in use (set STATIC_PORT)"
fi
"$NGINX_BIN" -p "$WORK/" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" </dev/null >/dev/null 2>&1 \
  || { cat "$WORK/nginx-error.log" >&2; die "static nginx failed to start"; }
for _ in $(seq 1 50); do [ -s "$WORK/nginx.pid" ] && break; sleep 0.1; done
NGINX_PID=$(tr -dc 0-9 < "$WORK/nginx.pid")
log "static nginx pid $NGINX_PID on 127.0.0.1:$STATIC_PORT (sendfile on, gzip off, access_log off)"

for ((k=1; k<=i; k++)); do
  curl -sS -o "$WORK/check.html" "http://127.0.0.1:$STATIC_PORT/$k.html"
  cmp -s "$WORK/check.html" "$WORK/www/$k.html" || die "static copy $k.html not served byte-identical"
done

# ---------------------------------------------------------------- wrk helpers
# run_wrk URL OUTFILE DURATION -> prints "req_per_s p99_ms errors"
run_wrk() {
  wrk -t"$THREADS" -c"$CONNS" -d"$3" --latency "$1" > "$2" 2>&1 || true
  awk '
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
                  m = (u == "us") ? v/1000 : (u == "ms") ? v : (u == "s") ? v*1000 : (u == "m") ? v*60000 : -1
                  p99 = m }
    /Non-2xx or 3xx responses:/ { err += $NF }
    /Socket errors:/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
    END { if (rps == "") rps = 0; if (p99 == "") p99 = -1; printf "%s %s %d\n", rps, p99, err }' "$2"
}
# settle: before each measured run wait (max $SETTLE s) until the CPUs are >= 90 %
# idle, so work a slow server still has queued from the previous run (e.g. php-fpm
# finishing requests wrk already gave up on) does not bleed into the next run.
settle() {
  local end=$((SECONDS + ${SETTLE:-5})) a b
  while :; do
    read -r -a a < /proc/stat; sleep 0.5; read -r -a b < /proc/stat
    awk -v i1="${a[4]}" -v i2="${b[4]}" -v t1="$(IFS=+; echo "$(( ${a[*]:1} ))")" -v t2="$(IFS=+; echo "$(( ${b[*]:1} ))")" \
      'BEGIN { exit !((t2 - t1) > 0 && (i2 - i1) / (t2 - t1) >= 0.9) }' && return 0
    [ $SECONDS -lt $end ] || { log "note: CPUs still busy after ${SETTLE:-5}s settle"; return 0; }
  done
}
median() { sort -g | awk '{a[NR]=$1} END { if (NR == 0) print 0; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2 }'; }

log "wrk -t$THREADS -c$CONNS -d$DURATION --latency; $ROUNDS rounds static/live alternating; warm-up $WARMUP each; $(nproc) CPUs"
declare -a R_LIVE R_STATIC R_P99L R_P99S R_ERR
for ((k=1; k<=i; k++)); do
  live=${URLS[$k]}; stat="http://127.0.0.1:$STATIC_PORT/$k.html"
  if [ "$WARMUP" != 0 ]; then
    run_wrk "$stat" "$WORK/wrk/$k-warm-static.txt" "$WARMUP" >/dev/null
    run_wrk "$live" "$WORK/wrk/$k-warm-live.txt" "$WARMUP" >/dev/null
  fi
  ls_=""; ll_=""; p99l=""; p99s=""; errs=0
  for ((r=1; r<=ROUNDS; r++)); do
    settle; read -r s_rps s_p99 s_err < <(run_wrk "$stat" "$WORK/wrk/$k-r$r-static.txt" "$DURATION")
    settle; read -r l_rps l_p99 l_err < <(run_wrk "$live" "$WORK/wrk/$k-r$r-live.txt" "$DURATION")
    log "$(printf 'url %d round %d: static %10.1f req/s p99 %8.2f ms | live %10.1f req/s p99 %8.2f ms%s' \
          "$k" "$r" "$s_rps" "$s_p99" "$l_rps" "$l_p99" \
          "$( [ $((s_err + l_err)) -gt 0 ] && echo " | errors static $s_err live $l_err" )")"
    ls_+="$s_rps"$'\n'; ll_+="$l_rps"$'\n'; p99l+="$l_p99"$'\n'; p99s+="$s_p99"$'\n'
    errs=$((errs + l_err + s_err))
  done
  R_STATIC[$k]=$(printf '%s' "$ls_" | median); R_LIVE[$k]=$(printf '%s' "$ll_" | median)
  R_P99L[$k]=$(printf '%s' "$p99l" | median);  R_P99S[$k]=$(printf '%s' "$p99s" | median)
  R_ERR[$k]=$errs
  if [ "$errs" -gt 0 ]; then NOTE[$k]="${NOTE[$k]:+${NOTE[$k]}; }$errs non-2xx/socket errors"; fi
done

# ---------------------------------------------------------------- table
w=3; for ((k=1; k<=i; k++)); do [ ${#URLS[$k]} -gt $w ] && w=${#URLS[$k]}; done
echo "# side-by-side: wrk -t$THREADS -c$CONNS -d$DURATION --latency, median of $ROUNDS rounds (static/live alternating), static = nginx $(${NGINX_BIN} -v 2>&1 | sed 's/.*\///') sendfile on, gzip off, 127.0.0.1:$STATIC_PORT, $(nproc) CPUs, $(date -u +%FT%TZ)"
printf "%-${w}s  %14s  %16s  %17s  %12s  %14s  %8s  %s\n" URL "live req/s" "static req/s" "ratio live/static" "p99 live ms" "p99 static ms" bytes notes
for ((k=1; k<=i; k++)); do
  ratio=$(awk -v a="${R_LIVE[$k]}" -v b="${R_STATIC[$k]}" 'BEGIN { if (b > 0) printf "%.4g", a/b; else print "n/a" }')
  printf "%-${w}s  %14.1f  %16.1f  %17s  %12.2f  %14.2f  %8s  %s\n" "${URLS[$k]}" "${R_LIVE[$k]}" "${R_STATIC[$k]}" \
    "$ratio" "${R_P99L[$k]}" "${R_P99S[$k]}" "${BYTES[$k]}" "${NOTE[$k]:--}"
done
