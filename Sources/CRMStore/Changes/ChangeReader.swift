import PostgresClient

/// Reads change log rows back as ``Change``s: the JSON of the object before and after is turned
/// into a row of the class's own table type (`jsonb_populate_record`) and decoded by the class's
/// ``Projection``, the one decoding path of every read.
struct ChangeReader: Sendable {
    let pool: PostgresPool
    let model: ClassModel

    /// Rows after `sequence`, in sequence order, at most `limit`; rows of classes the model does
    /// not have (`_Role`) are returned with neither state.
    func read(after sequence: Int64, limit: Int) async throws(StoreError) -> [Change] {
        try await read(#"c."seq" > $1 ORDER BY c."seq" LIMIT \#(max(1, limit))"#, [.int8(sequence)])
    }

    /// The rows of these numbers that exist now, in sequence order.
    func read(sequences: [Int64]) async throws(StoreError) -> [Change] {
        guard !sequences.isEmpty else { return [] }
        return try await read(#"c."seq" = ANY($1::bigint[]) ORDER BY c."seq""#, [.textArray(sequences.map { String($0) })])
    }

    private func read(_ filter: String, _ parameters: [PostgresValue]) async throws(StoreError) -> [Change] {
        let table = SQL.identifier(ChangeLog.table)
        let heads = try await run("""
            SELECT c."seq", c."className", c."objectId", c."operation" FROM \(table) c WHERE \(filter)
            """, parameters)
        var states: [Int64: (before: StoredObject?, after: StoredObject?)] = [:]
        var byClass: [String: [Int64]] = [:]
        for row in heads {
            guard let seq = row.int(0).map(Int64.init), let className = row.string(1) else { continue }
            byClass[className, default: []].append(seq)
        }
        for (className, sequences) in byClass.sorted(by: { $0.key < $1.key }) {
            guard let definition = model.definition(className) else { continue }
            let projection = try Projection(definition: definition, keys: nil,
                                            protected: ProtectedFields(definition: definition, context: .master, defaults: [:]))
            var parameters = SQLParameters()
            let list = parameters.bind(.textArray(sequences.map { String($0) })) + "::bigint[]"
            let type = SQL.identifier(className)
            let rows = try await run("""
                SELECT c."seq", c."before" IS NOT NULL, c."after" IS NOT NULL, \(projection.selectList(alias: "b", parameters: &parameters)),
                  \(projection.selectList(alias: "a", parameters: &parameters)) FROM \(table) c
                  CROSS JOIN LATERAL jsonb_populate_record(NULL::\(type), c."before") b
                  CROSS JOIN LATERAL jsonb_populate_record(NULL::\(type), c."after") a
                WHERE c."seq" = ANY(\(list))
                """, parameters.values)
            for row in rows {
                guard let seq = row.int(0).map(Int64.init) else { continue }
                let before = row.bool(1) == true ? try projection.decode(row, offset: 3) : nil
                let after = row.bool(2) == true ? try projection.decode(row, offset: 3 + projection.columnCount) : nil
                states[seq] = (before, after)
            }
        }
        return heads.compactMap { row in
            guard let seq = row.int(0).map(Int64.init), let className = row.string(1), let objectId = row.string(2),
                  let operation = row.string(3).flatMap(Change.Operation.init(rawValue:)) else { return nil }
            let state = states[seq]
            return Change(sequence: seq, className: className, objectId: objectId, operation: operation,
                          before: state?.before ?? nil, after: state?.after ?? nil)
        }
    }

    /// The newest sequence number (0 for an empty log).
    func newest() async throws(StoreError) -> Int64 {
        try await run(#"SELECT COALESCE(max("seq"), 0) FROM \#(SQL.identifier(ChangeLog.table))"#, []).first?.int(0).map(Int64.init) ?? 0
    }

    /// Deletes rows older than `age` up to `sequence` (rows the feed has not passed stay, however
    /// old): the window in which a reconnecting gateway or client can catch up.
    func prune(olderThan age: Duration, upTo sequence: Int64) async throws(StoreError) {
        let seconds = Double(age.components.seconds) + Double(age.components.attoseconds) / 1e18
        _ = try await run(#"DELETE FROM \#(SQL.identifier(ChangeLog.table)) WHERE "at" < clock_timestamp() - make_interval(secs => $1) AND "seq" <= $2"#,
                          [.float8(seconds), .int8(sequence)])
    }

    private func run(_ sql: String, _ parameters: [PostgresValue]) async throws(StoreError) -> PostgresResult {
        do {
            return try await pool.query(sql, parameters)
        } catch {
            throw StoreError(mapping: error)
        }
    }
}
