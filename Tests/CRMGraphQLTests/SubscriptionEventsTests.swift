import APICore
import CRMGraphQL
import CRMStore
import DealGraphTesting
import Testing

/// GraphQL subscriptions on the change feed (`<class>Events`): each event runs the subscription's
/// selection, nested fields included, for the subscriber; access control on every event.
@Suite(.timeLimit(.minutes(1))) struct SubscriptionEventsTests {
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
