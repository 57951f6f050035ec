import APICore
import CRMStore
import Foundation
import GraphQLEngine
import PostgresClient

/// One object of an export, decoded for the store. Both of Parse's forms are read: the REST form
/// (`objectId`, `createdAt`, `ACL`, pointers as `{"__type":"Pointer",...}`, dates as
/// `{"__type":"Date","iso":...}`) and the database form (`_id`, `_created_at`, `_p_company` as
/// `"Company$objectId"`, `_acl` with `r`/`w`, `_rperm`/`_wperm`, `_hashed_password`, dates as
/// `{"$date":...}`).
struct ExportedObject {
    var objectId: String
    var createdAt: Date
    var updatedAt: Date
    /// nil: no ACL, which Parse reads as public.
    var readers: [String]?
    var writers: [String]?
    /// Column -> cell, for the class's stored fields and `_User`'s hidden columns present.
    var cells: [String: ImportCell] = [:]
    /// Keys the class model does not have, with their JSON text and why they were kept aside.
    var aside: [(field: String, json: String, reason: String)] = []
    /// The rest of the object: keys that are not fields (`users`, `user`, `sessionToken`, ...) for
    /// the system classes to read.
    var extra: [String: GraphQLValue] = [:]
}

/// Why one object cannot be imported.
struct Refusal: Error {
    var reason: String
}

enum ExportedObjectDecoder {
    /// Keys every form may carry that are not fields.
    private static let metadata: Set<String> = ["__type", "className"]
    /// Parse Server's internal `_User` columns that DealGraph does not take over (kept aside).
    private static let parseInternal: Set<String> = [
        "_email_verify_token", "_email_verify_token_expires_at", "_perishable_token", "_perishable_token_expires_at",
        "_failed_login_count", "_account_lockout_expires_at", "_password_changed_at", "_password_history",
        "_session_token", "authData", "_tombstone",
    ]

    /// Decodes `value` as an object of `definition` (nil for `_Role` and `_Session`, whose keys go
    /// to `extra`).
    static func decode(_ value: GraphQLValue, definition: ClassDefinition?, isSystem: Bool = false) throws(Refusal) -> ExportedObject {
        guard case .object(let record) = value else { throw Refusal(reason: "not a JSON object") }
        var objectId: String?, created: Date?, updated: Date?
        var restACL: GraphQLValue?, databaseACL: GraphQLValue?, rperm: [String]?, wperm: [String]?
        var object = ExportedObject(objectId: "", createdAt: .distantPast, updatedAt: .distantPast)
        for (key, field) in record.fields {
            switch key {
            case "objectId", "_id":
                guard let id = field.stringValue, Principal.isObjectId(id) else { throw Refusal(reason: "\(key) is not an objectId (1 to 64 letters and digits)") }
                objectId = id
            case "createdAt", "_created_at":
                guard let date = date(field) else { throw Refusal(reason: "\(key) is not a date") }
                created = date
            case "updatedAt", "_updated_at":
                guard let date = date(field) else { throw Refusal(reason: "\(key) is not a date") }
                updated = date
            case "ACL": restACL = field
            case "_acl": databaseACL = field
            case "_rperm": rperm = try principals(field, key)
            case "_wperm": wperm = try principals(field, key)
            case _ where metadata.contains(key): continue
            default:
                if let definition {
                    try decodeField(key, field, definition: definition, into: &object)
                } else {
                    guard isFieldName(key) || (isSystem && key.hasPrefix("_")) else { throw Refusal(reason: "invalid field name \(quoted(key))") }
                    object.extra[key] = field
                }
            }
        }
        guard let objectId else { throw Refusal(reason: "objectId is missing") }
        object.objectId = objectId
        guard let created else { throw Refusal(reason: "createdAt is missing") }
        object.createdAt = created
        object.updatedAt = updated ?? created
        if rperm != nil || wperm != nil {
            (object.readers, object.writers) = (rperm ?? [], wperm ?? [])
        } else if let databaseACL {
            (object.readers, object.writers) = try shortACL(databaseACL)
        } else if let restACL, !restACL.isNull {
            do {
                let acl = try ACLJSON.decode(restACL)
                (object.readers, object.writers) = (acl.readers.map(\.stored).sorted(), acl.writers.map(\.stored).sorted())
            } catch {
                throw Refusal(reason: "ACL is not a Parse ACL")
            }
        }
        if let definition {
            for field in definition.fields where field.required && !field.writeOnly && object.cells[field.name] == nil {
                throw Refusal(reason: "required field \(field.name) is missing")
            }
        }
        return object
    }

