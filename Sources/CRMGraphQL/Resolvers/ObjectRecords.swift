import CRMStore
import Foundation
import GraphQLEngine

/// A pointer as it sits in a parent record until its field resolver loads the target.
final class PointerReference: Sendable {
    let className: String
    let objectId: String

    init(className: String, objectId: String) {
        self.className = className
        self.objectId = objectId
    }
}

/// An object's ACL as it sits in its record until `ACL` is selected.
final class ACLReference: Sendable {
    let acl: ACL?

    init(_ acl: ACL?) {
        self.acl = acl
    }
}

/// Turns stored objects of one class into the records the executor reads: one shared shape per
/// class (`__typename` for abstract fields, `id`, the system fields, then the output fields).
/// Pointer and ACL slots hold references that their field resolvers complete; every other slot
/// is the final value, read by the executor without a resolver call.
struct ObjectRecords: Sendable {
    let api: APIClass
    let shape: RecordShape
    private let typename: GraphQLValue

    static let leadingNames = ["__typename", "id", "objectId", "createdAt", "updatedAt", "ACL"]

    init(api: APIClass) {
        self.api = api
        shape = RecordShape(Self.leadingNames + api.outputFields.map(\.name))
        typename = .string(api.naming.typeName)
    }

    func record(_ object: StoredObject) -> GraphQLValue {
        var values: [GraphQLValue] = [
            typename,
            .string(GlobalID.encode(className: api.className, objectId: object.objectId)),
            .string(object.objectId),
            .string(DateText.format(object.createdAt)),
            .string(DateText.format(object.updatedAt)),
            .host(ACLReference(object.acl)),
        ]
        values.reserveCapacity(shape.count)
        for field in api.outputFields {
            values.append(object[field.name].map(Self.value) ?? .null)
        }
        return .object(Record(shape: shape, values: values))
    }

    static func value(_ value: FieldValue) -> GraphQLValue {
        switch value {
        case .string(let text): .string(text)
        case .number(let number): JSONValue.number(number)
        case .bool(let flag): .boolean(flag)
        case .date(let date): .string(DateText.format(date))
        case .object(let json), .array(let json): JSONValue.parse(json)
        case .pointer(let className, let objectId): .host(PointerReference(className: className, objectId: objectId))
        }
    }
}

/// The output form of ACLs (parse-graphql.md section 6): missing permissions are `false`,
/// `users`/`roles` are null when empty, `public` null without a `*` entry, and an object
/// without ACL is public read/write.
enum ACLOutput {
    private static let ruleShape = RecordShape(["userId", "read", "write"])
    private static let roleShape = RecordShape(["roleName", "read", "write"])
    private static let publicShape = RecordShape(["read", "write"])
    private static let aclShape = RecordShape(["users", "roles", "public"])

    static func record(_ acl: ACL?) -> GraphQLValue {
        guard let acl else {
            return .object(Record(shape: aclShape, values: [.null, .null, .object(Record(shape: publicShape, values: [true, true]))]))
        }
        var users: [GraphQLValue] = [], roles: [GraphQLValue] = []
        var everyone: GraphQLValue = .null
        for principal in acl.readers.union(acl.writers).sorted() {
            let read = GraphQLValue.boolean(acl.readers.contains(principal))
            let write = GraphQLValue.boolean(acl.writers.contains(principal))
            switch principal {
            case .everyone:
                everyone = .object(Record(shape: publicShape, values: [read, write]))
            case .user(let id):
                let userId = GraphQLValue.string(GlobalID.encode(className: ClassModel.userClassName, objectId: id))
                users.append(.object(Record(shape: ruleShape, values: [userId, read, write])))
            case .role(let name):
                roles.append(.object(Record(shape: roleShape, values: [.string(name), read, write])))
            }
        }
        return .object(Record(shape: aclShape, values: [
            users.isEmpty ? .null : .list(users), roles.isEmpty ? .null : .list(roles), everyone,
        ]))
    }
}

/// Dates as Parse renders them: ISO-8601 UTC with milliseconds (`2025-03-31T00:00:00.000Z`).
enum DateText {
    static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, dayMillis) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, millis) = dayMillis < 0 ? (days - 1, dayMillis + 86_400_000) : (days, dayMillis)
        // Howard Hinnant's civil_from_days.
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        var text = ""
        text.reserveCapacity(24)
        func pad(_ value: Int64, _ width: Int) {
            let digits = String(value)
            if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
            text += digits
        }
        pad(y, 4); text += "-"; pad(m, 2); text += "-"; pad(d, 2); text += "T"
        pad(millis / 3_600_000, 2); text += ":"; pad(millis / 60_000 % 60, 2); text += ":"
        pad(millis / 1000 % 60, 2); text += "."; pad(millis % 1000, 3); text += "Z"
        return text
    }

    /// An ISO-8601 date, with or without fractional seconds.
    static func parse(_ text: String) -> Date? {
        guard text.utf8.count <= 64 else { return nil }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }
}
