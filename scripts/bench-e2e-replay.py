#!/usr/bin/env python3
"""Turns PostgreSQL log lines of log_statement = all into a pgbench script: one statement per
entry, its $N parameters inlined as quoted literals (the statements' own casts keep the types)."""
import re
import sys

PREFIX = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \S+ \[\d+\] ")
entries, current = [], None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if PREFIX.match(line):
        current = PREFIX.sub("", line)
        entries.append(current)
    elif entries:
        entries[-1] += "\n" + line.lstrip("\t")

statements, pending = [], None
for entry in entries:
    match = re.match(r"LOG:\s+(?:execute [^:]*|statement): (.*)", entry, re.S)
    if match:
        pending = match.group(1).strip()
        if pending.upper().startswith(("ALTER SYSTEM", "SELECT PG_RELOAD_CONF")):
            pending = None
            continue
        statements.append([pending, {}])
        continue
    detail = re.match(r"DETAIL:\s+parameters: (.*)", entry, re.S)
    if detail and statements:
        values = {}
        for number, value in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", detail.group(1)):
            values[number] = value
        statements[-1][1] = values

for sql, values in statements:
    text = re.sub(r"\$(\d+)", lambda m: values.get(m.group(1), m.group(0)), sql)
    # Values are inlined exactly as the log quotes them ('...' with '' escapes, or NULL).
    print(text.replace("\n", " ") + ";")
