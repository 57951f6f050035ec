#!/usr/bin/env python3
"""Turns PostgreSQL log lines of log_statement = all (one captured GraphQL request) into the input
of Benchmarks/replay/replay.c: every statement with its $N placeholders as run, and the text of its
parameters from the DETAIL line, so that the replayer prepares the statements and executes them
with the same values.

Usage: bench-e2e-replay.py CAPTURED_LOG REPLAY_FILE [READABLE_SQL]

Left out: the logging switch itself (ALTER SYSTEM, pg_reload_conf) and the caller's session and
role lookups (FROM "_Session", the role closure), which DealGraph caches for 5 s and so runs once in
thousands of requests at load. READABLE_SQL gets the statements with their parameters in comments.
"""
import re
import sys

PREFIX = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \S+ \[\d+\] ")
SKIPPED = ("ALTER SYSTEM", "SELECT PG_RELOAD_CONF")
AUTH = ('FROM "_Session"', '"_Join:users:_Role"')

entries = []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if PREFIX.match(line):
        entries.append(PREFIX.sub("", line))
    elif entries:
        entries[-1] += "\n" + line.lstrip("\t")


def literal(text):
    """A value as the log quotes it: '...' with '' for a quote, or NULL."""
    return None if text == "NULL" else text[1:-1].replace("''", "'")


statements, skipped, last = [], [], None
for entry in entries:
    match = re.match(r"LOG:\s+(?:execute [^:]*|statement): (.*)", entry, re.S)
    if match:
        sql = match.group(1).strip()
        if sql.upper().startswith(SKIPPED):
            continue
        last = [sql, {}]
        (skipped if any(marker in sql for marker in AUTH) else statements).append(last)
        continue
    detail = re.match(r"DETAIL:\s+parameters: (.*)", entry, re.S)
    if detail and last:
        for number, value in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", detail.group(1)):
            last[1][int(number)] = literal(value)

if not statements:
    sys.exit("bench-e2e-replay: no statements in " + sys.argv[1])


def field(text):
    data = text.encode("utf-8")
    return b"%d\n%s\n" % (len(data), data)


with open(sys.argv[2], "wb") as out:
    out.write(b"DGREPLAY 1\n%d\n" % len(statements))
    for sql, values in statements:
        used = [int(n) for n in re.findall(r"\$(\d+)", sql)]
        count = max(used + list(values)) if used or values else 0
        out.write(field(sql))
        out.write(b"%d\n" % count)
        for number in range(1, count + 1):
            value = values.get(number)
            out.write(b"-1\n" if value is None else field(value))

if len(sys.argv) > 3:
    with open(sys.argv[3], "w", encoding="utf-8") as readable:
        for sql, values in statements:
            readable.write(sql + ";\n")
            for number in sorted(values):
                readable.write(f"--   ${number} = {values[number]!r}\n")
print(f"{len(statements)} statements ({len(skipped)} session/role lookups left out)")
