import PostgresClient

/// What a live subscriber watches: objects of a class matching a where, as a caller may read them.
public struct LiveFilter: Sendable, Hashable {
    public let className: String
    public let clause: WhereClause?
    public let context: AccessContext

    public init(className: String, clause: WhereClause?, context: AccessContext) {
        self.className = className
        self.clause = clause
        self.context = context
    }

    /// Two filters of callers with the same principals match the same objects.
    fileprivate var key: Key { Key(className: className, clause: clause, kind: context.kind) }

    fileprivate struct Key: Hashable {
        let className: String
        let clause: WhereClause?
        let kind: AccessContext.Kind
    }
}

/// Whether the object matched a filter (where and read access) before and after a write.
public struct LiveMatch: Sendable, Hashable {
    public let before: Bool
    public let after: Bool

    public init(before: Bool, after: Bool) {
        self.before = before
        self.after = after
    }

    public static let none = LiveMatch(before: false, after: false)
}

/// The event a subscriber gets for a write (Parse LiveQuery's and the GraphQL subscriptions'):
/// matching before and after is an update, before only a leave, after only an enter (a create for
/// a new object), a delete when it matched before. Gaining or losing read access counts as
/// entering or leaving, so no event carries a state the subscriber may not read.
public enum LiveEvent: String, Sendable, CaseIterable {
    case create, enter, update, leave, delete

    public init?(_ operation: Change.Operation, _ match: LiveMatch) {
        switch (operation, match.before, match.after) {
        case (.create, _, true): self = .create
        case (.update, true, true): self = .update
        case (.update, true, false): self = .leave
        case (.update, false, true): self = .enter
        case (.delete, true, _): self = .delete
        default: return nil
        }
    }
}

extension CRMStore {
    /// Checks that `filter` can be served to its caller, as a find would be: the class exists, the
    /// CLP allows `find`, the where names known fields and no protected one (the errors a
    /// subscribe answers with).
    public func check(_ filter: LiveFilter) throws(StoreError) {
        _ = try ReadPlan(store: self, className: filter.className, operation: .find, where: filter.clause, keys: [],
                         context: filter.context)
    }

    /// For every change and every filter, whether the object before and after the write matched
    /// the filter's where and its caller's read access (CLP `find` and the ACL, as a find checks
    /// them, roles included). One statement per class of the changes and per 400 distinct
    /// filters, evaluated by PostgreSQL on the logged states: filters of callers with the same
    /// principals are evaluated once, however many subscribers share them. A filter whose CLP
    /// no longer allows `find` matches nothing.
    public func match(_ changes: [Change], against filters: [LiveFilter]) async throws(StoreError) -> [[LiveMatch]] {
        var result = Array(repeating: Array(repeating: LiveMatch.none, count: filters.count), count: changes.count)
        let changesByClass = Dictionary(grouping: changes.indices, by: { changes[$0].className })
        for (className, changeIndices) in changesByClass.sorted(by: { $0.key < $1.key }) {
            guard let definition = model.definition(className) else { continue }
            var distinct: [LiveFilter.Key: Int] = [:]
            var representatives: [LiveFilter] = []
            var slotOfFilter: [Int: Int] = [:]
            for (index, filter) in filters.enumerated() where filter.className == className {
                let slot = distinct[filter.key] ?? {
                    representatives.append(filter)
                    distinct[filter.key] = representatives.count - 1
                    return representatives.count - 1
                }()
                slotOfFilter[index] = slot
            }
            guard !representatives.isEmpty else { continue }
            var matches: [Int64: [LiveMatch]] = [:]
            let sequences = changeIndices.map { changes[$0].sequence }
            for start in stride(from: 0, to: representatives.count, by: 400) {
                let chunk = Array(representatives[start..<min(start + 400, representatives.count)])
                let found = try await match(sequences, of: definition, chunk)
                for (seq, row) in found { matches[seq, default: []] += row }
            }
            for changeIndex in changeIndices {
                guard let row = matches[changes[changeIndex].sequence] else { continue }
                for (filterIndex, slot) in slotOfFilter { result[changeIndex][filterIndex] = row[slot] }
            }
        }
        return result
    }

    private func match(_ sequences: [Int64], of definition: ClassDefinition,
                       _ filters: [LiveFilter]) async throws(StoreError) -> [Int64: [LiveMatch]] {
        var parameters = SQLParameters()
        var columns: [String] = []
        for filter in filters {
            var compiler = WhereCompiler(model: model, context: filter.context, protectedDefaults: options.protectedFields)
            compiler.parameters = parameters
            var pair = ["FALSE", "FALSE"]
            if let access = try? AccessControl.authorize(.find, on: definition, context: filter.context) {
                for (index, alias) in ["b", "a"].enumerated() {
                    let acl = access.condition(alias: alias, parameters: &compiler.parameters)
                    if let condition = try? compiler.condition(for: filter.clause, on: definition, alias: alias) {
                        pair[index] = "COALESCE(\(alias).\"objectId\" IS NOT NULL AND \(acl) AND \(condition), FALSE)"
                    }
                }
            }
            parameters = compiler.parameters
            columns += pair
        }
        let list = parameters.bind(.textArray(sequences.map { String($0) }))
        let table = SQL.identifier(definition.name)
        let rows = try await query("""
            SELECT c."seq", \(columns.joined(separator: ", ")) FROM \(SQL.identifier(ChangeLog.table)) c
              CROSS JOIN LATERAL jsonb_populate_record(NULL::\(table), c."before") b
              CROSS JOIN LATERAL jsonb_populate_record(NULL::\(table), c."after") a
            WHERE c."seq" = ANY(\(list)::bigint[])
            """, parameters.values)
        var result: [Int64: [LiveMatch]] = [:]
        for row in rows {
            guard let seq = row.int(0).map(Int64.init) else { continue }
            result[seq] = filters.indices.map { LiveMatch(before: row.bool(1 + 2 * $0) == true, after: row.bool(2 + 2 * $0) == true) }
        }
        return result
    }

    /// `object` as `context` may see it: protected fields removed (the ACL is checked by
    /// ``match(_:against:)``).
    public func visible(_ object: StoredObject, to context: AccessContext) -> StoredObject {
        guard !context.isMaster, let definition = model.definition(object.className) else { return object }
        let protected = ProtectedFields(definition: definition, context: context, defaults: options.protectedFields)
        guard !protected.hidden.isEmpty else { return object }
        let fields = object.fields.filter { !protected.hides($0.key, objectId: object.objectId) }
        return StoredObject(className: object.className, objectId: object.objectId, createdAt: object.createdAt,
                            updatedAt: object.updatedAt, acl: object.acl, fields: fields)
    }
}
