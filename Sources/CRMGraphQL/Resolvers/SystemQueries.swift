import APICore
import CRMStore
import GraphQLEngine

/// The root fields that are not per class: `node`, `health`, `viewer` and `dealPipeline`.
enum SystemQueries {
    /// `node(id:)`: the class comes from the global id (a raw objectId is not enough); a normal
    /// get under the caller's ACL.
    static func node(model: APIModel) -> FieldResolver {
        ResolverBody.root { batch, context in
            guard case .string(let id)? = batch.arguments["id"], let decoded = GlobalID.decode(id),
                  let api = model.apiClass(className: decoded.className) else {
                throw ParseError.invalidQuery("Invalid global id.")
            }
            return try await ObjectReads.get(api, objectId: decoded.objectId, plan: batch.plan, schema: batch.schema,
                                             context: context)
        }
    }

    /// `health`: always true (the transport has already checked the headers).
    static let health = FieldResolver.each { _, _ in true }

    /// `viewer`: the current user and their session token; 209 without a user session.
    static func viewer(model: APIModel) -> FieldResolver {
        ResolverBody.root { batch, context in
            guard let user = model.userClass, let userId = context.access.userId, let token = context.sessionToken else {
                throw ParseError.invalidSessionToken
            }
            let userPlans = Lookahead.fields(below: [batch.plan], on: "Viewer", schema: batch.schema)
                .filter { $0.definition.name == "user" }
            let keys = Lookahead.keys(Lookahead.fields(below: userPlans, on: user.naming.typeName, schema: batch.schema), api: user)
            let object = try await context.store.get(className: user.className, objectId: userId, keys: keys.sorted(),
                                                     context: context.access)
            return Viewer.record(sessionToken: token, user: context.records.record(object))
        }
    }

    /// `dealPipeline(where:)`: deals per stage with their total amount, one `GROUP BY` under the
    /// caller's ACL.
    static func dealPipeline(model: APIModel) -> FieldResolver {
        ResolverBody.root { batch, context in
            guard let deal = model.apiClass(className: PipelineSummary.className) else { return .list([]) }
            let clause = try context.clause(batch.arguments["where"], on: deal)
            let groups = try await context.store.groupSummary(
                className: deal.className, groupBy: PipelineSummary.stageField, sum: PipelineSummary.amountField,
                where: clause, context: context.access)
            return .list(groups.map(PipelineSummary.record))
        }
    }
}

/// `Viewer { sessionToken user }`.
enum Viewer {
    static let shape = RecordShape(["sessionToken", "user"])

    static func record(sessionToken: String, user: GraphQLValue) -> GraphQLValue {
        .object(Record(shape: shape, values: [.string(sessionToken), user]))
    }
}

/// `PipelineStage { stage count totalAmount }` over Deal.stage and Deal.amount.
enum PipelineSummary {
    static let className = "Deal"
    static let stageField = "stage"
    static let amountField = "amount"
    static let shape = RecordShape(["stage", "count", "totalAmount"])

    static func record(_ group: GroupSummary) -> GraphQLValue {
        .object(Record(shape: shape, values: [group.key.map(GraphQLValue.string) ?? .null, .int(group.count),
                                              ParseValue.number(group.sum)]))
    }
}
