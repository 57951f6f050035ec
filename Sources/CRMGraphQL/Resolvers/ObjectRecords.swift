import APICore
import CRMStore
import GraphQLEngine
import PostgresClient

/// A pointer as it sits in a parent record until its field resolver loads the target.
final class PointerReference: Sendable {
    let className: String
    let objectId: String

    init(className: String, objectId: String) {
        self.className = className
        self.objectId = objectId
    }
}

/// An object's ACL as it sits in its record until `ACL` is selected: the stored object, whose
/// `_rperm`/`_wperm` are parsed only then.
final class ACLReference: Sendable {
    private let object: StoredObject

    init(_ object: StoredObject) {
        self.object = object
    }

    var acl: ACL? { object.acl }
}

/// Turns stored objects of one class into the records the executor reads: one shared shape per
/// class (`__typename` for abstract fields, `id`, the system fields, then the output fields).
/// Pointer and ACL slots hold references that their field resolvers complete; every other slot
/// is the final value, read by the executor without a resolver call.
struct ObjectRecords: Sendable {
    let api: APIClass
    let shape: RecordShape
    private let typename: GraphQLValue
    private let outputNames: Set<String>

    static let leadingNames = ["__typename", "id", "objectId", "createdAt", "updatedAt", "ACL"]

    init(api: APIClass) {
        self.api = api
        shape = RecordShape(Self.leadingNames + api.outputFields.map(\.name))
        typename = .string(api.naming.typeName)
        outputNames = Set(api.outputFields.map(\.name))
    }

    /// A record carries the leading fields and the fields its read selected, in a shape made once
    /// per read: the executor reads a field the shape lacks as null, and the records of a page are
    /// a few values each rather than one per field of the class.
    func record(_ object: StoredObject) -> GraphQLValue {
        let layout = object.derived { names in LayoutShape(names: names, outputFields: outputNames) }
        var values: [GraphQLValue] = [
            typename,
            .string(GlobalID.encode(className: api.className, objectId: object.objectId)),
            .string(object.objectId),
            .string(object.createdAtText),
            .string(object.updatedAtText),
            .host(ACLReference(object)),
        ]
        values.reserveCapacity(layout.shape.count)
        values.append(contentsOf: repeatElement(.null, count: layout.shape.count - values.count))
        object.forEachValue { index, value in
            let slot = layout.slots[index]
            if slot >= 0 { values[slot] = Self.value(value) }
        }
        return .object(Record(shape: layout.shape, values: values))
    }

    static func value(_ value: FieldValue) -> GraphQLValue {
        switch value {
        case .string(let text): .string(text)
        case .number(let number): ParseValue.number(number)
        case .bool(let flag): .boolean(flag)
        case .date(let date): .string(DateText.iso8601(date))
        case .object(let json): ParseValue.parsedJSON(json)
        case .array(let json): ArrayElements.list(ParseValue.parsedJSON(json))
        case .pointer(let className, let objectId): .host(PointerReference(className: className, objectId: objectId))
        }
    }
}

/// The record shape of one read's objects: the leading fields, then the read's fields that the
/// type outputs; `slots` maps a position in the read's field names to its slot (-1: not output).
final class LayoutShape: Sendable {
    let shape: RecordShape
    let slots: [Int]

    init(names: [String], outputFields: Set<String>) {
        var shapeNames = ObjectRecords.leadingNames
        var slots: [Int] = []
        for name in names {
            if outputFields.contains(name) && !shapeNames.contains(name) {
                slots.append(shapeNames.count)
                shapeNames.append(name)
            } else {
                slots.append(-1)
            }
        }
        shape = RecordShape(shapeNames)
        self.slots = slots
    }
}

/// An Array field's value as its GraphQL type `[ArrayResult]` has it: each element an `Element
/// { value }` (the union `ArrayResult` of Parse's schema).
enum ArrayElements {
    static let shape = RecordShape(["__typename", "value"])

    static func list(_ value: GraphQLValue) -> GraphQLValue {
        guard case .list(let items) = value else { return .null }
        return .list(items.map { .object(Record(shape: shape, values: ["Element", $0])) })
    }
}

/// The output form of ACLs (docs/API.md): missing permissions are `false`,
/// `users`/`roles` are null when empty, `public` null without a `*` entry, and an object
/// without ACL is public read/write.
enum ACLOutput {
    static let ruleShape = RecordShape(["userId", "read", "write"])
    static let roleShape = RecordShape(["roleName", "read", "write"])
    static let publicShape = RecordShape(["read", "write"])
    static let aclShape = RecordShape(["users", "roles", "public"])

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
