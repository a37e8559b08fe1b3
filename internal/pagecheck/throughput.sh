#!/usr/bin/env bash
# Throughput of the article page, side by side with a reference: nginx
# serving the same HTML bytes as a static file on this machine, with the same
# wrk settings. Absolute numbers from a shared machine mean little; the
# ratio is the figure to watch (the goal is 80 %).
# Usage: throughput.sh PORTAL_BINARY WORK_DIR
set -euo pipefail
bin=$1 work=$2
rm -rf "$work" && mkdir -p "$work/www" && chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pport=$(free_port) nport=$(free_port)

PORTAL_DATA_DIR="$work/var" PORTAL_ADDR="127.0.0.1:$pport" DATABASE_URL= "$bin" serve >"$work/portal.log" 2>&1 &
portal=$!
trap 'kill -INT $portal 2>/dev/null; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$pport/readyz" >/dev/null && break; sleep 0.2; done

article=$(curl -fs "http://127.0.0.1:$pport/zh/news/" | grep -o 'href="/zh/news/[0-9][^"]*"' | head -1 | cut -d'"' -f2)
curl -fs "http://127.0.0.1:$pport$article" -o "$work/www/article.html"

cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx.error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5

rps() { wrk -t2 -c10 -d5s "$1" | awk '/Requests\/sec/ {print $2}'; }
wrk -t2 -c10 -d1s "http://127.0.0.1:$pport$article" >/dev/null # warm up
portal_rps=$(rps "http://127.0.0.1:$pport$article")
nginx_rps=$(rps "http://127.0.0.1:$nport/article.html")
size=$(wc -c <"$work/www/article.html")
printf '\narticle page %s (%d bytes), wrk -t2 -c10 -d5s\n' "$article" "$size"
printf '  %-28s %12s req/s\n' "portal" "$portal_rps" "nginx, same bytes, static" "$nginx_rps"
awk -v p="$portal_rps" -v n="$nginx_rps" 'BEGIN { printf "  portal / nginx               %11.1f %%   (goal: 80 %%)\n", 100 * p / n }'