    private static func decodeField(_ key: String, _ value: GraphQLValue, definition: ClassDefinition,
                                    into object: inout ExportedObject) throws(Refusal) {
        let isUser = definition.name == ClassModel.userClassName
        if isUser {
            switch key {
            case "_hashed_password":
                guard let hash = value.stringValue, let normalized = bcryptHash(hash) else { throw Refusal(reason: "_hashed_password is not a bcrypt hash") }
                object.cells["_hashed_password"] = .text(normalized)
                return
            case "emailVerified":
                guard let flag = value.boolValue else { throw Refusal(reason: "emailVerified is not a Boolean") }
                object.cells["emailVerified"] = .bool(flag)
                return
            case "password":
                // Never stored, never written to the report: an export carries hashes, not passwords.
                throw Refusal(reason: "a clear-text password; export _hashed_password instead")
            case "sessionToken":
                return // a logged-in user's token in a REST export; sessions come from _Session
            default:
                break
            }
        }
        if parseInternal.contains(key) || key.hasPrefix("_auth_data_") {
            // Tokens and third-party credentials: the report names the field, never its value.
            object.aside.append((key, "(withheld)", "Parse Server internal, not taken over"))
            return
        }
        var name = key, value = value
        if key.hasPrefix("_p_") {
            name = String(key.dropFirst(3))
            guard let text = value.stringValue, let dollar = text.firstIndex(of: "$") else {
                throw Refusal(reason: "\(key) is not \"Class$objectId\"")
            }
            value = ParseValue.pointerJSON(className: String(text[..<dollar]), objectId: String(text[text.index(after: dollar)...]))
        }
        guard isFieldName(name) else { throw Refusal(reason: "invalid field name \(quoted(key))") }
        guard let field = definition.field(name), !field.writeOnly else {
            object.aside.append((key, JSONEncoding.text(value) ?? "null", "not a field of \(definition.name)"))
            return
        }
        if value.isNull {
            object.cells[name] = .null
            return
        }
        if field.type == .date, let iso = mongoDate(value) { value = .string(iso) }
        guard let decoded = ParseValue.decode(value, as: field.type, targets: field.targetClasses) else {
            throw Refusal(reason: "\(name) is not a \(field.type.rawValue)\(field.type == .pointer ? " to \(field.targetClasses.joined(separator: " or "))" : "")")
        }
        switch decoded {
        case .string(let text) where field.type == .pointer:
            guard Principal.isObjectId(text) else { throw Refusal(reason: "\(name) does not name an objectId") }
            object.cells[name] = .text(text)
        case .string(let text): object.cells[name] = .text(text)
        case .number(let number): object.cells[name] = .number(number)
        case .bool(let flag): object.cells[name] = .bool(flag)
        case .date(let date): object.cells[name] = .date(date)
        case .object(let json), .array(let json): object.cells[name] = .json(json)
        case .pointer(let className, let id):
            guard Principal.isObjectId(id) else { throw Refusal(reason: "\(name) does not name an objectId") }
            object.cells[name] = .text(id)
            if let classColumn = field.classColumn { object.cells[classColumn] = .text(className) }
        }
    }

    /// A date in any of the export forms: ISO text, `{"__type":"Date","iso":...}`, `{"$date":...}`.
    static func date(_ value: GraphQLValue) -> Date? {
        if let iso = mongoDate(value) { return DateText.date(iso8601: iso) }
        return ParseValue.date(value)
    }

    /// The ISO text of mongoexport's `{"$date": "..."}`, `{"$date": millis}` or
    /// `{"$date": {"$numberLong": "millis"}}`.
    private static func mongoDate(_ value: GraphQLValue) -> String? {
        guard let inner = value["$date"] else { return nil }
        if let text = inner.stringValue { return text }
        let millis = inner.doubleValue ?? inner["$numberLong"]?.stringValue.flatMap(Double.init)
        return millis.map { DateText.iso8601(Date(timeIntervalSince1970: $0 / 1000)) }
    }

    /// A bcrypt hash as the store verifies it: `$2a$` and `$2b$` as they are, PHP's `$2y$` (the
    /// same algorithm) as `$2b$`; nil for anything else.
    static func bcryptHash(_ hash: String) -> String? {
        let bytes = Array(hash.utf8)
        guard bytes.count == 60, bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "2"), bytes[3] == UInt8(ascii: "$"),
              bytes[6] == UInt8(ascii: "$"), bytes[4...5].allSatisfy({ (48...57).contains($0) }) else { return nil }
        switch bytes[2] {
        case UInt8(ascii: "a"), UInt8(ascii: "b"): return hash
        case UInt8(ascii: "y"): return "$2b" + hash.dropFirst(3)
        default: return nil
        }
    }

    private static func principals(_ value: GraphQLValue, _ key: String) throws(Refusal) -> [String] {
        guard let items = value.listValue else { throw Refusal(reason: "\(key) is not a list of principals") }
        var stored: [String] = []
        for item in items {
            guard let text = item.stringValue, let principal = Principal(stored: text) else { throw Refusal(reason: "\(key) names an invalid principal") }
            stored.append(principal.stored)
        }
        return stored
    }

    /// The database form's ACL: `{"<principal>": {"r": true, "w": true}}`.
    private static func shortACL(_ value: GraphQLValue) throws(Refusal) -> ([String], [String]) {
        guard case .object(let entries) = value else { throw Refusal(reason: "_acl is not an ACL") }
        var readers: [String] = [], writers: [String] = []
        for (key, permissions) in entries.fields {
            guard let principal = Principal(stored: key), case .object(let granted) = permissions else { throw Refusal(reason: "_acl names an invalid principal") }
            for (name, flag) in granted.fields {
                guard let allowed = flag.boolValue, name == "r" || name == "w" else { throw Refusal(reason: "_acl has an invalid permission") }
                if allowed { name == "r" ? readers.append(principal.stored) : writers.append(principal.stored) }
            }
        }
        return (readers.sorted(), writers.sorted())
    }

    /// Parse's field names: a letter first, then letters, digits and `_` (at most 128).
    static func isFieldName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...128).contains(bytes.count), let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || (48...57).contains($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }

    /// A client-supplied name, shortened and quoted for a message.
    static func quoted(_ text: String) -> String {
        let short = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "\"" + short.unicodeScalars.map { $0.value < 32 || $0 == "\"" ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "\""
    }
}
