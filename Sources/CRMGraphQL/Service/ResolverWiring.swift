import CRMStore
import GraphQLEngine

/// Attaches the resolvers to the schema built from the generated SDL (build phase): per class
/// its root fields, mutations, pointers, reverse connections and ACL; then the system fields.
/// Then checks that every field a query can reach is answered, so that a field without a
/// resolver fails at start-up instead of answering null.
enum ResolverWiring {
    static func attach(to schema: GraphQLSchema, model: APIModel, records: RecordFactory) throws(WiringError) {
        var wiring = Attachments(schema: schema)
        for api in model.classes {
            let naming = api.naming
            let queries = ClassQueries(api: api)
            wiring.attach(queries.get, to: "Query", naming.singular)
            wiring.attach(queries.find, to: "Query", naming.plural)
            let mutations = ClassMutations(api: api, model: model)
            wiring.attach(mutations.create, to: "Mutation", naming.createField)
            wiring.attach(mutations.update, to: "Mutation", naming.updateField)
            wiring.attach(mutations.delete, to: "Mutation", naming.deleteField)
            if !schema.attach(subscriber: ClassSubscriptions(api: api).events, to: naming.eventsField) {
                wiring.missing.append("Subscription.\(naming.eventsField)")
            }
            let fields = ObjectFields(api: api, model: model)
            wiring.attach(ObjectFields.acl, to: naming.typeName, "ACL")
            for field in api.outputFields where field.type == .pointer {
                wiring.attach(fields.pointer(field), to: naming.typeName, field.name)
            }
            for connection in api.reverseConnections {
                wiring.attach(fields.reverse(connection), to: naming.typeName, connection.name)
            }
        }
        wiring.attach(SystemQueries.node(model: model), to: "Query", "node")
        wiring.attach(SystemQueries.health, to: "Query", "health")
        if model.userClass != nil {
            wiring.attach(SystemQueries.viewer(model: model), to: "Query", "viewer")
            wiring.attach(AuthMutations.signUp(model: model), to: "Mutation", "signUp")
            wiring.attach(AuthMutations.logIn, to: "Mutation", "logIn")
            wiring.attach(AuthMutations.logOut, to: "Mutation", "logOut")
            wiring.attach(AuthMutations.resetPassword, to: "Mutation", "resetPassword")
        }
        wiring.attach(DocumentMutations.registerDocument, to: "Mutation", "registerDocument")
        if RootTypes.hasPipeline(model) {
            wiring.attach(SystemQueries.dealPipeline(model: model), to: "Query", "dealPipeline")
        }
        if !wiring.missing.isEmpty { throw WiringError(fields: wiring.missing) }
        try verify(schema, shapes: RecordShapes(model: model, records: records))
    }

    /// Every field of every object type a query can reach from the root types either has a
    /// resolver or is a slot of the records the resolvers build for that type.
    static func verify(_ schema: GraphQLSchema, shapes: RecordShapes) throws(WiringError) {
        var unanswered: [String] = []
        var seen = Set<String>()
        var pending = [schema.queryType, schema.mutationType, schema.subscriptionType].compactMap { $0 }
        while let type = pending.popLast() {
            guard seen.insert(type.name).inserted else { continue }
            let isRoot = type === schema.queryType || type === schema.mutationType || type === schema.subscriptionType
            let shape = shapes.shape(of: type.name)
            for field in type.fields {
                if field.resolver == nil && field.subscriber == nil && !field.name.hasPrefix("__")
                    && (isRoot || shape?.slot(of: field.name) == nil) {
                    unanswered.append("\(type.name).\(field.name)")
                }
                let named = field.type.namedType
                if named.isComposite { pending += schema.possibleTypes(of: named) }
            }
        }
        if !unanswered.isEmpty { throw WiringError(fields: unanswered.sorted()) }
    }
}

/// Resolvers attached one by one, with the fields the schema lacks.
private struct Attachments {
    let schema: GraphQLSchema
    var missing: [String] = []

    mutating func attach(_ resolver: FieldResolver, to typeName: String, _ fieldName: String) {
        if !schema.attach(resolver, to: typeName, fieldName) { missing.append("\(typeName).\(fieldName)") }
    }
}

/// The shapes of the records the resolvers build, by the name of their GraphQL type.
struct RecordShapes {
    private var byTypeName: [String: RecordShape] = [:]

    init(model: APIModel, records: RecordFactory) {
        for api in model.classes {
            let naming = api.naming
            byTypeName[naming.typeName] = records.shape(of: api.className)
            byTypeName[naming.connection] = ConnectionRecords.connectionShape
            byTypeName[naming.edge] = ConnectionRecords.edgeShape
            byTypeName[naming.eventType] = ClassSubscriptions.eventShape
            let payload = ClassMutations.payloadShape(api)
            for verb in ["Create", "Update", "Delete"] { byTypeName["\(verb)\(naming.typeName)Payload"] = payload }
        }
        byTypeName["PageInfo"] = ConnectionRecords.pageInfoShape
        byTypeName["Element"] = ArrayElements.shape
        byTypeName["ACL"] = ACLOutput.aclShape
        byTypeName["UserACL"] = ACLOutput.ruleShape
        byTypeName["RoleACL"] = ACLOutput.roleShape
        byTypeName["PublicACL"] = ACLOutput.publicShape
        byTypeName["Viewer"] = Viewer.shape
        byTypeName["PipelineStage"] = PipelineSummary.shape
        for name in ["SignUpPayload", "LogInPayload"] { byTypeName[name] = AuthMutations.viewerPayloadShape }
        for name in ["LogOutPayload", "ResetPasswordPayload"] { byTypeName[name] = AuthMutations.okPayloadShape }
        byTypeName["RegisterDocumentPayload"] = DocumentMutations.payloadShape
    }

    func shape(of typeName: String) -> RecordShape? { byTypeName[typeName] }
}

/// Fields of the served schema that nothing would answer: a programming error, reported when the
/// service starts.
public struct WiringError: Error, Sendable, CustomStringConvertible {
    /// `Type.field` of each.
    public let fields: [String]

    public var description: String { "Schema fields without a resolver: \(fields.joined(separator: ", "))" }
}
