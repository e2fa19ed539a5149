#!/usr/bin/env bash
# Holds a mixed read load on the portal for a bounded time (default 120 s) against 127.0.0.1 only: the portal with
# Production settings and the demo data on a throwaway PostgreSQL cluster of its own, public pages, a country office
# and regional staff side by side. Prints requests, errors, latency and memory before and after; exits non-zero
# when any request was answered with anything but 200.
# Usage: scripts/load-test.sh [seconds] [clients]
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/ChampionPortal.Bench -- load --seconds "${1:-120}" --clients "${2:-16}"
