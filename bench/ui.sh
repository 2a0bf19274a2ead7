#!/usr/bin/env bash
# bench/ui.sh: the web UI of netcensus serve over a large store. Touches no
# network but loopback. Nothing here is an assertion: numbers to read.
# Run by hand (chromium installed; as root it runs with --no-sandbox):
#
#   bash bench/ui.sh [--assets 100000] [--runs 21] [--type host-04217] [--browser=false]
#
# A SQLite store in $TMPDIR gets the UI tests' known assets (six daily
# sweeps) and ASSETS synthetic ones; netcensus serve with the UI runs on a
# loopback port and a read-token session signs in. Then:
# 1. the inventory's first page (GET /inventory, 50 rows) RUNS times: the
#    round trip and the server's own time (its Server-Timing header)
#    (target: server time at most 100 ms);
# 2. search as you type: TYPE typed one character at a time, three times,
#    each keystroke the request htmx sends (the results fragment); the
#    round trip of each (target: at most 150 ms);
# 3. DOMContentLoaded of the first page in headless chromium, RUNS loads
#    (target: at most 1 s).
# The load average is printed before and after: quote it with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load before: $(uptime)"
go run ./bench/ui "$@"
echo "load after:  $(uptime)"
