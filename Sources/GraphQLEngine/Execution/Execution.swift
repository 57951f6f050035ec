/// One run of an ``ExecutionPlan``, breadth-first (docs/ARCHITECTURE.md, "How a request flows"): each
/// level resolves every field of every batch at once, one resolver call per (field, batch), then
/// the objects those fields returned form the batches of the next level. Results stay in the
/// batches; the ``ResponseSerializer`` walks them afterwards and writes the JSON response.
final class Execution {
    let plan: ExecutionPlan
    let variables: [String: GraphQLValue]
    let context: any Sendable

    init(plan: ExecutionPlan, variables: [String: GraphQLValue], context: any Sendable) {
        self.plan = plan
        self.variables = variables
        self.context = context
    }

    var schema: GraphQLSchema { plan.schema }

    /// Resolves `fields` of `batch` and everything below them.
    func run(_ batch: ObjectBatch, fields: [Int]) async {
        var level = [LevelEntry(batch: batch, fields: fields)]
        while !level.isEmpty {
            await resolve(level)
            level = childLevel(of: level)
        }
    }

    /// Spec 6.2.2 "Mutation": root fields one after the other, each with everything below it.
    func runSerially(_ batch: ObjectBatch) async {
        for field in batch.selection.fields.indices {
            await run(batch, fields: [field])
        }
    }

    struct LevelEntry {
        let batch: ObjectBatch
        let fields: [Int]
    }

    // MARK: Resolving one level

    private struct PendingCall: Sendable {
        let entry: Int
        let field: Int
        let resolve: @Sendable (FieldBatch) async throws -> [FieldResult]
        let input: FieldBatch
    }

    private func resolve(_ level: [LevelEntry]) async {
        var pending: [PendingCall] = []
        for (entryIndex, entry) in level.enumerated() {
            let batch = entry.batch
            for f in entry.fields {
                let field = batch.selection.fields[f]
                if case .typename = field.source { continue }
                let arguments: Record
                switch field.argumentValues(variables: variables, source: plan.source) {
                case .success(let record): arguments = record
                case .failure(let error):
                    batch.outcomes[f].failure = error
                    continue
                }
                switch field.source {
                case .typename:
                    break
                case .property(let name):
                    // Leaves are read by the writer; composite values are needed now for the next level.
                    if field.children != nil { batch.outcomes[f].values = readField(name, of: batch.objects) }
                case .resolver(.each(let resolve)):
                    let input = FieldBatch(parents: batch.objects, arguments: arguments, context: context, plan: field, schema: schema)
                    var values: [GraphQLValue] = []
                    values.reserveCapacity(batch.objects.count)
                    for (index, parent) in batch.objects.enumerated() {
                        do {
                            values.append(try resolve(parent, input))
                        } catch {
                            values.append(.null)
                            batch.outcomes[f].errors[index] = graphQLError(from: error)
                        }
                    }
                    batch.outcomes[f].values = values
                case .resolver(.batch(let resolve)):
                    let input = FieldBatch(parents: batch.objects, arguments: arguments, context: context, plan: field, schema: schema)
                    pending.append(PendingCall(entry: entryIndex, field: f, resolve: resolve, input: input))
                }
            }
        }
        guard !pending.isEmpty else { return }
        let activity = context as? any ResolverActivity
        activity?.resolversStarted(pending.count)
        if pending.count == 1 {
            let call = pending[0]
            store(await Self.perform(call, activity: activity), of: call, in: level)
        } else {
            // Batch resolvers of one level are independent (spec 6.2.1: query fields may run in
            // parallel), so their lookups overlap.
            await withTaskGroup(of: (Int, Result<[FieldResult], any Error>).self) { group in
                for (index, call) in pending.enumerated() {
                    group.addTask { (index, await Self.perform(call, activity: activity)) }
                }
                for await (index, result) in group {
                    store(result, of: pending[index], in: level)
                }
            }
        }
    }

    private static func perform(_ call: PendingCall, activity: (any ResolverActivity)?) async -> Result<[FieldResult], any Error> {
        defer { activity?.resolverFinished() }
        do {
            return .success(try await call.resolve(call.input))
        } catch {
            return .failure(error)
        }
    }

    private func store(_ result: Result<[FieldResult], any Error>, of call: PendingCall, in level: [LevelEntry]) {
        let batch = level[call.entry].batch
        let f = call.field
        switch result {
        case .failure(let error):
            batch.outcomes[f].failure = graphQLError(from: error)
        case .success(let results) where results.count != batch.objects.count:
            let field = batch.selection.fields[f]
            batch.outcomes[f].failure = GraphQLError(
                "Resolver of \(field.parentType.name).\(field.definition.name) returned \(results.count) results for \(batch.objects.count) parents.")
        case .success(let results):
            var values: [GraphQLValue] = []
            values.reserveCapacity(results.count)
            for (index, result) in results.enumerated() {
                switch result {
                case .success(let value):
                    values.append(value)
                case .failure(let error):
                    values.append(.null)
                    batch.outcomes[f].errors[index] = graphQLError(from: error)
                }
            }
            batch.outcomes[f].values = values
        }
    }

    /// graphql-js's default resolver: the field `name` of each parent record, null otherwise.
    private func readField(_ name: String, of objects: [GraphQLValue]) -> [GraphQLValue] {
        var shape: RecordShape?
        var slot: Int?
        var values: [GraphQLValue] = []
        values.reserveCapacity(objects.count)
        for object in objects {
            guard case .object(let record) = object else {
                values.append(.null)
                continue
            }
            if record.shape !== shape {
                shape = record.shape
                slot = record.shape.slot(of: name)
            }
            values.append(slot.map { record.values[$0] } ?? .null)
        }
        return values
    }

    // MARK: Building the next level

    private func childLevel(of level: [LevelEntry]) -> [LevelEntry] {
        var next: [LevelEntry] = []
        for entry in level {
            let batch = entry.batch
            for f in entry.fields {
                let field = batch.selection.fields[f]
                guard let children = field.children, batch.outcomes[f].failure == nil,
                      let values = batch.outcomes[f].values else { continue }
                let link = gatherObjects(values, errors: batch.outcomes[f].errors, of: field, children: children)
                batch.outcomes[f].link = link
                for child in link.batches where !child.selection.fields.isEmpty {
                    next.append(LevelEntry(batch: child, fields: Array(child.selection.fields.indices)))
                }
            }
        }
        return next
    }
}

/// The client-facing form of an error thrown by a resolver; the writer adds locations and path.
func graphQLError(from error: any Error) -> GraphQLError {
    if let error = error as? GraphQLError { return error }
    if let convertible = error as? any GraphQLErrorConvertible { return convertible.graphQLError }
    return GraphQLError(String(describing: error))
}
