#!/usr/bin/env python3
"""Markdown tables from bench/compare.sh runs: every server side by side, ratios to the better peer.

usage: compare_tables.py RUN_DIR [RUN_DIR...]
Each RUN_DIR holds results.jsonl, meta.json and cases.tsv as compare.sh writes them. Columns are
(server, tag); a later folder's Parley columns (e.g. tag "after") sit beside the earlier ones.
Each cell shows every run's value ("a / b"); ratios use the median of the runs.
"""
import json
import os
import statistics
import sys

NAMES = {"ngircd": "ngIRCd", "inspircd": "InspIRCd", "parley-irc": "Parley IRC", "parley-line": "Parley line"}
PEERS = ("ngircd", "inspircd")

CASES = {
    "idle1k": "idle: 1,000 clients arriving at 1,000/s, held",
    "idle5k": "idle: 5,000 clients arriving at 1,000/s, held 5 s",
    "idle10k": "idle: 10,000 clients arriving at 1,000/s, held 5 s",
    "conn19k": "19,000 registered connections (arriving at 1,000/s, held 5 s)",
    "dm": "dm: 100 clients, each with 16 direct messages in flight (no rate limit)",
    "room16": "room: 100 members, 10 senders, 16 in flight each",
    "room64": "room: 100 members, 10 senders, 64 in flight each",
    "rate1k": "dm at human rates: 1,000 clients each sending 1 DM/s",
    "rate5k": "dm at human rates: 5,000 clients each sending 1 DM/s (5,000 msg/s)",
    "churn": "churn: 2,000 users in one room leave at once, then 2,000 arrive (1,000/s) and join; a neighbour outside probes its DM round trip every 10 ms",
    "churn500": "churn: 500 users in one room leave at once, then 500 arrive and join; neighbour probe",
    "storm": "join storm: 5,000 connected users join one room at once; a neighbour outside probes its DM round trip every 10 ms",
    "storm500": "join storm: 500 users join one room at once; neighbour probe",
}

IDLE = [
    ("connected", "registered", "{:,.0f}", "high"),
    ("server_rss_per_conn_kib", "server RSS per connection, KiB", "{:.1f}", "low"),
    ("register_p50_ms", "connect+register p50, ms", "{:.1f}", "low"),
    ("register_p99_ms", "connect+register p99, ms", "{:.0f}", "low"),
    ("server_cpu_ms_per_registration", "server CPU per registration, ms", "{:.3f}", "low"),
    ("server_cpu_connect_s", "server CPU while connecting, s", "{:.2f}", "low"),
    ("open_after_hold", "still open after the hold", "{:,.0f}", None),
    ("connect_failures", "connect failures", "{:,.0f}", None),
]
TRAFFIC = [
    ("deliveries_per_s", "deliveries/s", "{:,.0f}", "high"),
    ("server_cpu_ms_per_1k_deliveries", "server CPU per 1,000 deliveries, ms", "{:.2f}", "low"),
    ("server_cpu_us_per_message", "server CPU per message sent, µs", "{:.1f}", "low"),
    ("lat_p50_ms", "latency p50, ms", "{:.2f}", "low"),
    ("lat_p90_ms", "latency p90, ms", "{:.2f}", "low"),
    ("lat_p99_ms", "latency p99, ms", "{:.2f}", "low"),
    ("lat_p999_ms", "latency p99.9, ms", "{:.1f}", "low"),
    ("lat_max_ms", "latency max, ms", "{:.0f}", "low"),
    ("lost", "lost", "{:,.0f}", None),
    ("duplicated", "duplicated", "{:,.0f}", None),
    ("server_cpu_pct", "server CPU, % of a core", "{:.0f}", None),
    ("generator_cpu_pct", "generator CPU, % of a core", "{:.0f}", None),
    ("machine_busy_pct", "machine busy, % of 200", "{:.0f}", None),
]
CHURN = [
    ("crowd_register_p99_ms", "crowd connect+register p99, ms", "{:.0f}", "low"),
    ("leave_lines", "leave: lines sent to the clients", "{:,.0f}", "low"),
    ("leave_server_cpu_s", "leave: server CPU, s", "{:.2f}", "low"),
    ("leave_probe_max_ms", "leave: neighbour round trip max, ms", "{:.0f}", "low"),
    ("leave_probe_recovery_ms", "leave: until the round trip stays < 10 ms, ms", "{:.0f}", "low"),
    ("arrive_lines", "arrive: lines sent to the clients", "{:,.0f}", "low"),
    ("arrive_server_cpu_s", "arrive: server CPU, s", "{:.2f}", "low"),
    ("arrive_register_p50_ms", "arrive: connect+register p50, ms", "{:.1f}", "low"),
    ("arrive_register_p99_ms", "arrive: connect+register p99, ms", "{:.0f}", "low"),
    ("arrive_action_s", "arrive: all joined after, s", "{:.2f}", "low"),
    ("arrive_probe_max_ms", "arrive: neighbour round trip max, ms", "{:.0f}", "low"),
    ("arrive_probe_recovery_ms", "arrive: until the round trip stays < 10 ms, ms", "{:.0f}", "low"),
    ("baseline_probe_p50_ms", "before: neighbour round trip p50, ms", "{:.2f}", "low"),
]
STORM = [
    ("storm_joined", "joined", "{:,.0f}", "high"),
    ("storm_join_s", "all joined after, s", "{:.2f}", "low"),
    ("storm_lines", "lines sent to the clients", "{:,.0f}", None),
    ("storm_server_cpu_s", "server CPU in the phase, s", "{:.2f}", "low"),
    ("storm_probe_p50_ms", "neighbour round trip p50, ms", "{:.2f}", "low"),
    ("storm_probe_p99_ms", "neighbour round trip p99, ms", "{:.0f}", "low"),
    ("storm_probe_max_ms", "neighbour round trip max, ms", "{:.0f}", "low"),
    ("storm_probe_lost", "neighbour probes lost", "{:,.0f}", None),
    ("storm_probe_recovery_ms", "until the round trip stays < 10 ms, ms", "{:.0f}", "low"),
    ("baseline_probe_p50_ms", "before: neighbour round trip p50, ms", "{:.2f}", "low"),
]


