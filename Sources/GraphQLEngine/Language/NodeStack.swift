/// The items of the lists under construction in one parse, all on one stack of bytes.
///
/// Building each list by appending to its own `Array` reallocates it as it grows (a selection
/// set of six fields costs four allocations). Instead, a list's items are pushed here and moved
/// out into an exactly sized array when the list closes: one allocation per list, no copying of
/// reference counts. Lists nest strictly (one that opens while another is open closes before
/// the other takes its next item), so a single stack serves lists of every node type, and its
/// first kilobyte is scratch memory on the caller's stack: a typical request allocates nothing
/// here. A list whose parse throws discards its items in a `defer`.
struct NodeStack: ~Copyable {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    /// Whether `storage` was allocated here rather than being the caller's scratch memory.
    private var ownsStorage = false
    /// Bytes in use.
    private var top = 0

    /// Creates a stack that starts in `scratch`, which must outlive it.
    init(scratch: UnsafeMutableRawBufferPointer) {
        storage = scratch.baseAddress!
        capacity = scratch.count
    }

    deinit {
        assert(top == 0, "a list was neither closed nor discarded")
        if ownsStorage { storage.deallocate() }
    }

    /// Bytes per item: items are 8-byte aligned, like the storage.
    @inline(__always)
    private static func slot<Element>(_: Element.Type) -> Int {
        precondition(MemoryLayout<Element>.alignment <= 8)
        return (MemoryLayout<Element>.stride + 7) & ~7
    }

    /// Opens a list of `Element`s on top of the stack.
    @inline(__always)
    func open<Element>(_: Element.Type) -> OpenList<Element> {
        OpenList(base: top)
    }

    /// Adds an item to `list`, which must be the innermost open list.
    @inline(__always)
    mutating func push<Element>(_ element: consuming Element, onto list: OpenList<Element>) {
        let size = NodeStack.slot(Element.self)
        if top + size > capacity { grow(toHold: top + size) }
        (storage + top).initializeMemory(as: Element.self, to: element)
        top += size
    }

    /// Closes `list`, moving its items into a new array.
    mutating func close<Element>(_ list: OpenList<Element>) -> [Element] {
        let size = NodeStack.slot(Element.self)
        let length = (top - list.base) / size
        guard length > 0 else { return [] }
        top = list.base
        // `reserveCapacity` plus moving appends stays fully specialized; the
        // `unsafeUninitializedCapacity` initializer looks up generic metadata on every call.
        var array: [Element] = []
        array.reserveCapacity(length)
        for index in 0..<length {
            array.append((storage + list.base + index * size).assumingMemoryBound(to: Element.self).move())
        }
        return array
    }

    /// Destroys the items of `list` if it was not closed, after an error.
    @inline(__always)
    mutating func discard<Element>(_ list: OpenList<Element>) {
        if top > list.base { destroyItems(of: list) }
    }

    private mutating func destroyItems<Element>(of list: OpenList<Element>) {
        let size = NodeStack.slot(Element.self)
        for offset in stride(from: list.base, to: top, by: size) {
            (storage + offset).assumingMemoryBound(to: Element.self).deinitialize(count: 1)
        }
        top = list.base
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        // Items are bitwise movable, so moving them is copying their bytes.
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newStorage.copyMemory(from: storage, byteCount: top)
        if ownsStorage { storage.deallocate() }
        storage = newStorage
        capacity = newCapacity
        ownsStorage = true
    }
}

/// A list under construction on a `NodeStack`: where its items begin, and their type.
struct OpenList<Element> {
    fileprivate let base: Int
}
