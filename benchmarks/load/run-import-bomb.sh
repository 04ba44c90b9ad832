#!/usr/bin/env bash
# The import limits against decompression bombs: the real service (Release, seed bank) on 127.0.0.1; the admin uploads
# an .xlsx of 4,000,000 rows and one of 400,000 rows; prints time, status, answer size and the service's memory.
#
#   benchmarks/load/run-import-bomb.sh            # ROWS="4000000 400000" PORT=5097 SKIP_BUILD=1 to reuse the build
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPT_DIR="$ROOT/benchmarks/load"
source "$SCRIPT_DIR/service.sh"
PORT="${PORT:-5097}"
URL="http://127.0.0.1:$PORT"
DATA="$(mktemp -d -t govassistant-bomb.XXXXXX)"
SERVER_PID=""
cleanup() { stop_service; rm -rf "$DATA"; }
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "== building ChatHub (Release)"
  dotnet build "$ROOT/src/ChatHub" -c Release -nologo -v quiet >/dev/null
fi
password="Bomb-check-$(date +%s)-Kq"
export KnowledgeBase__DatabasePath="$DATA/govassistant.db" QaEngine__IndexPath="$DATA/index" DOTNET_CLI_TELEMETRY_OPTOUT=1
export GOVASSISTANT_ADMIN_PASSWORD="$password"
start_service "$DATA"
app_pid="$(pgrep -g "$SERVER_PID" -f GovAssistant.ChatHub | grep -vx "$SERVER_PID" | head -n1)"
# shellcheck disable=SC2086
python3 "$SCRIPT_DIR/import_bomb.py" "$URL" "$password" "$app_pid" ${ROWS:-4000000 400000}
