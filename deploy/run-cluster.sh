#!/usr/bin/env bash
# A GovAssistant cluster on this machine, from Debian packages, on loopback only: a PostgreSQL cluster, Redis, N
# service nodes (default 2) and nginx in front of them (deploy/nginx.conf.template). Prints the proxy's address.
#
#   deploy/run-cluster.sh [start] [--nodes N] [--storage postgres|sqlite]
#   deploy/run-cluster.sh stop
#
# Needs: apt-get install postgresql redis-server nginx (and the .NET 10 SDK). Everything lives in $GOVASSISTANT_CLUSTER_DIR
# (default /tmp/govassistant-cluster): data, logs, pids; `stop` ends what `start` started and keeps the logs.
# Ports (override by environment): PROXY_PORT 8080, NODE_PORT 5101 (then 5102 …), PG_PORT 55432, REDIS_PORT 56379.
# The nodes run the built program (GOVASSISTANT_DLL, else src/ChatHub is built in Release) with the configuration a
# real deployment gives them: Storage__Provider, ConnectionStrings__Postgres, ConnectionStrings__Redis from the
# environment, ForwardedHeaders__KnownProxies__0 = the proxy's address. --storage sqlite makes the nodes share one
# SQLite file instead (a single machine only). Set GOVASSISTANT_ADMIN_PASSWORD to choose the first admin's password.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STATE=${GOVASSISTANT_CLUSTER_DIR:-/tmp/govassistant-cluster}
PROXY_PORT=${PROXY_PORT:-8080}
NODE_PORT=${NODE_PORT:-5101}
PG_PORT=${PG_PORT:-55432}
REDIS_PORT=${REDIS_PORT:-56379}
NODES=2
STORAGE=postgres

die() { echo "run-cluster: $*" >&2; exit 1; }
# The PostgreSQL server refuses to run as root: as root, its commands run as the postgres user.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

wait_for() {  # url, what, log: polls until the url answers 2xx, for at most 120 s
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "--- $3" >&2; tail -n 30 "$3" >&2 || true
  die "$2 did not become ready ($1)"
}

stop() {
  [ -d "$STATE" ] || { echo "nothing running ($STATE does not exist)"; return 0; }
  if [ -f "$STATE/nginx/nginx.pid" ]; then
    nginx -p "$STATE/nginx" -e "$STATE/nginx/error.log" -c "$STATE/nginx/nginx.conf" -s quit 2>/dev/null || true
  fi
  for pidfile in "$STATE"/node*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  if [ -f "$STATE/redis.pid" ]; then kill "$(cat "$STATE/redis.pid")" 2>/dev/null || true; rm -f "$STATE/redis.pid"; fi
  if [ -f "$STATE/pg/data/postmaster.pid" ]; then as_postgres "$(pg_bin)/pg_ctl" -D "$STATE/pg/data" -m fast -w stop >/dev/null || true; fi
  echo "stopped (logs kept in $STATE)"
}

start() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) NODES=$2; shift 2 ;;
      --storage) STORAGE=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ "$NODES" =~ ^[1-9][0-9]?$ ]] || die "--nodes takes 1–99"
  [[ "$STORAGE" == postgres || "$STORAGE" == sqlite ]] || die "--storage is postgres or sqlite"
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || die "nginx is missing: apt-get install nginx"
  export PATH="$PATH:/usr/sbin"
  [ -x /usr/bin/redis-server ] || die "redis-server is missing: apt-get install redis-server"
  [ -n "$(pg_bin)" ] || die "PostgreSQL is missing: apt-get install postgresql"
  [ -f "$STATE/nginx/nginx.pid" ] && die "a cluster is already running in $STATE (run-cluster.sh stop)"

  local dll=${GOVASSISTANT_DLL:-$ROOT/src/ChatHub/bin/Release/net10.0/GovAssistant.ChatHub.dll}
  if [ -z "${GOVASSISTANT_DLL:-}" ]; then dotnet build "$ROOT/src/ChatHub" -c Release -v q --nologo >/dev/null; fi
  [ -f "$dll" ] || die "no built program at $dll"

  # Only a folder this script made is ever emptied.
  if [ -d "$STATE" ] && [ -n "$(ls -A "$STATE")" ] && [ ! -f "$STATE/.govassistant-cluster" ]; then
    die "$STATE exists and is not a cluster folder: choose another GOVASSISTANT_CLUSTER_DIR"
  fi
  rm -rf "$STATE"; mkdir -p "$STATE"/{data,nginx,pg}; touch "$STATE/.govassistant-cluster"
  chmod 0711 "$STATE"   # the postgres user must reach its folder inside

  # PostgreSQL: a cluster of its own, password authentication, loopback only.
  local password; password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$password" > "$STATE/pg/password"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$STATE/pg"
  chmod 0700 "$STATE/pg"
  as_postgres "$(pg_bin)/initdb" -D "$STATE/pg/data" -U govassistant --pwfile="$STATE/pg/password" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$(pg_bin)/pg_ctl" -D "$STATE/pg/data" -l "$STATE/pg/postgres.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $STATE/pg -c max_connections=200" start >/dev/null
  PGPASSWORD=$password "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U govassistant -d postgres -qc 'CREATE DATABASE govassistant;'
  local postgres="Host=127.0.0.1;Port=$PG_PORT;Database=govassistant;Username=govassistant;Password=$password"

  # Redis: no persistence (coordination only), loopback only.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log" --dir "$STATE" >/dev/null
  local redis="127.0.0.1:$REDIS_PORT,abortConnect=false"

  # Nodes, one after the other: the first loads the seed bank and creates the first admin on the empty database.
  local servers=""
  for i in $(seq 1 "$NODES"); do
    local port=$((NODE_PORT + i - 1))
    mkdir -p "$STATE/node$i"
    env ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Storage__Provider="$STORAGE" ConnectionStrings__Postgres="$postgres" ConnectionStrings__Redis="$redis" \
      KnowledgeBase__DatabasePath="$STATE/data/govassistant.db" QaEngine__IndexPath="$STATE/node$i/index" \
      ForwardedHeaders__KnownProxies__0=127.0.0.1 \
      nohup dotnet "$dll" > "$STATE/node$i.log" 2>&1 &
    echo $! > "$STATE/node$i.pid"
    wait_for "http://127.0.0.1:$port/healthz/ready" "node $i" "$STATE/node$i.log"
    servers+="server 127.0.0.1:$port max_fails=1 fail_timeout=10s; "
  done

  sed -e "s|@RUN@|$STATE/nginx|g" -e "s|@LISTEN@|127.0.0.1:$PROXY_PORT|g" -e "s|@NODES@|$servers|g" \
    "$ROOT/deploy/nginx.conf.template" > "$STATE/nginx/nginx.conf"
  nginx -p "$STATE/nginx" -e "$STATE/nginx/error.log" -c "$STATE/nginx/nginx.conf" -t -q
  nginx -p "$STATE/nginx" -e "$STATE/nginx/error.log" -c "$STATE/nginx/nginx.conf"
  wait_for "http://127.0.0.1:$PROXY_PORT/healthz/ready" "nginx" "$STATE/nginx/error.log"

  echo "GovAssistant: $NODES nodes ($STORAGE) behind nginx at http://127.0.0.1:$PROXY_PORT/"
  echo "  nodes: $(seq -s ' ' "$NODE_PORT" $((NODE_PORT + NODES - 1))) · PostgreSQL 127.0.0.1:$PG_PORT · Redis 127.0.0.1:$REDIS_PORT"
  echo "  logs and data: $STATE · stop: deploy/run-cluster.sh stop"
}

case "${1:-start}" in
  start) shift || true; start "$@" ;;
  --*) start "$@" ;;
  stop) stop ;;
  *) die "usage: run-cluster.sh [start] [--nodes N] [--storage postgres|sqlite] | stop" ;;
esac
