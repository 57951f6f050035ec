/// One committed write, as the change log recorded it.
public struct Change: Sendable {
    public enum Operation: String, Sendable {
        case create, update, delete
    }

    /// The change log's sequence number: increasing in the order writes took their number,
    /// which is close to, not exactly, the order they committed.
    public let sequence: Int64
    public let className: String
    public let objectId: String
    public let operation: Operation
    /// The object before the write (nil for a create): every field and its ACL, as the master
    /// key reads it. Whoever hands it to a client strips what that client may not see.
    public let before: StoredObject?
    /// The object after the write (nil for a delete).
    public let after: StoredObject?
}
