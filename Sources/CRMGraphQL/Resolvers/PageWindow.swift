import APICore
import GraphQLEngine

/// Parse's pagination (docs/API.md, `calculateSkipAndLimit` of Parse's
/// objectsQueries), reproduced exactly so cursors stay compatible: `skip`, `after`, `first`,
/// `before` and `last` become one offset and limit, with a pre-count when `last` comes alone.
struct PageWindow: Equatable {
    var skip: Int
    /// nil: no limit given (the default applies when the page is read).
    var limit: Int?
    /// `last` without a limit: the window is the last `limit` objects, known after counting.
    var needsPreCount: Bool

    /// Steps 1-4 of reference 3.1 for the connection arguments of a field.
    init(arguments: Record, maxLimit: Int) throws {
        skip = 0
        limit = nil
        needsPreCount = false
        if let given = try Self.int(arguments, "skip") {
            guard given >= 0 else { throw ParseError.invalidQuery("Skip should be a positive number") }
            skip = given
        }
        if case .string(let cursor)? = arguments["after"] {
            guard let offset = Cursor.decode(cursor) else { throw ParseError.invalidQuery("After is not a valid cursor") }
            skip += offset + 1
        }
        if let first = try Self.int(arguments, "first") {
            guard first >= 0 else { throw ParseError.invalidQuery("First should be a positive number") }
            limit = first
        }
        if case .string(let cursor)? = arguments["before"] {
            guard let before = Cursor.decode(cursor) else { throw ParseError.invalidQuery("Before is not a valid cursor") }
            if skip >= before {
                limit = 0
            } else if limit == nil || skip + limit! > before {
                limit = before - skip
            }
        }
        if var last = try Self.int(arguments, "last") {
            guard last >= 0 else { throw ParseError.invalidQuery("Last should be a positive number") }
            last = min(last, maxLimit)
            if let current = limit {
                if last < current {
                    skip += current - last
                    limit = last
                }
            } else if last == 0 {
                limit = 0
            } else {
                limit = last
                needsPreCount = true
            }
        }
    }

    /// Step 4's adjustment once the total is known: the last `limit` objects.
    mutating func apply(preCount total: Int) {
        if let limit, skip + limit < total { skip = total - limit }
    }

    /// Step 5: the limit used to read the page: the given one, else the default, never more
    /// than the maximum.
    func pageLimit(defaultLimit: Int, maxLimit: Int) -> Int {
        min(limit ?? defaultLimit, maxLimit)
    }

    private static func int(_ arguments: Record, _ name: String) throws -> Int? {
        guard let value = arguments[name], !value.isNull else { return nil }
        guard let number = value.intValue else { throw ParseError.incorrectType("\(name) should be an integer") }
        return number
    }
}

/// The connection records of one page (graphql-relay shapes plus Parse's `count`), with
/// step 7 of reference 3.1 for cursors and page info.
enum ConnectionRecords {
    static let connectionShape = RecordShape(["pageInfo", "edges", "count"])
    static let edgeShape = RecordShape(["node", "cursor"])
    static let pageInfoShape = RecordShape(["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"])

    /// `nodes` are the page's records starting at offset `skip`; `count` is the total when
    /// it was needed.
    static func connection(nodes: [GraphQLValue], skip: Int, count: Int?) -> GraphQLValue {
        var edges: [GraphQLValue] = []
        edges.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            edges.append(.object(Record(shape: edgeShape, values: [node, .string(Cursor.encode(skip + index))])))
        }
        let total = count ?? 0
        let pageInfo = Record(shape: pageInfoShape, values: [
            .boolean(total > skip + nodes.count),
            .boolean(total > 0 && skip > 0),
            .string(Cursor.encode(skip)),
            .string(Cursor.encode(skip + max(nodes.count, 1) - 1)),
        ])
        return .object(Record(shape: connectionShape, values: [.object(pageInfo), .list(edges), count.map(GraphQLValue.int) ?? .null]))
    }
}
