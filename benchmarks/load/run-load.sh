#!/usr/bin/env bash
# Throughput of the real service under wrk: GET /healthz (the host's floor) and POST /api/ask (the engine behind
# the HTTP stack), on the same server, one after the other. Talks only to 127.0.0.1.
#
#   benchmarks/load/run-load.sh             # bank = lcqmc-dev + ncp-policies + seed (needs the eval data)
#   BANK=seed benchmarks/load/run-load.sh   # seed bank only (352 entries), no eval data needed
#
# Environment: GOVASSISTANT_EVAL_DIR (default ../shared/eval beside the repository), PORT (5099),
# DURATION (15s), THREADS (2), CONNECTIONS (32), ROUNDS (5 paired windows), WARMUP (20 s per endpoint), SKIP_BUILD=1 to run the existing Release build as it is.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPT_DIR="$ROOT/benchmarks/load"
source "$SCRIPT_DIR/service.sh"
EVAL_DIR="${GOVASSISTANT_EVAL_DIR:-$ROOT/../shared/eval}"
BANK="${BANK:-eval}"
PORT="${PORT:-5099}"
URL="http://127.0.0.1:$PORT"
DURATION="${DURATION:-15s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"

DATA="$(mktemp -d -t govassistant-load.XXXXXX)"
SERVER_PID=""

cleanup() { stop_service; rm -rf "$DATA"; }
trap cleanup EXIT

collect_banks

if ! command -v wrk >/dev/null; then
  echo "== installing wrk"
  SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get install -y wrk >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi

if [[ "${SKIP_BUILD:-0}" == "1" ]]; then
  echo "== SKIP_BUILD=1: using the existing Release build of ChatHub"
else
  echo "== building ChatHub (Release)"
  if ! build_log="$(dotnet build "$ROOT/src/ChatHub" -c Release -nologo -v quiet 2>&1)"; then
    echo "$build_log" | tail -n 30 >&2; exit 1
  fi
fi

export KnowledgeBase__DatabasePath="$DATA/govassistant.db"
export QaEngine__IndexPath="$DATA/index"
export DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "== importing ${#banks[@]} bank source(s) into $DATA"
for bank in "${banks[@]}"; do
  dotnet run --project "$ROOT/src/ChatHub" -c Release --no-build -- import "$bank" --publish --by 压测脚本
done

start_service "$DATA"
# The imports publish at once (--publish): a plain import makes drafts for review, and the service would answer from
# the seed bank alone.
entries="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["entries"])' "$DATA/healthz.json")"
if [[ "$BANK" != "seed" && "$entries" -lt 10000 ]]; then
  echo "Only $entries entries are answered from; the evaluation banks were not published." >&2; exit 1
fi
ready_ms=$(( $(date +%s%3N) - started_ms ))
echo "== ready after $((ready_ms / 1000)).$(( ready_ms % 1000 / 100 )) s (dotnet run start-up, publish of the bank): $(cat "$DATA/healthz.json")"
echo "== sample answer: $(curl -fsS -H 'Content-Type: application/json' -d '{"question":"居住证怎么办理？"}' "$URL/api/ask" | head -c 160)…"

# Warm both endpoints before measuring: tiered compilation and the GC's adaptation to the load take tens of seconds
# (/healthz measured after 3 s of warm-up ran at 16k req/s, after 30 s at 39k; /api/ask at 1.0k and 2.6k).
echo "== warming up: ${WARMUP:-20}s /api/ask, ${WARMUP:-20}s /healthz"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-20}s" -s "$SCRIPT_DIR/load.lua" "$URL/api/ask" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-20}s" -s "$SCRIPT_DIR/load.lua" "$URL/healthz" >/dev/null

summaries=()
for path in /healthz /api/ask; do
  echo
  echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $URL$path"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT_DIR/load.lua" "$URL$path")"
  echo "$out"
  summaries+=("$(grep '^SUMMARY' <<<"$out")")
done

# The two figures above come from two different 15-s windows; on a shared machine the host's speed drifts between them.
# Paired windows cancel the drift: ROUNDS × (3 s /healthz, 3 s
# /api/ask) back to back, each pair's ratio, and their median.
echo
echo "== paired: ${ROUNDS:-5} × (3 s /healthz, 3 s /api/ask)"
ratios=()
for _ in $(seq 1 "${ROUNDS:-5}"); do
  h="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$SCRIPT_DIR/load.lua" "$URL/healthz" | sed -n 's/^SUMMARY .* rps=\([0-9]*\) .*/\1/p')"
  a="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$SCRIPT_DIR/load.lua" "$URL/api/ask" | sed -n 's/^SUMMARY .* rps=\([0-9]*\) .*/\1/p')"
  ratios+=("$(awk -v a="$a" -v h="$h" 'BEGIN { printf "%.4f", a / h }')")
  echo "   /healthz $h req/s, /api/ask $a req/s, ratio ${ratios[-1]}"
done
median="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
summaries+=("SUMMARY paired ratio /api/ask ÷ /healthz: median $median of ${ratios[*]}")

# One connection, one request at a time: the HTTP round trip of a single question on an otherwise idle server.
echo
echo "== wrk -t1 -c1 -d5s --latency $URL/api/ask (sequential)"
out="$(wrk -t1 -c1 -d5s --latency -s "$SCRIPT_DIR/load.lua" "$URL/api/ask")"
summaries+=("$(grep '^SUMMARY' <<<"$out" | sed 's/^SUMMARY /SUMMARY (1 connection) /')")
grep -A4 'Latency Distribution' <<<"$out"

echo
echo "== server memory: $(ps -o rss= -p "$(pgrep -g "$SERVER_PID" -f GovAssistant.ChatHub | head -n1)" 2>/dev/null | awk '{printf "%.0f MB RSS", $1/1024}')"
echo "== summary ($(nproc) cores; wrk shares them with the server)"
printf '%s\n' "${summaries[@]}"
