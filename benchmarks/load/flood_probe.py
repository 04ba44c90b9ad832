#!/usr/bin/env python3
"""One client floods POST /api/ask while CALM other clients each ask one question every INTERVAL seconds (a
citizen's pace, within the default limit); prints the flooder's status counts and the calm clients' latencies.

All go through loopback, which the service trusts as its proxy by default, so X-Forwarded-For tells it different
citizens (203.0.113.1 floods, 198.51.100.N are the calm ones). Standard library only.

usage: flood_probe.py URL [DURATION_S=40] [FLOOD_THREADS=32] [INTERVAL_S=1] [CALM=10]
"""
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlparse

url = urlparse(sys.argv[1])
duration = float(sys.argv[2]) if len(sys.argv) > 2 else 40.0
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 32
interval = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
calm = int(sys.argv[5]) if len(sys.argv) > 5 else 10
deadline = time.monotonic() + duration
flood_codes = {}
lock = threading.Lock()


def ask(conn, forwarded_for, question):
    body = json.dumps({"question": question}).encode()
    conn.request("POST", "/api/ask", body, {"Content-Type": "application/json", "X-Forwarded-For": forwarded_for})
    response = conn.getresponse()
    response.read()
    return response.status


def flood():
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    while time.monotonic() < deadline:
        try:
            status = ask(conn, "203.0.113.1", "居住证怎么办理？需要带什么材料")
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
            status = "error"
        with lock:
            flood_codes[status] = flood_codes.get(status, 0) + 1


def probe(address, latencies, codes):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    while time.monotonic() < deadline:
        started = time.perf_counter()
        status = ask(conn, address, "身份证丢了在哪里补办")
        with lock:
            latencies.append((time.perf_counter() - started) * 1000)
            codes[status] = codes.get(status, 0) + 1
        time.sleep(interval)


# Warm-up outside the measurement, from addresses of their own: the first answers of a fresh process pay for JIT and
# index warm-up, which would otherwise show as the calm clients' p99 with or without a flood.
warm = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
for i in range(20):
    ask(warm, f"192.0.2.{i + 1}", "身份证丢了在哪里补办")
    time.sleep(0.05)
warm.close()
deadline = time.monotonic() + duration

workers = [threading.Thread(target=flood) for _ in range(threads)]
latencies, probe_codes = [], {}
probers = [threading.Thread(target=probe, args=(f"198.51.100.{i + 1}", latencies, probe_codes)) for i in range(calm)]
for w in workers + probers:
    w.start()
for w in workers + probers:
    w.join()

latencies.sort()
pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print(f"flooding client (203.0.113.1, {threads} connections, {duration:.0f} s): {sum(flood_codes.values())} requests, by status {flood_codes}")
print(f"calm clients ({calm} addresses, one question every {interval:g} s each): {len(latencies)} requests, by status {probe_codes}")
print(f"calm clients' latency: p50 {pick(0.50):.1f} ms, p99 {pick(0.99):.1f} ms, max {latencies[-1]:.1f} ms")
