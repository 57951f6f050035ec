import APICore
import CRMStore
import GraphQLEngine
import Synchronization

/// Objects in Parse's REST JSON: `objectId`, `createdAt` and `updatedAt` as plain ISO strings,
/// every set field in Parse's typed encoding (``ParseValue``), `ACL` when one is stored, and an
/// included object as `{"__type":"Object","className":...}` in place of its pointer.
enum ObjectJSON {
    /// `object`'s JSON; `included` replaces pointer fields by the objects loaded for them,
    /// `extra` adds fields (a user's own `sessionToken`).
    static func encode(_ object: StoredObject, included: [String: GraphQLValue] = [:], asIncluded: Bool = false,
                       extra: [(String, GraphQLValue)] = []) -> GraphQLValue {
        let shapes = object.derived { ReadShapes($0) }
        let names = shapes.names
        var values: [GraphQLValue] = []
        values.reserveCapacity(names.count + 6)
        // Which fields are set, whether an ACL is stored and whether the object is included pick
        // the record's shape; the shapes are shared by every object of the read.
        var signature: UInt64 = asIncluded ? 1 << 63 : 0
        var present: [String] = []
        if asIncluded {
            values.append("Object")
            values.append(.string(object.className))
        }
        values.append(.string(object.objectId))
        values.append(.string(object.createdAtText))
        values.append(.string(object.updatedAtText))
        object.forEachValue { index, value in
            signature |= 1 << UInt64(min(index, 61))
            present.append(names[index])
            values.append(included[names[index]] ?? ParseValue.encode(value))
        }
        if let acl = object.acl {
            signature |= 1 << 62
            values.append(ACLJSON.encode(acl))
        }
        if extra.isEmpty, names.count <= 61 {
            return .object(Record(shape: shapes.shape(signature), values: values))
        }
        let head = asIncluded ? ["__type", "className"] : []
        let fieldNames = head + ["objectId", "createdAt", "updatedAt"] + present + (object.acl == nil ? [] : ["ACL"])
        return .object(Record(fields: Array(zip(fieldNames, values)) + extra))
    }
}

/// The field names of a read and the record shapes of its objects, made once per read
/// (``StoredObject/derived(_:)``).
final class ReadShapes: Sendable {
    let names: [String]
    private let shapes = Mutex<[UInt64: RecordShape]>([:])

    init(_ names: [String]) { self.names = names }

    func shape(_ signature: UInt64) -> RecordShape {
        if let shape = shapes.withLock({ $0[signature] }) { return shape }
        var fields: [String] = signature & (1 << 63) != 0 ? ["__type", "className"] : []
        fields += ["objectId", "createdAt", "updatedAt"]
        for (index, name) in names.enumerated() where signature & (1 << UInt64(min(index, 61))) != 0 {
            fields.append(name)
        }
        if signature & (1 << 62) != 0 { fields.append("ACL") }
        let shape = RecordShape(fields)
        shapes.withLock { $0[signature] = shape }
        return shape
    }
}
