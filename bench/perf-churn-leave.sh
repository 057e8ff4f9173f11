#!/usr/bin/env bash
# Samples the server's CPU (perf, cpu-clock: this VM has no hardware counters) during the leave
# phase of the churn case, with JIT code named (perf map, no W^X double mapping), and prints the
# split by library and the top symbols.
#
#   bench/perf-churn-leave.sh PUBLISHED_DIR OUT_DIR
#
# PUBLISHED_DIR holds a `dotnet publish -c Release` parley-server (compare.sh leaves one in
# <out>/parley-published); the generator must be built (compare.sh builds it). Loopback only,
# free ports, the server stopped at the end.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pub=$(cd "${1:?published folder}" && pwd); out=${2:?output folder}
rm -rf "$out"; mkdir -p "$out/data"; out=$(cd "$out" && pwd)
https=""; "$pub/parley-server" --help | grep -q -- --https-port && https="--https-port 0"
(cd "$pub" && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 Parley__Limits__Flood__MessagesPerSecond=0 exec ./parley-server \
  --host 127.0.0.1 --port -1 --irc-port -1 --tls-port 0 --ircs-port 0 --http-port 0 $https --data "$out/data" \
  --max-outbound-bytes 16777216 >"$out/server.log" 2>&1) &
spid=$!
port=""
for _ in $(seq 150); do
  port=$(grep -o "irc protocol listening on 127.0.0.1:[0-9]*" "$out/server.log" 2>/dev/null | head -1 | grep -o '[0-9]*$')
  [[ -n $port ]] && break; sleep 0.2
done
[[ -n $port ]] || { echo "server did not start: $out/server.log" >&2; kill "$spid"; exit 1; }
ulimit -n 20000
timeout 180 dotnet "$HERE/Parley.LoadGen/bin/Release/net10.0/parley-loadgen.dll" --protocol irc --port "$port" --workload churn \
  --clients 2000 --duration 10 --warmup 10 --connect-rate 1000 --connect-window 20000 --connect-timeout 60 --server-pid "$spid" >"$out/loadgen.log" 2>&1 &
lpid=$!
# The leave starts when the 10 s baseline ends; record from its ninth second for 2 s.
for _ in $(seq 900); do grep -q "baseline: t=9 s" "$out/loadgen.log" && break; sleep 0.1; done
perf record -e cpu-clock -F 1999 -g -p "$spid" -o "$out/perf.data" -- sleep 2 >"$out/perf.log" 2>&1
wait "$lpid"
kill "$spid"; wait "$spid" 2>/dev/null
grep -E "leave: neighbour|^ *leave: 10" "$out/loadgen.log"
perf report -i "$out/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep '%' | head -8
perf report -i "$out/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep '%' | grep -v kernel | head -20 | cut -c1-220