def metrics_for(case):
    if case.startswith(("idle", "conn")):
        return IDLE
    if case.startswith("churn"):
        return CHURN
    if case.startswith("storm"):
        return STORM
    return TRAFFIC


def load(folder):
    rows = [json.loads(l) for l in open(os.path.join(folder, "results.jsonl")) if l.strip()]
    meta_path = os.path.join(folder, "meta.json")
    meta = json.load(open(meta_path)) if os.path.exists(meta_path) else {}
    cases = {}
    tsv = os.path.join(folder, "cases.tsv")
    if os.path.exists(tsv):
        for line in open(tsv):
            name, _, args = line.rstrip("\n").partition("\t")
            cases[name] = args
    return rows, meta, cases


def fmt(value, pattern):
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    try:
        text = pattern.format(value)
    except (ValueError, TypeError):
        return str(value)
    return text


def main(folders):
    columns = []  # (server, tag)
    data = {}  # (case, server, tag) -> list of rows
    notes = {}
    metas = []
    commands = {}
    order = []
    first_seen = {}
    for index, folder in enumerate(folders):
        rows, meta, cases = load(folder)
        metas.append((folder, meta))
        commands.update({k: v for k, v in cases.items() if k not in commands})
        for r in rows:
            # A tag (before, after) names a Parley build; the peers are the same in every run.
            key = (r["server"], r.get("tag", "") if r["server"].startswith("parley") else "")
            if key not in columns:
                columns.append(key)
                first_seen[key] = index
            if r["case"] not in order:
                order.append(r["case"])
            data.setdefault((r["case"],) + key, []).append(r)
    columns.sort(key=lambda k: (k[0].startswith("parley"), first_seen[k], list(NAMES).index(k[0])))

    out = []
    out.append("### Machine, versions, runs\n")
    out.append("| | " + " | ".join(meta.get("tag") or os.path.basename(os.path.normpath(f)) for f, meta in metas) + " |")
    out.append("|---|" + "---|" * len(metas))
    for key, label in [("started_utc", "started"), ("cpu", "CPU"), ("cores", "cores"), ("mem_gib", "memory, GiB"), ("kernel", "kernel"),
                       ("dotnet", ".NET SDK"), ("ngircd", "ngIRCd"), ("inspircd", "InspIRCd"), ("parley_commit", "Parley commit"),
                       ("runs", "runs per case and server"), ("duration_s", "measured window, s"), ("warmup_s", "warm-up, s"),
                       ("load_start", "load average at start"), ("load_end", "load average at end")]:
        cells = []
        for _, meta in metas:
            v = meta.get(key, "-")
            cells.append(" ".join(v) if isinstance(v, list) else str(v))
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out.append("")

    def label(col):
        server, tag = col
        return NAMES.get(server, server) + (f" ({tag})" if tag else "")

    parley_cols = [c for c in columns if c[0].startswith("parley")]
    for case in order:
        out.append(f"### {CASES.get(case, case)}\n")
        if case in commands:
            out.append(f"`parley-loadgen --protocol irc|line --port P --server-pid PID {commands[case]}`\n")
        present = [c for c in columns if (case,) + c in data]
        ratio_cols = [c for c in parley_cols if c in present]
        header = "| | " + " | ".join(label(c) for c in present) + "".join(f" | {label(c)} ÷ better peer" for c in ratio_cols) + " |"
        out.append(header)
        out.append("|---|" + "---:|" * (len(present) + len(ratio_cols)))
        for key, name, pattern, better in metrics_for(case):
            cells, medians = [], {}
            shown = False
            for col in present:
                runs = data[(case,) + col]
                if any("skipped" in r for r in runs):
                    cells.append("not run¹")
                    notes[label(col) + ", " + case] = runs[0]["skipped"]
                    continue
                if all(r.get("failed") for r in runs):
                    cells.append(f"failed (exit {runs[0].get('rc')})")
                    continue
                values = [r.get(key) for r in runs if not r.get("failed")]
                numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
                if numbers:
                    medians[col] = statistics.median(numbers)
                    shown = True
                cells.append(" / ".join(fmt(v, pattern) for v in values))
            if not shown:
                continue
            ratios = []
            peer_values = [medians[c] for c in present if c[0] in PEERS and c in medians]
            for col in ratio_cols:
                if better is None or not peer_values or col not in medians:
                    ratios.append("")
                    continue
                best = max(peer_values) if better == "high" else min(peer_values)
                ratios.append("-" if best == 0 else f"{medians[col] / best:.2f}")
            out.append(f"| {name} | " + " | ".join(cells) + "".join(f" | {r}" for r in ratios) + " |")
        out.append("")
    if notes:
        for where, why in notes.items():
            out.append(f"¹ {where}: {why}.")
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
