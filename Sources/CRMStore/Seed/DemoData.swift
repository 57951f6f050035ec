import Foundation
import Logging
import PostgresClient
import SeededRandom

/// The demo data set of `dealgraph serve --demo`: users alice, bob and carol (sales) and admin
/// (role Admin), 200 companies, 2,000 contacts, 10,000 deals across the stages and 30,000
/// activities, each object owned by one sales user with the default ACL policy (creator, the
/// deal's assignee and role Admin). Loaded once: skipped when deals already exist.
public struct DemoData: Sendable {
    public static let salesUsers = ["alice", "bob", "carol"]
    public static let adminUser = "admin"
    public var companies = 200
    public var contacts = 2_000
    public var deals = 10_000
    public var activities = 30_000

    public init() {}

    /// Loads the data set unless deals exist already; returns false when it skipped.
    @discardableResult
    public func load(into store: CRMStore, password: String, logger: Logger) async throws -> Bool {
        if try await store.hasObjects(className: "Deal", context: .master) { return false }
        let started = ContinuousClock.now
        var users: [String: String] = [:]
        for name in Self.salesUsers + [Self.adminUser] {
            let result = try await store.signUp(username: name, password: password, email: "\(name)@dealgraph.example")
            users[name] = result.user.objectId
        }
        try await store.createRole(name: "Admin", users: [users[Self.adminUser]!], context: .master)
        let owners = Self.salesUsers.map { users[$0]! }
        var random = SplitMix64(seed: 2026)
        let now = Date()
        func acl(_ owners: String...) -> [String] { Array(Set(owners)).sorted() + ["role:Admin"] }
        func day(_ offset: Int) -> Date { now.addingTimeInterval(Double(offset) * 86_400) }

        var companyRows: [(id: String, owner: String)] = []
        let companyObjects = (0..<companies).map { index -> BulkObject in
            let owner = owners[index % owners.count]
            let name = "\(random.pick(DemoWords.companyPrefixes)) \(random.pick(DemoWords.companySuffixes)) \(index + 1)"
            let object = BulkObject(
                createdAt: day(-Int.random(in: 30...720, using: &random)), readers: acl(owner), writers: acl(owner),
                values: ["name": name, "website": "https://\(name.lowercased().replacingOccurrences(of: " ", with: "-")).example",
                         "industry": random.pick(DemoWords.industries), "address": "\(index + 1) Market Street",
                         "createdBy": owner])
            companyRows.append((object.objectId, owner))
            return object
        }
        try await store.bulkImport(className: "Company", objects: companyObjects, context: .master)

        var contactRows: [(id: String, owner: String, company: String)] = []
        let contactObjects = (0..<contacts).map { index -> BulkObject in
            let company = companyRows[index % companyRows.count]
            let first = random.pick(DemoWords.firstNames), last = random.pick(DemoWords.lastNames)
            let object = BulkObject(
                createdAt: day(-Int.random(in: 1...600, using: &random)), readers: acl(company.owner), writers: acl(company.owner),
                values: ["name": "\(first) \(last)", "email": "\(first.lowercased()).\(last.lowercased())\(index)@mail.example",
                         "phone": "+1 555 \(1000 + index % 9000)", "company": company.id, "createdBy": company.owner])
            contactRows.append((object.objectId, company.owner, company.id))
            return object
        }
        try await store.bulkImport(className: "Contact", objects: contactObjects, context: .master)

        var dealRows: [(id: String, owner: String)] = []
        let dealObjects = (0..<deals).map { index -> BulkObject in
            let contact = contactRows[Int.random(in: 0..<contactRows.count, using: &random)]
            let assignee = random.pick(owners)
            let stage = random.pick(DemoWords.stages)
            let object = BulkObject(
                createdAt: day(-Int.random(in: 1...365, using: &random)),
                readers: acl(contact.owner, assignee), writers: acl(contact.owner, assignee),
                values: ["title": "\(random.pick(DemoWords.dealKinds)) #\(index + 1)",
                         "amount": String(Int.random(in: 5...500, using: &random) * 100), "stage": stage,
                         "contact": contact.id, "company": contact.company,
                         "expectedCloseDate": DateText.iso8601(day(Int.random(in: -60...180, using: &random))),
                         "assignedTo": assignee])
            dealRows.append((object.objectId, contact.owner))
            return object
        }
        try await store.bulkImport(className: "Deal", objects: dealObjects, context: .master)

        let activityObjects = (0..<activities).map { index -> BulkObject in
            let onDeal = index % 3 != 2
            let target = onDeal ? dealRows[index % dealRows.count] : (contactRows[index % contactRows.count].id,
                                                                     contactRows[index % contactRows.count].owner)
            let due = day(Int.random(in: -90...30, using: &random))
            let kind = random.pick(DemoWords.activityTypes)
            return BulkObject(
                createdAt: day(-Int.random(in: 1...300, using: &random)), readers: acl(target.owner), writers: acl(target.owner),
                values: ["type": kind, "subject": "\(kind.capitalized): \(random.pick(DemoWords.subjects))",
                         "dueDate": DateText.iso8601(due), "completedAt": due < now ? DateText.iso8601(due) : nil,
                         "relatedTo": target.id, "_relatedTo_className": onDeal ? "Deal" : "Contact",
                         "createdBy": target.owner])
        }
        try await store.bulkImport(className: "Activity", objects: activityObjects, context: .master)
        logger.info("demo data loaded", metadata: [
            "companies": "\(companies)", "contacts": "\(contacts)", "deals": "\(deals)", "activities": "\(activities)",
            "seconds": "\(ContinuousClock.now - started)",
        ])
        return true
    }
}

enum DemoWords {
    static let companyPrefixes = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell"]
    static let companySuffixes = ["Labs", "Industries", "Systems", "Holdings", "Partners", "Logistics", "Foods", "Media"]
    static let industries = ["Software", "Manufacturing", "Retail", "Finance", "Healthcare", "Logistics", "Energy", "Media"]
    static let firstNames = ["Ada", "Grace", "Alan", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "John"]
    static let lastNames = ["Lovelace", "Hopper", "Turing", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie", "Allen"]
    static let stages = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]
    static let dealKinds = ["Renewal", "Expansion", "New business", "Upsell", "Pilot", "Migration"]
    static let activityTypes = ["call", "email", "meeting", "note"]
    static let subjects = ["intro", "pricing", "follow-up", "demo", "contract review", "kick-off", "check-in"]
}
