#!/usr/bin/env bash
# Runs the same load cases against ngIRCd, InspIRCd and Parley (its IRC and line listeners), one
# fresh server process per run, and writes the side-by-side tables for docs/benchmarks.md.
# Parley runs as the README deploys it: `dotnet publish -c Release` output (ReadyToRun), the
# published parley-server, with the same warm-up as the other servers.
#
#   bench/compare.sh                      # every case, every server, two runs each (~35 min on 2 cores)
#   bench/compare.sh --quick              # smoke run: small cases, short windows, one run
#   bench/compare.sh --case dm --case room16 --servers "ngircd parley-irc" --runs 1
#   bench/compare.sh --servers "parley-irc parley-line" --tag after --out bench/results/after
#   bench/compare.sh --tables bench/results/before bench/results/after   # tables only, from saved runs
#
# Options:
#   --quick               fewer, smaller, shorter cases; one run
#   --case NAME           run only this case (repeatable); --list shows the cases
#   --servers "A B"       subset of: ngircd inspircd parley-irc parley-line
#   --runs N              runs per case and server (default 2; --quick: 1)
#   --duration S          measured window per case in seconds (default 10; --quick: 3)
#   --warmup S            warm-up per case, the same for every server (default 10; --quick: 1)
#   --tag TEXT            label for the Parley columns (e.g. before, after)
#   --parley-dir DIR      Parley checkout to publish and run (default: this repository);
#                         PARLEY_VERSION=text names it in the tables when it is not a git checkout
#   --out DIR             where results, logs and tables go (default bench/results/<UTC time>)
#   --tables DIR...       only (re)write tables.md from the results.jsonl in these folders
#   --list                print the cases and exit
#
# Safety: every server listens on 127.0.0.1 on a free port picked at start (never the README's
# 55555/55556/6667/6697); the script stops only the PIDs it started; the generator refuses any
# non-loopback target and every run has the generator's own hard time limit plus timeout(1).
# Needs root for `apt-get install ngircd inspircd` when they are missing.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
QUICK=0
CASES=()
SERVERS="ngircd inspircd parley-irc parley-line"
RUNS=""
DURATION=""
WARMUP=""
TAG=""
PARLEY_DIR="$REPO"
OUT=""
TABLES_ONLY=()
ALL_CASES="idle5k idle10k dm room16 room64 rate1k rate5k churn storm conn19k"
QUICK_CASES="idle1k dm room16 rate1k churn500 storm500"

die() { echo "compare.sh: $*" >&2; exit 2; }
# --https-port 0 for a Parley that has the HTTPS listener; nothing for an older checkout compared against.
https_off() { "$PARLEY_BIN" --help 2>/dev/null | grep -q -- '--https-port' && echo "--https-port 0"; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

while (($#)); do
  case $1 in
    --quick) QUICK=1 ;;
    --case) shift; CASES+=("${1:?--case needs a name}") ;;
    --servers) shift; SERVERS=${1:?--servers needs a list} ;;
    --runs) shift; RUNS=${1:?--runs needs a number} ;;
    --duration) shift; DURATION=${1:?--duration needs seconds} ;;
    --warmup) shift; WARMUP=${1:?--warmup needs seconds} ;;
    --tag) shift; TAG=${1:?--tag needs a text} ;;
    --parley-dir) shift; PARLEY_DIR=$(cd "${1:?--parley-dir needs a folder}" && pwd) || die "no folder $1" ;;
    --out) shift; OUT=${1:?--out needs a folder} ;;
    --tables) shift; while (($#)) && [[ $1 != --* ]]; do TABLES_ONLY+=("$1"); shift; done; continue ;;
    --list) echo "cases: $ALL_CASES"; echo "quick: $QUICK_CASES"; exit 0 ;;
    -h|--help) sed -n '2,32p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

