#!/usr/bin/env bash
# Throughput of the service as a city deploys it: N nodes on PostgreSQL and Redis behind nginx (deploy/run-cluster.sh),
# measured through the proxy with wrk — GET /healthz and POST /api/ask (load.lua's rotating questions, seed bank) —
# for each node count in NODES. Talks only to 127.0.0.1.
#
#   benchmarks/load/run-cluster-load.sh                 # NODES="1 2"
#   NODES="1 2 3" DURATION=20s benchmarks/load/run-cluster-load.sh
#
# Environment: NODES ("1 2"), DURATION (15s), THREADS (2), CONNECTIONS (32), PROXY_PORT (8090 + N), SKIP_BUILD=1.
# All nodes share this machine's cores with nginx, PostgreSQL, Redis and wrk: on a small machine more nodes add
# redundancy, not throughput; the figures say how much the cluster's extra hops cost.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPT_DIR="$ROOT/benchmarks/load"
NODES="${NODES:-1 2}"
DURATION="${DURATION:-15s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
BASE_PROXY_PORT="${PROXY_PORT:-8090}"
export GOVASSISTANT_CLUSTER_DIR="${GOVASSISTANT_CLUSTER_DIR:-$(mktemp -d -t govassistant-cluster-load.XXXXXX)}"
export GOVASSISTANT_ADMIN_PASSWORD="${GOVASSISTANT_ADMIN_PASSWORD:-Bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')}"
# Every request comes from 127.0.0.1: per-client limits out of the way, as in run-load.sh.
export RateLimits__Ask__Burst=1000000000 RateLimits__HubCalls__Burst=1000000000

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk (or run benchmarks/load/run-load.sh once)" >&2; exit 2; }
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "== building ChatHub (Release)"
  dotnet build "$ROOT/src/ChatHub" -c Release -nologo -v quiet >/dev/null
fi
export GOVASSISTANT_DLL="$ROOT/src/ChatHub/bin/Release/net10.0/GovAssistant.ChatHub.dll"
trap '"$ROOT/deploy/run-cluster.sh" stop >/dev/null 2>&1 || true' EXIT

summaries=()
for n in $NODES; do
  echo "== $n node(s) behind nginx"
  # Ports of their own each round: the previous round's processes may still be letting theirs go.
  export PROXY_PORT=$((BASE_PROXY_PORT + n)) NODE_PORT=$((5110 + 10 * n)) PG_PORT=$((55440 + n)) REDIS_PORT=$((56380 + n))
  URL="http://127.0.0.1:$PROXY_PORT"
  "$ROOT/deploy/run-cluster.sh" start --nodes "$n"
  # Warm every node's JIT and index (nginx spreads /api/ask over them).
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$SCRIPT_DIR/load.lua" "$URL/api/ask" >/dev/null
  for path in /healthz /api/ask; do
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT_DIR/load.lua" "$URL$path")"
    summaries+=("$n node(s): $(grep '^SUMMARY' <<<"$out")")
  done
  "$ROOT/deploy/run-cluster.sh" stop >/dev/null
  for _ in $(seq 1 50); do [ -f "$GOVASSISTANT_CLUSTER_DIR/nginx/nginx.pid" ] || break; sleep 0.2; done
done

echo
echo "== summary ($(nproc) cores shared by nodes, nginx, PostgreSQL, Redis and wrk; load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${summaries[@]}"
