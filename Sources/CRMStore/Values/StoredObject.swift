import Foundation
import PostgresClient
import Synchronization

/// One object as read from the database, with typed values.
///
/// Holds only fields that are set (NULL columns are absent), only those that were selected
/// (projection) and never a field the caller may not see (protectedFields, write-only fields).
///
/// Read from a row, the object keeps the row: the timestamps and the ACL arrays are decoded from
/// it only when asked for (``createdAtText`` copies the wire text into Parse's form, ``acl``
/// parses `_rperm`/`_wperm`), and the field values sit in an array laid out by the read's
/// ``FieldLayout``, shared by every object of the read, rather than in a dictionary per object.
public struct StoredObject: Sendable {
    public let className: String
    public let objectId: String
    private let system: SystemColumns
    private let layout: FieldLayout
    private let values: [FieldValue?]

    public init(className: String, objectId: String, createdAt: Date, updatedAt: Date, acl: ACL?,
                fields: [String: FieldValue]) {
        self.className = className
        self.objectId = objectId
        system = .decoded(createdAt: createdAt, updatedAt: updatedAt, acl: acl)
        let names = fields.keys.sorted()
        layout = FieldLayout(names)
        values = names.map { fields[$0] }
    }

    /// An object whose system columns are read from `row` at `offset` (objectId, createdAt,
    /// updatedAt, _rperm, _wperm) and whose `values` follow `layout`.
    init(className: String, objectId: String, row: PostgresRow, offset: Int, layout: FieldLayout, values: [FieldValue?]) {
        self.className = className
        self.objectId = objectId
        system = .row(row, offset)
        self.layout = layout
        self.values = values
    }

    public var createdAt: Date { system.date(1) }
    public var updatedAt: Date { system.date(2) }
    /// `createdAt` in Parse's ISO 8601 form (`2025-03-31T08:15:00.000Z`).
    public var createdAtText: String { system.text(1) }
    /// `updatedAt` in Parse's ISO 8601 form.
    public var updatedAtText: String { system.text(2) }

    /// nil: no ACL stored, i.e. public read and write.
    public var acl: ACL? {
        switch system {
        case .decoded(_, _, let acl): acl
        case .row(let row, let offset): ACL(readColumn: row.stringArray(offset + 3), writeColumn: row.stringArray(offset + 4))
        }
    }

    /// The value of a field, or nil when unset, unselected or hidden.
    public subscript(field: String) -> FieldValue? {
        layout.index(of: field).flatMap { values[$0] }
    }

    /// Calls `body` with the position (in the read's field names) and value of each set field.
    public func forEachValue(_ body: (Int, FieldValue) -> Void) {
        for (index, value) in values.enumerated() {
            if let value { body(index, value) }
        }
    }

    /// What an API layer derives from the read's field names (the shape of its records), made
    /// once per read and shared by every object of it.
    public func derived<T: AnyObject & Sendable>(_ make: ([String]) -> T) -> T {
        layout.derived(make)
    }

    /// The set fields by name.
    public var fields: [String: FieldValue] {
        var fields: [String: FieldValue] = [:]
        for (name, value) in zip(layout.names, values) where value != nil { fields[name] = value }
        return fields
    }
}

extension StoredObject: Hashable {
    public static func == (lhs: StoredObject, rhs: StoredObject) -> Bool {
        lhs.className == rhs.className && lhs.objectId == rhs.objectId && lhs.createdAt == rhs.createdAt
            && lhs.updatedAt == rhs.updatedAt && lhs.acl == rhs.acl && lhs.fields == rhs.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(className)
        hasher.combine(objectId)
        hasher.combine(updatedAt)
    }
}

/// The field names of the objects of one read, in the order of their values.
final class FieldLayout: Sendable {
    let names: [String]
    private let cache = Mutex<(any AnyObject & Sendable)?>(nil)

    init(_ names: [String]) {
        self.names = names
    }

    func derived<T: AnyObject & Sendable>(_ make: ([String]) -> T) -> T {
        cache.withLock { cached in
            if let value = cached as? T { return value }
            let value = make(names)
            cached = value
            return value
        }
    }

    /// Linear search: a read selects a few fields, and comparing short names is cheaper than
    /// hashing them.
    func index(of name: String) -> Int? {
        names.firstIndex(of: name)
    }
}

/// Where an object's createdAt, updatedAt and ACL come from.
private enum SystemColumns: Sendable {
    case decoded(createdAt: Date, updatedAt: Date, acl: ACL?)
    /// The row's columns at offset + 1 (createdAt), + 2 (updatedAt), + 3 and + 4 (_rperm, _wperm).
    case row(PostgresRow, Int)

    /// A projection never yields a row without timestamps (``Projection/decode(_:offset:)``).
    func date(_ column: Int) -> Date {
        switch self {
        case .decoded(let createdAt, let updatedAt, _): column == 1 ? createdAt : updatedAt
        case .row(let row, let offset): row.date(offset + column) ?? Date(timeIntervalSince1970: 0)
        }
    }

    func text(_ column: Int) -> String {
        switch self {
        case .decoded: DateText.iso8601(date(column))
        case .row(let row, let offset): row.iso8601(offset + column) ?? DateText.iso8601(date(column))
        }
    }
}