command -v python3 >/dev/null 2>&1 || NEED_PY=1
if ((${#TABLES_ONLY[@]})); then
  python3 "$HERE/compare_tables.py" "${TABLES_ONLY[@]}"
  exit $?
fi

if ((QUICK)); then
  RUNS=${RUNS:-1}; DURATION=${DURATION:-3}; WARMUP=${WARMUP:-1}
  ((${#CASES[@]})) || read -r -a CASES <<<"$QUICK_CASES"
else
  RUNS=${RUNS:-2}; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-10}
  ((${#CASES[@]})) || read -r -a CASES <<<"$ALL_CASES"
fi
for s in $SERVERS; do
  [[ " ngircd inspircd parley-irc parley-line " == *" $s "* ]] || die "unknown server $s"
done

OUT=${OUT:-$REPO/bench/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT/logs" "$OUT/runs" || die "cannot create $OUT"
OUT=$(cd "$OUT" && pwd)
RESULTS="$OUT/results.jsonl"

# ---------------------------------------------------------------- cases
# Every case's generator arguments, the same for every server. The connect rate is paced because
# ngIRCd listens with a backlog of 10: an unpaced burst overflows its accept queue.
PACE="--connect-rate 1000 --connect-window 20000"
case_args() {
  local d="--duration $DURATION --warmup $WARMUP"
  case $1 in
    idle1k)   echo "--workload idle --clients 1000 $PACE --hold 2" ;;
    idle5k)   echo "--workload idle --clients 5000 $PACE --hold 5" ;;
    idle10k)  echo "--workload idle --clients 10000 $PACE --hold 5" ;;
    conn19k)  echo "--workload idle --clients 19000 $PACE --hold 5 --connect-timeout 90" ;;
    dm)       echo "--workload dm --clients 100 --rate 0 --window 16 $d $PACE" ;;
    room16)   echo "--workload room --clients 100 --senders 10 --rate 0 --window 16 $d $PACE" ;;
    room64)   echo "--workload room --clients 100 --senders 10 --rate 0 --window 64 $d $PACE" ;;
    rate1k)   echo "--workload dm --clients 1000 --rate 1 $d $PACE" ;;
    rate5k)   echo "--workload dm --clients 5000 --rate 1 $d $PACE" ;;
    churn)    echo "--workload churn --clients 2000 $d $PACE --connect-timeout 60" ;;
    churn500) echo "--workload churn --clients 500 $d $PACE --connect-timeout 60" ;;
    storm)    echo "--workload storm --clients 5000 $d $PACE --connect-timeout 60" ;;
    storm500) echo "--workload storm --clients 500 $d $PACE --connect-timeout 60" ;;
    *) return 1 ;;
  esac
}
for c in "${CASES[@]}"; do case_args "$c" >/dev/null || die "unknown case $c (see --list)"; done

# A case a server is not run on, with the reason written into the tables.
skip_reason() { # server case
  if [[ $1 == parley-line && $2 == conn19k && -z ${PARLEY_LINE_19K:-} ]]; then
    echo "line protocol: every registration is announced to every user, n^2/2 = 180M lines at 19,000; set PARLEY_LINE_19K=1 to run it"
  fi
}

