/// An object's access control list: who may read and who may write it.
///
/// Stored as `_rperm`/`_wperm` text arrays. A stored object without ACL (both columns NULL) is
/// public; ``StoredObject/acl`` is nil then. An empty ACL means master key only.
public struct ACL: Sendable, Hashable {
    public var readers: Set<Principal>
    public var writers: Set<Principal>

    public init(readers: Set<Principal> = [], writers: Set<Principal> = []) {
        self.readers = readers
        self.writers = writers
    }

    /// Read and write for everyone (what Parse stores as `{"*": {read, write}}`).
    public static let publicReadWrite = ACL(readers: [.everyone], writers: [.everyone])

    /// Grants access to a principal.
    public mutating func grant(_ principal: Principal, read: Bool, write: Bool) {
        if read { readers.insert(principal) }
        if write { writers.insert(principal) }
    }

    /// `_rperm` value: sorted for a stable stored form.
    var readColumn: [String] { readers.map(\.stored).sorted() }
    /// `_wperm` value.
    var writeColumn: [String] { writers.map(\.stored).sorted() }

    /// Decodes the two columns; entries that are not valid principals are dropped. Both NULL = no ACL.
    init?(readColumn: [String?]?, writeColumn: [String?]?) {
        if readColumn == nil && writeColumn == nil { return nil }
        readers = Set((readColumn ?? []).compactMap { $0.flatMap(Principal.init(stored:)) })
        writers = Set((writeColumn ?? []).compactMap { $0.flatMap(Principal.init(stored:)) })
    }
}

extension ACL {
    /// Refuses principals that are not what they claim (a user id shaped like `role:X`, an empty
    /// role name): 123 "Invalid ACL". Principals built by API layers from client input pass here
    /// before anything is stored.
    func validated() throws(StoreError) -> ACL {
        for principal in readers.union(writers) {
            let valid = switch principal {
            case .everyone: true
            case .user(let id): Principal.isObjectId(id)
            case .role(let name): Principal.isValidRoleName(name)
            }
            guard valid else { throw StoreError(code: .invalidACL, "Invalid ACL.") }
        }
        return self
    }
}
