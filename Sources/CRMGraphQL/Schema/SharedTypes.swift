/// The types every Parse GraphQL schema has, whatever its classes (docs/API.md,
/// 4.2, 6 and 7): scalars, the `ParseObject` and `Node` interfaces, `PageInfo`, the shared
/// where inputs with their exact operator fields, ACL types and read options.
enum SharedTypes {
    static func write(_ sdl: inout SDLWriter, classTypeNames: [String]) {
        sdl.scalar("Date")
        sdl.scalar("Object")
        sdl.scalar("Any")
        sdl.interface("ParseObject", [
            .init("objectId", "ID!"), .init("createdAt", "Date!"), .init("updatedAt", "Date!"), .init("ACL", "ACL!"),
        ])
        sdl.interface("Node", [.init("id", "ID!")])
        sdl.object("PageInfo", [
            .init("hasNextPage", "Boolean!"), .init("hasPreviousPage", "Boolean!"),
            .init("startCursor", "String"), .init("endCursor", "String"),
        ])
        sdl.object("Element", [.init("value", "Any!")])
        sdl.union("ArrayResult", ["Element"] + classTypeNames)
        writeACL(&sdl)
        writeReadOptions(&sdl)
        writeWhereInputs(&sdl)
    }

    private static func writeACL(_ sdl: inout SDLWriter) {
        sdl.object("ACL", [.init("users", "[UserACL!]"), .init("roles", "[RoleACL!]"), .init("public", "PublicACL")])
        sdl.object("UserACL", [.init("userId", "ID!"), .init("read", "Boolean!"), .init("write", "Boolean!")])
        sdl.object("RoleACL", [.init("roleName", "ID!"), .init("read", "Boolean!"), .init("write", "Boolean!")])
        sdl.object("PublicACL", [.init("read", "Boolean"), .init("write", "Boolean")])
        sdl.input("ACLInput", [.init("users", "[UserACLInput!]"), .init("roles", "[RoleACLInput!]"), .init("public", "PublicACLInput")])
        sdl.input("UserACLInput", [.init("userId", "ID!"), .init("read", "Boolean!"), .init("write", "Boolean!")])
        sdl.input("RoleACLInput", [.init("roleName", "String!"), .init("read", "Boolean!"), .init("write", "Boolean!")])
        sdl.input("PublicACLInput", [.init("read", "Boolean!"), .init("write", "Boolean!")])
    }

    private static func writeReadOptions(_ sdl: inout SDLWriter) {
        sdl.enumeration("ReadPreference", ["PRIMARY", "PRIMARY_PREFERRED", "SECONDARY", "SECONDARY_PREFERRED", "NEAREST"])
        sdl.input("ReadOptionsInput", [
            .init("readPreference", "ReadPreference"), .init("includeReadPreference", "ReadPreference"),
            .init("subqueryReadPreference", "ReadPreference"),
        ])
    }

    /// Reference 4.2, field for field.
    private static func writeWhereInputs(_ sdl: inout SDLWriter) {
        let select: [SDLWriter.Field] = [.init("inQueryKey", "SelectInput"), .init("notInQueryKey", "SelectInput")]
        sdl.input("IdWhereInput", comparisons("ID") + [.init("exists", "Boolean")] + select)
        sdl.input("StringWhereInput", comparisons("String") + [
            .init("exists", "Boolean"), .init("matchesRegex", "String"), .init("options", "String"), .init("text", "TextInput"),
        ] + select)
        sdl.input("NumberWhereInput", comparisons("Float") + [.init("exists", "Boolean")] + select)
        sdl.input("BooleanWhereInput", [
            .init("equalTo", "Boolean"), .init("notEqualTo", "Boolean"), .init("exists", "Boolean"),
        ] + select)
        sdl.input("DateWhereInput", comparisons("Date") + [.init("exists", "Boolean")] + select)
        sdl.input("ArrayWhereInput", comparisons("Any") + [
            .init("exists", "Boolean"), .init("containedBy", "[Any]"), .init("contains", "[Any]"),
        ] + select)
        sdl.input("KeyValueInput", [.init("key", "String!"), .init("value", "Any!")])
        sdl.input("ObjectWhereInput", [
            .init("equalTo", "KeyValueInput"), .init("notEqualTo", "KeyValueInput"),
            .init("in", "[KeyValueInput]"), .init("notIn", "[KeyValueInput]"),
            .init("lessThan", "KeyValueInput"), .init("lessThanOrEqualTo", "KeyValueInput"),
            .init("greaterThan", "KeyValueInput"), .init("greaterThanOrEqualTo", "KeyValueInput"),
            .init("exists", "Boolean"),
        ] + select)
        sdl.input("SubqueryInput", [.init("className", "String!"), .init("where", "Object!")])
        sdl.input("SelectInput", [.init("query", "SubqueryInput!"), .init("key", "String!")])
        sdl.input("SearchInput", [
            .init("term", "String!"), .init("language", "String"), .init("caseSensitive", "Boolean"),
            .init("diacriticSensitive", "Boolean"),
        ])
        sdl.input("TextInput", [.init("search", "SearchInput!")])
    }

    /// equalTo ... greaterThanOrEqualTo, in, notIn: the comparison block shared by several inputs.
    private static func comparisons(_ type: String) -> [SDLWriter.Field] {
        ["equalTo", "notEqualTo", "lessThan", "lessThanOrEqualTo", "greaterThan", "greaterThanOrEqualTo"]
            .map { SDLWriter.Field($0, type) } + [.init("in", "[\(type)]"), .init("notIn", "[\(type)]")]
    }
}
