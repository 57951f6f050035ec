/// A read for several callers in one statement (the nested loads of a live event, which reaches
/// many subscribers at once): one slot per distinct principal set, each with its own CLP decision,
/// ACL predicate, where and protected fields.
///
/// The slots are joined onto the rows (`JOIN generate_series(...) s("_slot") ON CASE s."_slot"
/// WHEN 0 THEN <slot 0's filter> ... END`), so a row comes back once per slot that may read it,
/// tagged with that slot, and a protected field is selected only on the rows of slots that may
/// see it. Nothing leaves the database that the slot's callers may not read, as with
/// ``ReadPlan``.
struct SharedReadPlan {
    static let slot = SQL.column("s", "_slot")

    let definition: ClassDefinition
    /// Every field any slot may need, unguarded; ``columns`` guards them.
    let projection: Projection
    var parameters: SQLParameters
    /// The distinct callers, one per slot.
    let contexts: [AccessContext]
    /// Slots refused by the CLP, a protected field in the where, an invalid where or the read's own
    /// check; their rows are not read at all.
    let refusals: [Int: StoreError]
    /// The slots joined onto rows named ``ReadPlan/alias`` they may read with the where.
    let join: String
    /// The select list: the projection with each protected field guarded by the slots that see it.
    let columns: String

    /// The slot of each context: callers with the same principals share one.
    static func slots(of contexts: [AccessContext]) -> (distinct: [AccessContext], slotOf: [Int]) {
        var index: [AccessContext.Kind: Int] = [:]
        var distinct: [AccessContext] = []
        let slotOf = contexts.map { context in
            if let slot = index[context.kind] { return slot }
            distinct.append(context)
            index[context.kind] = distinct.count - 1
            return distinct.count - 1
        }
        return (distinct, slotOf)
    }

    /// `contexts` must be distinct (``slots(of:)``); `check` refuses a slot for what the read
    /// needs beyond the where (a protected pointer or sort key). Throws only what fails for every
    /// slot (an unknown class or key).
    init(store: CRMStore, className: String, operation: ClassOperation, where clause: WhereClause?,
         keys: [String]?, contexts: [AccessContext],
         check: (ReadPlan) throws(StoreError) -> Void = { _ in }) throws(StoreError) {
        definition = try store.model.require(className)
        projection = try Projection(definition: definition, keys: keys, protected: .none)
        self.contexts = contexts
        var parameters = SQLParameters()
        var refusals: [Int: StoreError] = [:]
        var plans: [Int: ReadPlan] = [:]
        var cases: [String] = []
        for (slot, context) in contexts.enumerated() {
            do {
                let plan = try ReadPlan(store: store, className: className, operation: operation, where: clause, keys: [],
                                        context: context, parameters: parameters)
                try check(plan)
                parameters = plan.compiler.parameters
                plans[slot] = plan
                cases.append("WHEN \(slot) THEN \(plan.filter)")
            } catch {
                refusals[slot] = error
            }
        }
        var guards: [String: String] = [:]
        for field in projection.fields {
            var seeing: [String] = []
            var hidden = false
            for slot in plans.keys.sorted() {
                guard let protected = plans[slot]?.protected, protected.hidden.contains(field.name) else {
                    seeing.append("\(Self.slot) = \(slot)")
                    continue
                }
                hidden = true
                if let own = protected.exemptObjectId {
                    let id = parameters.bind(.text(own))
                    seeing.append("(\(Self.slot) = \(slot) AND \(SQL.column(ReadPlan.alias, "objectId")) = \(id))")
                }
            }
            if hidden { guards[field.name] = seeing.isEmpty ? "FALSE" : "(" + seeing.joined(separator: " OR ") + ")" }
        }
        columns = projection.selectList(alias: ReadPlan.alias, parameters: &parameters, guards: guards)
        let last = parameters.bind(.int8(Int64(max(contexts.count - 1, 0))))
        join = cases.isEmpty ? " JOIN (SELECT 0 WHERE FALSE) s(\"_slot\") ON TRUE"
            : " JOIN generate_series(0, \(last)) s(\"_slot\") ON CASE \(Self.slot) \(cases.joined(separator: " ")) END"
        self.parameters = parameters
        self.refusals = refusals
    }

    var table: String { SQL.identifier(definition.name) + " " + ReadPlan.alias }

    /// Whether any slot may read.
    var readsAny: Bool { refusals.count < contexts.count }

    /// Refuses a slot whose caller may not query `pointerField` (a reverse connection's pointer).
    static func queryable(_ pointerField: String) -> (ReadPlan) throws(StoreError) -> Void {
        { plan throws(StoreError) in _ = try ResolvedField.queryable(pointerField, in: plan.definition, protected: plan.protected) }
    }

    /// The pointer column and the condition matching rows to `parents` (a reverse connection).
    mutating func parentMatch(store: CRMStore, pointerField: String, parentClassName: String?,
                              parents: [String]) throws(StoreError) -> (pointer: String, condition: String) {
        let match = try store.parentMatch(in: definition, protected: .none, parameters: &parameters,
                                          pointerField: pointerField, parentClassName: parentClassName)
        let pointer = SQL.column(ReadPlan.alias, match.column)
        return (pointer, "\(pointer) = ANY(\(parameters.bind(texts: parents)))\(match.extra)")
    }
}
