import APICore
import CRMStore
import GraphQLEngine
import PostgresClient

/// `/roles` and `/roles/<id>`: roles the caller may read; creating roles needs the master key,
/// changing or deleting one needs write access to it (its ACL). Members are changed with
/// Parse's relation operations on `users` and `roles`
/// (`{"__op":"AddRelation","objects":[<pointers>]}`, `RemoveRelation`).
extension ParseRESTService {
    func roles(_ parameters: Record, caller: Caller) async throws -> RESTReply {
        let options = try FindOptions(parameters, kind: .find, defaultLimit: limits.defaultLimit, maxLimit: limits.maxLimit)
        var objectIds: [String]?, names: [String]?
        if case .object(let filter)? = options.filter {
            for (key, value) in filter.fields {
                switch key {
                case "objectId": objectIds = try Self.textSet(value, key)
                case "name": names = try Self.textSet(value, key)
                default: throw ParseError.invalidQuery("Roles can be found by objectId and name only.")
                }
            }
        }
        let found = try await store.roles(objectIds: objectIds, names: names, skip: options.skip, limit: options.limit,
                                          context: caller.access)
        var fields: [(String, GraphQLValue)] = [("results", .list(found.map(Self.roleJSON)))]
        if options.count { fields.append(("count", .int(found.count))) }
        return RESTReply(body: .object(Record(fields: fields)))
    }

    func role(_ objectId: String, caller: Caller) async throws -> RESTReply {
        RESTReply(body: Self.roleJSON(try await readableRole(objectId, caller: caller)))
    }

    func createRole(_ parameters: Record, caller: Caller) async throws -> RESTReply {
        guard let name = parameters["name"]?.stringValue else { throw ParseError.incorrectType("name is required.") }
        var acl: ACL?
        var users: [String] = [], roles: [String] = []
        for (key, value) in parameters.fields {
            switch key {
            case "name": continue
            case "ACL": acl = try ACLJSON.decode(value)
            case "users": users = try Self.relation(value, key, targetClass: ClassModel.userClassName, allowing: ["AddRelation"]).added
            case "roles": roles = try await roleNames(Self.relation(value, key, targetClass: "_Role", allowing: ["AddRelation"]).added, caller)
            default: throw ParseError.invalidKeyName("Invalid field name: \(StoreError.quoted(key)).")
            }
        }
        let objectId = try await store.createRole(name: name, acl: acl, users: users, roles: roles, context: caller.access)
        let created = try await store.roles(objectIds: [objectId], context: .master).first
        return RESTReply(status: 201, body: .object([
            "objectId": .string(objectId),
            "createdAt": .string(created.map { DateText.iso8601($0.createdAt) } ?? ""),
        ]), location: "/roles/\(objectId)")
    }

    func updateRole(_ objectId: String, _ parameters: Record, caller: Caller) async throws -> RESTReply {
        let role = try await readableRole(objectId, caller: caller)
        var addUsers: [String] = [], removeUsers: [String] = [], addRoles: [String] = [], removeRoles: [String] = []
        for (key, value) in parameters.fields {
            switch key {
            case "users":
                let change = try Self.relation(value, key, targetClass: ClassModel.userClassName)
                addUsers += change.added
                removeUsers += change.removed
            case "roles":
                let change = try Self.relation(value, key, targetClass: "_Role")
                addRoles += try await roleNames(change.added, caller)
                removeRoles += try await roleNames(change.removed, caller)
            default:
                throw ParseError(.operationForbidden, "Only the users and roles of a role can be changed.")
            }
        }
        try await store.updateRole(name: role.name, addUsers: addUsers, removeUsers: removeUsers, addRoles: addRoles,
                                   removeRoles: removeRoles, context: caller.access)
        return RESTReply(body: .object(["updatedAt": .string(DateText.iso8601(role.updatedAt))]))
    }

    func deleteRole(_ objectId: String, caller: Caller) async throws -> RESTReply {
        let role = try await readableRole(objectId, caller: caller)
        try await store.deleteRole(name: role.name, context: caller.access)
        return .empty
    }

    private func readableRole(_ objectId: String, caller: Caller) async throws -> RoleInfo {
        guard let role = try await store.roles(objectIds: [objectId], context: caller.access).first else {
            throw ParseError.objectNotFound
        }
        return role
    }

    /// The names of roles given by objectId (relation pointers name roles by id).
    private func roleNames(_ objectIds: [String], _ caller: Caller) async throws -> [String] {
        guard !objectIds.isEmpty else { return [] }
        let found = try await store.roles(objectIds: objectIds, context: caller.access)
        guard found.count == Set(objectIds).count else { throw ParseError.invalidPointer("Role not found.") }
        return found.map(\.name)
    }

    static func roleJSON(_ role: RoleInfo) -> GraphQLValue {
        var fields: [(String, GraphQLValue)] = [
            ("objectId", .string(role.objectId)),
            ("name", .string(role.name)),
            ("createdAt", .string(DateText.iso8601(role.createdAt))),
            ("updatedAt", .string(DateText.iso8601(role.updatedAt))),
            ("users", .object(["__type": "Relation", "className": .string(ClassModel.userClassName)])),
            ("roles", .object(["__type": "Relation", "className": "_Role"])),
        ]
        if let acl = role.acl { fields.append(("ACL", ACLJSON.encode(acl))) }
        return .object(Record(fields: fields))
    }

    /// The objectIds an `AddRelation`/`RemoveRelation` (or a `Batch` of them) adds and removes.
    private static func relation(_ value: GraphQLValue, _ key: String, targetClass: String,
                                 allowing allowed: Set<String> = ["AddRelation", "RemoveRelation", "Batch"]) throws(ParseError)
        -> (added: [String], removed: [String])
    {
        guard let op = value["__op"]?.stringValue, allowed.contains(op) else {
            throw .incorrectType("\(key) takes AddRelation or RemoveRelation.")
        }
        if op == "Batch" {
            var result: (added: [String], removed: [String]) = ([], [])
            for item in value["ops"]?.listValue ?? [] {
                let part = try relation(item, key, targetClass: targetClass, allowing: ["AddRelation", "RemoveRelation"])
                result.added += part.added
                result.removed += part.removed
            }
            return result
        }
        var ids: [String] = []
        for item in value["objects"]?.listValue ?? [] {
            guard let (className, objectId) = ParseValue.pointer(item), className == targetClass else {
                throw .invalidPointer("\(key) takes pointers to \(targetClass).")
            }
            ids.append(objectId)
        }
        return op == "AddRelation" ? (ids, []) : ([], ids)
    }

    private static func textSet(_ value: GraphQLValue, _ key: String) throws(ParseError) -> [String] {
        if let text = value.stringValue { return [text] }
        if let items = value["$in"]?.listValue {
            var texts: [String] = []
            for item in items {
                guard let text = item.stringValue else { throw .invalidQuery("Invalid value for \(key).") }
                texts.append(text)
            }
            return texts
        }
        throw .invalidQuery("Invalid value for \(key).")
    }
}
