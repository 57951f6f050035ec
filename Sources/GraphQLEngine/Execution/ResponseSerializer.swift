/// Writes the executed batches as the `data` of the response, depth-first in selection order
/// (spec 6.4.3 CompleteValue), straight into JSON bytes.
///
/// Null propagation (spec 6.4.4) happens here: an object or list is written optimistically, and
/// when a non-null position inside it turns out null the writer rewinds to where it began and
/// writes `null` at the nearest nullable position instead. Errors are recorded with their path
/// as they are met, so errors of values that were discarded are never reported.
struct ResponseSerializer: ~Copyable {
    var writer: ResponseWriter
    private(set) var errors: [GraphQLError] = []
    private var path: [PathEntry] = []
    let source: Source

    init(source: Source, writer: consuming ResponseWriter) {
        self.source = source
        self.writer = writer
        path.reserveCapacity(32)
    }

    /// The writer, to finish the response.
    consuming func finish() -> ResponseWriter {
        writer
    }

    /// One step of the path to the value being written.
    /// The plan outlives the serializer, so the field is held without reference counting.
    private struct PathEntry {
        let field: Unmanaged<FieldPlan>?
        let index: Int
    }

    // MARK: Objects and fields

    /// Writes object `index` of `batch`; false when a non-null field of it is null, in which case
    /// nothing was written.
    mutating func writeObject(_ batch: ObjectBatch, _ index: Int) -> Bool {
        let mark = writer.count
        writer.writeByte(UInt8(ascii: "{"))
        // The parent record, read once for all the leaf fields read from it.
        let written: Bool
        if case .object(let record) = batch.objects[index] {
            if record.shape !== batch.columnShape || batch.columns.isEmpty { batch.prepareColumns(for: record.shape) }
            written = record.values.withUnsafeBufferPointer { recordValues in
                batch.columns.withUnsafeBufferPointer { columns in
                    writeFields(columns, of: batch, index, record, recordValues)
                }
            }
        } else {
            if batch.columnShape != nil || batch.columns.isEmpty { batch.prepareColumns(for: nil) }
            written = batch.columns.withUnsafeBufferPointer { columns in
                writeFields(columns, of: batch, index, nil, UnsafeBufferPointer(start: nil, count: 0))
            }
        }
        if !written {
            writer.rewind(to: mark)
            return false
        }
        writer.writeByte(UInt8(ascii: "}"))
        return true
    }

    private mutating func writeFields(
        _ columns: UnsafeBufferPointer<WriteColumn>, of batch: ObjectBatch, _ index: Int, _ record: Record?,
        _ recordValues: UnsafeBufferPointer<GraphQLValue>
    ) -> Bool {
        for f in columns.indices {
            let column = columns[f]
            writer.writePrepared(column.key)
            switch column.kind {
            case .typename:
                writer.writePrepared(column.typename)
            case .recordLeaf:
                if column.slot < 0 {
                    if !writeMissing(column) { return false }
                } else if !writePlainLeaf(recordValues.baseAddress! + column.slot, column) {
                    return false
                }
            case .object:
                if !writeSingleObject(column, index) { return false }
            case .general:
                path.append(PathEntry(field: column.field, index: -1))
                let written = writeField(column.field.takeUnretainedValue(), batch.outcomes[f], index, record)
                path.removeLast()
                if !written { return false }
            }
        }
        return true
    }

    /// A leaf of type `T` or `T!` (no wrappers to walk, nothing to rewind); the path gets the
    /// field's key only when an error is recorded.
    @inline(__always)
    private mutating func writePlainLeaf(_ value: UnsafePointer<GraphQLValue>, _ column: WriteColumn) -> Bool {
        if column.leaf == .string, case .string(let s) = value.pointee {
            writer.writeString(s)
            return true
        }
        switch value.pointee {
        case .int(let i) where column.leaf == .int && i >= Int(Int32.min) && i <= Int(Int32.max):
            writer.writeInt(i)
            return true
        case .float(let d) where column.leaf == .float && d.isFinite:
            writer.writeDouble(d)
            return true
        case .boolean(let b) where column.leaf == .boolean:
            writer.writeBool(b)
            return true
        case .null:
            return writeMissing(column)
        default:
            let field = column.field.takeUnretainedValue()
            path.append(PathEntry(field: column.field, index: -1))
            defer { path.removeLast() }
            if writeLeaf(value.pointee, field.leaf!, field) { return true }
            if column.nonNull { return false }
            writer.writeNull()
            return true
        }
    }

    /// Spec 6.4.3 CompleteValue of `T` or `T!` for an object type `T`: object `index` of the
    /// parent batch owns no slot when its value is null, else one.
    private mutating func writeSingleObject(_ column: WriteColumn, _ index: Int) -> Bool {
        let link = column.link!.takeUnretainedValue()
        let slot = link.offsets[index]
        if link.offsets[index + 1] == slot { return writeMissing(column) }
        let field = column.field.takeUnretainedValue()
        let mark = writer.count
        path.append(PathEntry(field: column.field, index: -1))
        let written = writeSlot(slot, of: link, field)
        path.removeLast()
        if written { return true }
        if column.nonNull { return false }
        writer.rewind(to: mark)
        writer.writeNull()
        return true
    }

