@testable import CRMStore

extension ACL {
    /// Test shorthand: principals given as stored strings.
    static func of(read: [String], write: [String]) -> ACL {
        ACL(readers: Set(read.compactMap(Principal.init(stored:))), writers: Set(write.compactMap(Principal.init(stored:))))
    }
}
