import Foundation
import PostgresClient
import SeededRandom

/// The data set of `dealgraph seed --deals N`: a CRM at scale with the skew of a real one.
///
/// - Users: `max(20, N / 2,500)` members `user0001`... in teams of about six (role
///   `TeamNN` per team; the team's first member is its manager and also holds role `Managers`),
///   plus `admin` holding role `Admin`. All share one password, hashed once.
/// - Companies `N / 50` and contacts `N / 5` (the demo's ratios), each owned by a member of the
///   company's team; deals spread over the teams with a skew (a few busy teams, a long tail) and
///   over each team's members likewise; about 5 activities per deal and one per five contacts.
/// - ACLs of the default policy: owner (creator), the deal's assignee, the owner's team role and
///   role Admin; a few percent of the objects are public (`*`).
/// - Deterministic: the same seed, size and reference day give the same rows (objectIds included).
public struct SeedData: Sendable {
    public var deals: Int
    public var seed: UInt64 = 1
    /// The day the data is "now": timestamps lie before it (deals' close dates also after it).
    public var reference: Date
    /// Share of public deals (`*` in `_rperm`); companies and contacts get a similar share.
    public var publicShare = 0.03

    public static let adminUser = "admin"
    public static let adminRole = "Admin"
    public static let managersRole = "Managers"

    public init(deals: Int, seed: UInt64 = 1, reference: Date = Date()) {
        self.deals = deals
        self.seed = seed
        let day = (reference.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        self.reference = Date(timeIntervalSince1970: day)
    }

    public var users: Int { max(20, deals / 2_500) }
    public var teams: Int { max(2, users / 6) }
    public var companies: Int { max(teams, deals / 50) }
    public var contacts: Int { max(companies, deals / 5) }

    /// `user0001`, ... (1-based).
    public static func memberName(_ index: Int) -> String {
        let digits = String(index + 1)
        return "user" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func teamRole(_ team: Int) -> String {
        let digits = String(team + 1)
        return "Team" + String(repeating: "0", count: max(0, 2 - digits.count)) + digits
    }

    /// Team of member `index` (members are dealt round-robin to `teams` teams; the first `teams`
    /// members are the managers).
    static func team(ofMember index: Int, teams: Int) -> Int { index % teams }

    /// A member of a middle team who is not its manager: whose view is neither the busiest nor the
    /// emptiest, for benchmarks.
    public var typicalMember: String { Self.memberName(teams / 2 + teams) }
}

/// What a seed loaded, and whom to log in as.
public struct SeedSummary: Sendable {
    public var users = 0, teams = 0, companies = 0, contacts = 0, deals = 0, activities = 0
    public var typicalMember = ""
    public var admin = SeedData.adminUser
}

/// Progress of a seed: rows copied so far of the rows it will copy.
public struct SeedProgress: Sendable {
    public let className: String
    public let done: Int
    public let total: Int
}

/// Why a seed did not run.
public struct SeedRefusal: Error, CustomStringConvertible {
    public let description: String
}
