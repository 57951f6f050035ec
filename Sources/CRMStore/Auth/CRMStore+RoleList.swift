import Foundation
import PostgresClient

/// A `_Role` row as a reader sees it.
public struct RoleInfo: Sendable, Hashable {
    public let objectId: String
    public let name: String
    public let createdAt: Date
    public let updatedAt: Date
    /// nil: no ACL stored (public).
    public let acl: ACL?
}

extension CRMStore {
    /// Roles the caller may read (`_Role` row ACL), by name; with `objectIds` or `names`, only
    /// those.
    public func roles(objectIds: [String]? = nil, names: [String]? = nil, skip: Int = 0, limit: Int = 100,
                      context: AccessContext) async throws(StoreError) -> [RoleInfo] {
        var parameters = SQLParameters()
        var conditions = [AccessFilter(context: context, column: .read, pointerFields: nil).condition(alias: "r", parameters: &parameters)]
        if let objectIds { conditions.append("r.\"objectId\" = ANY(\(parameters.bind(texts: objectIds)))") }
        if let names { conditions.append("r.\"name\" = ANY(\(parameters.bind(texts: names)))") }
        let result = try await query("""
            SELECT r."objectId", r."name", r."createdAt", r."updatedAt", r."_rperm", r."_wperm" FROM "_Role" r
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY r."name", r."objectId"
            LIMIT \(max(0, min(limit, 1000))) OFFSET \(max(0, skip))
            """, parameters.values)
        return result.compactMap { row in
            guard let objectId = row.string(0), let name = row.string(1), let createdAt = row.date(2),
                  let updatedAt = row.date(3) else { return nil }
            return RoleInfo(objectId: objectId, name: name, createdAt: createdAt, updatedAt: updatedAt,
                            acl: ACL(readColumn: row.stringArray(4), writeColumn: row.stringArray(5)))
        }
    }

    /// The `_SCHEMA` document of a class, as Parse's `GET /schemas/<class>` answers it (JSON text).
    public func schemaJSON(_ className: String) throws(StoreError) -> String {
        SchemaDocument.json(for: try model.require(className))
    }
}
