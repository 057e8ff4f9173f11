#!/usr/bin/env bash
# 1, 2 and 3 Parley nodes on this machine on one PostgreSQL and one RabbitMQ (docs/benchmarks.md,
# "Cluster: 1, 2 and 3 nodes"): starts its own PostgreSQL and RabbitMQ on free loopback ports (data
# in a temp folder, stopped at the end), then for each node count starts that many parley-server
# processes (Release build) and runs the load generator's room workload with its clients spread
# round-robin over the nodes' IRC ports, sampling the CPU of the nodes, the broker and PostgreSQL
# (all their processes) over the measured window.
#
#   bench/cluster-nodes-bench.sh                       # 1, 2, 3 nodes; 300 clients, 10 senders, 8 s windows
#   bench/cluster-nodes-bench.sh --nodes "3" --clients 600 --duration 10
#
# Options: --nodes "1 2 3", --clients N (300), --senders N (10), --window N (16), --duration S (8),
# --warmup S (2), --out DIR (bench/results/cluster-<UTC time>). As root (PostgreSQL and RabbitMQ run
# as their own users). Every listener is on 127.0.0.1 on a free port; only PIDs it started are stopped.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
NODES="1 2 3"; CLIENTS=300; SENDERS=10; WINDOW=16; DURATION=8; WARMUP=2; OUT=""
die() { echo "cluster-nodes-bench.sh: $*" >&2; exit 2; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
while (($#)); do
  case $1 in
    --nodes) shift; NODES=${1:?} ;;
    --clients) shift; CLIENTS=${1:?} ;;
    --senders) shift; SENDERS=${1:?} ;;
    --window) shift; WINDOW=${1:?} ;;
    --duration) shift; DURATION=${1:?} ;;
    --warmup) shift; WARMUP=${1:?} ;;
    --out) shift; OUT=${1:?} ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done
