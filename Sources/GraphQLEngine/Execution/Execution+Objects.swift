extension Execution {
    /// Spec 6.4.3 CompleteValue for composite fields, for all parents at once: walks each parent's
    /// value through the list wrappers of the field type and puts every object into the batch of
    /// its runtime type. Nulls, errors and values that are not lists where lists belong get no
    /// slot; the writer reports them when it walks the same values again.
    func gatherObjects(
        _ values: [GraphQLValue],
        errors: [Int: GraphQLError],
        of field: FieldPlan,
        children: ChildPlan
    ) -> ChildLink {
        var gatherer: ObjectGatherer
        switch children {
        case .object(let plan):
            gatherer = ObjectGatherer(execution: self, field: field, abstract: nil, objectPlan: plan, parentCount: values.count)
        case .abstract(let abstract):
            gatherer = ObjectGatherer(execution: self, field: field, abstract: abstract, objectPlan: nil, parentCount: values.count)
        }
        let type = field.definition.type
        let checkErrors = !errors.isEmpty
        for (index, value) in values.enumerated() {
            gatherer.link.offsets.append(gatherer.slotCount)
            if checkErrors && errors[index] != nil { continue }
            gatherer.walk(value, type)
        }
        gatherer.link.offsets.append(gatherer.slotCount)
        return gatherer.link
    }
}

/// The walk behind ``Execution/gatherObjects(_:errors:of:children:)``.
private struct ObjectGatherer {
    let execution: Execution
    let field: FieldPlan
    let abstract: AbstractSelection?
    let link: ChildLink
    let isTypeOf: IsTypeOf?
    var slotCount = 0
    private var batchByPlan: [ObjectIdentifier: Int] = [:]

    init(execution: Execution, field: FieldPlan, abstract: AbstractSelection?, objectPlan: SelectionPlan?, parentCount: Int) {
        self.execution = execution
        self.field = field
        self.abstract = abstract
        self.isTypeOf = objectPlan?.type.isTypeOf
        self.link = ChildLink(parentCount: parentCount, abstract: abstract != nil || isTypeOf != nil)
        if let objectPlan { link.batches = [ObjectBatch(selection: objectPlan)] }
    }

    mutating func walk(_ value: GraphQLValue, _ type: TypeReference) {
        switch type {
        case .nonNull(let inner):
            walk(value, inner)
        case .list(let itemType):
            guard case .list(let items) = value else { return }
            for item in items { walk(item, itemType) }
        case .named:
            if value.isNull { return }
            slotCount += 1
            if let abstract {
                addAbstract(value, abstract)
            } else if let isTypeOf {
                addChecked(value, isTypeOf)
            } else {
                link.batches[0].objects.append(value)
            }
        }
    }

    /// graphql-js completeObjectValue: an object type with `isTypeOf` checks each value.
    private func addChecked(_ value: GraphQLValue, _ isTypeOf: IsTypeOf) {
        let batch = link.batches[0]
        do {
            if try isTypeOf(value, execution.context) {
                link.references!.append(SlotReference(batch: 0, index: Int32(batch.objects.count)))
                batch.objects.append(value)
                return
            }
            fail("Expected value of type \"\(batch.selection.type.name)\" but got: \(inspect(value)).")
        } catch {
            fail(graphQLError(from: error).message)
        }
    }

    /// graphql-js completeAbstractValue.
    private mutating func addAbstract(_ value: GraphQLValue, _ abstract: AbstractSelection) {
        let runtimeType: ObjectType
        switch resolveRuntimeType(value, abstract.type) {
        case .success(let type): runtimeType = type
        case .failure(let failure):
            fail(failure.message)
            return
        }
        guard let plan = abstract.plan(for: runtimeType) else {
            fail("Runtime Object type \"\(runtimeType.name)\" is not a possible type for \"\(abstract.type.name)\".")
            return
        }
        let batchIndex: Int
        if let existing = batchByPlan[ObjectIdentifier(plan)] {
            batchIndex = existing
        } else {
            batchIndex = link.batches.count
            batchByPlan[ObjectIdentifier(plan)] = batchIndex
            link.batches.append(ObjectBatch(selection: plan))
        }
        let batch = link.batches[batchIndex]
        link.references!.append(SlotReference(batch: Int32(batchIndex), index: Int32(batch.objects.count)))
        batch.objects.append(value)
    }

    private func fail(_ message: String) {
        link.references!.append(SlotReference(batch: -1, index: Int32(link.failures.count)))
        link.failures.append(message)
    }

    private struct Failure: Error {
        let message: String
    }

    /// The type's `resolveType`, else `__typename` of the record, else the `isTypeOf` of the
    /// possible types (graphql-js defaultTypeResolver); then graphql-js's ensureValidRuntimeType.
    private func resolveRuntimeType(_ value: GraphQLValue, _ abstractType: NamedType) -> Result<ObjectType, Failure> {
        let schema = execution.schema
        let context = execution.context
        var resolveType: ResolveType?
        switch abstractType {
        case .interface(let interface): resolveType = interface.resolveType
        case .union(let union): resolveType = union.resolveType
        default: break
        }
        var typeName: String?
        do {
            if let resolveType {
                typeName = try resolveType(value, context)
            } else if case .string(let name)? = value["__typename"] {
                typeName = name
            } else {
                for candidate in schema.possibleTypes(of: abstractType) {
                    if let isTypeOf = candidate.isTypeOf, try isTypeOf(value, context) {
                        typeName = candidate.name
                        break
                    }
                }
            }
        } catch {
            return .failure(Failure(message: graphQLError(from: error).message))
        }
        let abstractName = abstractType.name
        guard let typeName else {
            return .failure(Failure(message: "Abstract type \"\(abstractName)\" must resolve to an Object type at runtime for field \"\(field.parentType.name).\(field.definition.name)\". Either the \"\(abstractName)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function."))
        }
        guard let runtimeType = schema.type(named: typeName) else {
            return .failure(Failure(message: "Abstract type \"\(abstractName)\" was resolved to a type \"\(typeName)\" that does not exist inside the schema."))
        }
        guard case .object(let object) = runtimeType else {
            return .failure(Failure(message: "Abstract type \"\(abstractName)\" was resolved to a non-object type \"\(typeName)\"."))
        }
        guard schema.isSubType(abstractType, runtimeType) else {
            return .failure(Failure(message: "Runtime Object type \"\(typeName)\" is not a possible type for \"\(abstractName)\"."))
        }
        return .success(object)
    }
}
