/// The field names of a family of ``Record``s, in order, shared between all records of that family
/// (all rows of one SQL statement, all deals of a fixture).
///
/// The executor remembers the slot of a field per shape, so reading the same field of a thousand
/// records of one shape costs one lookup and a thousand array reads.
public final class RecordShape: Sendable {
    /// Field names in order.
    public let names: [String]
    private let index: [String: Int]

    /// A shape with the given field names; a repeated name keeps its first slot.
    public init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        index.reserveCapacity(names.count)
        for (slot, name) in names.enumerated() where index[name] == nil {
            index[name] = slot
        }
        self.index = index
    }

    /// The slot of `name`, or nil when the shape has no such field.
    public func slot(of name: String) -> Int? {
        index[name]
    }

    /// The number of fields.
    public var count: Int { names.count }
}

/// An ordered set of named values: a GraphQL object produced by a resolver, or an input object.
public struct Record: Sendable, Equatable {
    /// The field names.
    public let shape: RecordShape
    /// The values, one per name of `shape`.
    public var values: [GraphQLValue]

    /// A record of `shape`; `values` must have one value per field name.
    public init(shape: RecordShape, values: [GraphQLValue]) {
        precondition(shape.count == values.count, "a record needs one value per field of its shape")
        self.shape = shape
        self.values = values
    }

    /// A record with its own shape, for values built one at a time (input objects, tests).
    public init(fields: some Sequence<(String, GraphQLValue)>) {
        var names: [String] = []
        var values: [GraphQLValue] = []
        for (name, value) in fields {
            names.append(name)
            values.append(value)
        }
        self.init(shape: RecordShape(names), values: values)
    }

    /// The value of field `name`, or nil when the record has no such field.
    public subscript(name: String) -> GraphQLValue? {
        guard let slot = shape.slot(of: name) else { return nil }
        return values[slot]
    }

    /// The (name, value) pairs in order.
    public var fields: Zip2Sequence<[String], [GraphQLValue]> { zip(shape.names, values) }

    /// Equal when both have the same names in the same order with equal values.
    public static func == (lhs: Record, rhs: Record) -> Bool {
        (lhs.shape === rhs.shape || lhs.shape.names == rhs.shape.names) && lhs.values == rhs.values
    }
}