# ---------------------------------------------------------------- install, build, limits
missing=()
command -v ngircd >/dev/null 2>&1 || [[ " $SERVERS " != *" ngircd "* ]] || missing+=(ngircd)
command -v inspircd >/dev/null 2>&1 || [[ " $SERVERS " != *" inspircd "* ]] || missing+=(inspircd)
[[ -z ${NEED_PY:-} ]] || missing+=(python3)
if ((${#missing[@]})); then
  log "installing ${missing[*]} from Debian"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -q >"$OUT/logs/apt.log" 2>&1 || die "apt-get update failed, see $OUT/logs/apt.log"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >>"$OUT/logs/apt.log" 2>&1 \
    || die "apt-get install ${missing[*]} failed, see $OUT/logs/apt.log"
fi
command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found"

# The generator opens up to 19,000 sockets and so does the server: raise the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "open files limit: $(ulimit -n)"

log "building the generator and publishing Parley (Release)"
dotnet build "$REPO/bench/Parley.LoadGen" -c Release -nologo -v q >"$OUT/logs/build-loadgen.log" 2>&1 \
  || die "generator build failed, see $OUT/logs/build-loadgen.log"
LOADGEN="$REPO/bench/Parley.LoadGen/bin/Release/net10.0/parley-loadgen.dll"
PARLEY_BIN=""
if [[ " $SERVERS " == *" parley-"* ]]; then
  # Parley as the README deploys it: `dotnet publish -c Release` (ReadyToRun images where the
  # server project asks for them), then the published parley-server, not `dotnet build` output.
  PARLEY_PUB="$OUT/parley-published"
  dotnet publish "$PARLEY_DIR/src/Parley.Server" -c Release -o "$PARLEY_PUB" -nologo -v q >"$OUT/logs/publish-parley.log" 2>&1 \
    || die "Parley publish failed, see $OUT/logs/publish-parley.log"
  PARLEY_BIN="$PARLEY_PUB/parley-server"
  [[ -x $PARLEY_BIN ]] || die "$PARLEY_BIN not found after the publish"
fi

# ---------------------------------------------------------------- configs
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

write_ngircd_conf() { # port
  mkdir -p "$OUT/ngircd.conf.d"
  cat >"$OUT/ngircd.conf" <<EOF
# Benchmark instance: 127.0.0.1 only, no connection caps, no flood penalties.
[Global]
	Name = bench.ngircd.local
	Info = Parley compare.sh benchmark peer
	Listen = 127.0.0.1
	Ports = $1
	MotdPhrase = bench
	PidFile = $OUT/ngircd.pid
	AdminInfo1 = bench
	AdminInfo2 = localhost
	AdminEMail = root@localhost
[Limits]
	MaxConnections = 0
	MaxConnectionsIP = 0
	MaxJoins = 0
	MaxNickLength = 16
	# 0 lifts the per-command penalty (ngIRCd otherwise delays a client 1 s whenever more
	# than 3 commands wait in its read buffer): flood control off, as for the other servers.
	MaxPenaltyTime = 0
	MaxListSize = 100
	PingTimeout = 600
	PongTimeout = 120
	ConnectRetry = 60
	IdleTimeout = 0
[Options]
	PAM = no
	IncludeDir = $OUT/ngircd.conf.d
	DNS = no
	Ident = no
	ConnectIPv6 = no
	ConnectIPv4 = yes
	MorePrivacy = no
	NoticeBeforeRegistration = no
	RequireAuthPing = no
EOF
}

write_inspircd_conf() { # port
  cat >"$OUT/inspircd.conf" <<EOF
# Benchmark instance: 127.0.0.1 only, connection caps at the fd limit, flood limits lifted.
<server name="bench.inspircd.local" description="Parley compare.sh benchmark peer" network="Bench">
<admin name="bench" nick="bench" email="root@localhost">
<bind address="127.0.0.1" port="$1" type="clients">
<connect name="bench" allow="127.0.0.1" timeout="60" pingfreq="600"
         recvq="1048576" softsendq="1048576" hardsendq="16777216"
         threshold="2000000" commandrate="100000000" fakelag="no"
         localmax="20000" globalmax="20000" limit="20000" maxchans="20"
         maxconnwarn="no" resolvehostnames="no" useident="no">
<performance softlimit="19900" somaxconn="4096" limitsomaxconn="no" netbuffersize="65536" quietbursts="yes" clonesonconnect="no">
<channels users="20" opers="60">
<dns server="127.0.0.1" timeout="1">
<pid file="$OUT/inspircd.pid">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="$OUT/logs/inspircd-main.log">
<options prefixquit="Quit: " syntaxhints="no" announcets="no" hostintopic="no" pingwarning="15">
<security hideserver="" userstats="Pu" customversion="" flatlinks="no" hidesplits="no" hideulines="no" hidebans="no" maxtargets="20">
<whowas groupsize="10" maxgroups="100000" maxkeep="3d">
EOF
}

# ---------------------------------------------------------------- servers
SERVER_PID=""
SERVER_PORT=""
SERVER_DATA=""
stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  [[ -n $SERVER_DATA ]] && rm -rf "$SERVER_DATA"
  SERVER_PID=""; SERVER_DATA=""
}
trap 'stop_server; exit 130' INT TERM
trap stop_server EXIT

listening() { ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }

start_server() { # name logfile -> SERVER_PID, SERVER_PORT
  local name=$1 logfile=$2
  case $name in
    ngircd)
      SERVER_PORT=$(free_port); write_ngircd_conf "$SERVER_PORT"
      ngircd -n -f "$OUT/ngircd.conf" >"$logfile" 2>&1 &
      SERVER_PID=$! ;;
    inspircd)
      SERVER_PORT=$(free_port); write_inspircd_conf "$SERVER_PORT"
      inspircd --nofork --runasroot --config "$OUT/inspircd.conf" >"$logfile" 2>&1 &
      SERVER_PID=$! ;;
    parley-*)
      SERVER_DATA=$(mktemp -d "$OUT/parley-data.XXXXXX")
      # -1 picks free ports; the TLS and HTTP (metrics) listeners are off. Flood control lifted and a 16 MiB send
      # queue, like the peers' configs (issue 10).
      (cd "$(dirname "$PARLEY_BIN")" && Parley__Limits__Flood__MessagesPerSecond=0 exec "$PARLEY_BIN" \
        --host 127.0.0.1 --port -1 --irc-port -1 --tls-port 0 --ircs-port 0 --http-port 0 $(https_off) --data "$SERVER_DATA" \
        --max-outbound-bytes 16777216 ${PARLEY_EXTRA_ARGS:-}) >"$logfile" 2>&1 &
      SERVER_PID=$!
      local want=line; [[ $name == parley-irc ]] && want=irc
      SERVER_PORT=""
      for _ in $(seq 300); do
        SERVER_PORT=$(grep -o "$want protocol listening on 127.0.0.1:[0-9]*" "$logfile" 2>/dev/null | head -1 | grep -o '[0-9]*$')
        [[ -n $SERVER_PORT ]] && break
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
      done ;;
  esac
  for _ in $(seq 150); do
    [[ -n $SERVER_PORT ]] && listening "$SERVER_PORT" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  log "$name did not start listening; see $logfile"
  stop_server
  return 1
}

