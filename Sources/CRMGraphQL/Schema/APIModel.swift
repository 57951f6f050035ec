import CRMStore

/// What the API exposes of the class model: per class its names, output and input fields and
/// reverse connections. The SDL generator and the resolvers both read this one description, so
/// the served schema and the resolvers cannot drift apart.
struct APIModel: Sendable {
    /// Classes in Parse's order: `_`-prefixed first, then alphabetical.
    let classes: [APIClass]
    private let byClassName: [String: Int]
    private let byTypeName: [String: Int]

    init(model: ClassModel, protectedFields: [String: [String: [String]]]) {
        let ordered = model.classes.sorted { a, b in
            let (ua, ub) = (a.name.hasPrefix("_"), b.name.hasPrefix("_"))
            return ua != ub ? ua : javaScriptOrder(a.name, b.name)
        }
        classes = ordered.map { APIClass(definition: $0, model: model, protectedFields: protectedFields) }
        byClassName = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1.className, $0) })
        byTypeName = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1.naming.typeName, $0) })
    }

    func apiClass(className: String) -> APIClass? { byClassName[className].map { classes[$0] } }
    func apiClass(typeName: String) -> APIClass? { byTypeName[typeName].map { classes[$0] } }

    /// The user class, when the model has one (auth mutations and `viewer` need it).
    var userClass: APIClass? { apiClass(className: ClassModel.userClassName) }
}

/// One exposed class.
struct APIClass: Sendable {
    let definition: ClassDefinition
    let naming: ClassNaming
    /// Fields readers may select (not write-only), JavaScript-sorted.
    let outputFields: [FieldDefinition]
    /// Fields clients may write (not set by the server), JavaScript-sorted.
    let inputFields: [FieldDefinition]
    /// Required fields that some readers cannot see (protectedFields): nullable in output.
    let sometimesHidden: Set<String>
    /// Reverse connections onto this class, in name order.
    let reverseConnections: [ReverseConnection]

    var className: String { definition.name }

    init(definition: ClassDefinition, model: ClassModel, protectedFields: [String: [String: [String]]]) {
        self.definition = definition
        naming = ClassNaming(className: definition.name)
        outputFields = definition.fields.filter { !$0.writeOnly }.sorted { javaScriptOrder($0.name, $1.name) }
        inputFields = definition.fields.filter { !$0.setByServer }.sorted { javaScriptOrder($0.name, $1.name) }
        var hidden = Set<String>()
        for rule in (protectedFields[definition.name] ?? [:]).values { hidden.formUnion(rule) }
        for rule in definition.permissions.protectedFields.values { hidden.formUnion(rule) }
        sometimesHidden = hidden
        reverseConnections = model.pointers(targeting: definition.name)
            .filter { !$0.field.setByServer }
            .map { ReverseConnection(source: ClassNaming(className: $0.className), field: $0.field, target: definition.name) }
            .sorted { javaScriptOrder($0.name, $1.name) }
    }

    /// Whether a field is non-null in the output type: required and never hidden from a reader.
    func isNonNullOutput(_ field: FieldDefinition) -> Bool {
        field.required && !sometimesHidden.contains(field.name)
    }
}

/// A connection from a class to the objects of another class that point at it, e.g.
/// `Company.deals` (Deal.company) or `User.assignedDeals` (Deal.assignedTo).
struct ReverseConnection: Sendable {
    /// The class whose objects are listed.
    let source: ClassNaming
    /// Its pointer field.
    let field: FieldDefinition
    /// The class pointed at (the parent of the connection).
    let target: String

    /// The plural of the source class when the pointer is named after its target or is
    /// polymorphic (`Company.deals`, `Deal.activities`); otherwise the pointer's name without a
    /// trailing `To`/`By`, followed by that plural (`assignedTo` -> `assignedDeals`).
    var name: String {
        let targetField = ClassNaming.lowerFirst(ClassNaming(className: target).typeName)
        if field.isPolymorphic || field.name == targetField { return source.plural }
        var stem = Substring(field.name)
        for suffix in ["To", "By"] where stem.hasSuffix(suffix) && stem.count > suffix.count {
            stem = stem.dropLast(suffix.count)
        }
        return String(stem) + ClassNaming.upperFirst(source.plural)
    }
}

/// A field of the class model (CRMStore's `FieldDefinition`; GraphQLEngine has one too).
typealias ModelField = FieldDefinition
