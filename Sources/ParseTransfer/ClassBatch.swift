import APICore
import CRMStore
import Foundation
import GraphQLEngine

/// The decoded objects of one export file waiting to be written, in the shape its class takes:
/// rows for a model class, roles, role memberships, or sessions.
struct ClassBatch: Sendable {
    let className: String
    private let definition: ClassDefinition?
    /// A model class's columns, `objectId` first.
    private let columns: [String]
    private var rows: [[ImportCell]] = []
    private var roles: [ImportedRole] = []
    /// Memberships, `_Join:users:_Role` and `_Join:roles:_Role` rows: (relatedId, owningId).
    private var userMembers: [(member: String, role: String)] = []
    private var roleMembers: [(member: String, role: String)] = []
    private var sessions: [ImportedSession] = []
    /// Report lines the batch's objects gave (kind, fields), for the report to write.
    private(set) var findings: [(kind: String, fields: [(String, GraphQLValue)])] = []

    init(className: String, model: ClassModel) {
        self.className = className
        let definition = try? model.require(className)
        self.definition = definition
        var columns = ["objectId", "createdAt", "updatedAt", "_rperm", "_wperm"] + (definition?.fieldColumns ?? [])
        if className == ClassModel.userClassName { columns += ["_hashed_password", "emailVerified"] }
        self.columns = columns
    }

    var isEmpty: Bool { count == 0 && findings.isEmpty }

    var count: Int { rows.count + roles.count + userMembers.count + roleMembers.count + sessions.count }

    /// Adds a line for the report.
    mutating func record(_ kind: String, _ fields: [(String, GraphQLValue)]) { findings.append((kind, fields)) }

    /// Decodes one object of the file into the batch; false when it is left out (and reported).
    /// A ``Refusal`` leaves the batch as it was.
    mutating func add(_ value: GraphQLValue) throws -> Bool {
        switch className {
        case "_Join:users:_Role", "_Join:roles:_Role":
            guard let member = value["relatedId"]?.stringValue, let role = value["owningId"]?.stringValue,
                  Principal.isObjectId(member), Principal.isObjectId(role) else {
                throw Refusal(reason: "a membership needs relatedId and owningId objectIds")
            }
            if className == "_Join:users:_Role" { userMembers.append((member, role)) } else { roleMembers.append((member, role)) }
        case "_Role":
            let object = try ExportedObjectDecoder.decode(value, definition: nil, isSystem: true)
            guard let name = object.extra["name"]?.stringValue, Principal.isValidRoleName(name) else {
                throw Refusal(reason: "a role needs a name of letters, digits, _, - and spaces")
            }
            var users: [(member: String, role: String)] = [], children: [(member: String, role: String)] = []
            for (relation, target) in [("users", ClassModel.userClassName), ("roles", "_Role")] {
                // Inline members (a list of pointers or objectIds); a Relation value carries none.
                guard let items = object.extra[relation]?.listValue else { continue }
                for item in items {
                    guard let id = item.stringValue ?? ParseValue.pointer(item).flatMap({ $0.className == target ? $0.objectId : nil }),
                          Principal.isObjectId(id) else { throw Refusal(reason: "\(relation) of role \(name) holds something other than \(target) pointers") }
                    if relation == "users" { users.append((id, object.objectId)) } else { children.append((id, object.objectId)) }
                }
            }
            roles.append(ImportedRole(objectId: object.objectId, name: name, createdAt: object.createdAt, updatedAt: object.updatedAt,
                                      readers: object.readers, writers: object.writers))
            userMembers += users
            roleMembers += children
        case "_Session":
            let object = try ExportedObjectDecoder.decode(value, definition: nil, isSystem: true)
            return try addSession(object)
        default:
            guard let definition else { throw Refusal(reason: "no class \(className) in the model") }
            let object = try ExportedObjectDecoder.decode(value, definition: definition)
            for (field, json, reason) in object.aside {
                findings.append(("aside", [("class", .string(className)), ("objectId", .string(object.objectId)), ("field", .string(field)),
                                            ("value", .string(json)), ("reason", .string(reason))]))
            }
            if definition.isUserClass, object.cells["_hashed_password"] == nil {
                findings.append(("noPassword", [("objectId", .string(object.objectId)),
                                                 ("username", object.cells["username"].flatMap { if case .text(let name) = $0 { .string(name) } else { nil } } ?? .null)]))
            }
            var row: [ImportCell] = [.text(object.objectId), .date(object.createdAt), .date(object.updatedAt),
                                     object.readers.map(ImportCell.textArray) ?? .null, object.writers.map(ImportCell.textArray) ?? .null]
            for column in columns.dropFirst(5) { row.append(object.cells[column] ?? .null) }
            rows.append(row)
        }
        return true
    }

    private mutating func addSession(_ object: ExportedObject) throws -> Bool {
        let user = object.extra["user"].flatMap { $0.stringValue ?? ParseValue.pointer($0)?.objectId }
            ?? object.extra["_p_user"]?.stringValue.flatMap { $0.hasPrefix("_User$") ? String($0.dropFirst(6)) : nil }
        guard let user, Principal.isObjectId(user) else { throw Refusal(reason: "a session needs its user") }
        var hash: String?
        if let stored = object.extra["_hashed_session_token"]?.stringValue {
            guard CRMStore.isStoredSessionToken(stored) else {
                throw Refusal(reason: "_hashed_session_token is not a SHA-256 in hex")
            }
            hash = stored
        } else if let token = (object.extra["sessionToken"] ?? object.extra["_session_token"])?.stringValue {
            hash = CRMStore.storedSessionToken(token)
            // A token of another shape could never be looked up; the user logs in again.
            if hash == nil {
                findings.append(("session", [("objectId", .string(object.objectId)), ("user", .string(user)),
                                              ("reason", .string("its token is not r: and 32 hex characters; the user logs in again"))]))
                return false
            }
        }
        guard let hash else { throw Refusal(reason: "a session needs its sessionToken") }
        let createdWith = object.extra["createdWith"].flatMap { $0.isNull ? nil : ParseValue.json($0) }
        let expires = object.extra["expiresAt"].flatMap(ExportedObjectDecoder.date)
        if object.extra["expiresAt"] != nil, expires == nil { throw Refusal(reason: "expiresAt is not a date") }
        sessions.append(ImportedSession(objectId: object.objectId, userId: user, tokenHash: hash, createdAt: object.createdAt,
                                        updatedAt: object.updatedAt, expiresAt: expires, createdWith: createdWith,
                                        installationId: object.extra["installationId"]?.stringValue))
        return true
    }

    /// Writes what the batch holds and empties it.
    mutating func flush(_ transaction: ImportTransaction) async throws {
        if !rows.isEmpty { try await transaction.upsert(className: className, columns: columns, rows: rows) }
        try await transaction.upsertRoles(roles)
        try await transaction.addMembers(relation: .users, userMembers)
        try await transaction.addMembers(relation: .roles, roleMembers)
        try await transaction.upsertSessions(sessions)
        (rows, roles, userMembers, roleMembers, sessions, findings) = ([], [], [], [], [], [])
    }
}
