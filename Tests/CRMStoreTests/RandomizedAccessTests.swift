import DealGraphTesting
import Foundation
import PostgresClient
import SeededRandom
import Testing
@testable import CRMStore

/// Random users, role hierarchies (cycles included), ACLs and CLPs; every read path must return
/// exactly what the independent AccessModel allows.
@Suite struct RandomizedAccessTests {
    @Test(arguments: 0..<20)
    func everyReadPathMatchesTheModel(seed: Int) async throws {
        var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        try await TestGateway.run("store_random_\(seed)") { f in
            var users: [TestGateway.User] = []
            for index in 0..<4 { users.append(try await f.user("u\(seed)x\(index)")) }
            var model = AccessModel(userIds: users.map(\.id), roleNames: ["R0", "R1", "R2"])
            for role in model.roleNames {
                let members = Set(users.map(\.id).filter { _ in Bool.random(using: &random) })
                model.memberships[role] = members
                try await f.store.createRole(name: role, users: Array(members), context: .master)
            }
            for parent in model.roleNames {
                let children = model.roleNames.filter { $0 != parent && Int.random(in: 0..<3, using: &random) == 0 }
                model.contains[parent] = Set(children)
                if !children.isEmpty { try await f.store.updateRole(name: parent, addRoles: children, context: .master) }
            }
            func randomACL() -> (ACL?, Set<String>?) {
                switch Int.random(in: 0..<6, using: &random) {
                case 0: return (nil, nil)
                case 1: return (ACL(), [])
                default:
                    let pool = ["*"] + users.map(\.id) + model.roleNames.map { "role:" + $0 }
                    let readers = Set(pool.filter { _ in Int.random(in: 0..<4, using: &random) == 0 })
                    return (ACL.of(read: Array(readers), write: []), readers)
                }
            }
            func insert(_ className: String, _ fields: [String: FieldInput], acl: ACL?) async throws -> String {
                let id = try await f.store.create(className: className, fields: fields, acl: acl ?? ACL(), context: .master).objectId
                if acl == nil { _ = try await f.pool.query("UPDATE \"\(className)\" SET \"_rperm\" = NULL, \"_wperm\" = NULL WHERE \"objectId\" = $1", [.text(id)]) }
                return id
            }
            var companies: [AccessModel.Object] = []
            for index in 0..<5 {
                let (acl, readers) = randomACL()
                let id = try await insert("Company", ["name": .set(.string("C\(index)"))], acl: acl)
                companies.append(.init(id: id, readers: readers, amount: Double(index)))
            }
            var deals: [AccessModel.Object] = []
            for index in 0..<16 {
                let (acl, readers) = randomACL()
                let assignee = Bool.random(using: &random) ? users.randomElement(using: &random)!.id : nil
                let company = Int.random(in: 0..<4, using: &random) == 0 ? nil : companies.randomElement(using: &random)!.id
                let amount = Double(Int.random(in: 0..<8, using: &random) * 10 + index % 3)
                var fields: [String: FieldInput] = ["title": .set(.string("D\(index)")), "amount": .set(.number(amount))]
                if let assignee { fields["assignedTo"] = .set(.string(assignee)) }
                if let company { fields["company"] = .set(.string(company)) }
                let id = try await insert("Deal", fields, acl: acl)
                // The assignee policy grants read to the assignee when an ACL exists.
                var granted = readers
                if let assignee, granted != nil { granted?.insert(assignee) }
                deals.append(.init(id: id, readers: granted, assignedTo: assignee, company: company, amount: amount))
            }
            // Random CLPs for Deal (get/find/count) and Company (get/find).
            func rule(_ allowed: [AccessModel.Rule]) -> AccessModel.Rule { allowed.randomElement(using: &random)! }
            let dealRules: [ClassOperation: AccessModel.Rule] = [.get: rule(AccessModel.Rule.allCases), .find: rule(AccessModel.Rule.allCases),
                                                                 .count: rule(AccessModel.Rule.allCases)]
            let companyRules: [ClassOperation: AccessModel.Rule] = [.get: rule([.open, .authenticated, .closed, .firstUser, .firstRole]),
                                                                    .find: rule([.open, .authenticated, .closed, .firstUser, .firstRole])]
            func permission(_ rule: AccessModel.Rule) -> OperationPermission {
                switch rule {
                case .open: .open
                case .authenticated: .authenticated
                case .closed: .closed
                case .firstUser: OperationPermission(userIds: [users[0].id])
                case .firstRole: OperationPermission(roleNames: [model.roleNames[0]])
                case .pointer: OperationPermission(pointerFields: ["assignedTo"])
                }
            }
            let storeModel = try f.store.model
                .with(permissions: ClassLevelPermissions(operations: dealRules.mapValues(permission)), for: "Deal")
                .with(permissions: ClassLevelPermissions(operations: companyRules.mapValues(permission)), for: "Company")
            let store = try await f.store(model: storeModel)

            var callers: [(AccessModel.Caller, AccessContext)] = [(.master, .master), (.anonymous, .anonymous)]
            for user in users { callers.append((.user(user.id), try await store.resolveSession(token: user.token))) }
            let threshold = Double(Int.random(in: 0..<40, using: &random))
            let byAmount: (AccessModel.Object, AccessModel.Object) -> Bool = { ($0.amount, $0.id) > ($1.amount, $1.id) }
            for (caller, context) in callers {
                var expectedRoles: Set<String> = []
                if case .user(let id) = caller { expectedRoles = model.roles(of: id) }
                #expect(context.roleNames == expectedRoles, "closure \(caller)")
                let label = "seed \(seed) \(caller)"
                // find + count.
                let where_ = WhereClause.field("amount", [.greaterThanOrEqualTo(.number(threshold))])
                let findDecision = model.decide(dealRules[.find]!, caller)
                let expectedFind = deals.filter { $0.amount >= threshold && model.visible($0, caller, findDecision) }.sorted(by: byAmount).map(\.id)
                try await check(label + " find", findDecision) {
                    try await store.find(className: "Deal", where: where_, order: [.descending("amount"), .descending("objectId")], limit: nil, context: context).map(\.objectId)
                } equals: { expectedFind }
                let countDecision = model.decide(dealRules[.count]!, caller)
                try await check(label + " count", countDecision) {
                    [try await store.count(className: "Deal", where: where_, context: context)]
                } equals: { [deals.filter { $0.amount >= threshold && model.visible($0, caller, countDecision) }.count] }
                // get.
                let getDecision = model.decide(dealRules[.get]!, caller)
                for deal in deals.prefix(4) {
                    var expected: ParseErrorCode? = model.visible(deal, caller, getDecision) ? nil : .objectNotFound
                    if case .error(let code) = getDecision { expected = code }
                    do throws(StoreError) {
                        _ = try await store.get(className: "Deal", objectId: deal.id, context: context)
                        #expect(expected == nil, "\(label) get")
                    } catch {
                        #expect(error.code == expected, "\(label) get \(error)")
                    }
                }
                // Batched pointer load of companies.
                let companyGet = model.decide(companyRules[.get]!, caller)
                try await check(label + " loadByIds", companyGet) {
                    try await store.loadByIds(className: "Company", ids: companies.map(\.id) + ["missing123"], context: context).map { $0?.objectId ?? "-" }
                } equals: { companies.map { model.visible($0, caller, companyGet) ? $0.id : "-" } + ["-"] }
                // Reverse connection and counts per parent.
                let parents = companies.map(\.id)
                try await check(label + " loadReverse", findDecision) {
                    try await store.loadReverse(className: "Deal", pointerField: "company", parentIds: parents, order: [.descending("amount"), .descending("objectId")],
                                                limit: 3, context: context).map { $0.map(\.objectId).joined(separator: ",") }
                } equals: {
                    parents.map { parent in deals.filter { $0.company == parent && model.visible($0, caller, findDecision) }.sorted(by: byAmount).prefix(3).map(\.id).joined(separator: ",") }
                }
                try await check(label + " countReverse", countDecision) {
                    try await store.countReverse(className: "Deal", pointerField: "company", parentIds: parents, context: context)
                } equals: { parents.map { parent in deals.filter { $0.company == parent && model.visible($0, caller, countDecision) }.count } }
                // have sub-filter: deals whose company (readable under Company's find rule) is named C0..C2.
                let companyFind = model.decide(companyRules[.find]!, caller)
                var decision = findDecision
                if case .error = companyFind, !isError(findDecision) { decision = companyFind }
                let names = Set(["C0", "C1", "C2"])
                try await check(label + " have", decision) {
                    try await store.find(className: "Deal", where: .field("company", [.have(.field("name", [.in(names.map(FieldValue.string))]), targetClass: nil)]),
                                         order: [.descending("amount"), .descending("objectId")], limit: nil, context: context).map(\.objectId)
                } equals: {
                    deals.filter { deal in
                        guard model.visible(deal, caller, findDecision), let company = companies.first(where: { $0.id == deal.company }) else { return false }
                        let index = companies.firstIndex { $0.id == company.id }!
                        return index < 3 && model.visible(company, caller, companyFind)
                    }.sorted(by: byAmount).map(\.id)
                }
            }
        }
    }

    func isError(_ decision: AccessModel.Decision) -> Bool {
        if case .error = decision { return true }
        return false
    }

    /// Either the expected values, or the expected error when the decision is one.
    func check<T: Equatable>(_ label: String, _ decision: AccessModel.Decision, _ actual: () async throws -> [T],
                             equals expected: () -> [T]) async throws {
        do {
            let values = try await actual()
            if case .error(let code) = decision { Issue.record("\(label): expected \(code), got \(values)") } else { #expect(values == expected(), "\(label)") }
        } catch let error as StoreError {
            if case .error(let code) = decision { #expect(error.code == code, "\(label)") } else { Issue.record("\(label): \(error.debugDescription)") }
        }
    }
}
