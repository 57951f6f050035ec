/// Why an import or export stopped: a message that names the file and, for an object, its
/// position, so the person moving their data can find it.
public struct TransferError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
