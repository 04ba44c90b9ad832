# Sourced by the load scripts: starts the service in Release on $URL in its own process group and waits for
# /healthz. Usage: start_service <folder for server.log and healthz.json>. Sets SERVER_PID and started_ms.
start_service() {
  local dir="$1"
  # Throughput runs send everything from 127.0.0.1: per-client limits out of the way (run-flood.sh keeps them).
  if [[ "${KEEP_RATE_LIMITS:-0}" != "1" ]]; then
    export RateLimits__Ask__Burst="${RateLimits__Ask__Burst:-1000000000}"
    export RateLimits__HubCalls__Burst="${RateLimits__HubCalls__Burst:-1000000000}"
    export RateLimits__StaffHubCalls__Burst="${RateLimits__StaffHubCalls__Burst:-1000000000}"
    export RateLimits__DirectLine__Burst="${RateLimits__DirectLine__Burst:-1000000000}"
  fi
  echo "== starting the service on $URL"
  setsid dotnet run --project "$ROOT/src/ChatHub" -c Release --no-build --urls "$URL" >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  started_ms=$(date +%s%3N)
  until curl -fsS "$URL/healthz" >"$dir/healthz.json" 2>/dev/null; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "The service stopped before answering /healthz:" >&2; tail -n 30 "$dir/server.log" >&2; exit 1
    fi
    if (( $(date +%s%3N) - started_ms > 180000 )); then
      echo "No answer on $URL/healthz after 180 s:" >&2; tail -n 30 "$dir/server.log" >&2; exit 1
    fi
    sleep 0.5
  done
}

# Stops the service started by start_service: its whole process group (`dotnet run` and the app), nothing else.
stop_service() {
  if [[ -n "${SERVER_PID:-}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# Fills the array `banks` with the seed bank and, unless BANK=seed, the evaluation banks under $EVAL_DIR
# (which are read in place, never copied into the repository).
collect_banks() {
  banks=("$ROOT/data/faq/bank")
  [[ "$BANK" == "seed" ]] && return
  for f in lcqmc-dev/bank.jsonl ncp-policies/bank.jsonl; do
    if [[ ! -f "$EVAL_DIR/$f" ]]; then
      echo "Eval data not found: $EVAL_DIR/$f" >&2
      echo "Set GOVASSISTANT_EVAL_DIR to the folder holding lcqmc-dev/ and ncp-policies/, or run with BANK=seed." >&2
      exit 2
    fi
    banks+=("$EVAL_DIR/$f")
  done
}
