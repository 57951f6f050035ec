import APICore
import CRMStore
import GraphQLEngine
import PostgresClient

/// The `fields` of create and update inputs as the store's ``FieldInput``s, plus the ACL input
/// (docs/API.md): `null` unsets, pointers take `link` (global id or objectId)
/// or `createAndLink`, the polymorphic pointer takes a global id naming its class.
struct FieldInputs {
    let model: APIModel

    func convert(_ input: GraphQLValue?, for api: APIClass) throws -> (fields: [String: FieldInput], acl: ACL?) {
        guard let input, !input.isNull else { return ([:], nil) }
        guard case .object(let record) = input else { throw ParseError.incorrectType("Invalid fields input.") }
        var fields: [String: FieldInput] = [:]
        var acl: ACL?
        for (name, value) in record.fields {
            if name == "ACL" {
                if !value.isNull { acl = try ACLInput.acl(value) }
                continue
            }
            guard let field = api.definition.field(name) else {
                throw ParseError(.invalidKeyName, "Invalid field name: \(name).")
            }
            fields[name] = try fieldInput(value, field: field)
        }
        return (fields, acl)
    }

    private func fieldInput(_ value: GraphQLValue, field: ModelField) throws -> FieldInput {
        if value.isNull { return .unset }
        guard field.type == .pointer else {
            guard let converted = ParseValue.decode(value, as: field.type) else {
                throw ParseError.incorrectType("Invalid value for \(field.name): expected \(field.type.rawValue).")
            }
            return .set(converted)
        }
        let link = value["link"].flatMap { $0.isNull ? nil : $0 }
        let create = value["createAndLink"].flatMap { $0.isNull ? nil : $0 }
        switch (link, create) {
        case (.string(let id)?, nil):
            if field.isPolymorphic {
                guard let decoded = GlobalID.decode(id), field.targetClasses.contains(decoded.className) else {
                    throw ParseError(.invalidPointer, "\(field.name) needs the global id of a \(field.targetClasses.joined(separator: " or ")).")
                }
                return .set(.pointer(className: decoded.className, objectId: decoded.objectId))
            }
            let target = field.targetClasses[0]
            return .set(.pointer(className: target, objectId: GlobalID.objectId(from: id, className: target)))
        case (nil, let nested?) where !field.isPolymorphic:
            guard let target = model.apiClass(className: field.targetClasses[0]) else {
                throw ParseError(.invalidPointer, "Invalid pointer for \(field.name).")
            }
            let (fields, acl) = try convert(nested, for: target)
            return .createAndLink(className: target.className, fields: fields, acl: acl)
        default:
            throw ParseError(.invalidPointer,
                             "You need to provide link OR createLink on the pointer mutation of field \(field.name)")
        }
    }
}

/// `ACLInput` -> ``ACL``: `public` is `*`, users by global id or objectId, roles by name;
/// `false` permissions are absent.
enum ACLInput {
    static func acl(_ value: GraphQLValue) throws -> ACL {
        var acl = ACL()
        for rule in value["users"]?.listValue ?? [] {
            guard case .string(let id)? = rule["userId"] else { throw invalid() }
            let userId = GlobalID.objectId(from: id, className: ClassModel.userClassName)
            guard let principal = Principal(stored: userId), case .user = principal else { throw invalid() }
            acl.grant(principal, read: rule["read"]?.boolValue ?? false, write: rule["write"]?.boolValue ?? false)
        }
        for rule in value["roles"]?.listValue ?? [] {
            guard case .string(let name)? = rule["roleName"], Principal.isValidRoleName(name) else { throw invalid() }
            acl.grant(.role(name), read: rule["read"]?.boolValue ?? false, write: rule["write"]?.boolValue ?? false)
        }
        if let everyone = value["public"], !everyone.isNull {
            acl.grant(.everyone, read: everyone["read"]?.boolValue ?? false, write: everyone["write"]?.boolValue ?? false)
        }
        return acl
    }

    private static func invalid() -> ParseError {
        ParseError.invalidACL()
    }
}
