import Testing
@testable import GraphQLEngine

/// The type definitions (not extensions) of a document, by name.
private func types(_ document: DocumentNode) -> [String: TypeDefinitionNode] {
    var types: [String: TypeDefinitionNode] = [:]
    for case .type(let type) in document.definitions { types[type.name.value] = type }
    return types
}

@Test func parsesSchemaScalarsAndObjects() throws {
    let document = try parse(LanguageDocuments.typeSystem)
    guard case .schema(let schema) = document.definitions[0] else {
        Issue.record("first definition is not the schema")
        return
    }
    #expect(schema.description?.value == "The CRM schema.")
    #expect(schema.directives.map(\.name.value) == ["contact"])
    #expect(schema.operationTypes.map(\.operation) == [.query, .mutation, .subscription])
    #expect(schema.operationTypes.map(\.type.name.value) == ["Query", "Mutation", "Subscription"])

    let types = types(document)
    guard case .scalar(let dateTime) = types["DateTime"], case .object(let deal) = types["Deal"],
          case .interface(let record) = types["Record"], case .object(let contact) = types["Contact"] else {
        Issue.record("missing types")
        return
    }
    #expect(dateTime.description?.value == "A point in time, ISO-8601.")
    #expect(dateTime.description?.block == false)
    #expect(dateTime.directives[0].arguments[0].value == .string(StringValueNode(
        value: "https://tools.ietf.org/html/rfc3339", block: false, loc: .none)))
    #expect(deal.description?.value == "A sales opportunity.\n  Indented line.")
    #expect(deal.interfaces.map(\.name.value) == ["Node", "Record"])
    #expect(record.interfaces.map(\.name.value) == ["Node"])
    #expect(contact.interfaces.map(\.name.value) == ["Node"])
    #expect(deal.fields.map(\.name.value) == ["id", "createdAt", "title", "amount", "contacts", "matrix"])
    let amount = deal.fields[3]
    #expect(amount.arguments.map(\.name.value) == ["currency", "round"])
    #expect(amount.arguments.map(\.defaultValue) == [.enumValue("USD", .none), .boolean(false, .none)])
    #expect(amount.directives.map(\.name.value) == ["deprecated"])
    #expect(deal.fields[4].arguments[0].description?.value == "How many to return.")
    #expect(print(deal.fields[4].type) == "[Contact!]!")
    #expect(print(deal.fields[5].type) == "[[Int]]")
}

@Test func parsesUnionsEnumsInputsAndDirectives() throws {
    let document = try parse(LanguageDocuments.typeSystem)
    let types = types(document)
    guard case .union(let search) = types["SearchResult"], case .enum(let currency) = types["Currency"],
          case .inputObject(let filter) = types["DealFilter"] else {
        Issue.record("missing types")
        return
    }
    #expect(search.types.map(\.name.value) == ["Deal", "Contact"])
    #expect(currency.values.map(\.name.value) == ["USD", "EUR"])
    #expect(currency.values[0].description?.value == "US dollars")
    #expect(currency.values[1].directives.map(\.name.value) == ["deprecated"])
    #expect(filter.directives.map(\.name.value) == ["oneOf"])
    #expect(filter.fields.map(\.name.value) == ["stage", "amount", "tags"])
    #expect(print(filter.fields[1].defaultValue!) == "{gt: 0, lt: 1000000}")

    let directives = document.definitions.compactMap { if case .directive(let d) = $0 { d } else { nil } }
    #expect(directives.map(\.name.value) == ["owner", "cached", "key", "contact", "search"])
    #expect(directives.map(\.repeatable) == [false, true, false, false, false])
    #expect(directives[1].locations.map(\.value) == ["QUERY", "FIELD"])
    #expect(directives[2].locations.compactMap { DirectiveLocation(rawValue: $0.value) } == [.object, .interface])
    #expect(directives[0].description?.value == "Marks the owner.")
    #expect(!document.definitions.contains { $0.isExecutable })
}

