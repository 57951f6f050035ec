import Testing
@testable import GraphQLEngine

/// The source text a node's location covers.
private func text(_ loc: Location, in source: String) -> String {
    String(decoding: Array(source.utf8)[loc.start..<loc.end], as: UTF8.self)
}

/// The fields of a selection set, by response key.
private func fields(_ set: SelectionSetNode?) -> [FieldNode] {
    (set?.selections ?? []).compactMap { if case .field(let field) = $0 { field } else { nil } }
}

@Test func parsesOperationsWithVariablesAndDirectives() throws {
    let document = try parse(LanguageDocuments.executable)
    let operations = document.definitions.compactMap { if case .operation(let op) = $0 { op } else { nil } }
    #expect(operations.map(\.operation) == [.query, .mutation, .subscription, .query])
    #expect(operations.map { $0.name?.value } == ["Pipeline", "CloseDeal", "DealUpdates", nil])

    let pipeline = operations[0]
    #expect(pipeline.variableDefinitions.map(\.variable.name.value) == ["stage", "first", "after", "filter"])
    #expect(pipeline.variableDefinitions.map { print($0.type) } == ["String", "Int!", "ID", "DealFilter"])
    #expect(pipeline.variableDefinitions[0].defaultValue == .string(StringValueNode(value: "lead", block: false, loc: .none)))
    #expect(pipeline.variableDefinitions[1].defaultValue == .int("50", .none))
    #expect(pipeline.variableDefinitions[2].defaultValue == nil)
    #expect(print(pipeline.variableDefinitions[3].defaultValue!) == #"{amount: {gt: 1.5e3}, tags: ["a", "b"]}"#)
    #expect(pipeline.directives.map(\.name.value) == ["cached"])
    #expect(pipeline.directives[0].arguments[0].value == .int("60", .none))

    let close = operations[1]
    guard case .nonNull(.list(.list(.nonNull(.named(let inner), _), _), _), _) = close.variableDefinitions[1].type else {
        Issue.record("unexpected type \(close.variableDefinitions[1].type)")
        return
    }
    #expect(inner.name.value == "CloseInput")
}

@Test func parsesSelectionsAndValues() throws {
    let source = LanguageDocuments.executable
    let document = try parse(source)
    guard case .operation(let pipeline) = document.definitions[0] else { return }
    let deals = fields(pipeline.selectionSet)[0]
    #expect(deals.alias?.value == "pipeline")
    #expect(deals.name.value == "deals")
    #expect(deals.responseKey == "pipeline")
    #expect(deals.arguments.map(\.name.value) == ["stage", "first", "after", "where", "order"])
    #expect(deals.arguments[0].value == .variable(VariableNode(name: NameNode(value: "stage", loc: .none), loc: .none)))
    #expect(deals.arguments[4].value == .list([.enumValue("amount_DESC", .none), .enumValue("title_ASC", .none)], .none))

    let node = fields(fields(fields(deals.selectionSet)[1].selectionSet)[1].selectionSet)
    let selections = fields(fields(deals.selectionSet)[1].selectionSet)[1].selectionSet!.selections
    #expect(node.map(\.name.value) == ["__typename", "id", "user", "scored"])
    guard case .fragmentSpread(let spread) = selections[2],
          case .inlineFragment(let typed) = selections[3],
          case .inlineFragment(let untyped) = selections[4] else {
        Issue.record("unexpected selections \(selections)")
        return
    }
    #expect(spread.name.value == "DealCard")
    #expect(spread.directives.map(\.name.value) == ["include"])
    #expect(typed.typeCondition?.name.value == "Deal")
    #expect(typed.directives.map(\.name.value) == ["skip"])
    #expect(untyped.typeCondition == nil)
    #expect(untyped.directives.map(\.name.value) == ["defer"])

    let owner = node[2]
    #expect(owner.arguments[0].value == .string(StringValueNode(value: "ué\n\"quoted\"", block: false, loc: .none)))
    let scored = node[3]
    #expect(scored.arguments[0].value == .object([
        ObjectFieldNode(name: NameNode(value: "amount", loc: .none), value: .float("0.75", .none), loc: .none),
        ObjectFieldNode(name: NameNode(value: "stage", loc: .none), value: .int("-2", .none), loc: .none),
        ObjectFieldNode(name: NameNode(value: "recent", loc: .none), value: .boolean(true, .none), loc: .none),
        ObjectFieldNode(name: NameNode(value: "archived", loc: .none), value: .boolean(false, .none), loc: .none),
        ObjectFieldNode(name: NameNode(value: "missing", loc: .none), value: .null(.none), loc: .none),
    ], .none))
    #expect(scored.arguments[1].value == .string(StringValueNode(
        value: "Block \"text\" with \"\"\" escaped quotes\n  and indentation", block: true, loc: .none)))

    // Locations cover exactly the node's source text.
    #expect(text(owner.loc, in: source) == #"owner: user(id: "u\u00e9\n\"quoted\"") {"# + "\n          name\n        }")
    #expect(text(spread.loc, in: source) == "...DealCard @include(if: true)")
    #expect(text(deals.arguments[3].loc, in: source) == "where: $filter")
    #expect(text(pipeline.variableDefinitions[1].loc, in: source) == "$first: Int! = 50")
    #expect(text(pipeline.variableDefinitions[1].type.loc, in: source) == "Int!")
    #expect(document.source.location(of: owner.loc.start) == SourceLocation(line: 20, column: 9))
}

