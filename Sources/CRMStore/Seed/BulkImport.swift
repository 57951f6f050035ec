import Foundation
import PostgresClient

/// One object for ``CRMStore/bulkImport(className:objects:context:)``: values in PostgreSQL's
/// text form (numbers as decimal text, dates as ISO 8601), keyed by column.
public struct BulkObject: Sendable {
    public var objectId: String
    public var createdAt: Date
    /// `_rperm` / `_wperm` principals in stored form (`*`, a user objectId, `role:Name`).
    public var readers: [String]
    public var writers: [String]
    /// Column name -> text value (nil is NULL). Columns are the class's stored fields and, for a
    /// polymorphic pointer, its class column.
    public var values: [String: String?]

    /// `objectId` nil draws a new random one.
    public init(objectId: String? = nil, createdAt: Date, readers: [String], writers: [String],
                values: [String: String?]) {
        self.objectId = objectId ?? RandomIdentifier.objectId()
        self.createdAt = createdAt
        self.readers = readers
        self.writers = writers
        self.values = values
    }
}

extension CRMStore {
    /// Inserts many objects of one class in one transaction (master key only; for demo data): the
    /// import's path (``ImportTransaction/upsert(className:columns:rows:)``, COPY through a
    /// staging table). Column names come from the class model only; an unknown column is refused
    /// (105).
    public func bulkImport(className: String, objects: [BulkObject], context: AccessContext) async throws(StoreError) {
        guard context.isMaster else { throw StoreError.forbidden("Permission denied for action create on class \(className).") }
        let definition = try model.require(className)
        let fields = definition.fieldColumns, known = Set(fields)
        for object in objects {
            if let unknown = object.values.keys.first(where: { !known.contains($0) }) {
                throw StoreError(code: .invalidKeyName, "Invalid field name: \(unknown).")
            }
        }
        let rows: [[ImportCell]] = objects.map { object in
            [.text(object.objectId), .date(object.createdAt), .date(object.createdAt), .textArray(object.readers), .textArray(object.writers)]
                + fields.map { (object.values[$0] ?? nil).map(ImportCell.text) ?? .null }
        }
        do {
            try await importing(context: context) { try await $0.upsert(className: className, columns: ["objectId", "createdAt", "updatedAt", "_rperm", "_wperm"] + fields, rows: rows) }
        } catch {
            throw StoreError(mapping: error)
        }
    }

    /// True when the class has at least one object (any ACL): how seeding knows it already ran.
    public func hasObjects(className: String, context: AccessContext) async throws(StoreError) -> Bool {
        guard context.isMaster else { throw StoreError.forbidden("unauthorized: master key is required") }
        _ = try model.require(className)
        let result = try await query("SELECT EXISTS (SELECT 1 FROM \(SQL.identifier(className)))", [])
        return result.first?.bool(0) ?? false
    }
}