    /// A field whose value is null or absent: `null`, or an error where the type is non-null.
    private mutating func writeMissing(_ column: WriteColumn) -> Bool {
        if column.nonNull {
            path.append(PathEntry(field: column.field, index: -1))
            recordNonNullViolation(at: column.field.takeUnretainedValue())
            path.removeLast()
            return false
        }
        writer.writeNull()
        return true
    }

    private mutating func writeField(_ field: FieldPlan, _ outcome: FieldOutcome, _ index: Int, _ parent: Record?) -> Bool {
        if let error = outcome.failure ?? (outcome.errors.isEmpty ? nil : outcome.errors[index]) {
            record(error, at: field)
            if field.definition.type.isNonNull { return false }
            writer.writeNull()
            return true
        }
        let value: GraphQLValue
        if let values = outcome.values {
            value = values[index]
        } else if case .property(let name) = field.source {
            value = parent?[name] ?? .null
        } else {
            value = .null
        }
        var slotCursor = outcome.link?.offsets[index] ?? 0
        return complete(value, field.definition.type, field, outcome.link, &slotCursor)
    }

    // MARK: Completing values

    /// Writes `value` as `type`; false when it is null (or failed) where `type` is non-null.
    private mutating func complete(
        _ value: GraphQLValue, _ type: TypeReference, _ field: FieldPlan, _ link: ChildLink?, _ slot: inout Int
    ) -> Bool {
        if case .nonNull(let inner) = type {
            if value.isNull {
                recordNonNullViolation(at: field)
                return false
            }
            return completeNullable(value, inner, field, link, &slot)
        }
        let mark = writer.count
        if completeNullable(value, type, field, link, &slot) { return true }
        writer.rewind(to: mark)
        writer.writeNull()
        return true
    }

    /// Writes `value` of a type that is not non-null at its outer level; false after an error.
    private mutating func completeNullable(
        _ value: GraphQLValue, _ type: TypeReference, _ field: FieldPlan, _ link: ChildLink?, _ slot: inout Int
    ) -> Bool {
        if value.isNull {
            writer.writeNull()
            return true
        }
        switch type {
        case .named:
            if let leaf = field.leaf { return writeLeaf(value, leaf, field) }
            return writeChild(link, &slot, field)
        case .list(let itemType):
            guard case .list(let items) = value else {
                record(GraphQLError("Expected Iterable, but did not find one for field \"\(field.parentType.name).\(field.definition.name)\"."), at: field)
                return false
            }
            writer.writeByte(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { writer.writeByte(UInt8(ascii: ",")) }
                path.append(PathEntry(field: nil, index: position))
                let written = complete(item, itemType, field, link, &slot)
                path.removeLast()
                if !written {
                    // The objects of the remaining items hold slots too; step over them.
                    for rest in items[(position + 1)...] { skipSlots(rest, itemType, &slot) }
                    return false
                }
            }
            writer.writeByte(UInt8(ascii: "]"))
            return true
        case .nonNull:
            return complete(value, type, field, link, &slot)
        }
    }

    private mutating func writeChild(_ link: ChildLink?, _ slot: inout Int, _ field: FieldPlan) -> Bool {
        guard let link else {
            writer.writeNull()
            return true
        }
        let current = slot
        slot += 1
        return writeSlot(current, of: link, field)
    }

    private mutating func writeSlot(_ slot: Int, of link: ChildLink, _ field: FieldPlan) -> Bool {
        guard let references = link.references else {
            return writeObject(link.batches[0], slot)
        }
        let reference = references[slot]
        if reference.batch < 0 {
            record(GraphQLError(link.failures[Int(reference.index)]), at: field)
            return false
        }
        return writeObject(link.batches[Int(reference.batch)], Int(reference.index))
    }

    /// Advances `slot` past the objects inside `value`, exactly as gathering counted them.
    private func skipSlots(_ value: GraphQLValue, _ type: TypeReference, _ slot: inout Int) {
        switch type {
        case .nonNull(let inner):
            skipSlots(value, inner, &slot)
        case .list(let itemType):
            guard case .list(let items) = value else { return }
            for item in items { skipSlots(item, itemType, &slot) }
        case .named:
            if !value.isNull { slot += 1 }
        }
    }

    // MARK: Errors

    /// Records `error` as raised by `field` at the current path; like graphql-js's
    /// `locatedError`, an error that names its own locations (an argument's value) keeps them.
    mutating func record(_ error: GraphQLError, at field: FieldPlan) {
        var located = error
        if located.locations.isEmpty {
            located.locations = field.nodes.map { source.location(of: $0.loc.start) }
        }
        located.path = currentPath()
        errors.append(located)
    }

    private mutating func recordNonNullViolation(at field: FieldPlan) {
        record(GraphQLError("Cannot return null for non-nullable field \(field.parentType.name).\(field.definition.name)."), at: field)
    }

    private func currentPath() -> [PathComponent] {
        path.map { entry in
            if let field = entry.field { return .key(field.takeUnretainedValue().responseKey) }
            return .index(entry.index)
        }
    }
}
