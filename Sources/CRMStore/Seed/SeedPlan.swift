import Foundation
import PostgresClient
import SeededRandom

/// The rows of one seed, drawn before they are copied (activities need their deals).
struct DataPlan {
    static let classes = ["Company", "Contact", "Deal", "Activity"]

    struct Owned {
        var id: String
        var owner: Int32
        var isPublic: Bool
    }

    struct Deal {
        var id: String
        var owner: Int32
        var assignee: Int32
        var isPublic: Bool
        var contact: Int32
        var company: Int32
        var activities: UInt8
        var created: Double
        var updated: Double
        var close: Double
    }

    let data: SeedData
    let people: SeedData.People
    var companies: [Owned] = []
    var contacts: [Owned] = []
    var deals: [Deal] = []
    var activityCount = 0

    init(data: SeedData, people: SeedData.People) {
        self.data = data
        self.people = people
    }

    private var teams: Int { people.teams }
    private var now: Double { data.reference.timeIntervalSince1970 }
    private static let day = 86_400.0

    /// Members of `team`: indexes `team`, `team + teams`, ... below the member count.
    private func memberCount(ofTeam team: Int) -> Int { (people.members.count - team + teams - 1) / teams }

    /// A member of `team`, the first ones far more often (a few carry most of the team's deals).
    private func member(ofTeam team: Int, _ random: inout SplitMix64) -> Int32 {
        let skewed = Int(Double(memberCount(ofTeam: team)) * pow(random.unit(), 2))
        return Int32(team + teams * skewed)
    }

    mutating func draw(using random: inout SplitMix64) {
        let companyCount = max(teams, data.deals / 50), contactCount = max(companyCount, data.deals / 5)
        companies = (0..<companyCount).map { index in
            Owned(id: SeedIdentifier.objectId(&random), owner: member(ofTeam: index % teams, &random),
                  isPublic: random.unit() < data.publicShare)
        }
        contacts = (0..<contactCount).map { index in
            let company = companies[index % companyCount]
            let owner = random.unit() < 0.7 ? company.owner : member(ofTeam: index % companyCount % teams, &random)
            return Owned(id: SeedIdentifier.objectId(&random), owner: owner, isPublic: random.unit() < data.publicShare / 2)
        }
        deals.reserveCapacity(data.deals)
        activityCount = contactCount / 5
        for _ in 0..<data.deals {
            // A few busy teams and a long tail.
            let team = min(teams - 1, Int(Double(teams) * pow(random.unit(), 1.3)))
            let company = team + teams * random.next(below: (companyCount - team + teams - 1) / teams)
            let contact = company + companyCount * random.next(below: (contactCount - company + companyCount - 1) / companyCount)
            let owner = member(ofTeam: team, &random)
            let assignee = random.unit() < 0.75 ? owner : member(ofTeam: team, &random)
            let created = now - 730 * Self.day * pow(random.unit(), 1.5)
            let close = created + Self.day * Double(14 + random.next(below: 170))
            let updated = created + (min(close, now) - created) * random.unit()
            let activities = UInt8(3 + random.next(below: 5))
            activityCount += Int(activities)
            deals.append(Deal(id: SeedIdentifier.objectId(&random), owner: owner, assignee: assignee,
                              isPublic: random.unit() < data.publicShare, contact: Int32(contact), company: Int32(company),
                              activities: activities, created: created, updated: updated, close: close))
        }
    }

    /// `_rperm`: owner, assignee, the owner's team role, role Admin, and `*` when public.
    private func readers(owner: Int32, assignee: Int32? = nil, isPublic: Bool) -> [String] {
        var principals = [people.members[Int(owner)]]
        if let assignee, assignee != owner { principals.append(people.members[Int(assignee)]) }
        principals.append("role:" + SeedData.teamRole(Int(owner) % teams))
        principals.append("role:" + SeedData.adminRole)
        if isPublic { principals.append("*") }
        return principals
    }

    /// `_wperm`: owner, assignee and role Admin (the default policy's writers).
    private func writers(owner: Int32, assignee: Int32? = nil) -> [String] {
        var principals = [people.members[Int(owner)]]
        if let assignee, assignee != owner { principals.append(people.members[Int(assignee)]) }
        principals.append("role:" + SeedData.adminRole)
        return principals
    }

