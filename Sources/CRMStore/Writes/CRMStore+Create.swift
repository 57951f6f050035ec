import Foundation
import PostgresClient

extension CRMStore {
    /// Creates an object (CLP `create`), with nested `createAndLink` targets, in one transaction.
    ///
    /// Validates every field against the model, checks that linked pointer targets exist and are
    /// readable by the caller (106 otherwise), sets server fields (`createdBy`), applies the ACL
    /// input or the class's default ACL, and announces the change (NOTIFY) on commit.
    public func create(className: String, fields: [String: FieldInput], acl: ACL? = nil,
                       context: AccessContext) async throws(StoreError) -> WriteResult {
        let definition = try model.require(className)
        _ = try AccessControl.authorize(.create, on: definition, context: context)
        let acl = try acl?.validated()
        let validated = try WriteValidation.assignments(fields, for: definition, isCreate: true, context: context)
        if definition.isUserClass { try await enforcePasswordPolicy(validated, userId: nil) }
        let assignments = await hashingPasswords(validated)
        let result = try await transaction { connection in
            try await self.insert(definition, assignments, acl: acl, context: context, on: connection, depth: 0)
        }
        return result
    }

    /// Inserts one object on `connection` (nested creates first); returns the write result.
    func insert(_ definition: ClassDefinition, _ assignments: [Assignment], acl: ACL?, context: AccessContext,
                on connection: PostgresConnection, depth: Int, objectId: String = RandomIdentifier.objectId()) async throws(StoreError) -> WriteResult {
        let resolved = try await resolvePointers(assignments, context: context, on: connection, depth: depth)
        var values = resolved
        if context.isMaster == false, let userId = context.userId {
            for field in definition.fields where field.setByServer && field.type == .pointer
                && field.targetClasses == [ClassModel.userClassName] {
                values.append(.value(field, .pointer(className: ClassModel.userClassName, objectId: userId)))
            }
        }
        let statement = try ChangeStatement(store: self, definition: definition, context: context)
        var parameters = SQLParameters()
        let timestamp = Timestamp.now(options.clock)
        let now = parameters.bind(.timestamptz(timestamp))
        var columns = ["objectId", "createdAt", "updatedAt"].map(SQL.identifier)
        var placeholders = [parameters.bind(.text(objectId)), now, now]
        if let finalACL = ACLPolicy.initialACL(explicit: acl, definition: definition, objectId: objectId,
                                               context: context, assignments: values) {
            columns += ["\"_rperm\"", "\"_wperm\""]
            placeholders += [parameters.bind(texts: finalACL.readColumn), parameters.bind(texts: finalACL.writeColumn)]
        }
        for (column, expression) in SetClause.columnValues(values, parameters: &parameters, alias: nil, now: timestamp) {
            columns.append(SQL.identifier(column))
            placeholders.append(expression)
        }
        let dml = "INSERT INTO \(SQL.identifier(definition.name)) AS t (\(columns.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))"
        let sql = statement.wrap(dml, parameters: &parameters)
        guard let (object, readable) = try statement.decode(try await connection.run(sql, parameters.values)) else {
            throw StoreError.internalError("INSERT returned no row")
        }
        return WriteResult(objectId: object.objectId, createdAt: object.createdAt, updatedAt: object.updatedAt,
                           object: readable ? object : nil)
    }

    /// Runs nested creates and checks linked targets: every pointer must name an object that
    /// exists and that the caller may read (one statement per target class; `_User` targets need
    /// only exist).
    func resolvePointers(_ assignments: [Assignment], context: AccessContext, on connection: PostgresConnection,
                         depth: Int) async throws(StoreError) -> [Assignment] {
        var result: [Assignment] = []
        var linked: [String: Set<String>] = [:]
        for assignment in assignments {
            switch assignment {
            case .nested(let field, let className, let fields, let acl):
                guard depth < WriteValidation.maximumNesting else { throw StoreError.invalidQuery("Nested creates are too deep.") }
                let target = try model.require(className)
                guard !target.isUserClass else { throw StoreError.forbidden("Users are created by sign-up.") }
                _ = try AccessControl.authorize(.create, on: target, context: context)
                let nested = try WriteValidation.assignments(fields, for: target, isCreate: true, context: context)
                let created = try await insert(target, nested, acl: try acl?.validated(), context: context, on: connection,
                                               depth: depth + 1)
                result.append(.value(field, .pointer(className: className, objectId: created.objectId)))
            case .value(_, .pointer(let className, let objectId)):
                linked[className, default: []].insert(objectId)
                result.append(assignment)
            default:
                result.append(assignment)
            }
        }
        for (className, ids) in linked.sorted(by: { $0.key < $1.key }) {
            let target = try model.require(className)
            // Users are private by default, yet a deal must be assignable to a colleague: for
            // `_User` targets only existence is checked (the pointer reveals nothing new).
            let access = target.isUserClass ? AccessFilter(context: .master, column: .read, pointerFields: nil)
                : try AccessControl.authorize(.get, on: target, context: context)
            var parameters = SQLParameters()
            let idList = parameters.bind(texts: Array(ids))
            let acl = access.condition(alias: "t", parameters: &parameters)
            let found = try await connection.run(
                "SELECT t.\"objectId\" FROM \(SQL.identifier(className)) t WHERE t.\"objectId\" = ANY(\(idList)) AND \(acl)",
                parameters.values)
            if found.count != ids.count {
                throw StoreError(code: .invalidPointer, "Pointer target not found: \(className).")
            }
        }
        return result
    }

    /// Replaces clear-text passwords by their bcrypt hashes (computed off the cooperative pool).
    func hashingPasswords(_ assignments: [Assignment]) async -> [Assignment] {
        var result: [Assignment] = []
        for assignment in assignments {
            if case .password(let plain) = assignment {
                result.append(.passwordHash(await passwords.hash(plain)))
            } else {
                result.append(assignment)
            }
        }
        return result
    }
}