server_version() {
  case $1 in
    ngircd) ngircd --version 2>/dev/null | head -1 | sed 's/-.*//' ;;
    inspircd) inspircd --version 2>/dev/null | head -1 ;;
    parley-*) [[ -n ${PARLEY_VERSION:-} ]] && { echo "$PARLEY_VERSION"; return; }
      echo "Parley $(git -C "$PARLEY_DIR" rev-parse --short HEAD 2>/dev/null)$( [[ -n $(git -C "$PARLEY_DIR" status --porcelain -- src 2>/dev/null) ]] && echo '+changes')" ;;
  esac
}

# ---------------------------------------------------------------- meta
python3 - "$OUT/meta.json" "$TAG" "$QUICK" "$RUNS" "$DURATION" "$WARMUP" "$(dotnet --version)" \
  "$(server_version ngircd)" "$(server_version inspircd)" "$(server_version parley-irc)" "${PARLEY_VERSION:-$(git -C "$PARLEY_DIR" log -1 --format='%h %s' 2>/dev/null)}" <<'PY'
import json, os, platform, sys, time
out, tag, quick, runs, dur, warm, dotnet, ng, insp, parley, commit = sys.argv[1:12]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
json.dump({"tag": tag, "quick": quick == "1", "runs": int(runs), "duration_s": float(dur), "warmup_s": float(warm),
           "started_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpu": cpu, "cores": os.cpu_count(),
           "mem_gib": round(mem / 1048576, 1), "kernel": platform.release(), "dotnet": dotnet,
           "ngircd": ng, "inspircd": insp, "parley": parley, "parley_commit": commit,
           "load_start": open("/proc/loadavg").read().split()[:3]}, open(out, "w"))