[[ $(id -u) -eq 0 ]] || die "run as root: PostgreSQL and RabbitMQ are started as their own users"
[[ -x /usr/sbin/rabbitmq-server ]] || die "rabbitmq-server is missing (apt-get install rabbitmq-server)"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $PG_BIN/initdb ]] || die "PostgreSQL's server binaries are missing (apt-get install postgresql)"
OUT=${OUT:-$REPO/bench/results/cluster-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT/logs" || die "cannot create $OUT"
OUT=$(cd "$OUT" && pwd)
RESULTS="$OUT/results.jsonl"
: >"$RESULTS"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

log "building the server and the generator (Release)"
dotnet build "$REPO/src/Parley.Server" -c Release -nologo -v q >"$OUT/logs/build-server.log" 2>&1 || die "server build failed, see $OUT/logs/build-server.log"
dotnet build "$REPO/bench/Parley.LoadGen" -c Release -nologo -v q >"$OUT/logs/build-loadgen.log" 2>&1 || die "generator build failed, see $OUT/logs/build-loadgen.log"
SERVER_DLL="$REPO/src/Parley.Server/bin/Release/net10.0/parley-server.dll"
LOADGEN="$REPO/bench/Parley.LoadGen/bin/Release/net10.0/parley-loadgen.dll"

TMP=$(mktemp -d /tmp/parley-cluster-bench.XXXX)
NODE_PIDS=()
RMQ_NODE="parleyclusterbench$$@localhost"
stop_nodes() {
  for pid in "${NODE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${NODE_PIDS[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  done
  NODE_PIDS=()
}
cleanup() {
  stop_nodes
  rabbitmqctl -n "$RMQ_NODE" stop >/dev/null 2>&1 || true
  epmd -port "${EPMD_PORT:-0}" -kill >/dev/null 2>&1 || true
  runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$TMP/pg" -m fast -w -s >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 755 "$TMP"

# PostgreSQL as the tests run it (PostgresServer): fsync on, synchronous commit.
PG_PORT=$(free_port)
mkdir -p "$TMP/pg" && chown postgres:postgres "$TMP/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$TMP/pg" -U postgres --auth=trust -E UTF8 --locale=C >"$OUT/logs/initdb.log" 2>&1 || die "initdb failed"
touch "$OUT/logs/postgres.log" && chown postgres "$OUT/logs/postgres.log"   # pg_ctl writes it as postgres
runuser -u postgres -- "$PG_BIN/pg_ctl" start -D "$TMP/pg" -w -s -l "$OUT/logs/postgres.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $TMP/pg -c fsync=on -c synchronous_commit=on -c max_connections=400" || die "PostgreSQL did not start"
PG_PID=$(head -1 "$TMP/pg/postmaster.pid")
PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

# RabbitMQ run directly, as docs/cluster.md describes (bench/cluster-bench.sh does the same).
RMQ_PORT=$(free_port); DIST_PORT=$(free_port); EPMD_PORT=$(free_port)
mkdir -p "$TMP/rmq/mnesia" "$TMP/rmq/log"; chown -R rabbitmq:rabbitmq "$TMP/rmq"
export RABBITMQ_NODENAME="$RMQ_NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$RMQ_PORT" RABBITMQ_DIST_PORT="$DIST_PORT" \
  RABBITMQ_MNESIA_BASE="$TMP/rmq/mnesia" RABBITMQ_LOG_BASE="$TMP/rmq/log" ERL_EPMD_PORT="$EPMD_PORT" ERL_EPMD_ADDRESS=127.0.0.1 \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
(cd "$TMP/rmq" && rabbitmq-server >"$OUT/logs/rabbitmq.log" 2>&1 &)
for _ in $(seq 1 120); do grep -q "completed with" "$OUT/logs/rabbitmq.log" 2>/dev/null && break; sleep 0.5; done
RMQ_PID=$(ss -ltnpH "sport = :$RMQ_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[[ -n $RMQ_PID ]] || die "RabbitMQ did not start, see $OUT/logs/rabbitmq.log"
log "PostgreSQL pid $PG_PID on $PG_PORT, RabbitMQ pid $RMQ_PID on $RMQ_PORT"

start_nodes() { # count -> NODE_PIDS, TARGETS
  TARGETS=()
  for i in $(seq 1 "$1"); do
    local port; port=$(free_port)
    mkdir -p "$TMP/node$i"
    # As compare.sh runs Parley: flood control off and a 16 MiB send queue.
    Parley__Storage__Provider=postgres Parley__Storage__Postgres__ConnectionString="$PG_CONN" \
    Parley__Cluster__Provider=rabbitmq Parley__Cluster__RabbitMq__Uri="amqp://guest:guest@127.0.0.1:$RMQ_PORT/" \
    Parley__Cluster__NodeName="bench$i" Parley__Limits__Flood__MessagesPerSecond=0 \
      dotnet "$SERVER_DLL" --host 127.0.0.1 --port 0 --irc-port "$port" --tls-port 0 --ircs-port 0 --http-port 0 --https-port 0 \
      --data "$TMP/node$i" --max-outbound-bytes 16777216 >"$OUT/logs/nodes$1-node$i.log" 2>&1 &
    NODE_PIDS+=($!)
    TARGETS+=(--target "127.0.0.1:$port")
    for _ in $(seq 1 240); do ss -ltnH "sport = :$port" | grep -q . && break; sleep 0.25; done
    ss -ltnH "sport = :$port" | grep -q . || die "node $i did not listen, see $OUT/logs/nodes$1-node$i.log"
  done
}

for n in $NODES; do
  log "$n node(s): $CLIENTS clients in one room, $SENDERS senders, window $WINDOW, ${WARMUP}+${DURATION} s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  start_nodes "$n"
  pids=$(IFS=,; echo "${NODE_PIDS[*]}")
  timeout 600 dotnet "$LOADGEN" --protocol irc --workload room --clients "$CLIENTS" --senders "$SENDERS" --rate 0 --window "$WINDOW" \
    --duration "$DURATION" --warmup "$WARMUP" --connect-rate 1000 --connect-window 200 --quiet --label "nodes=$n" \
    "${TARGETS[@]}" --cpu "parley=$pids" --cpu "broker=$RMQ_PID" --cpu "postgres=$PG_PID" \
    >"$OUT/nodes$n.json" 2>"$OUT/logs/nodes$n-loadgen.log"
  tail -1 "$OUT/nodes$n.json" >>"$RESULTS"
  cat "$OUT/logs/nodes$n-loadgen.log" >&2
  stop_nodes
done

log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$RESULTS" <<'EOF'
import json, sys
print("| nodes | deliveries/s | p50 ms | p99 ms | lost | CPU ms per 1,000 deliveries: Parley | broker | PostgreSQL | total |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for line in open(sys.argv[1]):
    r = json.loads(line)
    p, b, g = (r.get(f"cpu_{k}_ms_per_1k_deliveries", float("nan")) for k in ("parley", "broker", "postgres"))
    print(f"| {r['label'].split('=')[1]} | {r['deliveries_per_s']:,.0f} | {r['lat_p50_ms']:.2f} | {r['lat_p99_ms']:.2f} | {r['lost']} | {p:.1f} | {b:.1f} | {g:.1f} | {p + b + g:.1f} |")
EOF
log "results in $OUT"
