#!/usr/bin/env bash
# Per-client rate limiting under a flood: the real service (Release, seed bank, default RateLimits) on 127.0.0.1;
# one client floods POST /api/ask, ten others each ask one question a second; prints the flooder's status counts
# (429s) and the calm clients' p50/p99 latency. Talks only to 127.0.0.1.
#
#   benchmarks/load/run-flood.sh
#
# Environment: PORT (5098), DURATION (40 seconds), FLOOD_THREADS (32), CALM (10), SKIP_BUILD=1 to use the existing Release build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPT_DIR="$ROOT/benchmarks/load"
source "$SCRIPT_DIR/service.sh"
PORT="${PORT:-5098}"
URL="http://127.0.0.1:$PORT"
DATA="$(mktemp -d -t govassistant-flood.XXXXXX)"
SERVER_PID=""
cleanup() { stop_service; rm -rf "$DATA"; }
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "== building ChatHub (Release)"
  dotnet build "$ROOT/src/ChatHub" -c Release -nologo -v quiet >/dev/null
fi
export KnowledgeBase__DatabasePath="$DATA/govassistant.db" QaEngine__IndexPath="$DATA/index" DOTNET_CLI_TELEMETRY_OPTOUT=1
# The limits under test are the defaults in code: this run must not inherit the raised ones of the throughput scripts.
KEEP_RATE_LIMITS=1 start_service "$DATA"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$SCRIPT_DIR/flood_probe.py" "$URL" "${DURATION:-40}" "${FLOOD_THREADS:-32}" 1 "${CALM:-10}"
