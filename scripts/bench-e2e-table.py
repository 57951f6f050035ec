#!/usr/bin/env python3
"""The end-to-end results table (make bench-e2e): from the key=value lines bench-e2e appends to its
results file, the latest figures per data set, caller and server, as a Markdown table."""
import sys

latest = {}
for line in open(sys.argv[1]):
    fields = dict(part.split("=", 1) for part in line.split()[1:] if "=" in part)
    stamp = line.split()[0]
    key = (int(fields.get("deals", 0)), fields.get("caller", ""), fields.get("server", ""))
    latest[key] = (stamp, fields)

def figure(deals, caller, server, name, form="{}"):
    entry = latest.get((deals, caller, server))
    value = entry[1].get(name) if entry else None
    return "-" if value in (None, "-") else form.format(float(value))

sizes = sorted({deals for deals, _, _ in latest})
print("| deals | caller | DealGraph req/s | p50 / p99 ms | gateway CPU/req | Node.js peer req/s | p50 / p99 ms "
      "| peer CPU/req | ceiling req/s | DealGraph / peer | share of ceiling | unloaded p50 ms |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for deals in sizes:
    callers = sorted({caller for d, caller, server in latest if d == deals and caller and server == "dealgraph"},
                     key=lambda caller: (caller != "admin", caller))
    for caller in callers:
        ratio = latest.get((deals, caller, "ratios"))
        ratios = ratio[1] if ratio else {}
        print(f"| {deals:,} | {caller} "
              f"| {figure(deals, caller, 'dealgraph', 'rps', '{:.0f}')} "
              f"| {figure(deals, caller, 'dealgraph', 'p50_ms', '{:.1f}')} / {figure(deals, caller, 'dealgraph', 'p99_ms', '{:.1f}')} "
              f"| {figure(deals, caller, 'dealgraph', 'gateway_cpu_ms', '{:.2f} ms')} "
              f"| {figure(deals, caller, 'node-peer', 'rps', '{:.0f}')} "
              f"| {figure(deals, caller, 'node-peer', 'p50_ms', '{:.1f}')} / {figure(deals, caller, 'node-peer', 'p99_ms', '{:.1f}')} "
              f"| {figure(deals, caller, 'node-peer', 'gateway_cpu_ms', '{:.2f} ms')} "
              f"| {figure(deals, caller, 'replay', 'rps', '{:.0f}')} "
              f"| {'-' if 'dealgraph_per_peer' not in ratios else format(float(ratios['dealgraph_per_peer']), '.2f') + 'x'} "
              f"| {'-' if 'dealgraph_share_of_ceiling' not in ratios else format(float(ratios['dealgraph_share_of_ceiling']), '.0%')} "
              f"| {figure(deals, caller, 'dealgraph-unloaded', 'p50_ms', '{:.2f}')} |")
rest_rows = sorted({(deals, caller) for deals, caller, server in latest if server == "rest"},
                   key=lambda row: (row[0], row[1] != "admin", row[1]))
if rest_rows:
    print("\nREST against GraphQL on the same page (`GET /parse/classes/Deal?include=contact,company,assignedTo&limit=50`"
          " and the flat GraphQL query of the same shape):\n")
    print("| deals | caller | GraphQL req/s | p50 / p99 ms | gateway CPU/req | REST req/s | p50 / p99 ms "
          "| gateway CPU/req | SQL/req (GraphQL, REST) | REST / GraphQL req/s | REST / GraphQL CPU/req |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for deals, caller in rest_rows:
        ratio = latest.get((deals, caller, "rest-ratios"))
        ratios = ratio[1] if ratio else {}
        print(f"| {deals:,} | {caller} "
              f"| {figure(deals, caller, 'graphql-flat', 'rps', '{:.0f}')} "
              f"| {figure(deals, caller, 'graphql-flat', 'p50_ms', '{:.1f}')} / {figure(deals, caller, 'graphql-flat', 'p99_ms', '{:.1f}')} "
              f"| {figure(deals, caller, 'graphql-flat', 'gateway_cpu_ms', '{:.2f} ms')} "
              f"| {figure(deals, caller, 'rest', 'rps', '{:.0f}')} "
              f"| {figure(deals, caller, 'rest', 'p50_ms', '{:.1f}')} / {figure(deals, caller, 'rest', 'p99_ms', '{:.1f}')} "
              f"| {figure(deals, caller, 'rest', 'gateway_cpu_ms', '{:.2f} ms')} "
              f"| {figure(deals, caller, 'graphql-flat', 'sql_per_request', '{:.2f}')}, {figure(deals, caller, 'rest', 'sql_per_request', '{:.2f}')} "
              f"| {'-' if 'rest_per_graphql_rps' not in ratios else format(float(ratios['rest_per_graphql_rps']), '.2f') + 'x'} "
              f"| {'-' if 'rest_per_graphql_gateway_cpu' not in ratios else format(float(ratios['rest_per_graphql_gateway_cpu']), '.2f') + 'x'} |")
for (deals, caller, server), (stamp, fields) in sorted(latest.items()):
    if server.endswith("-memory"):
        print(f"\nMemory ({server[:-7]}, {deals:,} deals): RSS {fields['rss_idle_mb']} MB idle, "
              f"{fields['rss_peak_mb']} MB at peak under load, {fields['rss_after_mb']} MB after.")
