#!/usr/bin/env python3
"""EXPLAIN (ANALYZE, BUFFERS) of the list paths users ask for, in the SQL shape CRMStore generates,
for the admin and a typical member of a database loaded by `dealgraph seed`.

usage: explain-access-paths.py PSQL_CONNINFO MEMBER [--plans]

Each statement is PREPAREd and EXECUTEd 8 times first (as a pooled connection reuses its prepared
statements, so PostgreSQL may switch to a generic plan), then EXPLAIN ANALYZEd 5 times; the median
execution time is printed, with the plan's access path (--plans prints the whole plan once)."""
import re
import statistics
import subprocess
import sys

ACL = '(t."_rperm" IS NULL OR t."_rperm" && $1::text[])'
DEAL = 't."objectId", t."createdAt", t."updatedAt", t."_rperm", t."title", t."amount", t."stage", t."contact", t."company", t."expectedCloseDate", t."assignedTo"'

def paths(assignee, company_ids, deal_ids):
    # The reverse connections' parents are the caller's own first page (companies by name, the
    # board's deals), as in `companies { deals }` and `deals { activities }`.
    companies = "$2::text[]"
    deals = "$2::text[]"
    return [
        ("board: deals updatedAt DESC", f'SELECT {DEAL} FROM "Deal" t WHERE {ACL} AND TRUE ORDER BY t."updatedAt" DESC, t."objectId" DESC LIMIT 50'),
        ("deals stage=proposal by expectedCloseDate", f'SELECT {DEAL} FROM "Deal" t WHERE {ACL} AND t."stage" = \'proposal\' ORDER BY t."expectedCloseDate" ASC, t."objectId" ASC LIMIT 50'),
        ("deals stage=proposal by updatedAt DESC", f'SELECT {DEAL} FROM "Deal" t WHERE {ACL} AND t."stage" = \'proposal\' ORDER BY t."updatedAt" DESC, t."objectId" DESC LIMIT 50'),
        ("deals by assignee, updatedAt DESC", f'SELECT {DEAL} FROM "Deal" t WHERE {ACL} AND t."assignedTo" = \'{assignee}\' ORDER BY t."updatedAt" DESC, t."objectId" DESC LIMIT 50'),
        ("contacts by name", f'SELECT t."objectId", t."name", t."email", t."company" FROM "Contact" t WHERE {ACL} AND TRUE ORDER BY t."name" ASC, t."objectId" ASC LIMIT 50'),
        ("companies by name", f'SELECT t."objectId", t."name", t."industry" FROM "Company" t WHERE {ACL} AND TRUE ORDER BY t."name" ASC, t."objectId" ASC LIMIT 50'),
        ("activities by dueDate DESC", f'SELECT t."objectId", t."type", t."subject", t."dueDate", t."relatedTo" FROM "Activity" t WHERE {ACL} AND TRUE ORDER BY t."dueDate" DESC, t."objectId" DESC LIMIT 50'),
        ("pipeline summary", f'SELECT t."stage", count(*), COALESCE(sum(t."amount"), 0) FROM "Deal" t WHERE {ACL} AND TRUE GROUP BY 1 ORDER BY 1 NULLS LAST'),
        ("reverse: 50 companies -> 5 deals", f'SELECT p.key, l.* FROM unnest({companies}) AS p(key) CROSS JOIN LATERAL (SELECT {DEAL}, row_number() OVER (ORDER BY t."updatedAt" DESC, t."objectId" DESC) AS "_rn" FROM "Deal" t WHERE t."company" = p.key AND {ACL} AND TRUE ORDER BY t."updatedAt" DESC, t."objectId" DESC LIMIT 5 OFFSET 0) l ORDER BY p.key, l."_rn"'),
        ("reverse: 50 deals -> activities by dueDate", f'SELECT p.key, l.* FROM unnest({deals}) AS p(key) CROSS JOIN LATERAL (SELECT t."objectId", t."subject", t."dueDate", row_number() OVER (ORDER BY t."dueDate" ASC, t."objectId" ASC) AS "_rn" FROM "Activity" t WHERE t."relatedTo" = p.key AND t."_relatedTo_className" = \'Deal\' AND {ACL} AND TRUE ORDER BY t."dueDate" ASC, t."objectId" ASC LIMIT 10 OFFSET 0) l ORDER BY p.key, l."_rn"'),
        ("count deals", f'SELECT count(*) FROM "Deal" t WHERE {ACL} AND TRUE'),
    ]

def psql(conninfo, script):
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", conninfo], input=script,
                          capture_output=True, text=True, check=True).stdout

def principals(conninfo, username):
    uid = psql(conninfo, f"SELECT \"objectId\" FROM \"_User\" WHERE username = '{username}'").strip()
    roles = psql(conninfo, f"""SELECT 'role:' || r.name FROM "_Role" r JOIN "_Join:users:_Role" j ON j."owningId" = r."objectId" WHERE j."relatedId" = '{uid}'""").split()
    return uid, sorted(["*", uid] + roles)

def array(items):
    return "ARRAY[" + ",".join(f"'{p}'" for p in items) + "]::text[]"

def first_page(conninfo, sql, granted):
    return psql(conninfo, f"PREPARE f(text[]) AS {sql};\nEXECUTE f({array(granted)});").split()

def measure(conninfo, sql, granted, parents):
    arguments = array(granted) + (", " + array(parents) if "$2" in sql else "")
    types = "text[], text[]" if "$2" in sql else "text[]"
    script = f"PREPARE q({types}) AS {sql};\n" + f"EXECUTE q({arguments});\n" * 8
    script += f"EXPLAIN (ANALYZE, BUFFERS) EXECUTE q({arguments});\n" * 5
    out = psql(conninfo, script)
    times = [float(m) for m in re.findall(r"Execution Time: ([0-9.]+) ms", out)]
    plan = out.split("Planning")[0]
    nodes = re.findall(r"(Index Only Scan using \S+|Index Scan(?: Backward)? using \S+|Bitmap Index Scan on \S+|Seq Scan on \S+|Sort|BitmapOr|Parallel Seq Scan on \S+)", plan)
    return statistics.median(times), " > ".join(dict.fromkeys(nodes)), plan

def main():
    conninfo, member = sys.argv[1], sys.argv[2]
    show = "--plans" in sys.argv
    admin_id, admin_p = principals(conninfo, "admin")
    member_id, member_p = principals(conninfo, member)
    companies = f'SELECT t."objectId" FROM "Company" t WHERE {ACL} ORDER BY t."name", t."objectId" LIMIT 50'
    deals = f'SELECT t."objectId" FROM "Deal" t WHERE {ACL} ORDER BY t."updatedAt" DESC, t."objectId" DESC LIMIT 50'
    print(f"| path | admin ms | member ms | member plan |")
    print(f"|---|---|---|---|")
    for name, sql in paths(member_id, None, None):
        parents = companies if "companies ->" in name else deals
        admin_ms, _, _ = measure(conninfo, sql, admin_p, first_page(conninfo, parents, admin_p))
        member_ms, nodes, plan = measure(conninfo, sql, member_p, first_page(conninfo, parents, member_p))
        print(f"| {name} | {admin_ms:.2f} | {member_ms:.2f} | {nodes} |", flush=True)
        if show:
            print(plan)

if __name__ == "__main__":
    main()
