import APICore
import CRMGraphQL
import CRMStore
import DealGraphTesting
import Testing

/// GraphQL subscriptions on the change feed (`<class>Events`): each event runs the subscription's
/// selection, nested fields included, for the subscriber; access control on every event.
@Suite(.timeLimit(.minutes(3))) struct SubscriptionEventsTests {
    /// The first `count` outcomes of `stream`, as JSON.
    static func take(_ count: Int, from stream: AsyncStream<GraphQLOutcome>) async -> [JSONTree] {
        var result: [JSONTree] = []
        for await outcome in stream {
            result.append((try? JSONTree(bytes: outcome.body)) ?? .null)
            if result.count == count { break }
        }
        return result
    }

    /// Subscribes and waits until the hub holds one more subscription.
    static func subscribe(_ fixture: TestGateway, _ query: String, as caller: Caller) async throws -> AsyncStream<GraphQLOutcome> {
        let before = await fixture.service.live.count
        let stream = await fixture.service.subscribe(GraphQLRequest(query: query), caller: caller)
        #expect(await waitUntil { await fixture.service.live.count > before }, "the subscription is live")
        return stream
    }

    @Test("create, update, leave and delete reach the subscriber with nested fields resolved; another user's private deal never does")
    func eventsWithNestedSelections() async throws {
        try await TestGateway.run("gql_subscription_events") { f in
            let alice = try await f.user("alice"), bob = try await f.user("bob")
            let selection = "{ event node { title stage contact { name } } original { stage } }"
            let aliceEvents = try await Self.subscribe(f, "subscription { dealEvents(where: {stage: {notEqualTo: \"lost\"}}) \(selection) }",
                                                       as: alice.caller)
            let bobEvents = try await Self.subscribe(f, "subscription { dealEvents \(selection) }", as: bob.caller)
            let contact = try await f.store.create(className: "Contact", fields: ["name": .set(.string("Peter"))], context: alice.access)
            let deal = try await f.store.create(className: "Deal", fields: [
                "title": .set(.string("Watched")), "stage": .set(.string("lead")),
                "contact": .set(.pointer(className: "Contact", objectId: contact.objectId)),
            ], context: alice.access)
            _ = try await f.store.update(className: "Deal", objectId: deal.objectId, fields: ["stage": .set(.string("won"))],
                                         context: alice.access)
            _ = try await f.store.update(className: "Deal", objectId: deal.objectId, fields: ["stage": .set(.string("lost"))],
                                         context: alice.access)
            _ = try await f.store.update(className: "Deal", objectId: deal.objectId, fields: ["stage": .set(.string("won"))],
                                         context: alice.access)
            try await f.store.delete(className: "Deal", objectId: deal.objectId, context: alice.access)
            let events = await Self.take(5, from: aliceEvents)
            #expect(events.map { $0["data"]["dealEvents"]["event"].string } == ["CREATE", "UPDATE", "LEAVE", "ENTER", "DELETE"])
            #expect(events[0]["data"]["dealEvents"]["node"]["contact"]["name"].string == "Peter", "nested through the loaders")
            #expect(events[1]["data"]["dealEvents"]["node"]["stage"].string == "won")
            #expect(events[1]["data"]["dealEvents"]["original"]["stage"].string == "lead")
            #expect(events[2]["data"]["dealEvents"]["node"]["stage"].string == "won", "a leave shows the last state the subscriber matched")
            #expect(events[3]["data"]["dealEvents"]["original"].isNull, "an enter has no original")

            // Bob sees nothing of alice's deal; his first event is his own.
            _ = try await f.store.create(className: "Deal", fields: ["title": .set(.string("Bob's"))], context: bob.access)
            let bobs = await Self.take(1, from: bobEvents)
            #expect(bobs[0]["data"]["dealEvents"]["node"]["title"].string == "Bob's")
        }
    }

    @Test("the events argument filters; read access granted is an ENTER; a logged-out subscriber's stream ends with 209")
    func filtersAccessAndLogout() async throws {
        try await TestGateway.run("gql_subscription_access") { f in
            let alice = try await f.user("alice"), bob = try await f.user("bob")
            let created = try await Self.subscribe(f, "subscription { dealEvents(events: [CREATE]) { event node { title } } }",
                                                   as: bob.caller)
            let entered = try await Self.subscribe(f, "subscription { dealEvents { event node { title } } }", as: bob.caller)
            let deal = try await f.store.create(className: "Deal", fields: ["title": .set(.string("Shared later"))], context: alice.access)
            var acl = ACL(readers: [.user(alice.id), .user(bob.id)], writers: [.user(alice.id)])
            acl.grant(.user(alice.id), read: true, write: true)
            _ = try await f.store.update(className: "Deal", objectId: deal.objectId, fields: [:], acl: acl, context: alice.access)
            _ = try await f.store.create(className: "Deal", fields: ["title": .set(.string("Bob's own"))], context: bob.access)
            let entries = await Self.take(2, from: entered)
            #expect(entries.map { $0["data"]["dealEvents"]["event"].string } == ["ENTER", "CREATE"])
            #expect(entries[0]["data"]["dealEvents"]["node"]["title"].string == "Shared later")
            let creates = await Self.take(1, from: created)
            #expect(creates[0]["data"]["dealEvents"]["node"]["title"].string == "Bob's own")

            try await f.store.logOut(token: bob.token)
            _ = try await f.store.create(className: "Deal", fields: ["title": .set(.string("After logout"))], context: alice.access)
            let last = await Self.take(1, from: entered)
            #expect(last.first?["errors"][0]["extensions"]["code"].int == 209)
        }
    }

    @Test("one change reaching many subscribers reads one statement per level and class, each answer under its subscriber's ACL and protected fields")
    func sharedNestedReads() async throws {
        try await TestGateway.run("gql_subscription_shared", configure: { configuration in
            configuration.store.protectedFields["Contact"] = ["*": ["phone"], "role:Admin": []]
        }) { f in
            let manager = try await f.admin("u0")
            var users = [manager]
            for index in 1..<6 { users.append(try await f.user("u\(index)")) }
            let ids = users.map(\.id)
            let acme = try await f.object("Company", ["name": .string("Acme")], acl: ACL(readers: [.everyone]), as: .master)
            let peter = try await f.object("Contact", [
                "name": .string("Peter"), "phone": .string("555-0100"), "company": .pointer(className: "Company", objectId: acme),
            ], acl: ACL(readers: [.user(ids[0]), .user(ids[1]), .user(ids[2])]), as: .master)
            let big = try await f.object("Deal", [
                "title": .string("Big"), "amount": .number(1),
                "contact": .pointer(className: "Contact", objectId: peter),
                "company": .pointer(className: "Company", objectId: acme),
                "assignedTo": .pointer(className: "_User", objectId: ids[0]),
            ], acl: ACL(readers: [.everyone]), as: .master)
            try await f.object("Deal", ["title": .string("Private"), "company": .pointer(className: "Company", objectId: acme)],
                               acl: ACL(readers: [.user(ids[0])]), as: .master)
            let query = """
                subscription { dealEvents(where: {title: {equalTo: "Big"}}) { event node { title amount
                  contact { name phone company { name } }
                  company { name deals(order: [title_ASC]) { count edges { node { title } } } }
                  assignedTo { username email } } } }
                """
            var amount = 1.0
            var streams: [Int: AsyncStream<GraphQLOutcome>] = [:]
            // Statements of one write and of its events to `subscribers` (indices into users).
            func statements(for subscribers: [Int]) async throws -> (Int, [JSONTree]) {
                amount += 1
                let before = f.pool.statementCount
                _ = try await f.store.update(className: "Deal", objectId: big, fields: ["amount": .set(.number(amount))],
                                             context: .master)
                var events: [JSONTree] = []
                for index in subscribers { events += await Self.take(1, from: streams[index]!) }
                return (f.pool.statementCount - before, events)
            }
            func subscribe(_ subscribers: [Int]) async throws {
                for index in subscribers {
                    // Without a session token: no session lookup per subscriber muddles the count.
                    streams[index] = try await Self.subscribe(f, query, as: Caller(access: users[index].access))
                }
                // Until the hub has handled every earlier change, a new subscriber may get the last one.
                amount += 1
                _ = try await f.store.update(className: "Deal", objectId: big, fields: ["amount": .set(.number(amount))],
                                             context: .master)
                for index in streams.keys {
                    while let event = await Self.take(1, from: streams[index]!).first,
                          event["data"]["dealEvents"]["node"]["amount"].double != amount {}
                }
            }
            // Before any subscription the hub reads nothing: the write alone.
            let (write, _) = try await statements(for: [])
            try await subscribe([0])
            let (one, single) = try await statements(for: [0])
            #expect(single.first?["data"]["dealEvents"]["node"]["contact"]["company"]["name"].string == "Acme")
            // 1 match + level 1: Contact, Company, _User + level 2: deals count, deals page (the contact's
            // company is the deal's, loaded on level 1).
            #expect(one - write == 6, "one subscriber: \(one - write) statements beyond the write")
            try await subscribe(Array(1..<6))
            let (six, events) = try await statements(for: Array(0..<6))
            #expect(six == one, "six subscribers with six principal sets: \(six - write) statements beyond the write")
            #expect(events.count == 6)
            for (index, event) in events.enumerated() {
                let node = event["data"]["dealEvents"]["node"]
                #expect(event["errors"].isNull, "u\(index): \(event)")
                #expect(node["amount"].double == amount)
                #expect(node["contact"]["name"].string == (index < 3 ? "Peter" : nil), "u\(index) reads the contact only through its ACL")
                #expect(node["contact"]["phone"].string == (index == 0 ? "555-0100" : nil), "u\(index): phone is protected but for Admin")
                #expect(node["contact"]["company"]["name"].string == (index < 3 ? "Acme" : nil))
                let deals = node["company"]["deals"]
                #expect(deals["count"].int == (index == 0 ? 2 : 1), "u\(index) counts only the deals it may read")
                #expect(deals["edges"].array.map { $0["node"]["title"].string ?? "" } == (index == 0 ? ["Big", "Private"] : ["Big"]))
                #expect(node["assignedTo"]["username"].string == (index == 0 ? "u0" : nil), "a user's row is readable by that user only")
                #expect(node["assignedTo"]["email"].string == (index == 0 ? "u0@example.com" : nil), "the protected email of one's own row")
            }
        }
    }

    @Test("a subscription that cannot be served is a request error: unknown where field, no session")
    func refused() async throws {
        try await TestGateway.run("gql_subscription_refused") { f in
            let alice = try await f.user("alice")
            let unknown = await Self.take(1, from: await f.service.subscribe(
                GraphQLRequest(query: "subscription { dealEvents(where: {nope: {exists: true}}) { event } }"), caller: alice.caller))
            #expect(unknown.first?["errors"][0]["message"].string != nil)
            let anonymous = await Self.take(1, from: await f.service.subscribe(
                GraphQLRequest(query: "subscription { dealEvents { event } }"), caller: Caller(access: .anonymous)))
            #expect(anonymous.first?["errors"][0]["extensions"]["code"].int == 101)
            #expect(await f.service.live.count == 0)
        }
    }
}
