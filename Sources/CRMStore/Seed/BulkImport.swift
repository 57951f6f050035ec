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
    /// Inserts many objects of one class in one transaction (master key only; for demo data and
    /// imports). Each chunk is one `INSERT ... SELECT FROM unnest($1::text[], ...)` statement:
    /// every column travels as one text array parameter and is cast to its column type in SQL.
    /// Column names come from the class model only; an unknown column is refused (105).
    public func bulkImport(className: String, objects: [BulkObject], context: AccessContext,
                           chunkSize: Int = 5_000) async throws(StoreError) {
        guard context.isMaster else { throw StoreError.forbidden("Permission denied for action create on class \(className).") }
        let definition = try model.require(className)
        var columns: [(name: String, type: String)] = definition.fields.filter(\.isStoredColumn).map { ($0.name, $0.type.columnType) }
        columns += definition.fields.compactMap { field in field.classColumn.map { ($0, "text") } }
        let known = Set(columns.map(\.name))
        for object in objects {
            if let unknown = object.values.keys.first(where: { !known.contains($0) }) {
                throw StoreError(code: .invalidKeyName, "Invalid field name: \(unknown).")
            }
        }
        let all: [(name: String, type: String)] = [("objectId", "text"), ("createdAt", "epoch"),
                                                   ("updatedAt", "epoch"), ("_rperm", "text[]"),
                                                   ("_wperm", "text[]")] + columns
        let names = all.map { SQL.identifier($0.name) }.joined(separator: ", ")
        let arrays = all.indices.map { "$\($0 + 1)::text[]" }.joined(separator: ", ")
        // Timestamps travel as epoch seconds: exact to the millisecond, no time zone parsing.
        let casts = all.indices.map { all[$0].type == "epoch" ? "to_timestamp(c\($0)::double precision)" : "c\($0)::\(all[$0].type)" }
            .joined(separator: ", ")
        let aliases = all.indices.map { "c\($0)" }.joined(separator: ", ")
        let sql = "INSERT INTO \(SQL.identifier(className)) (\(names)) SELECT \(casts) FROM unnest(\(arrays)) AS t(\(aliases))"
        try await transaction { connection in
            try await ChangeLog.skip(on: connection)
            var start = 0
            while start < objects.count {
                let chunk = objects[start..<min(start + chunkSize, objects.count)]
                var parameters: [[String?]] = Array(repeating: [], count: all.count)
                for object in chunk {
                    let created = String(format: "%.3f", object.createdAt.timeIntervalSince1970)
                    parameters[0].append(object.objectId)
                    parameters[1].append(created)
                    parameters[2].append(created)
                    parameters[3].append(CopyText.arrayLiteral(object.readers))
                    parameters[4].append(CopyText.arrayLiteral(object.writers))
                    for (offset, column) in columns.enumerated() {
                        parameters[5 + offset].append(object.values[column.name] ?? nil)
                    }
                }
                _ = try await connection.run(sql, parameters.map(PostgresValue.textArray))
                start += chunkSize
            }
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
