import Foundation

extension ClassModel {
    /// The model shipped with the package (`Resources/crm-classes.json`).
    public static func bundled() throws(StoreError) -> ClassModel {
        guard let url = Bundle.module.url(forResource: "crm-classes", withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            throw StoreError.internalError("crm-classes.json missing from the CRMStore bundle")
        }
        return try ClassModel(json: data)
    }

    /// Parses a model file in the crm-classes.json format.
    public init(json data: Data) throws(StoreError) {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let rawClasses = root["classes"] as? [[String: Any]] else {
            throw Self.invalid("no classes")
        }
        let rawPermissions = root["classLevelPermissions"] as? [String: Any] ?? [:]
        var classes: [ClassDefinition] = []
        for raw in rawClasses {
            guard let name = raw["className"] as? String else { throw Self.invalid("class without className") }
            let rawFields = raw["fields"] as? [String: Any] ?? [:]
            var fields: [FieldDefinition] = []
            for fieldName in rawFields.keys.sorted() {
                guard let spec = rawFields[fieldName] as? [String: Any] else { throw Self.invalid("field \(fieldName)") }
                fields.append(try Self.field(fieldName, spec))
            }
            let permissions = try (rawPermissions[name] as? [String: Any]).map(Self.permissions) ?? .publicAccess
            classes.append(ClassDefinition(
                name: name, fields: fields, unique: raw["unique"] as? [[String]] ?? [],
                defaultACL: try Self.defaultACL(raw["defaultACL"] as? [String: Any] ?? [:]),
                permissions: permissions))
        }
        try self.init(classes: classes)
    }

    private static func field(_ name: String, _ spec: [String: Any]) throws(StoreError) -> FieldDefinition {
        guard let typeName = spec["type"] as? String, let type = FieldType(rawValue: typeName) else {
            throw invalid("type of \(name)")
        }
        var targets = spec["targetClasses"] as? [String] ?? []
        if let target = spec["targetClass"] as? String { targets = [target] }
        return FieldDefinition(
            name: name, type: type, required: spec["required"] as? Bool ?? false,
            writeOnly: spec["writeOnly"] as? Bool ?? false,
            setByServer: (spec["setBy"] as? String) == "server", targetClasses: targets,
            examples: spec["examples"] as? [String] ?? [])
    }

    private static func defaultACL(_ raw: [String: Any]) throws(StoreError) -> DefaultACLPolicy {
        func access(_ value: Any?) throws(StoreError) -> DefaultACLPolicy.Access? {
            guard let value else { return nil }
            guard let code = value as? String, let access = DefaultACLPolicy.Access(code: code) else {
                throw invalid("defaultACL access")
            }
            return access
        }
        var policy = DefaultACLPolicy(creator: try access(raw["creator"]), selfAccess: try access(raw["self"]))
        for (role, code) in raw["roles"] as? [String: Any] ?? [:] { policy.roles[role] = try access(code) }
        for (field, code) in raw["pointers"] as? [String: Any] ?? [:] { policy.pointers[field] = try access(code) }
        return policy
    }

    /// Parses Parse's CLP JSON (`{"find": {"*": true}, "readUserFields": [...], ...}`).
    static func permissions(_ raw: [String: Any]) throws(StoreError) -> ClassLevelPermissions {
        var result = ClassLevelPermissions(operations: [:])
        for operation in ClassOperation.allCases {
            guard let entry = raw[operation.rawValue] else { continue }
            guard let keys = entry as? [String: Any] else { throw invalid("CLP \(operation.rawValue)") }
            var permission = OperationPermission()
            for (key, value) in keys {
                if key == "pointerFields" {
                    guard let fields = value as? [String] else { throw invalid("pointerFields") }
                    permission.pointerFields = fields
                    continue
                }
                guard value as? Bool == true else { throw invalid("CLP value") }
                switch key {
                case "*": permission.isPublic = true
                case "requiresAuthentication": permission.requiresAuthentication = true
                case let role where role.hasPrefix("role:"): permission.roleNames.insert(String(role.dropFirst(5)))
                default: permission.userIds.insert(key)
                }
            }
            result.operations[operation] = permission
        }
        result.readUserFields = raw["readUserFields"] as? [String] ?? []
        result.writeUserFields = raw["writeUserFields"] as? [String] ?? []
        result.protectedFields = raw["protectedFields"] as? [String: [String]] ?? [:]
        return result
    }

    private static func invalid(_ what: String) -> StoreError {
        StoreError(code: .invalidJSON, "Invalid class model: \(what).")
    }
}
