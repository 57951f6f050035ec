/// The objects of one selection at one level of the breadth-first execution: every parent that
/// one ``SelectionPlan`` applies to, with the outcome of each of its fields.
///
/// Each selection plan is reached through exactly one field plan, so each has at most one batch
/// per request: the batch is the unit of resolver calls.
final class ObjectBatch {
    let selection: SelectionPlan
    var objects: [GraphQLValue] = []
    var outcomes: [FieldOutcome]
    /// The slots of each field in the records of `slotShape`, remembered while writing (-1: absent).
    var slotShape: RecordShape?
    var slots: [Int]

    /// Remembers where each field read from the parent record sits in records of `shape`.
    func rememberSlots(of shape: RecordShape) {
        slotShape = shape
        slots = selection.fields.map { field in
            if case .property(let name) = field.source { return shape.slot(of: name) ?? -1 }
            return -1
        }
    }

    init(selection: SelectionPlan) {
        self.selection = selection
        self.outcomes = selection.fields.map { _ in FieldOutcome() }
        self.slots = Array(repeating: -1, count: selection.fields.count)
    }
}

/// What executing one field for all objects of a batch produced. A class, so that the writer
/// reads it in place once per object and field.
final class FieldOutcome {
    /// One value per object; nil when the writer reads the field of each parent record itself
    /// (leaf fields without resolver) or nothing was resolved.
    var values: [GraphQLValue]?
    /// Errors of single objects, by object index.
    var errors: [Int: GraphQLError] = [:]
    /// An error of every object: arguments that failed coercion, a batch resolver that threw.
    var failure: GraphQLError?
    /// The objects below a composite field.
    var link: ChildLink?
}

/// The objects a composite field returned for all objects of its batch, flattened out of their
/// lists in traversal order: object index `i` of the parent batch owns slots
/// `offsets[i] ..< offsets[i + 1]`, and the writer walks each value again in the same order.
final class ChildLink {
    var offsets: [Int]
    /// For abstract fields (and objects with `isTypeOf`), which batch and index each slot is;
    /// nil when slot `k` is object `k` of `batches[0]`.
    var references: [SlotReference]?
    var batches: [ObjectBatch] = []
    /// Why a slot has no object (a failed `resolveType`, say): messages by failure index.
    var failures: [String] = []

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
