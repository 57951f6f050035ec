extension ObjectBatch {
    /// About the size of the JSON of this batch's objects and everything below them, a little
    /// over: the keys of every field, and the leaf values of a few sampled objects taken as
    /// typical. The response is allocated at this size before it is written, so that it is
    /// usually written in one allocation, without growing or copying (``ResponseWriter/collect(capacity:_:)``).
    func estimatedResponseSize() -> Int {
        let total = estimatedSize()
        return total + total / 8 + 256
    }

    private func estimatedSize() -> Int {
        let count = objects.count
        guard count > 0 else { return 0 }
        let samples = Set([0, count / 3, (2 * count) / 3, count - 1]).sorted()
        var perObject = 2
        var below = 0
        for (f, field) in selection.fields.enumerated() {
            perObject += field.keyBytes.bytes.count
            let outcome = outcomes[f]
            if let link = outcome.link {
                for batch in link.batches { below += batch.estimatedSize() }
                // Brackets, and a comma per object of the lists.
                perObject += 2
                below += link.offsets.last ?? 0
                continue
            }
            if case .typename(let name) = field.source {
                perObject += name.bytes.count
                continue
            }
            var sampled = 0
            for index in samples {
                if let values = outcome.values {
                    sampled += Self.estimatedSize(of: values[index])
                } else if case .property(let name) = field.source, let value = objects[index][name] {
                    sampled += Self.estimatedSize(of: value)
                } else {
                    sampled += 4
                }
            }
            perObject += sampled / samples.count
        }
        return perObject * count + below
    }

    private static func estimatedSize(of value: GraphQLValue) -> Int {
        switch value {
        case .null: return 4
        case .boolean: return 5
        case .int: return 6
        case .float: return 10
        case .string(let s): return s.utf8.count + 2
        case .list(let items): return items.reduce(items.count + 1) { $0 + estimatedSize(of: $1) }
        case .object(let record): return record.values.reduce(2) { $0 + estimatedSize(of: $1) + 8 }
        case .host: return 4
        }
    }
}
