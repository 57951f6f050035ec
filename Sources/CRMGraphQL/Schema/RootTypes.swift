import CRMStore

/// `Query` and `Mutation`: per class get/find and create/update/delete (Parse's order: classes
/// `_`-prefixed first, then alphabetical), then `node`, `health`, `viewer`, the auth mutations of
/// docs/API.md, our `registerDocument` (persisted queries) and our `dealPipeline`.
enum RootTypes {
    static func write(_ sdl: inout SDLWriter, model: APIModel) {
        writeAuthTypes(&sdl, model: model)
        sdl.input("RegisterDocumentInput", [.init("text", "String!"), .init("clientMutationId", "String")])
        sdl.object("RegisterDocumentPayload", [.init("sha256Hash", "String!"), .init("clientMutationId", "String")])
        if hasPipeline(model) {
            sdl.object("PipelineStage", [.init("stage", "String"), .init("count", "Int!"), .init("totalAmount", "Float!")])
        }
        var query: [SDLWriter.Field] = []
        var mutation: [SDLWriter.Field] = []
        for api in model.classes {
            let naming = api.naming
            query.append(.init(naming.singular, naming.typeName + "!",
                               arguments: [("id", "ID!"), ("options", "ReadOptionsInput")]))
            query.append(.init(naming.plural, naming.connection + "!", arguments: ClassTypes.connectionArguments(naming)))
            for (field, verb) in [(naming.createField, "Create"), (naming.updateField, "Update"), (naming.deleteField, "Delete")] {
                mutation.append(.init(field, "\(verb)\(naming.typeName)Payload",
                                      arguments: [("input", "\(verb)\(naming.typeName)Input!")]))
            }
        }
        query.append(.init("node", "Node", arguments: [("id", "ID!")]))
        query.append(.init("health", "Boolean!"))
        if model.userClass != nil {
            query.append(.init("viewer", "Viewer!"))
            for name in ["SignUp", "LogIn", "LogOut", "ResetPassword"] {
                mutation.append(.init(ClassNaming.lowerFirst(name), name + "Payload", arguments: [("input", name + "Input!")]))
            }
        }
        mutation.append(.init("registerDocument", "RegisterDocumentPayload", arguments: [("input", "RegisterDocumentInput!")]))
        if hasPipeline(model) {
            query.append(.init("dealPipeline", "[PipelineStage!]!", arguments: [("where", "DealWhereInput")]))
        }
        sdl.object("Query", query)
        sdl.object("Mutation", mutation)
        writeSubscriptions(&sdl, model: model)
    }

    /// `Subscription`: per class `<class>Events(where, events)`, each event a
    /// `<Class>Event { event node original }` (docs/API.md "Subscriptions").
    private static func writeSubscriptions(_ sdl: inout SDLWriter, model: APIModel) {
        sdl.enumeration("LiveEvent", LiveEvent.allCases.map { $0.rawValue.uppercased() })
        var subscription: [SDLWriter.Field] = []
        for api in model.classes {
            let naming = api.naming
            sdl.object(naming.eventType, [
                .init("event", "LiveEvent!"), .init("node", naming.typeName + "!"), .init("original", naming.typeName),
            ])
            subscription.append(.init(naming.eventsField, naming.eventType + "!",
                                      arguments: [("where", naming.whereInput), ("events", "[LiveEvent!]")]))
        }
        sdl.object("Subscription", subscription)
    }

    /// `dealPipeline` exists when the model has Deal with `stage` and `amount`.
    static func hasPipeline(_ model: APIModel) -> Bool {
        guard let deal = model.apiClass(className: PipelineSummary.className)?.definition else { return false }
        return deal.field(PipelineSummary.stageField)?.type == .string
            && deal.field(PipelineSummary.amountField)?.type == .number
    }

    private static func writeAuthTypes(_ sdl: inout SDLWriter, model: APIModel) {
        guard let user = model.userClass?.naming else { return }
        let clientMutationId = SDLWriter.Field("clientMutationId", "String")
        sdl.object("Viewer", [.init("sessionToken", "String!"), .init("user", user.typeName + "!")])
        sdl.input("SignUpInput", [.init("fields", user.createFields), clientMutationId])
        sdl.object("SignUpPayload", [.init("viewer", "Viewer!"), clientMutationId])
        sdl.input("LogInInput", [
            .init("username", "String!"), .init("password", "String!"), .init("authData", "Object"), clientMutationId,
        ])
        sdl.object("LogInPayload", [.init("viewer", "Viewer!"), clientMutationId])
        sdl.input("LogOutInput", [clientMutationId])
        sdl.object("LogOutPayload", [.init("ok", "Boolean!"), clientMutationId])
        sdl.input("ResetPasswordInput", [.init("email", "String!"), clientMutationId])
        sdl.object("ResetPasswordPayload", [.init("ok", "Boolean!"), clientMutationId])
    }
}
