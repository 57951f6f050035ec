import Testing
@testable import GraphQLEngine

/// Spec 6.4.4 "Handling Field Errors": errors beside partial data, null propagated to the nearest
/// nullable position, one error per failed field.
@Suite struct NullPropagationTests {
    static let sdl = """
        type Query { user: User, strictUser: User!, users: [User], strictUsers: [User!], strictList: [User!]! }
        type User { id: ID!, name: String, boom: String, strictBoom: String!, friend: User, strictFriend: User! }
        """

    /// Users whose `boom` fields throw and whose `name` may be null.
    static func schema() throws -> GraphQLSchema {
        try makeSchema(sdl) { schema in
            let users: [GraphQLValue] = [
                object(["id": "1", "name": "Ada"]),
                object(["id": "2", "name": .null]),
                .null,
            ]
            schema.attach(.each { _, _ in users[0] }, to: "Query", "user")
            schema.attach(.each { _, _ in users[0] }, to: "Query", "strictUser")
            schema.attach(.each { _, _ in .list(users) }, to: "Query", "users")
            schema.attach(.each { _, _ in .list(users) }, to: "Query", "strictUsers")
            schema.attach(.each { _, _ in .list(users) }, to: "Query", "strictList")
            schema.attach(.each { _, _ in throw TestFailure("boom") }, to: "User", "boom")
            schema.attach(.each { _, _ in throw TestFailure("strict boom") }, to: "User", "strictBoom")
            schema.attach(.each { parent, _ in parent["id"] == "1" ? users[1] : .null }, to: "User", "friend")
            schema.attach(.each { _, _ in .null }, to: "User", "strictFriend")
        }
    }

    @Test func errorInNullableFieldLeavesSiblings() async throws {
        let text = await run(try Self.schema(), "{ user { id boom name } }")
        #expect(text == #"{"data":{"user":{"id":"1","boom":null,"name":"Ada"}},"errors":[{"message":"boom","locations":[{"line":1,"column":13}],"path":["user","boom"]}]}"#)
    }

    @Test func errorInNonNullFieldNullsTheParent() async throws {
        let text = await run(try Self.schema(), "{ user { id strictBoom } }")
        #expect(text == #"{"data":{"user":null},"errors":[{"message":"strict boom","locations":[{"line":1,"column":13}],"path":["user","strictBoom"]}]}"#)
    }

    @Test func nullPropagatesThroughNonNullParentsToData() async throws {
        let text = await run(try Self.schema(), "{ strictUser { strictFriend { id } } }")
        #expect(text == #"{"data":null,"errors":[{"message":"Cannot return null for non-nullable field User.strictFriend.","locations":[{"line":1,"column":16}],"path":["strictUser","strictFriend"]}]}"#)
    }

    @Test func nullInNullableListItemsIsKept() async throws {
        let text = await run(try Self.schema(), "{ users { id } }")
        #expect(text == #"{"data":{"users":[{"id":"1"},{"id":"2"},null]}}"#)
    }

    @Test func nullInNonNullListItemNullsTheList() async throws {
        let text = await run(try Self.schema(), "{ strictUsers { id } }")
        #expect(text == #"{"data":{"strictUsers":null},"errors":[{"message":"Cannot return null for non-nullable field Query.strictUsers.","locations":[{"line":1,"column":3}],"path":["strictUsers",2]}]}"#)
    }

    @Test func nonNullListOfNonNullItemsNullsData() async throws {
        let text = await run(try Self.schema(), "{ strictList { id } }")
        #expect(text == #"{"data":null,"errors":[{"message":"Cannot return null for non-nullable field Query.strictList.","locations":[{"line":1,"column":3}],"path":["strictList",2]}]}"#)
    }

    @Test func errorsInsideListsCarryTheIndex() async throws {
        let text = await run(try Self.schema(), "{ users { id boom } }")
        #expect(text == #"{"data":{"users":[{"id":"1","boom":null},{"id":"2","boom":null},null]},"errors":[{"message":"boom","locations":[{"line":1,"column":14}],"path":["users",0,"boom"]},{"message":"boom","locations":[{"line":1,"column":14}],"path":["users",1,"boom"]}]}"#)
    }

    @Test func nonNullErrorInsideListItemNullsOnlyThatItem() async throws {
        let text = await run(try Self.schema(), "{ users { id friend { id strictBoom } } }")
        #expect(text == #"{"data":{"users":[{"id":"1","friend":null},{"id":"2","friend":null},null]},"errors":[{"message":"strict boom","locations":[{"line":1,"column":26}],"path":["users",0,"friend","strictBoom"]}]}"#)
    }

    @Test func objectsAfterADiscardedListItemStayAligned() async throws {
        // Item 0 of the inner list is null for a non-null item type, so the whole inner list is
        // discarded; the objects after it must still land on the right parents.
        let schema = try makeSchema("type Query { grid: [[Cell!]] } type Cell { n: Int }") { schema in
            let cells = (0...4).map { object(["n": .int($0)]) }
            schema.attach(.each { _, _ in [[.null, cells[1]], [cells[2], cells[3]], [cells[4]]] }, to: "Query", "grid")
        }
        let text = await run(schema, "{ grid { n } }")
        #expect(text == #"{"data":{"grid":[null,[{"n":2},{"n":3}],[{"n":4}]]},"errors":[{"message":"Cannot return null for non-nullable field Query.grid.","locations":[{"line":1,"column":3}],"path":["grid",0,0]}]}"#)
    }

    @Test func discardedSubtreeReportsNoErrorsOfItsOwn() async throws {
        // `boom` fails inside an object that `strictBoom` then discards: only errors of values that
        // remain in the response are reported, one per field.
        let text = await run(try Self.schema(), "{ user { boom strictBoom } }")
        #expect(text.contains(#""data":{"user":null}"#))
        #expect(text.contains(#""path":["user","strictBoom"]"#))
    }

    @Test func nonListValueForListFieldIsAnError() async throws {
        let schema = try makeSchema("type Query { tags: [String] }") { schema in
            schema.attach(.each { _, _ in "not a list" }, to: "Query", "tags")
        }
        let text = await run(schema, "{ tags }")
        #expect(text == #"{"data":{"tags":null},"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.tags\".","locations":[{"line":1,"column":3}],"path":["tags"]}]}"#)
    }

    @Test func leafSerializationErrorsAreFieldErrors() async throws {
        let schema = try makeSchema("type Query { count: Int, flag: Boolean! }") { schema in
            schema.attach(.each { _, _ in .int(1 << 40) }, to: "Query", "count")
            schema.attach(.each { _, _ in "yes" }, to: "Query", "flag")
        }
        #expect(await run(schema, "{ count }") == #"{"data":{"count":null},"errors":[{"message":"Int cannot represent non 32-bit signed integer value: 1099511627776","locations":[{"line":1,"column":3}],"path":["count"]}]}"#)
        #expect(await run(schema, "{ flag }") == #"{"data":null,"errors":[{"message":"Boolean cannot represent a non boolean value: \"yes\"","locations":[{"line":1,"column":3}],"path":["flag"]}]}"#)
    }
}
