import Foundation

/// The `_SCHEMA` row of a class in Parse's format: fields with their types and the class-level
/// permissions, so that Parse tooling reading the database sees the same classes.
enum SchemaDocument {
    static func json(for definition: ClassDefinition) -> String {
        var fields: [String: Any] = [
            "objectId": ["type": "String"], "createdAt": ["type": "Date"],
            "updatedAt": ["type": "Date"], "ACL": ["type": "ACL"],
        ]
        for field in definition.fields {
            var spec: [String: Any] = ["type": field.type.rawValue]
            if field.required { spec["required"] = true }
            if field.type == .pointer {
                spec["targetClass"] = field.targetClasses.first ?? ""
                if field.isPolymorphic { spec["targetClasses"] = field.targetClasses }
            }
            if !field.writeOnly { fields[field.name] = spec }
        }
        let document: [String: Any] = [
            "className": definition.name,
            "fields": fields,
            "classLevelPermissions": permissionsJSON(definition.permissions),
            "indexes": ["_id_": ["_id": 1]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func permissionsJSON(_ permissions: ClassLevelPermissions) -> [String: Any] {
        var result: [String: Any] = [:]
        for (operation, permission) in permissions.operations {
            var entry: [String: Any] = [:]
            if permission.isPublic { entry["*"] = true }
            if permission.requiresAuthentication { entry["requiresAuthentication"] = true }
            for user in permission.userIds { entry[user] = true }
            for role in permission.roleNames { entry["role:" + role] = true }
            if !permission.pointerFields.isEmpty { entry["pointerFields"] = permission.pointerFields }
            result[operation.rawValue] = entry
        }
        if !permissions.readUserFields.isEmpty { result["readUserFields"] = permissions.readUserFields }
        if !permissions.writeUserFields.isEmpty { result["writeUserFields"] = permissions.writeUserFields }
        result["protectedFields"] = permissions.protectedFields
        return result
    }
}
