import Foundation
import PostgresClient

extension CRMStore {
    /// Updates an object the caller may write (CLP `update`, then `_wperm` in the UPDATE's WHERE;
    /// 101 when it does not exist or is not writable).
    ///
    /// - Parameters:
    ///   - fields: `.unset` clears a field, `.increment` adds atomically, `.add`/`.addUnique`/
    ///     `.remove` change an Array field atomically, `.createAndLink` creates the target in the
    ///     same transaction.
    ///   - acl: replaces the whole ACL when given.
    ///   - ifUpdatedAt: optimistic concurrency: update only if the object's `updatedAt` still
    ///     equals this value (142 "Object was changed..." otherwise).
    /// Setting a policy pointer (Deal.assignedTo) grants that user read/write. Changing a
    /// `_User` password revokes the user's other sessions.
    public func update(className: String, objectId: String, fields: [String: FieldInput], acl: ACL? = nil,
                       ifUpdatedAt: Date? = nil, context: AccessContext) async throws(StoreError) -> WriteResult {
        let definition = try model.require(className)
        if definition.isUserClass && context.userId == nil && !context.isMaster {
            throw StoreError(code: .sessionMissing, "Cannot modify user \(StoreError.quoted(objectId)).")
        }
        let access = try AccessControl.authorize(.update, on: definition, context: context)
        let acl = try acl?.validated()
        let validated = try WriteValidation.assignments(fields, for: definition, isCreate: false, context: context)
        // Only the user or the master key learn how a new password compares with the old ones;
        // anyone else's update fails on the row's ACL below, after the checks that read nothing.
        if definition.isUserClass {
            try await enforcePasswordPolicy(validated, userId: context.isMaster || context.userId == objectId ? objectId : nil)
        }
        let assignments = await hashingPasswords(validated)
        let changesPassword = assignments.contains { if case .passwordHash = $0 { true } else { false } }
        let result = try await transaction { connection in
            if changesPassword { try await self.rememberPasswordHash(userId: objectId, on: connection) }
            let values = try await self.resolvePointers(assignments, context: context, on: connection, depth: 0)
            let statement = try ChangeStatement(store: self, definition: definition, context: context)
            var parameters = SQLParameters()
            let now = Timestamp.now(self.options.clock)
            var sets = [("updatedAt", parameters.bind(.timestamptz(now)))]
            sets += SetClause.columnValues(values, parameters: &parameters, alias: "t", now: now)
            if let acl {
                let replacement = ACLPolicy.replacement(acl, definition: definition, objectId: objectId,
                                                        context: context, assignments: values)
                sets.append(("_rperm", parameters.bind(texts: replacement.readColumn)))
                sets.append(("_wperm", parameters.bind(texts: replacement.writeColumn)))
            } else {
                sets += Self.grantExpressions(ACLPolicy.pointerGrants(definition, values), parameters: &parameters)
            }
            let target = parameters.bind(.text(objectId))
            var condition = "t.\"objectId\" = \(target) AND \(access.condition(alias: "t", parameters: &parameters))"
            if let ifUpdatedAt { condition += " AND t.\"updatedAt\" = \(parameters.bind(.timestamptz(ifUpdatedAt)))" }
            let assignmentsSQL = sets.map { "\(SQL.identifier($0.0)) = \($0.1)" }.joined(separator: ", ")
            let dml = "UPDATE \(SQL.identifier(definition.name)) AS t SET \(assignmentsSQL) WHERE \(condition)"
            let sql = statement.wrap(dml, parameters: &parameters)
            guard let (object, readable) = try statement.decode(try await connection.run(sql, parameters.values)) else {
                if ifUpdatedAt != nil, try await self.isWritable(definition, objectId: objectId, access: access, on: connection) {
                    throw StoreError(code: .validationError, "Object was changed by another request; reload and retry.")
                }
                throw StoreError.objectNotFound
            }
            if changesPassword {
                try await self.revokeSessions(userId: objectId, except: context.sessionTokenHash, on: connection)
            }
            return WriteResult(objectId: object.objectId, createdAt: object.createdAt, updatedAt: object.updatedAt,
                               object: readable ? object : nil)
        }
        if changesPassword { await accessCache.dropUsers([objectId]) }
        return result
    }

    /// Deletes an object the caller may write (CLP `delete`, `_wperm`); 101 when it does not
    /// exist or is not writable. Returns the deleted object when the caller could read it.
    @discardableResult
    public func delete(className: String, objectId: String, context: AccessContext) async throws(StoreError) -> StoredObject? {
        let definition = try model.require(className)
        if definition.isUserClass && context.userId == nil && !context.isMaster {
            throw StoreError(code: .sessionMissing, "Insufficient auth to delete user")
        }
        let access = try AccessControl.authorize(.delete, on: definition, context: context)
        let result = try await transaction { connection in
            let statement = try ChangeStatement(store: self, definition: definition, context: context)
            var parameters = SQLParameters()
            let target = parameters.bind(.text(objectId))
            let dml = "DELETE FROM \(SQL.identifier(definition.name)) AS t WHERE t.\"objectId\" = \(target) AND "
                + access.condition(alias: "t", parameters: &parameters)
            let sql = statement.wrap(dml, parameters: &parameters)
            guard let (object, readable) = try statement.decode(try await connection.run(sql, parameters.values)) else {
                throw StoreError.objectNotFound
            }
            if definition.isUserClass {
                try await self.revokeSessions(userId: objectId, except: nil, on: connection)
                _ = try await connection.run(#"DELETE FROM "_Join:users:_Role" WHERE "relatedId" = $1"#, [.text(objectId)])
            }
            return readable ? object : nil
        }
        if definition.isUserClass { await accessCache.dropUsers([objectId]) }
        return result
    }

    /// `_rperm`/`_wperm` expressions adding users to the current ACL (an object without ACL is
    /// public already and stays so).
    static func grantExpressions(_ grants: [(String, DefaultACLPolicy.Access)],
                                 parameters: inout SQLParameters) -> [(String, String)] {
        var read = "t.\"_rperm\"", write = "t.\"_wperm\""
        var changedRead = false, changedWrite = false
        for (userId, access) in grants {
            let user = parameters.bind(.text(userId)) + "::text"
            if access.read {
                read = "CASE WHEN t.\"_rperm\" IS NULL THEN NULL ELSE array_append(array_remove(\(read), \(user)), \(user)) END"
                changedRead = true
            }
            if access.write {
                write = "CASE WHEN t.\"_wperm\" IS NULL THEN NULL ELSE array_append(array_remove(\(write), \(user)), \(user)) END"
                changedWrite = true
            }
        }
        return (changedRead ? [("_rperm", read)] : []) + (changedWrite ? [("_wperm", write)] : [])
    }

    private func isWritable(_ definition: ClassDefinition, objectId: String, access: AccessFilter,
                            on connection: PostgresConnection) async throws(StoreError) -> Bool {
        var parameters = SQLParameters()
        let target = parameters.bind(.text(objectId))
        let condition = access.condition(alias: "t", parameters: &parameters)
        let sql = "SELECT 1 FROM \(SQL.identifier(definition.name)) t WHERE t.\"objectId\" = \(target) AND \(condition)"
        return try await connection.run(sql, parameters.values).count > 0
    }
}
