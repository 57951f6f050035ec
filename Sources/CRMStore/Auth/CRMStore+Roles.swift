import PostgresClient

extension CRMStore {
    /// Creates a role (master key only: `_Role` creation is locked down, as docs/SECURITY.md advises).
    ///
    /// - Parameters:
    ///   - users: user objectIds that hold the role.
    ///   - roles: names of roles whose holders inherit this role (Parse's `roles` relation).
    /// - Returns: the role's objectId.
    @discardableResult
    public func createRole(name: String, acl: ACL? = nil, users: [String] = [], roles: [String] = [],
                           context: AccessContext) async throws(StoreError) -> String {
        guard context.isMaster else { throw StoreError.forbidden("Permission denied for action create on class _Role.") }
        guard Principal.isValidRoleName(name) else { throw StoreError.invalidQuery("Invalid role name.") }
        let acl = try acl?.validated()
        let objectId = RandomIdentifier.objectId()
        try await transaction { connection in
            let now = Timestamp.now(self.options.clock)
            _ = try await connection.run("""
                INSERT INTO "_Role" ("objectId", "createdAt", "updatedAt", "name", "_rperm", "_wperm")
                VALUES ($1, $2, $2, $3, $4::text[], $5::text[])
                """, [.text(objectId), .timestamptz(now), .text(name),
                      acl.map { .textArray($0.readColumn) } ?? .null, acl.map { .textArray($0.writeColumn) } ?? .null])
            try await self.changeMembers(roleId: objectId, addUsers: users, removeUsers: [], addRoles: roles,
                                         removeRoles: [], on: connection)
        }
        return objectId
    }

    /// Changes a role's members: users that hold it, and roles whose holders inherit it. Needs the
    /// master key or write access to the role (`_wperm`). Every user whose role closure changes
    /// loses their cached closure at once, on every instance.
    public func updateRole(name: String, addUsers: [String] = [], removeUsers: [String] = [], addRoles: [String] = [],
                           removeRoles: [String] = [], context: AccessContext) async throws(StoreError) {
        try await transaction { connection in
            let roleId = try await self.writableRoleId(name: name, context: context, on: connection)
            try await self.changeMembers(roleId: roleId, addUsers: addUsers, removeUsers: removeUsers, addRoles: addRoles,
                                         removeRoles: removeRoles, on: connection)
        }
    }

    /// Deletes a role (master or write access) and invalidates every affected user's closure.
    public func deleteRole(name: String, context: AccessContext) async throws(StoreError) {
        try await transaction { connection in
            let roleId = try await self.writableRoleId(name: name, context: context, on: connection)
            let affected = try await self.holders(of: roleId, on: connection)
            for table in ["_Join:users:_Role", "_Join:roles:_Role"] {
                _ = try await connection.run("DELETE FROM \(SQL.identifier(table)) WHERE \"owningId\" = $1 OR \"relatedId\" = $1",
                                             [.text(roleId)])
            }
            _ = try await connection.run(#"DELETE FROM "_Role" WHERE "objectId" = $1"#, [.text(roleId)])
            try await self.announce(affected, on: connection)
        }
    }

    private func writableRoleId(name: String, context: AccessContext,
                                on connection: PostgresConnection) async throws(StoreError) -> String {
        var parameters = SQLParameters()
        let roleName = parameters.bind(.text(name))
        let filter = AccessFilter(context: context, column: .write, pointerFields: nil)
        let condition = filter.condition(alias: "t", parameters: &parameters)
        let found = try await connection.run(
            "SELECT t.\"objectId\" FROM \"_Role\" t WHERE t.\"name\" = \(roleName) AND \(condition) FOR UPDATE",
            parameters.values)
        guard let id = found.first?.string(0) else { throw StoreError.objectNotFound }
        return id
    }

    private func changeMembers(roleId: String, addUsers: [String], removeUsers: [String], addRoles: [String],
                               removeRoles: [String], on connection: PostgresConnection) async throws(StoreError) {
        let before = try await holders(of: roleId, on: connection)
        let users = #""_Join:users:_Role""#, roles = #""_Join:roles:_Role""#
        if !addUsers.isEmpty {
            _ = try await connection.run("""
                INSERT INTO \(users) ("relatedId", "owningId") SELECT u."objectId", $2::text FROM "_User" u
                WHERE u."objectId" = ANY($1::text[]) ON CONFLICT DO NOTHING
                """, [.textArray(addUsers), .text(roleId)])
        }
        if !removeUsers.isEmpty {
            _ = try await connection.run("DELETE FROM \(users) WHERE \"owningId\" = $2 AND \"relatedId\" = ANY($1::text[])",
                                         [.textArray(removeUsers), .text(roleId)])
        }
        if !addRoles.isEmpty {
            _ = try await connection.run("""
                INSERT INTO \(roles) ("relatedId", "owningId") SELECT r."objectId", $2::text FROM "_Role" r
                WHERE r."name" = ANY($1::text[]) AND r."objectId" <> $2::text ON CONFLICT DO NOTHING
                """, [.textArray(addRoles), .text(roleId)])
        }
        if !removeRoles.isEmpty {
            _ = try await connection.run("""
                DELETE FROM \(roles) WHERE "owningId" = $2 AND "relatedId" IN (SELECT "objectId" FROM "_Role" WHERE "name" = ANY($1::text[]))
                """, [.textArray(removeRoles), .text(roleId)])
        }
        let after = try await holders(of: roleId, on: connection)
        try await announce(Array(Set(before).union(after)), on: connection)
    }

    /// Users holding a role directly or through roles that inherit it (cycles terminate: UNION).
    private func holders(of roleId: String, on connection: PostgresConnection) async throws(StoreError) -> [String] {
        let result = try await connection.run("""
            WITH RECURSIVE inheriting AS (SELECT $1::varchar AS id
              UNION SELECT j."relatedId" FROM "_Join:roles:_Role" j JOIN inheriting ON j."owningId" = inheriting.id)
            SELECT DISTINCT "relatedId" FROM "_Join:users:_Role" WHERE "owningId" IN (SELECT id FROM inheriting)
            """, [.text(roleId)])
        return result.compactMap { $0.string(0) }
    }

    /// Drops the users' cached closures here and, by NOTIFY on commit, on every other instance.
    private func announce(_ userIds: [String], on connection: PostgresConnection) async throws(StoreError) {
        await accessCache.dropUsers(userIds)
        for message in AccessCache.messages(forUsers: userIds) {
            _ = try await connection.run("SELECT pg_notify($1, $2)", [.text(Self.invalidationChannel), .text(message)])
        }
    }
}
