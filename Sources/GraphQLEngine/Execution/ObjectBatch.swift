/// The objects of one selection at one level of the breadth-first execution: every parent that
/// one ``SelectionPlan`` applies to, with the outcome of each of its fields.
///
/// Each selection plan is reached through exactly one field plan, so each has at most one batch
/// per request: the batch is the unit of resolver calls.
///
/// The execution classes here are used by one execution at a time, from one task, with no access
/// overlapping another (resolvers never see them), so their stored properties skip the runtime
/// exclusivity checks: the writer reads them once per object and field, and a check costs more
/// than the read.
final class ObjectBatch {
    let selection: SelectionPlan
    @exclusivity(unchecked) var objects: [GraphQLValue] = []
    @exclusivity(unchecked) var outcomes: [FieldOutcome]
    /// How the writer writes each field, for the records of `columnShape`; empty until the writer
    /// first reaches the batch (see ``prepareColumns(for:)``).
    @exclusivity(unchecked) var columns: [WriteColumn] = []
    @exclusivity(unchecked) var columnShape: RecordShape?

    init(selection: SelectionPlan) {
        self.selection = selection
        self.outcomes = selection.fields.map { _ in FieldOutcome() }
    }

    /// Decides once per batch (and again when the parent records change shape) which fields the
    /// writer copies straight from the parent record, and from which slot.
    func prepareColumns(for shape: RecordShape?) {
        columnShape = shape
        columns = zip(selection.fields, outcomes).enumerated().map { index, column in
            WriteColumn(field: column.0, outcome: column.1, shape: shape, first: index == 0)
        }
    }
}

/// How the writer writes one field of the objects of a batch: a plain leaf read from the parent
/// record (no resolver, no error, type `T` or `T!`), a single object (type `T` or `T!`, no
/// error), `__typename`, or anything else through the general path. Trivial to copy, so reading
/// it costs no reference counting.
struct WriteColumn {
    enum Kind: UInt8 {
        case typename
        case recordLeaf
        case object
        case general
    }

    let kind: Kind
    let nonNull: Bool
    let leaf: LeafWrite
    /// The slot of the field in the parent record; -1 when the record has no such field.
    let slot: Int
    /// The plan outlives every batch, so it and its bytes are held without reference counting.
    let field: Unmanaged<FieldPlan>
    /// `,"key":`, or `"key":` for the first field.
    let key: UnsafeBufferPointer<UInt8>
    /// The value of `__typename`.
    let typename: UnsafeBufferPointer<UInt8>
    /// The objects of an object field; the outcome holds them as long as the batch lives.
    let link: Unmanaged<ChildLink>?

    init(field: FieldPlan, outcome: FieldOutcome, shape: RecordShape?, first: Bool) {
        self.field = Unmanaged.passUnretained(field)
        self.key = first ? UnsafeBufferPointer(rebasing: field.keyBytes.bytes.dropFirst()) : field.keyBytes.bytes
        var typename = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        self.nonNull = field.definition.type.isNonNull
        self.leaf = field.leafWrite
        var slot = -1
        var kind = Kind.general
        var link: Unmanaged<ChildLink>?
        let unfailed = outcome.failure == nil && outcome.errors.isEmpty
        if let children = outcome.link, unfailed, case .named = field.definition.type.nullable {
            kind = .object
            link = Unmanaged.passUnretained(children)
        }
        switch field.source {
        case .typename(let name):
            kind = .typename
            typename = name.bytes
        case .property(let name):
            if field.plainLeafIsNonNull != nil, unfailed, outcome.values == nil {
                kind = .recordLeaf
                slot = shape?.slot(of: name) ?? -1
            }
        case .resolver:
            break
        }
        self.kind = kind
        self.slot = slot
        self.typename = typename
        self.link = link
    }
}

/// What executing one field for all objects of a batch produced. A class, so that the writer
/// reads it in place once per object and field.
final class FieldOutcome {
    /// One value per object; nil when the writer reads the field of each parent record itself
    /// (leaf fields without resolver) or nothing was resolved.
    @exclusivity(unchecked) var values: [GraphQLValue]?
    /// Errors of single objects, by object index.
    @exclusivity(unchecked) var errors: [Int: GraphQLError] = [:]
    /// An error of every object: arguments that failed coercion, a batch resolver that threw.
    @exclusivity(unchecked) var failure: GraphQLError?
    /// The objects below a composite field.
    @exclusivity(unchecked) var link: ChildLink?
}

/// The objects a composite field returned for all objects of its batch, flattened out of their
/// lists in traversal order: object index `i` of the parent batch owns slots
/// `offsets[i] ..< offsets[i + 1]`, and the writer walks each value again in the same order.
final class ChildLink {
    @exclusivity(unchecked) var offsets: [Int]
    /// For abstract fields (and objects with `isTypeOf`), which batch and index each slot is;
    /// nil when slot `k` is object `k` of `batches[0]`.
    @exclusivity(unchecked) var references: [SlotReference]?
    @exclusivity(unchecked) var batches: [ObjectBatch] = []
    /// Why a slot has no object (a failed `resolveType`, say): messages by failure index.
    @exclusivity(unchecked) var failures: [String] = []

    init(parentCount: Int, abstract: Bool) {
        offsets = []
        offsets.reserveCapacity(parentCount + 1)
        references = abstract ? [] : nil
    }
}

/// One slot of an abstract field: object `index` of `batches[batch]`, or failure `index` when
/// `batch` is negative.
struct SlotReference {
    var batch: Int32
    var index: Int32
}