PY

# ---------------------------------------------------------------- runs
# Several invocations may share one --out folder (e.g. two runs of some cases, one of others).
{ [[ -f $OUT/cases.tsv ]] && cat "$OUT/cases.tsv"
  for c in "${CASES[@]}"; do printf '%s\t%s\n' "$c" "$(case_args "$c")"; done; } | awk -F'\t' '!seen[$1]++' >"$OUT/cases.tsv.new"
mv "$OUT/cases.tsv.new" "$OUT/cases.tsv"
log "cases: ${CASES[*]}; servers: $SERVERS; $RUNS run(s) each; window ${DURATION} s + ${WARMUP} s warm-up; results in $OUT"
: >>"$RESULTS"
for c in "${CASES[@]}"; do
  for rep in $(seq "$RUNS"); do
    for server in $SERVERS; do
      tag="$server-$c-$rep"
      reason=$(skip_reason "$server" "$c")
      if [[ -n $reason ]]; then
        ((rep == 1)) && python3 -c 'import json,sys; print(json.dumps({"server":sys.argv[1],"case":sys.argv[2],"rep":1,"tag":sys.argv[3],"skipped":sys.argv[4]}))' \
          "$server" "$c" "$TAG" "$reason" >>"$RESULTS"
        continue
      fi
      start_server "$server" "$OUT/logs/$tag.server.log" || { log "$tag: skipped, the server did not start"; continue; }
      proto=irc; [[ $server == parley-line ]] && proto=line
      args=$(case_args "$c")
      log "$tag: parley-loadgen --protocol $proto --port $SERVER_PORT $args --server-pid $SERVER_PID"
      # shellcheck disable=SC2086 # args is a word list on purpose
      timeout 900 dotnet "$LOADGEN" --protocol "$proto" --host 127.0.0.1 --port "$SERVER_PORT" $args \
        --server-pid "$SERVER_PID" --label "$tag" >"$OUT/runs/$tag.json" 2>"$OUT/runs/$tag.txt"
      rc=$?
      grep -v '^t=\|^[a-z]*: t=\|started,' "$OUT/runs/$tag.txt" | sed 's/^/    /' >&2
      if tail -n 1 "$OUT/runs/$tag.json" | grep -q '^{'; then
        tail -n 1 "$OUT/runs/$tag.json" | python3 -c 'import json,sys; d=json.load(sys.stdin); d.update(server=sys.argv[1], case=sys.argv[2], rep=int(sys.argv[3]), rc=int(sys.argv[4]), tag=sys.argv[5]); print(json.dumps(d))' \
          "$server" "$c" "$rep" "$rc" "$TAG" >>"$RESULTS"
      else
        log "$tag: no JSON summary (exit $rc)"
        python3 -c 'import json,sys; print(json.dumps({"server":sys.argv[1],"case":sys.argv[2],"rep":int(sys.argv[3]),"rc":int(sys.argv[4]),"tag":sys.argv[5],"failed":True}))' \
          "$server" "$c" "$rep" "$rc" "$TAG" >>"$RESULTS"
      fi
      kill -0 "$SERVER_PID" 2>/dev/null || log "$tag: the server died during the run; see $OUT/logs/$tag.server.log"
      stop_server
      sleep 1 # let the closed sockets settle between runs
    done
  done
done

python3 - "$OUT/meta.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); m["load_end"] = open("/proc/loadavg").read().split()[:3]
json.dump(m, open(sys.argv[1], "w"))
PY
python3 "$HERE/compare_tables.py" "$OUT" >"$OUT/tables.md" && log "tables: $OUT/tables.md"
