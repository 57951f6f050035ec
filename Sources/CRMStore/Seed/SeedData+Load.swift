import Foundation
import PostgresClient
import SeededRandom

extension SeedData {
    /// Loads the data set: users first (one bcrypt hash of `password`, shared by all), then roles,
    /// then companies, contacts, deals and activities with `COPY` in one transaction.
    ///
    /// Refuses (``SeedRefusal``) when deals exist, unless `append`: then the seeded users and
    /// roles already there are reused (created when missing) and another N deals with their
    /// companies, contacts and activities are added, drawn from the seed mixed with the number of
    /// deals present (so appended objectIds differ from earlier ones). On a fresh load the tables'
    /// secondary indexes are dropped before the copy and rebuilt after it, as the migrator derives them.
    public func load(into store: CRMStore, password: String, append: Bool = false,
                     progress: (SeedProgress) -> Void = { _ in }) async throws -> SeedSummary {
        let existingDeals = try await store.count(className: "Deal", context: .master)
        if existingDeals > 0 && !append {
            throw SeedRefusal(description: "the database already has \(existingDeals) deals; pass --append to add more")
        }
        var random = SplitMix64(seed: seed ^ (UInt64(existingDeals) &* 0x9E37_79B9_7F4A_7C15))
        let people = try await seedUsers(store: store, password: password, random: &random, progress: progress)
        var plan = DataPlan(data: self, people: people)
        plan.draw(using: &random)
        let fresh = existingDeals == 0
        try await store.transaction { connection in
            _ = try await connection.query("SET LOCAL maintenance_work_mem = '256MB'")
            var rebuild: [String] = []
            for className in DataPlan.classes where fresh {
                rebuild.append(try await store.dropSecondaryIndexes(className, on: connection))
            }
            try await plan.copy(into: store, on: connection, random: &random, progress: progress)
            for script in rebuild { try await connection.executeScript(script) }
            try await connection.executeScript(DataPlan.classes.map { "ANALYZE \(SQL.identifier($0))" }.joined(separator: ";"))
        }
        var summary = SeedSummary()
        summary.users = people.members.count + 1
        summary.teams = people.teams
        (summary.companies, summary.contacts, summary.deals, summary.activities) =
            (plan.companies.count, plan.contacts.count, plan.deals.count, plan.activityCount)
        summary.typicalMember = people.members.count > teams + teams / 2 ? typicalMember : Self.memberName(0)
        return summary
    }

    /// The seeded members (objectIds by member index), the admin, and the team count.
    struct People {
        var members: [String]
        var admin: String
        var teams: Int
    }

    /// Reuses the seeded users when `user0001`... exist, else creates them and their roles.
    private func seedUsers(store: CRMStore, password: String, random: inout SplitMix64,
                           progress: (SeedProgress) -> Void) async throws -> People {
        let found = try await store.query(#"""
            SELECT "objectId", "username" FROM "_User" WHERE "username" ~ '^user[0-9]{4,}$' OR "username" = 'admin'
            ORDER BY length("username"), "username"
            """#, [])
        let existing = found.compactMap { row -> (id: String, name: String)? in
            guard let id = row.string(0), let name = row.string(1) else { return nil }
            return (id, name)
        }
        if let admin = existing.first(where: { $0.name == Self.adminUser }), existing.count > 1 {
            let members = existing.filter { $0.name != Self.adminUser }.map(\.id)
            return People(members: members, admin: admin.id, teams: max(2, members.count / 6))
        }
        let hash = await store.passwords.hash(password)
        let members = (0..<users).map { _ in SeedIdentifier.objectId(&random) }
        let admin = SeedIdentifier.objectId(&random)
        let all = members + [admin]
        let joined = reference.addingTimeInterval(-800 * 86_400)
        try await store.transaction { connection in
            try await store.copy(
                ClassModel.userClassName,
                columns: ["objectId", "createdAt", "updatedAt", "_rperm", "_wperm", "username", "email", "_hashed_password"],
                count: all.count, on: connection,
                progress: { progress(SeedProgress(className: ClassModel.userClassName, done: $0, total: all.count)) }
            ) { index, row in
                let name = index < members.count ? Self.memberName(index) : Self.adminUser
                row.text(all[index])
                row.timestamp(joined)
                row.timestamp(joined)
                row.textArray([all[index]])
                row.textArray([all[index]])
                row.text(name)
                row.text("\(name)@seed.dealgraph.example")
                row.text(hash)
            }
        }
        try await store.createRole(name: Self.adminRole, users: [admin], context: .master)
        for team in 0..<teams {
            let holders = members.indices.filter { Self.team(ofMember: $0, teams: teams) == team }.map { members[$0] }
            try await store.createRole(name: Self.teamRole(team), users: holders, context: .master)
        }
        try await store.createRole(name: Self.managersRole, users: Array(members.prefix(teams)), context: .master)
        return People(members: members, admin: admin, teams: teams)
    }
}

/// Seeded objectIds: 10 alphanumerics, as Parse's, drawn from the seeded generator.
enum SeedIdentifier {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    static func objectId(_ random: inout SplitMix64) -> String {
        var value = random.next()
        var bytes = [UInt8](repeating: 0, count: 10)
        for index in 0..<10 {
            bytes[index] = alphabet[Int(value % 62)]
            value /= 62
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
