#!/usr/bin/env python3
"""The check before bench-e2e's REST phase: the flat GraphQL query and the REST find it compares
with must answer one caller with the same page, at the same cost in SQL statements.

Usage: bench-e2e-rest-check.py URL TOKEN CALLER GRAPHQL_BODY REST_PATH

- The same deals in the same order (objectIds), with the same title, amount, stage, notes, dates
  and ACL, and the same included contact, company and assignee (objectId and every field the
  GraphQL query selects, ACL included; a pointer GraphQL answers null for, the caller cannot read
  it, may stay a bare pointer in REST, as in Parse).
- The same SQL statements per request: /debug/statements before and after REQUESTS sequential
  requests of each path, repeated up to 3 times when a lookup the server caches (the caller's
  session and roles, 5 s) fell into one of the windows and not the other.

Exits non-zero with the first difference. Prints (to stderr) one line of what was checked, and (to
stdout) the statements per request and the bytes of each answer: "STATEMENTS GRAPHQL_BYTES REST_BYTES".
"""
import base64
import json
import sys
import urllib.request

url, token, caller, body_path, rest_path = sys.argv[1:]
body = open(body_path, "rb").read()
REQUESTS = 10


def fail(message):
    sys.exit(f"bench-e2e: REST CHECK FAILED for {caller}: {message}")


def graphql():
    request = urllib.request.Request(url + "/graphql", data=body, headers={
        "Content-Type": "application/json", "X-Parse-Session-Token": token})
    raw = urllib.request.urlopen(request).read()
    answer = json.loads(raw)
    if answer.get("errors") or not answer.get("data"):
        fail(f"the GraphQL query answered with errors: {json.dumps(answer)[:2000]}")
    return answer, len(raw)


def rest():
    request = urllib.request.Request(url + rest_path, headers={"X-Parse-Session-Token": token})
    try:
        raw = urllib.request.urlopen(request).read()
    except urllib.error.HTTPError as error:
        fail(f"GET {rest_path} answered {error.code}: {error.read()[:2000]!r}")
    answer = json.loads(raw)
    if "results" not in answer:
        fail(f"GET {rest_path} answered {json.dumps(answer)[:2000]}")
    return answer, len(raw)


def statements():
    return json.load(urllib.request.urlopen(url + "/debug/statements"))["statements"]


def plain(value):
    """REST's typed values as GraphQL answers them: a Date's iso string."""
    if isinstance(value, dict) and value.get("__type") == "Date":
        return value["iso"]
    return value


POINTERS = ("contact", "company", "assignedTo")


def parse_acl(acl):
    """A GraphQL ACL ({public, users: [{userId}], roles: [{roleName}]}) as Parse's ACL JSON."""
    entries = {}
    def grant(entry):
        return {k: True for k in ("read", "write") if entry.get(k)}
    for user in acl.get("users") or []:
        user_id = user["userId"]
        try:  # a global id, base64 of "_User:<objectId>"
            decoded = base64.b64decode(user_id, validate=True).decode()
            user_id = decoded.split(":", 1)[1] if decoded.startswith("_User:") else user_id
        except (ValueError, UnicodeDecodeError):
            pass
        entries[user_id] = grant(user)
    for role in acl.get("roles") or []:
        entries["role:" + role["roleName"]] = grant(role)
    if acl.get("public"):
        entries["*"] = grant(acl["public"])
    return {k: v for k, v in entries.items() if v}


def compare(path, ours, theirs):
    """ours: a GraphQL object (selected fields); theirs: the REST object."""
    for key, value in ours.items():
        if key in POINTERS:
            continue  # compared by the caller
        if key == "ACL":
            if parse_acl(value) != (theirs.get("ACL") or {}):
                fail(f"{path}.ACL is {json.dumps(value)} in GraphQL, {json.dumps(theirs.get('ACL'))} in REST")
            continue
        other = plain(theirs.get(key))
        if isinstance(value, float) or isinstance(other, float):
            same = value is not None and other is not None and abs(float(value) - float(other)) < 1e-9
        else:
            same = value == other
        if not same:
            fail(f"{path}.{key} is {json.dumps(value)} in GraphQL, {json.dumps(theirs.get(key))} in REST")


(graphql_answer, graphql_bytes), (rest_answer, rest_bytes) = graphql(), rest()
nodes = [edge["node"] for edge in graphql_answer["data"]["deals"]["edges"]]
results = rest_answer["results"]
if [n["objectId"] for n in nodes] != [r["objectId"] for r in results]:
    fail(f"different deals or order: GraphQL {[n['objectId'] for n in nodes][:10]}..., "
         f"REST {[r['objectId'] for r in results][:10]}... ({len(nodes)} and {len(results)} deals)")
if not nodes:
    fail("no deals in the page")
included = bare = 0
for index, (node, result) in enumerate(zip(nodes, results)):
    path = f"deals[{index}] ({node['objectId']})"
    compare(path, node, result)
    for pointer in POINTERS:
        ours, theirs = node.get(pointer), result.get(pointer)
        if ours is None:
            if theirs is not None and theirs.get("__type") != "Pointer":
                fail(f"{path}.{pointer} is null in GraphQL, {json.dumps(theirs)[:300]} in REST")
            bare += theirs is not None
            continue
        if not isinstance(theirs, dict) or theirs.get("__type") != "Object":
            fail(f"{path}.{pointer} is {json.dumps(ours)} in GraphQL, {json.dumps(theirs)[:300]} in REST (not included)")
        if "objectId" in ours and ours["objectId"] != theirs.get("objectId"):
            fail(f"{path}.{pointer}.objectId is {ours['objectId']} in GraphQL, {theirs.get('objectId')} in REST")
        compare(f"{path}.{pointer}", ours, theirs)
        included += 1

# The same statements per request: REQUESTS of each path, after one of each so that the caller's
# session and roles are cached; again when the counts differ (a cached lookup expired in one window).
for attempt in range(3):
    graphql(), rest()
    counts = []
    for send in (graphql, rest):
        before = statements()
        for _ in range(REQUESTS):
            send()
        counts.append(statements() - before)
    if counts[0] == counts[1] and counts[0] % REQUESTS == 0:
        break
else:
    fail(f"different SQL statements: {counts[0]} for {REQUESTS} GraphQL requests, {counts[1]} for {REQUESTS} REST requests")

print(f"bench-e2e: {caller}: {len(nodes)} deals, {included} included pointers"
      + (f" ({bare} bare pointers the caller cannot read)" if bare else "")
      + f"; the flat GraphQL query and REST answer the same, {counts[0] // REQUESTS} SQL statements per request each;"
      f" {graphql_bytes} and {rest_bytes} bytes per answer", file=sys.stderr)
print(counts[0] // REQUESTS, graphql_bytes, rest_bytes)