@Test func parsesEveryExtensionForm() throws {
    let document = try parse(LanguageDocuments.typeSystem)
    var schemaExtensions: [SchemaDefinitionNode] = []
    var typeExtensions: [TypeDefinitionNode] = []
    for definition in document.definitions {
        switch definition {
        case .schemaExtension(let node): schemaExtensions.append(node)
        case .typeExtension(let node): typeExtensions.append(node)
        default: break
        }
    }
    #expect(schemaExtensions.map(\.directives.count) == [1, 0])
    #expect(schemaExtensions.map(\.operationTypes.count) == [0, 1])
    #expect(typeExtensions.map(\.name.value) == [
        "DateTime", "Deal", "Mutation", "Record", "Node", "SearchResult", "SearchResult", "Currency", "Currency",
        "AmountRange", "AmountRange",
    ])
    #expect(typeExtensions.allSatisfy { $0.description == nil })
    guard case .object(let deal) = typeExtensions[1], case .interface(let node) = typeExtensions[4],
          case .union(let search) = typeExtensions[5], case .enum(let currency) = typeExtensions[7],
          case .inputObject(let range) = typeExtensions[9] else {
        Issue.record("unexpected extension kinds")
        return
    }
    #expect(deal.interfaces.map(\.name.value) == ["Node"] && deal.fields.map(\.name.value) == ["probability"])
    #expect(node.interfaces.map(\.name.value) == ["Record"])
    #expect(search.types.map(\.name.value) == ["Company"])
    #expect(currency.values.map(\.name.value) == ["GBP"])
    #expect(range.fields.map(\.name.value) == ["eq"])
    // An extension's location starts at `extend`.
    let source = Array(LanguageDocuments.typeSystem.utf8)
    #expect(String(decoding: source[typeExtensions[2].loc.start..<typeExtensions[2].loc.end], as: UTF8.self)
        == "extend type Mutation @cached")
}

/// Type-system syntax errors, with graphql-js's messages and positions.
@Test(arguments: [
    ("extend type T", "Unexpected <EOF>.", 1, 14),
    ("extend scalar S", "Unexpected <EOF>.", 1, 16),
    ("extend schema", "Unexpected <EOF>.", 1, 14),
    ("extend union U", "Unexpected <EOF>.", 1, 15),
    ("extend enum E", "Unexpected <EOF>.", 1, 14),
    ("extend input I", "Unexpected <EOF>.", 1, 15),
    ("extend interface I", "Unexpected <EOF>.", 1, 19),
    ("extend foo T", #"Unexpected Name "foo"."#, 1, 8),
    ("enum E { true }", #"Name "true" is reserved and cannot be used for an enum value."#, 1, 10),
    ("enum E { null }", #"Name "null" is reserved and cannot be used for an enum value."#, 1, 10),
    ("enum E { false @d }", #"Name "false" is reserved and cannot be used for an enum value."#, 1, 10),
    ("type T implements A B { f: Int }", #"Unexpected Name "B"."#, 1, 21),
    ("union U =", "Expected Name, found <EOF>.", 1, 10),
    ("directive @d on FOO", #"Unexpected Name "FOO"."#, 1, 17),
    ("directive @d", #"Expected "on", found <EOF>."#, 1, 13),
    ("directive d on FIELD", #"Expected "@", found Name "d"."#, 1, 11),
    ("directive @d repeatable", #"Expected "on", found <EOF>."#, 1, 24),
    ("schema { }", #"Expected Name, found "}"."#, 1, 10),
    ("schema @d", #"Expected "{", found <EOF>."#, 1, 10),
    ("schema { query Q }", #"Expected ":", found Name "Q"."#, 1, 16),
    ("schema { q: Q }", #"Unexpected Name "q"."#, 1, 10),
    ("type T { f(a: Int = $x): Int }", #"Unexpected variable "$x" in constant value."#, 1, 21),
    ("type T { f: Int! ! }", #"Expected Name, found "!"."#, 1, 18),
    ("type T {}", #"Expected Name, found "}"."#, 1, 9),
    ("type T { a }", #"Expected ":", found "}"."#, 1, 12),
    ("input I {}", #"Expected Name, found "}"."#, 1, 10),
    ("interface I implements", "Expected Name, found <EOF>.", 1, 23),
    ("type T @d(a: $v) { f: Int }", #"Unexpected variable "$v" in constant value."#, 1, 14),
    ("scalar", "Expected Name, found <EOF>.", 1, 7),
])
func typeSystemSyntaxErrorsGiveTheirMessageAndLocation(text: String, message: String, line: Int, column: Int) {
    let error = parseError(text)
    #expect(error?.message == "Syntax Error: " + message)
    #expect(error?.locations == [SourceLocation(line: line, column: column)])
}
