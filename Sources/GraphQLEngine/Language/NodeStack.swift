/// A stack of AST nodes under construction, shared by all lists of one node kind in a parse.
///
/// Building each list by appending to its own `Array` reallocates it as it grows (a selection
/// set of six fields costs four allocations). Instead, a list's items are pushed here and moved
/// out into an exactly sized array when the list closes: one allocation per list, no copying of
/// reference counts. Nested lists of the same kind use the stack in LIFO order. The stack is
/// noncopyable and frees its storage, and any items an aborted parse left, when it goes away.
struct NodeStack<Element>: ~Copyable {
    private var storage: UnsafeMutablePointer<Element>?
    private var capacity = 0
    /// Number of items on the stack; a list remembers it as its base when it opens.
    private(set) var count = 0

    init() {}

    deinit {
        guard let storage else { return }
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Pushes an item.
    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (storage! + count).initialize(to: element)
        count += 1
    }

    /// Moves the items from `base` to the top into a new array and pops them.
    mutating func popArray(from base: Int) -> [Element] {
        let length = count - base
        guard length > 0, let storage else { return [] }
        count = base
        // `reserveCapacity` plus moving appends stays fully specialized; the
        // `unsafeUninitializedCapacity` initializer looks up generic metadata on every call.
        var array: [Element] = []
        array.reserveCapacity(length)
        for index in base..<(base + length) {
            array.append((storage + index).move())
        }
        return array
    }

    private mutating func grow() {
        // The first block stays within 1 KiB, the largest size glibc serves from its per-thread
        // cache; a larger one takes the general allocator, several times slower.
        let newCapacity = capacity == 0 ? max(4, 1024 / MemoryLayout<Element>.stride) : capacity * 2
        let newStorage = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let storage {
            newStorage.moveInitialize(from: storage, count: count)
            storage.deallocate()
        }
        storage = newStorage
        capacity = newCapacity
    }
}

/// The node stacks of one parse, one per kind of list.
struct ParserLists: ~Copyable {
    var definitions = NodeStack<DefinitionNode>()
    var variableDefinitions = NodeStack<VariableDefinitionNode>()
    var selections = NodeStack<SelectionNode>()
    var arguments = NodeStack<ArgumentNode>()
    var directives = NodeStack<DirectiveNode>()
    var values = NodeStack<ValueNode>()
    var objectFields = NodeStack<ObjectFieldNode>()
    var fieldDefinitions = NodeStack<FieldDefinitionNode>()
    var inputValues = NodeStack<InputValueDefinitionNode>()
}