    private func date(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: (seconds * 1000).rounded(.down) / 1000)
    }

    func copy(into store: CRMStore, on connection: PostgresConnection, random: inout SplitMix64,
              progress: (SeedProgress) -> Void) async throws(StoreError) {
        let total = companies.count + contacts.count + deals.count + activityCount
        var done = 0
        func report(_ className: String, _ rows: Int) {
            done += rows
            progress(SeedProgress(className: className, done: done, total: total))
        }
        let base = ["objectId", "createdAt", "updatedAt", "_rperm", "_wperm"]
        try await store.copy("Company", columns: base + ["name", "website", "industry", "address", "createdBy"],
                             count: companies.count, on: connection, progress: { report("Company", $0) }) { index, row in
            let company = companies[index]
            let created = date(now - Self.day * Double(30 + random.next(below: 900)))
            let name = "\(random.pick(DemoWords.companyPrefixes)) \(random.pick(DemoWords.companySuffixes)) \(index + 1)"
            row.text(company.id)
            row.timestamp(created)
            row.timestamp(created)
            row.textArray(readers(owner: company.owner, isPublic: company.isPublic))
            row.textArray(writers(owner: company.owner))
            row.text(name)
            row.text("https://\(name.lowercased().replacingOccurrences(of: " ", with: "-")).example")
            row.text(random.pick(DemoWords.industries))
            row.text("\(index + 1) Market Street")
            row.text(people.members[Int(company.owner)])
        }
        try await store.copy("Contact", columns: base + ["name", "email", "phone", "company", "createdBy"],
                             count: contacts.count, on: connection, progress: { report("Contact", $0) }) { index, row in
            let contact = contacts[index]
            let created = date(now - Self.day * Double(1 + random.next(below: 800)))
            let first = random.pick(DemoWords.firstNames), last = random.pick(DemoWords.lastNames)
            row.text(contact.id)
            row.timestamp(created)
            row.timestamp(created)
            row.textArray(readers(owner: contact.owner, isPublic: contact.isPublic))
            row.textArray(writers(owner: contact.owner))
            row.text("\(first) \(last)")
            row.text("\(first.lowercased()).\(last.lowercased())\(index)@mail.example")
            row.text("+1 555 \(1000 + index % 9000)")
            row.text(companies[index % companies.count].id)
            row.text(people.members[Int(contact.owner)])
        }
        try await store.copy("Deal", columns: base + ["title", "amount", "stage", "contact", "company", "expectedCloseDate",
                                                      "assignedTo"],
                             count: deals.count, on: connection, progress: { report("Deal", $0) }) { index, row in
            let deal = deals[index]
            row.text(deal.id)
            row.timestamp(date(deal.created))
            row.timestamp(date(deal.updated))
            row.textArray(readers(owner: deal.owner, assignee: deal.assignee, isPublic: deal.isPublic))
            row.textArray(writers(owner: deal.owner, assignee: deal.assignee))
            row.text("\(random.pick(DemoWords.dealKinds)) #\(index + 1)")
            // Amounts spread over two orders of magnitude, most of them small.
            row.integer(Int(500 * pow(10, 2.5 * pow(random.unit(), 2))) / 100 * 100)
            row.text(stage(deal, &random))
            row.text(contacts[Int(deal.contact)].id)
            row.text(companies[Int(deal.company)].id)
            row.timestamp(date(deal.close))
            row.text(people.members[Int(deal.assignee)])
        }
        var dealCursor = 0, ofDeal = 0
        try await store.copy("Activity", columns: base + ["type", "subject", "dueDate", "completedAt", "relatedTo",
                                                          "_relatedTo_className", "createdBy"],
                             count: activityCount, on: connection, progress: { report("Activity", $0) }) { index, row in
            let kind = random.pick(DemoWords.activityTypes)
            let id = SeedIdentifier.objectId(&random)
            if dealCursor < deals.count {
                let deal = deals[dealCursor]
                let due = deal.created + (deal.close - deal.created) * random.unit()
                let owner = random.unit() < 0.8 ? deal.owner : deal.assignee
                row.text(id)
                row.timestamp(date(deal.created + (min(due, now) - deal.created) * random.unit()))
                row.timestamp(date(min(due, now)))
                row.textArray(readers(owner: deal.owner, assignee: deal.assignee, isPublic: deal.isPublic))
                row.textArray(writers(owner: deal.owner, assignee: deal.assignee))
                row.text(kind)
                row.text("\(kind.capitalized): \(random.pick(DemoWords.subjects))")
                row.timestamp(date(due))
                row.timestamp(due < now && random.unit() < 0.85 ? date(due) : nil)
                row.text(deal.id)
                row.text("Deal")
                row.text(people.members[Int(owner)])
                ofDeal += 1
                if ofDeal == Int(deal.activities) { (dealCursor, ofDeal) = (dealCursor + 1, 0) }
            } else {
                let contact = contacts[min(contacts.count - 1, (index - (activityCount - contacts.count / 5)) * 5)]
                let due = now - Self.day * Double(random.next(below: 400)) + Self.day * 30
                row.text(id)
                row.timestamp(date(due - Self.day * 7))
                row.timestamp(date(min(due, now)))
                row.textArray(readers(owner: contact.owner, isPublic: contact.isPublic))
                row.textArray(writers(owner: contact.owner))
                row.text(kind)
                row.text("\(kind.capitalized): \(random.pick(DemoWords.subjects))")
                row.timestamp(date(due))
                row.timestamp(due < now ? date(due) : nil)
                row.text(contact.id)
                row.text("Contact")
                row.text(people.members[Int(contact.owner)])
            }
        }
    }

    /// Closed deals (close date well past) are won or lost; open ones sit in the earlier stages,
    /// the earliest most often.
    private func stage(_ deal: Deal, _ random: inout SplitMix64) -> String {
        if deal.close < now - 14 * Self.day { return random.unit() < 0.45 ? "won" : "lost" }
        let draw = random.unit()
        return draw < 0.35 ? "lead" : draw < 0.65 ? "qualified" : draw < 0.85 ? "proposal" : "negotiation"
    }
}

extension SplitMix64 {
    /// A number in `0..<1` from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) / 9_007_199_254_740_992 }
}
