#!/usr/bin/env bash
# Visitor chat under load: ChatLoad opens N SignalR connections to /hubs/visitor (one visitor token and one
# conversation each) and asks questions at a total rate, reporting connections held, questions/s, round trips
# Send → bot answer, and the server's resident memory per connection. Talks only to 127.0.0.1.
#
#   benchmarks/load/run-chat-load.sh                           # RUNS="500:100 2000:250 5000:500", eval bank
#   RUNS="5000:500" BANK=seed benchmarks/load/run-chat-load.sh # one size, seed bank only (no eval data needed)
#
# RUNS is a list of connections:questions-per-second; each run gets a fresh server on a fresh copy of the imported
# database, so the memory baseline of one run is not the leftovers of the previous one.
# Environment: GOVASSISTANT_EVAL_DIR (default ../shared/eval beside the repository), BANK (eval|seed), PORT (5097),
# DURATION (seconds of questioning, 60), BATCH (connections opened at once, 100), SKIP_BUILD=1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/benchmarks/load/service.sh"
EVAL_DIR="${GOVASSISTANT_EVAL_DIR:-$ROOT/../shared/eval}"
BANK="${BANK:-eval}"
PORT="${PORT:-5097}" # not run-load.sh's 5099, so the two can be run by different people at once
URL="http://127.0.0.1:$PORT"
RUNS="${RUNS:-500:100 2000:250 5000:500}"
DURATION="${DURATION:-60}"
BATCH="${BATCH:-100}"

DATA="$(mktemp -d -t govassistant-chatload.XXXXXX)"
SERVER_PID=""

cleanup() { stop_service; rm -rf "$DATA"; }
trap cleanup EXIT

# Every connection is a socket on both sides; the server and the client inherit this limit.
ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "== open files limit: $(ulimit -n)"

collect_banks

if [[ "${SKIP_BUILD:-0}" == "1" ]]; then
  echo "== SKIP_BUILD=1: using the existing Release builds"
else
  echo "== building ChatHub and ChatLoad (Release)"
  for project in src/ChatHub benchmarks/ChatLoad; do
    if ! build_log="$(dotnet build "$ROOT/$project" -c Release -nologo -v quiet 2>&1)"; then
      echo "$build_log" | tail -n 30 >&2; exit 1
    fi
  done
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
# Every connection of the tool is a new visitor from 127.0.0.1: lift the per-address token brake (default 30/min).
export Visitors__IssuePermitsPerMinute=100000

echo "== importing ${#banks[@]} bank source(s) into $DATA/template"
mkdir -p "$DATA/template"
for bank in "${banks[@]}"; do
  KnowledgeBase__DatabasePath="$DATA/template/govassistant.db" QaEngine__IndexPath="$DATA/template/index" \
    dotnet run --project "$ROOT/src/ChatHub" -c Release --no-build -- import "$bank" --publish --by 压测脚本 | tail -n 1
done

summaries=()
run=0
for spec in $RUNS; do
  connections="${spec%%:*}"; rate="${spec##*:}"; run=$((run + 1))
  dir="$DATA/run$run"; mkdir -p "$dir"
  cp "$DATA/template/"govassistant.db* "$dir/"
  export KnowledgeBase__DatabasePath="$dir/govassistant.db" QaEngine__IndexPath="$dir/index"

  echo
  echo "== run $run: $connections connections, $rate questions/s, ${DURATION} s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # Measuring someone else's server would be worse than no figure at all.
  if curl -fsS -o /dev/null "$URL/healthz" 2>/dev/null; then
    echo "Something already answers on $URL: choose another PORT." >&2; exit 1
  fi
  start_service "$dir"
  # The app itself (not `dotnet run`): the process whose memory is measured.
  app_pid="$(pgrep -g "$SERVER_PID" -f GovAssistant.ChatHub | grep -vx "$SERVER_PID" | head -n1 || true)"
  if [[ -z "$app_pid" ]] || ! kill -0 "$app_pid" 2>/dev/null; then
    echo "The service process was not found in process group $SERVER_PID:" >&2; tail -n 30 "$dir/server.log" >&2; exit 1
  fi
  echo "== ready after $(( ($(date +%s%3N) - started_ms) / 1000 )) s: $(cat "$dir/healthz.json"); app pid $app_pid"

  dotnet run --project "$ROOT/benchmarks/ChatLoad" -c Release --no-build -- \
    --url "$URL" --connections "$connections" --rate "$rate" --duration "$DURATION" --batch "$BATCH" \
    --server-pid "$app_pid" | tee "$dir/chatload.txt"
  summaries+=("$(grep '^SUMMARY' "$dir/chatload.txt" || echo "SUMMARY connections=$connections (no summary: see above)")")
  if grep -q -E ' (fail|crit):' "$dir/server.log"; then
    echo "== server errors (first 10):"; grep -E ' (fail|crit):' -A2 "$dir/server.log" | head -n 30
  fi
  stop_service
done

echo
echo "== summary ($(nproc) cores; the client shares them with the server; bank: $BANK)"
printf '%s\n' "${summaries[@]}"
