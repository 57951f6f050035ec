import CRMStore
import Foundation
import GraphQLEngine
import PostgresClient

/// Input values of the custom scalars and of class fields, as the store's typed values
/// (parse-graphql.md 4.4: `Date` as an ISO string or `{__type: "Date", iso}`, `Object` any JSON
/// object, numbers as Float).
enum InputValues {
    /// `value` as a value of a field of `type`; nil when it has the wrong form.
    static func scalar(_ value: GraphQLValue, type: FieldType) throws -> FieldValue? {
        switch (type, value) {
        case (.string, .string(let text)), (.pointer, .string(let text)):
            return .string(text)
        case (.number, .int(let number)):
            return .number(Double(number))
        case (.number, .float(let number)):
            return .number(number)
        case (.boolean, .boolean(let flag)):
            return .bool(flag)
        case (.date, _):
            return date(value).map(FieldValue.date)
        case (.object, .object):
            return JSONEncoding.text(value).map(FieldValue.object)
        case (.array, .list):
            return JSONEncoding.text(value).map(FieldValue.array)
        default:
            return nil
        }
    }

    static func date(_ value: GraphQLValue) -> Date? {
        switch value {
        case .string(let text):
            return DateText.date(iso8601: text)
        case .object(let record):
            guard record["__type"]?.stringValue == "Date", let iso = record["iso"]?.stringValue else { return nil }
            return DateText.date(iso8601: iso)
        default:
            return nil
        }
    }
}

/// The `fields` of create and update inputs as the store's ``FieldInput``s, plus the ACL input
/// (parse-graphql.md 3.2 and 6): `null` unsets, pointers take `link` (global id or objectId)
/// or `createAndLink`, the polymorphic pointer takes a global id naming its class.
struct FieldInputs {
    let model: APIModel

    func convert(_ input: GraphQLValue?, for api: APIClass) throws -> (fields: [String: FieldInput], acl: ACL?) {
        guard let input, !input.isNull else { return ([:], nil) }
        guard case .object(let record) = input else { throw APIError.incorrectType("Invalid fields input.") }
        var fields: [String: FieldInput] = [:]
        var acl: ACL?
        for (name, value) in record.fields {
            if name == "ACL" {
                if !value.isNull { acl = try ACLInput.acl(value) }
                continue
            }
            guard let field = api.definition.field(name) else {
                throw APIError.parse(.invalidKeyName, "Invalid field name: \(name).")
            }
            fields[name] = try fieldInput(value, field: field)
        }
        return (fields, acl)
    }

    private func fieldInput(_ value: GraphQLValue, field: ModelField) throws -> FieldInput {
        if value.isNull { return .unset }
        guard field.type == .pointer else {
            guard let converted = try InputValues.scalar(value, type: field.type) else {
                throw APIError.incorrectType("Invalid value for \(field.name): expected \(field.type.rawValue).")
            }
            return .set(converted)
        }
        let link = value["link"].flatMap { $0.isNull ? nil : $0 }
        let create = value["createAndLink"].flatMap { $0.isNull ? nil : $0 }
        switch (link, create) {
        case (.string(let id)?, nil):
            if field.isPolymorphic {
                guard let decoded = GlobalID.decode(id), field.targetClasses.contains(decoded.className) else {
                    throw APIError.parse(.invalidPointer, "\(field.name) needs the global id of a \(field.targetClasses.joined(separator: " or ")).")
                }
                return .set(.pointer(className: decoded.className, objectId: decoded.objectId))
            }
            let target = field.targetClasses[0]
            return .set(.pointer(className: target, objectId: GlobalID.objectId(from: id, className: target)))
        case (nil, let nested?) where !field.isPolymorphic:
            guard let target = model.apiClass(className: field.targetClasses[0]) else {
                throw APIError.parse(.invalidPointer, "Invalid pointer for \(field.name).")
            }
            let (fields, acl) = try convert(nested, for: target)
            return .createAndLink(className: target.className, fields: fields, acl: acl)
        default:
            throw APIError.parse(.invalidPointer,
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

    private static func invalid() -> GraphQLError {
        APIError.parse(.invalidACL, "Invalid ACL.")
    }
}
