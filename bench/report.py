#!/usr/bin/env python3
"""Turns bench/run's measurements into the table it prints, a JSON file and a markdown summary.

usage: report.py RESULTS.jsonl SCALE BACKEND OUT_PREFIX COMMAND
"""
import json
import platform
import sys
from datetime import datetime, timezone

results_file, scale, backend, out, command = sys.argv[1:6]
rows = [json.loads(line) for line in open(results_file) if line.strip()]


def find(scenario, size=scale):
    for r in rows:
        if r["scenario"] == scenario and r["size"] == size:
            return r["data"]
    return None


def verdict(ok):
    return "met" if ok else "MISSED"


table = []  # scenario, measure, result, baseline, target, verdict
note = find("case_note")
base = find("case_note_baseline")
if note and base:
    # Against sqlite3 committing one row at a time, group commit must win 3×; against pgbench's
    # one-row inserts on the same PostgreSQL server, a case note (an audited, chained journal
    # item in a serializable transaction) must reach half its rate.
    need = 0.5 if base["tool"] == "pgbench" else 3
    ratio = note["per_second"] / base["per_second"]
    table.append(("record a case note, 64 clients", "entries/s",
                  f"{note['per_second']:.0f} (p99 {note['p99_ms']:.1f} ms, {note['bad_status']} errors)",
                  f"{base['tool']}: {base['per_second']:.0f}/s", f"≥ {need:g}× baseline", f"{ratio:.2f}× {verdict(ratio >= need)}"))
summary = find("summary")
nginx = find("summary_baseline")
if summary and nginx:
    ratio = summary["per_second"] / nginx["per_second"]
    ok = ratio >= 0.5 and summary["p99_ms"] < 10
    table.append(("open a record summary, 64 connections", "requests/s",
                  f"{summary['per_second']:.0f} (p99 {summary['p99_ms']:.1f} ms, {summary['bad_status']} errors)",
                  f"nginx: {nginx['per_second']:.0f}/s", "≥ 0.5× nginx, p99 < 10 ms", f"{ratio:.2f}× {verdict(ok)}"))
pg = find("summary_pgbench")
if summary and pg:
    ratio = summary["per_second"] / pg["per_second"]
    table.append(("open a record summary vs pgbench select", "requests/s", f"{summary['per_second']:.0f}",
                  f"pgbench: {pg['per_second']:.0f}/s", "≥ 0.5× pgbench", f"{ratio:.2f}× {verdict(ratio >= 0.5)}"))
for scenario, label, target in (("search", "search persons by name", 20), ("chronology", "the longest chronology (whole) as JSON", 50),
                                ("overdue_clocks", "overdue clocks, whole service", 100)):
    d = find(scenario)
    if d:
        size = f", {d['bytes'] / max(d['requests'], 1) / 1024:.0f} KiB each" if scenario == "chronology" else ""
        table.append((label, "p99 latency", f"{d['p99_ms']:.1f} ms (p50 {d['p50_ms']:.1f}, {d['per_second']:.0f}/s{size}, "
                      f"{d['bad_status']} errors)", "", f"< {target} ms", verdict(d["p99_ms"] < target and d["bad_status"] == 0)))
imp = find("bulk_import")
if imp:
    how = "casework demo --scale into SQLite, then casework migrate" if "copy_seconds" in imp else "casework demo --scale"
    table.append((f"bulk import ({how})", "journal items/s",
                  f"{imp['per_second']} ({imp['items']} in {imp['seconds']} s; {imp['per_cpu_second']} per CPU-second)",
                  "", "≥ 100,000", verdict(imp["per_second"] >= 100000)))
mem = find("server_memory")
if mem:
    mib = mem["peak_rss_kib"] / 1024
    table.append(("server memory while serving", "peak RSS", f"{mib:.0f} MiB", "", "< 256 MiB", verdict(mib < 256)))

growth = []
sizes = [s for s in ("tiny", "small", "council", "national") if find("search", s)]
for scenario in ("search", "chronology", "overdue_clocks"):
    cells = [f"{find(scenario, s)['p50_ms']:.1f} / {find(scenario, s)['p99_ms']:.1f}" for s in sizes if find(scenario, s)]
    if cells:
        growth.append((scenario, cells))

headers = ("scenario", "measure", "Casework", "baseline (same run)", "target", "result")
widths = [max(len(str(r[i])) for r in table + [headers]) for i in range(6)]
lines = [" | ".join(str(h).ljust(widths[i]) for i, h in enumerate(headers)), "-+-".join("-" * w for w in widths)]
lines += [" | ".join(str(c).ljust(widths[i]) for i, c in enumerate(r)) for r in table]
print("\n".join(lines))
if growth:
    print("\nGrowth, p50 / p99 ms at " + ", ".join(sizes) + ":")
    for scenario, cells in growth:
        print(f"  {scenario}: " + "  |  ".join(cells))

meta = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "scale": scale, "backend": backend,
        "command": command, "machine": {"cpus": __import__("os").cpu_count(), "platform": platform.platform(),
                                        "load_average": list(__import__("os").getloadavg())}}
with open(out + ".json", "w") as f:
    json.dump({**meta, "measurements": rows, "table": [dict(zip(headers, r)) for r in table]}, f, indent=2)
with open(out + ".md", "w") as f:
    loads = [r["load_average"] for r in rows if "load_average" in r]
    during = f", {min(loads):.1f} to {max(loads):.1f} while the scenarios ran" if loads else ""
    f.write(f"# Benchmarks: {scale} scale, {backend}\n\n{meta['date']}, `{command}`, {meta['machine']['cpus']} cores, "
            f"load average {meta['machine']['load_average'][0]:.1f} at the end{during}.\n\n")
    f.write("| " + " | ".join(headers) + " |\n|" + "---|" * 6 + "\n")
    for r in table:
        f.write("| " + " | ".join(str(c) for c in r) + " |\n")
    if growth:
        f.write(f"\nGrowth (p50 / p99 ms) at {', '.join(sizes)}:\n\n")
        for scenario, cells in growth:
            f.write(f"- {scenario}: " + " | ".join(cells) + "\n")
print(f"\nWrote {out}.json and {out}.md")
