#!/usr/bin/env bash
# The RabbitMQ routing benchmark (docs/benchmarks.md, "RabbitMQ routing"): starts its own broker on
# free loopback ports (data in a temp folder), runs bench/Parley.Benchmarks.Cluster against it, stops it.
# Usage: bench/cluster-bench.sh [messages=20000] [persistent|transient]   (as root: the broker runs as the rabbitmq user)
# transient: events as before they were made persistent, for the before/after figure.
set -euo pipefail
cd "$(dirname "$0")/.."
messages="${1:-20000}"
mode="${2:-persistent}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); dist=$(free_port); epmd=$(free_port)
node="parleybench$$@localhost"
dir=$(mktemp -d /tmp/parley-rabbitmq-bench.XXXX)
mkdir -p "$dir/mnesia" "$dir/log"; chown -R rabbitmq:rabbitmq "$dir"
export RABBITMQ_NODENAME="$node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT="$dist" \
  RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" ERL_EPMD_PORT="$epmd" ERL_EPMD_ADDRESS=127.0.0.1 \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
stop() { rabbitmqctl -n "$node" stop >/dev/null 2>&1 || true; epmd -port "$epmd" -kill >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT
(cd "$dir" && rabbitmq-server >"$dir/server.out" 2>&1 &)
for _ in $(seq 1 120); do grep -q "completed with" "$dir/server.out" 2>/dev/null && break; sleep 0.5; done
pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
dotnet run -c Release --no-build --project bench/Parley.Benchmarks.Cluster -- "amqp://guest:guest@127.0.0.1:$port/" "$pid" "$messages" "$mode"
