import CRMStore

/// The family of types Parse generates for one class (docs/API.md): the object
/// type, connection and edge, where/relation-where inputs, order enum, create/update/pointer
/// inputs and the mutation inputs and payloads; plus our reverse connections and the union of a
/// polymorphic pointer (docs/API.md "Beyond Parse").
struct ClassTypes {
    let api: APIClass
    let model: APIModel

    private var naming: ClassNaming { api.naming }

    func write(_ sdl: inout SDLWriter) {
        writeObject(&sdl)
        sdl.object(naming.connection, [
            .init("pageInfo", "PageInfo!"), .init("edges", "[\(naming.edge)]"), .init("count", "Int!"),
        ])
        sdl.object(naming.edge, [.init("node", naming.typeName), .init("cursor", "String!")])
        writePolymorphicPointers(&sdl)
        writeWhere(&sdl)
        sdl.enumeration(naming.order, sortableNames.flatMap { ["\($0)_ASC", "\($0)_DESC"] })
        writeFieldInputs(&sdl, name: naming.createFields, isCreate: true)
        writeFieldInputs(&sdl, name: naming.updateFields, isCreate: false)
        sdl.input(naming.pointerInput, [.init("link", "ID"), .init("createAndLink", naming.createFields)])
        writeMutationTypes(&sdl)
    }

    /// The arguments of every connection field (root find and reverse connections).
    static func connectionArguments(_ naming: ClassNaming) -> [(name: String, type: String)] {
        [("where", naming.whereInput), ("order", "[\(naming.order)!]"), ("skip", "Int"), ("after", "String"),
         ("first", "Int"), ("before", "String"), ("last", "Int"), ("options", "ReadOptionsInput")]
    }

    private func writeObject(_ sdl: inout SDLWriter) {
        var fields: [SDLWriter.Field] = [
            .init("id", "ID!"), .init("objectId", "ID!"), .init("createdAt", "Date!"), .init("updatedAt", "Date!"),
            .init("ACL", "ACL!"),
        ]
        for field in api.outputFields {
            let type = outputType(field)
            fields.append(.init(field.name, api.isNonNullOutput(field) ? type + "!" : type))
        }
        for reverse in api.reverseConnections {
            fields.append(.init(reverse.name, reverse.source.connection + "!",
                                arguments: Self.connectionArguments(reverse.source)))
        }
        sdl.object(naming.typeName, implements: ["ParseObject", "Node"], fields)
    }

    private func outputType(_ field: FieldDefinition) -> String {
        switch field.type {
        case .string: "String"
        case .number: "Float"
        case .boolean: "Boolean"
        case .date: "Date"
        case .object: "Object"
        case .array: "[ArrayResult]"
        case .pointer: field.isPolymorphic ? unionName(field) : ClassNaming(className: field.targetClasses[0]).typeName
        }
    }

    private func inputType(_ field: FieldDefinition) -> String {
        switch field.type {
        case .string: "String"
        case .number: "Float"
        case .boolean: "Boolean"
        case .date: "Date"
        case .object: "Object"
        case .array: "[Any]"
        case .pointer: field.isPolymorphic ? unionName(field) + "PointerInput"
            : ClassNaming(className: field.targetClasses[0]).pointerInput
        }
    }

    private func whereType(_ field: FieldDefinition) -> String {
        switch field.type {
        case .string: "StringWhereInput"
        case .number: "NumberWhereInput"
        case .boolean: "BooleanWhereInput"
        case .date: "DateWhereInput"
        case .object: "ObjectWhereInput"
        case .array: "ArrayWhereInput"
        case .pointer: field.isPolymorphic ? unionName(field) + "WhereInput"
            : ClassNaming(className: field.targetClasses[0]).relationWhereInput
        }
    }

    /// `ActivityRelatedTo` for `Activity.relatedTo`.
    func unionName(_ field: FieldDefinition) -> String {
        naming.typeName + ClassNaming.upperFirst(field.name)
    }

    /// docs/API.md: `union ActivityRelatedTo = Contact | Deal`, its link input (the class comes from
    /// the global id) and its where input.
    private func writePolymorphicPointers(_ sdl: inout SDLWriter) {
        for field in api.outputFields where field.isPolymorphic {
            let targets = field.targetClasses.map(ClassNaming.init(className:))
            let union = unionName(field)
            sdl.union(union, targets.map(\.typeName))
            sdl.input(union + "PointerInput", [.init("link", "ID")])
            sdl.input(union + "WhereInput", [.init("equalTo", "ID"), .init("in", "[ID]"), .init("exists", "Boolean")]
                + targets.map { SDLWriter.Field("have" + $0.typeName, $0.whereInput) })
        }
    }

    /// Names usable in where and order: system and readable fields, JavaScript-sorted, then `id`.
    private var sortableNames: [String] {
        (["ACL", "objectId", "createdAt", "updatedAt"] + api.outputFields.map(\.name)).sorted(by: javaScriptOrder) + ["id"]
    }

    private func writeWhere(_ sdl: inout SDLWriter) {
        var fields: [SDLWriter.Field] = []
        for name in sortableNames {
            switch name {
            case "ACL": fields.append(.init(name, "ObjectWhereInput"))
            case "objectId", "id": fields.append(.init(name, "IdWhereInput"))
            case "createdAt", "updatedAt": fields.append(.init(name, "DateWhereInput"))
            default: fields.append(.init(name, whereType(api.definition.field(name)!)))
            }
        }
        for connective in ["OR", "AND", "NOR"] { fields.append(.init(connective, "[\(naming.whereInput)!]")) }
        sdl.input(naming.whereInput, fields)
        sdl.input(naming.relationWhereInput, [
            .init("have", naming.whereInput), .init("haveNot", naming.whereInput), .init("exists", "Boolean"),
        ])
    }

    private func writeFieldInputs(_ sdl: inout SDLWriter, name: String, isCreate: Bool) {
        var fields: [SDLWriter.Field] = [.init("ACL", "ACLInput")]
        for field in api.inputFields {
            let type = inputType(field)
            fields.append(.init(field.name, isCreate && field.required ? type + "!" : type))
        }
        sdl.input(name, fields.sorted { javaScriptOrder($0.name, $1.name) })
    }

    private func writeMutationTypes(_ sdl: inout SDLWriter) {
        let payloadFields: [SDLWriter.Field] = [.init(naming.singular, naming.typeName + "!"), .init("clientMutationId", "String")]
        sdl.input("Create\(naming.typeName)Input", [.init("fields", naming.createFields), .init("clientMutationId", "String")])
        sdl.object("Create\(naming.typeName)Payload", payloadFields)
        sdl.input("Update\(naming.typeName)Input", [
            .init("id", "ID!"), .init("fields", naming.updateFields), .init("clientMutationId", "String"),
        ])
        sdl.object("Update\(naming.typeName)Payload", payloadFields)
        sdl.input("Delete\(naming.typeName)Input", [.init("id", "ID!"), .init("clientMutationId", "String")])
        sdl.object("Delete\(naming.typeName)Payload", payloadFields)
    }
}
