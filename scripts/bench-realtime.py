"""The measuring half of scripts/bench-realtime (see there): subscribers, writer, figures."""
import asyncio, json, os, statistics, sys, time, urllib.request

import websockets

URLS, SERVERS = sys.argv[1].split(","), [int(p) for p in sys.argv[2].split(",")]
POSTMASTER, PASSWORD = int(sys.argv[3]), sys.argv[4]
SUBSCRIBERS, RATE, DURATION, ROUNDS, TICKS = (int(x) for x in sys.argv[5:10])
URL = URLS[0]   # the writer's instance
USERS = ["alice", "bob", "carol", "admin"]
SELECTION = ("{ event node { objectId title stage contact { name company { name } } company { name } "
             "assignedTo { username } } original { title } }")


def post(path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["X-Parse-Session-Token"] = token
    request = urllib.request.Request(URL + path, data=json.dumps(body).encode(), headers=headers)
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def graphql(query, token=None, variables=None):
    answer = post("/graphql", {"query": query, "variables": variables or {}}, token)
    if answer.get("errors"):
        sys.exit(f"bench-realtime: {answer['errors']}")
    return answer["data"]


def cpu(pids):
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
        if pid == POSTMASTER:
            total += int(fields[13]) + int(fields[14])
    return total


def postgres_pids():
    children = os.popen(f"pgrep -P {POSTMASTER}").read().split()
    return [POSTMASTER] + [int(p) for p in children]


def statements():
    total = 0
    for url in URLS:
        with urllib.request.urlopen(url + "/debug/statements") as response:
            total += json.load(response)["statements"]
    return total


def memory(pid):
    """Resident and peak resident memory of a process, in MB."""
    fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status"))
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


tokens = {u: graphql(f'mutation {{ logIn(input: {{username: "{u}", password: "{PASSWORD}"}}) {{ viewer {{ sessionToken }} }} }}')
          ["logIn"]["viewer"]["sessionToken"] for u in USERS}
readable = {u: {e["node"]["objectId"] for e in graphql("{ deals(first: 1000, order: [updatedAt_DESC]) { edges { node { objectId } } } }",
                                                        tokens[u])["deals"]["edges"]} for u in USERS if u != "admin"}
targets = graphql("{ deals(first: 200, order: [updatedAt_DESC]) { edges { node { id objectId } } } }",
                  tokens["admin"])["deals"]["edges"]
# Deals that alice, bob or carol can read, so that events fan out beyond the admin's sockets.
targets = [t["node"] for t in targets if any(t["node"]["objectId"] in ids for ids in readable.values())][:50] \
    or [t["node"] for t in targets][:50]


class Subscriber:
    def __init__(self, index):
        self.user = USERS[(index // 2) % len(USERS)]
        self.kind = "graphql" if index % 2 == 0 else "livequery"
        # Both protocols and every user on every instance.
        self.ws = URLS[(index // (2 * len(USERS))) % len(URLS)].replace("http://", "ws://")
        self.arrivals = []   # (title, time)

    async def run(self, ready, done):
        if self.kind == "graphql":
            async with websockets.connect(self.ws + "/graphql", subprotocols=["graphql-transport-ws"], max_size=None) as ws:
                await ws.send(json.dumps({"type": "connection_init", "payload": {"X-Parse-Session-Token": tokens[self.user]}}))
                assert json.loads(await ws.recv())["type"] == "connection_ack"
                await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                          "payload": {"query": "subscription { dealEvents " + SELECTION + " }"}}))
                ready.release()
                await self.read(ws, done, lambda m: m.get("type") == "next" and m["payload"]["data"]["dealEvents"]["node"]["title"])
        else:
            async with websockets.connect(self.ws + "/parse", max_size=None) as ws:
                await ws.send(json.dumps({"op": "connect", "applicationId": "bench", "sessionToken": tokens[self.user]}))
                assert json.loads(await ws.recv())["op"] == "connected"
                await ws.send(json.dumps({"op": "subscribe", "requestId": 1, "query": {"className": "Deal", "where": {}}}))
                assert json.loads(await ws.recv())["op"] == "subscribed"
                ready.release()
                await self.read(ws, done, lambda m: m.get("op") in ("update", "enter") and m["object"].get("title"))

    async def read(self, ws, done, title_of):
        while not done.is_set():
            try:
                message = json.loads(await asyncio.wait_for(ws.recv(), 0.5))
            except asyncio.TimeoutError:
                continue
            title = title_of(message)
            if title:
                self.arrivals.append((title, time.monotonic()))


async def round_(number):
    subscribers = [Subscriber(i) for i in range(SUBSCRIBERS)]
    ready, done = asyncio.Semaphore(0), asyncio.Event()
    tasks = [asyncio.create_task(s.run(ready, done)) for s in subscribers]
    for _ in subscribers:
        await asyncio.wait_for(ready.acquire(), 60)
    await asyncio.sleep(0.5)   # every subscription registered in the hub before the first write
    sent, expected = {}, {"graphql": 0, "livequery": 0}
    statements_before, gateway_before, postgres_before = statements(), cpu(SERVERS), cpu(postgres_pids())
    loop = asyncio.get_running_loop()
    interval, start, writes = 1 / RATE, time.monotonic(), 0
    while time.monotonic() - start < DURATION:
        target = targets[writes % len(targets)]
        title = f"rt-{number}-{writes}"
        sent[title] = time.monotonic()
        await loop.run_in_executor(None, graphql, 'mutation($id: ID!, $t: String!) { updateDeal(input: {id: $id, fields: {title: $t}}) { deal { objectId } } }',
                                   tokens["admin"], {"id": target["id"], "t": title})
        for s in subscribers:
            if s.user == "admin" or target["objectId"] in readable[s.user]:
                expected[s.kind] += 1
        writes += 1
        await asyncio.sleep(max(0, start + writes * interval - time.monotonic()))
    deadline = time.monotonic() + 10
    total_expected = sum(expected.values())
    while sum(len(s.arrivals) for s in subscribers) < total_expected and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    gateway, postgres, sql = cpu(SERVERS) - gateway_before, cpu(postgres_pids()) - postgres_before, statements() - statements_before
    memories = [memory(pid) for pid in SERVERS]
    done.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    latencies = sorted((at - sent[title]) * 1000 for s in subscribers for title, at in s.arrivals if title in sent)
    delivered = {k: sum(len(s.arrivals) for s in subscribers if s.kind == k) for k in expected}
    events = max(1, sum(delivered.values()))
    figures = {
        "writes": writes, "delivered": delivered, "expected": expected,
        "p50": latencies[len(latencies) // 2] if latencies else float("nan"),
        "p99": latencies[int(len(latencies) * 0.99)] if latencies else float("nan"),
        "max": latencies[-1] if latencies else float("nan"),
        "gateway_ms_per_write": gateway / TICKS * 1000 / writes, "gateway_us_per_event": gateway / TICKS * 1e6 / events,
        "postgres_ms_per_write": postgres / TICKS * 1000 / writes, "sql_per_write": sql / writes,
        "rss": max(m[0] for m in memories), "peak": max(m[1] for m in memories),
    }
    print(f"round {number}: {writes} writes, delivered graphql {delivered['graphql']}/{expected['graphql']}, "
          f"livequery {delivered['livequery']}/{expected['livequery']}; latency p50 {figures['p50']:.1f} ms, "
          f"p99 {figures['p99']:.1f} ms, max {figures['max']:.1f} ms; gateway CPU {figures['gateway_ms_per_write']:.2f} ms/write "
          f"({figures['gateway_us_per_event']:.0f} us/event), PostgreSQL CPU {figures['postgres_ms_per_write']:.2f} ms/write, "
          f"{figures['sql_per_write']:.1f} SQL statements/write; gateway memory "
          + ", ".join(f"{rss:.0f} MB (peak {peak:.0f})" for rss, peak in memories), flush=True)
    return figures


async def main():
    print(f"bench-realtime: {len(URLS)} instances, {SUBSCRIBERS} subscribers spread over them (half graphql-transport-ws, "
          f"half LiveQuery; users {', '.join(USERS)}), writes through the first, "
          f"{RATE} writes/s for {DURATION} s, {ROUNDS} rounds, {len(targets)} deals written", flush=True)
    results = [await round_(n) for n in range(1, ROUNDS + 1)]
    median = lambda key: statistics.median(r[key] for r in results)
    print(f"median: latency p50 {median('p50'):.1f} ms, p99 {median('p99'):.1f} ms; gateway CPU {median('gateway_ms_per_write'):.2f} ms/write "
          f"({median('gateway_us_per_event'):.0f} us/event); PostgreSQL CPU {median('postgres_ms_per_write'):.2f} ms/write; "
          f"{median('sql_per_write'):.1f} SQL statements/write; largest gateway memory {median('rss'):.0f} MB after a round, "
          f"peak {max(r['peak'] for r in results):.0f} MB")
    lost = sum(sum(r["expected"].values()) - sum(r["delivered"].values()) for r in results)
    if lost:
        sys.exit(f"bench-realtime: {lost} expected events did not arrive")


asyncio.run(main())