@Test func parsesFragmentsShorthandAndDescriptions() throws {
    let document = try parse(LanguageDocuments.executable)
    let fragments = document.definitions.compactMap { if case .fragment(let f) = $0 { f } else { nil } }
    #expect(fragments.map(\.name.value) == ["DealCard", "ContactCard"])
    #expect(fragments.map(\.typeCondition.name.value) == ["Deal", "Contact"])
    #expect(fragments[0].description?.value == "Fields shown on a deal card.")
    #expect(fragments[1].directives.map(\.name.value) == ["owner"])
    guard case .operation(let shorthand) = document.definitions.last else { return }
    #expect(shorthand.operation == .query && shorthand.name == nil && shorthand.variableDefinitions.isEmpty)
    #expect(fields(shorthand.selectionSet).map(\.responseKey) == ["viewer", "a"])
    #expect(document.definitions.allSatisfy { $0.isExecutable })
}

/// September 2025 edition: descriptions on operations, fragments and variable definitions.
@Test func parsesExecutableDescriptions() throws {
    let document = try parse(#"""
    """
    Loads the pipeline.
    """
    query Pipeline("How many deals." $first: Int = 10, """Stage""" $stage: String) {
      deals(first: $first, stage: $stage) { id }
    }
    """#)
    guard case .operation(let operation) = document.definitions[0] else { return }
    #expect(operation.description?.value == "Loads the pipeline.")
    #expect(operation.description?.block == true)
    #expect(operation.variableDefinitions.map { $0.description?.value } == ["How many deals.", "Stage"])
}

@Test func equalityIgnoresLocations() throws {
    #expect(try parse("{ a(x: 1) }") == parse("\n\n   {a(x:1),}"))
    #expect(try parse("{ a(x: 1) }") != parse("{ a(x: 2) }"))
    #expect(try parseType(Source("[ Int ! ]")) == parseType(Source("[Int!]")))
    let value = try parseValue(Source(#"{a: [1, $b, "c", ENUM, null, 1.5, false]}"#))
    #expect(print(value) == #"{a: [1, $b, "c", ENUM, null, 1.5, false]}"#)
}

/// Syntax errors with graphql-js's messages and positions (checked against graphql-js 16/17).
@Test(arguments: [
    ("", "Unexpected <EOF>.", 1, 1),
    ("{", "Expected Name, found <EOF>.", 1, 2),
    ("{ a", "Expected Name, found <EOF>.", 1, 4),
    ("query { a }}", #"Unexpected "}"."#, 1, 12),
    ("{ a(x: $v", "Expected Name, found <EOF>.", 1, 10),
    ("fragment on on T { a }", #"Unexpected Name "on"."#, 1, 10),
    ("fragment F { a }", #"Expected "on", found "{"."#, 1, 12),
    ("{ ...on }", #"Expected Name, found "}"."#, 1, 9),
    ("{ a: b: c }", #"Expected Name, found ":"."#, 1, 7),
    ("{ a() }", #"Expected Name, found ")"."#, 1, 5),
    ("query Q() { a }", #"Expected "$", found ")"."#, 1, 9),
    ("queryy { a }", #"Unexpected Name "queryy"."#, 1, 1),
    ("query Q($a: Int = $b) { a }", #"Unexpected variable "$b" in constant value."#, 1, 19),
    ("query Q($a: Int @d(x: $y)) { a }", #"Unexpected variable "$y" in constant value."#, 1, 23),
    ("query Q($a) { a }", #"Expected ":", found ")"."#, 1, 11),
    ("{ a(x: $) }", #"Expected Name, found ")"."#, 1, 9),
    ("{ a @ }", #"Expected Name, found "}"."#, 1, 7),
    ("{ a(x: [1 2 3] }", #"Expected Name, found "}"."#, 1, 16),
    ("{ a(x: {a: 1 b}) }", #"Expected ":", found "}"."#, 1, 15),
    ("{ a } extend", "Unexpected <EOF>.", 1, 13),
    ("mutation", #"Expected "{", found <EOF>."#, 1, 9),
    ("subscription S", #"Expected "{", found <EOF>."#, 1, 15),
    ("{ a(x: 1)(y: 2) }", #"Expected Name, found "("."#, 1, 10),
    ("query ($a: [Int!) { a }", #"Expected "]", found ")"."#, 1, 17),
    ("{ a }\n\n{ b", "Expected Name, found <EOF>.", 3, 4),
    ("{ ...F @d( }", #"Expected Name, found "}"."#, 1, 12),
    ("{ a(x: \"str\" y: 1, x: 2 }", #"Expected Name, found "}"."#, 1, 25),
    ("{ a(x: 1.5) } 42", #"Unexpected Int "42"."#, 1, 15),
    // A description needs a definition after it.
    ("{ a } \"text\"", "Unexpected <EOF>.", 1, 13),
    ("{ a } \"text\" 1", #"Unexpected Int "1"."#, 1, 14),
    ("\"docs\" { a }", "Unexpected description, descriptions are not supported on shorthand queries.", 1, 1),
    ("\"docs\" extend type T @d", "Unexpected description, only GraphQL definitions support descriptions.", 1, 1),
    ("\"docs\" queryy { a }", "Unexpected description, only GraphQL definitions support descriptions.", 1, 1),
])
func syntaxErrorsGiveTheirMessageAndLocationAndNoPath(text: String, message: String, line: Int, column: Int) {
    let error = parseError(text)
    #expect(error?.message == "Syntax Error: " + message)
    #expect(error?.locations == [SourceLocation(line: line, column: column)])
    #expect(error?.path == [])
}

@Test func parseValueAndParseTypeRejectTrailingTokens() {
    #expect(throws: GraphQLError.self) { try parseValue(Source("1 2")) }
    #expect(throws: GraphQLError.self) { try parseType(Source("Int Int")) }
    #expect(throws: GraphQLError.self) { try parseType(Source("Int!!")) }
    #expect(throws: GraphQLError.self) { try parseType(Source("[Int")) }
}
