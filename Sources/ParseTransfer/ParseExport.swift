import APICore
import CRMStore
import Foundation
import GraphQLEngine
import PostgresClient

/// `dealgraph export PATH`: every class as Parse's JSON export, one `<Class>.json` per class
/// (`{"results": [...]}`, one object per line, in objectId order), in the REST encoding with
/// `ACL` and, on users, `_hashed_password`; roles with their memberships in `_Join:users:_Role` and
/// `_Join:roles:_Role` (Parse's database form); sessions with their stored token hashes
/// (`_hashed_session_token`). `dealgraph import` reads all of it back, so the move is reversible:
/// export, import into an empty database, export again gives the same files.
public struct ParseExport: Sendable {
    public var path: String
    public var batchSize = 5_000

    public init(path: String) { self.path = path }

    /// Writes the files; returns each file's name and object count.
    public func run(store: CRMStore, progress: @escaping (_ file: String, _ objects: Int) -> Void = { _, _ in }) async throws -> [(file: String, objects: Int)] {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw TransferError("\(path): the folder cannot be created (\(error.localizedDescription))")
        }
        var written: [(String, Int)] = []
        for definition in store.model.classes {
            written.append(try await write(definition.name) { emit in
                var after = ""
                while true {
                    let page = try await store.find(className: definition.name, where: .field("objectId", [.greaterThan(.string(after))]),
                                                    limit: batchSize, context: .master)
                    guard let last = page.last else { break }
                    let secrets = definition.isUserClass ? try await store.userSecrets(ids: page.map(\.objectId), context: .master) : [:]
                    for object in page { try emit(Self.json(object, definition: definition, secrets: secrets[object.objectId])) }
                    progress(definition.name, page.count)
                    after = last.objectId
                }
            })
        }
        written.append(try await write("_Role") { emit in
            var skip = 0
            while true {
                let roles = try await store.roles(skip: skip, limit: 1_000, context: .master)
                for role in roles.sorted(by: { $0.objectId < $1.objectId }) {
                    var fields: [(String, GraphQLValue)] = [("objectId", .string(role.objectId)), ("createdAt", .string(DateText.iso8601(role.createdAt))),
                                                            ("updatedAt", .string(DateText.iso8601(role.updatedAt)))]
                    if let acl = role.acl { fields.append(("ACL", ACLJSON.encode(acl))) }
                    fields.append(("name", .string(role.name)))
                    try emit(.object(Record(fields: fields)))
                }
                if roles.count < 1_000 { break }
                skip += roles.count
            }
        })
        for relation in [RoleRelation.users, .roles] {
            written.append(try await write("_Join:\(relation.rawValue):_Role") { emit in
                for (member, role) in try await store.roleMemberships(relation, context: .master) {
                    try emit(.object(Record(fields: [("relatedId", .string(member)), ("owningId", .string(role))])))
                }
            })
        }
        written.append(try await write("_Session") { emit in
            var after = ""
            while true {
                let sessions = try await store.storedSessions(after: after, limit: batchSize, context: .master)
                guard let last = sessions.last else { break }
                for session in sessions {
                    var fields: [(String, GraphQLValue)] = [
                        ("objectId", .string(session.objectId)), ("createdAt", .string(DateText.iso8601(session.createdAt))),
                        ("updatedAt", .string(DateText.iso8601(session.updatedAt))),
                        ("user", ParseValue.pointerJSON(className: ClassModel.userClassName, objectId: session.userId)),
                        ("_hashed_session_token", .string(session.tokenHash)),
                    ]
                    if let expires = session.expiresAt { fields.append(("expiresAt", ParseValue.encode(.date(expires)))) }
                    if let createdWith = session.createdWith { fields.append(("createdWith", ParseValue.parsedJSON(createdWith))) }
                    if let installation = session.installationId { fields.append(("installationId", .string(installation))) }
                    try emit(.object(Record(fields: fields)))
                }
                after = last.objectId
            }
        })
        return written
    }

    /// One object in the REST encoding: system fields, ACL, the class's fields in model order,
    /// then a user's hidden columns.
    static func json(_ object: StoredObject, definition: ClassDefinition, secrets: UserSecrets?) -> GraphQLValue {
        var fields: [(String, GraphQLValue)] = [("objectId", .string(object.objectId)), ("createdAt", .string(object.createdAtText)),
                                                ("updatedAt", .string(object.updatedAtText))]
        if let acl = object.acl { fields.append(("ACL", ACLJSON.encode(acl))) }
        for field in definition.fields where !field.writeOnly {
            if let value = object[field.name] { fields.append((field.name, ParseValue.encode(value))) }
        }
        if let hash = secrets?.hashedPassword { fields.append(("_hashed_password", .string(hash))) }
        if let verified = secrets?.emailVerified { fields.append(("emailVerified", .boolean(verified))) }
        return .object(Record(fields: fields))
    }

    /// Writes `<name>.json` (owner-only) from the objects `body` emits.
    private func write(_ name: String, _ body: (_ emit: (GraphQLValue) throws -> Void) async throws -> Void) async throws -> (String, Int) {
        let file = try PrivateFile(path: (path as NSString).appendingPathComponent(name + ".json"))
        try file.write("{\"results\": [")
        var count = 0
        try await body { object in
            try file.write((count == 0 ? "\n" : ",\n") + (JSONEncoding.text(object) ?? "{}"))
            count += 1
        }
        try file.write(count == 0 ? "]}\n" : "\n]}\n")
        try file.close()
        return (name + ".json", count)
    }
}
