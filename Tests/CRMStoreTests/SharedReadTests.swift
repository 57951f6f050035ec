import DealGraphTesting
import Testing
@testable import CRMStore

/// Reads for several callers in one statement (a live event's nested reads): each caller gets
/// exactly what its own read returns, objects, protected fields and refusals alike.
@Suite(.timeLimit(.minutes(1))) struct SharedReadTests {
    /// What a caller sees of an object: its id and fields.
    static func seen(_ object: StoredObject?) -> String {
        guard let object else { return "-" }
        return object.objectId + " " + object.fields.keys.sorted().map { "\($0)=\(object.fields[$0]!)" }.joined(separator: ",")
    }

    static func code<T>(_ body: () async throws -> T) async -> ParseErrorCode? {
        do {
            _ = try await body()
            return nil
        } catch let error as StoreError {
            return error.code
        } catch {
            return .internalServerError
        }
    }

    @Test("pointer loads, reverse pages and counts for six callers equal each caller's own read; refusals stay per caller")
    func sharedEqualsOwn() async throws {
        try await TestGateway.run("shared_reads", configure: { configuration in
            configuration.store.protectedFields["Contact"] = ["*": ["phone"], "role:Admin": []]
        }) { f in
            let alice = try await f.admin("alice"), bob = try await f.user("bob"), carol = try await f.user("carol")
            let acme = try await f.object("Company", ["name": .string("Acme")], acl: ACL(readers: [.everyone]), as: .master)
            var contacts: [String] = []
            let readers: [Set<Principal>] = [[.everyone], [.user(alice.id), .user(bob.id)], [.user(carol.id)], [.role("Admin")]]
            for (index, principals) in readers.enumerated() {
                contacts.append(try await f.object("Contact", [
                    "name": .string("c\(index)"), "phone": .string("555-010\(index)"),
                    "company": .pointer(className: "Company", objectId: acme),
                ], acl: ACL(readers: principals), as: .master))
            }
            for index in 0..<12 {
                try await f.deal("d\(index)", amount: Double(index), acl: ACL(readers: readers[index % 4]), extra: [
                    "stage": .set(.string(index % 3 == 0 ? "lost" : "lead")),
                    "contact": .set(.pointer(className: "Contact", objectId: contacts[index % 4])),
                ], as: .master)
            }
            let contexts: [AccessContext] = [alice.access, bob.access, carol.access, .anonymous, .master, bob.access]
            let ids = contacts + ["x' OR '1'='1", "", contacts[0]]

            let shared = try await f.store.loadByIds(className: "Contact", ids: ids, keys: ["name", "phone"], contexts: contexts)
            for (context, result) in zip(contexts, shared) {
                let own = await Self.code { try await f.store.loadByIds(className: "Contact", ids: ids, keys: ["name", "phone"], context: context) }
                switch result {
                case .success(let byId):
                    let mine = try await f.store.loadByIds(className: "Contact", ids: ids, keys: ["name", "phone"], context: context)
                    #expect(ids.map { Self.seen(byId[$0]) } == mine.map(Self.seen), "\(context.kind)")
                case .failure(let error):
                    #expect(error.code == own, "\(context.kind) is refused as its own read is")
                }
            }
            #expect(Self.seen(try shared[1].get()[contacts[1]]).contains("phone") == false, "bob: phone is protected")
            #expect(Self.seen(try shared[0].get()[contacts[1]]).contains("phone=") == true, "alice holds Admin")
            #expect((try? shared[3].get()) == nil, "anonymous: the CLP needs a session, as alone")

            let lost: WhereClause = .field("stage", [.notEqualTo(.string("lost"))])
            let pages = try await f.store.loadReverse(className: "Deal", pointerField: "contact", parentIds: contacts, where: lost,
                                                      order: [.descending("amount")], skip: 1, limit: 2, keys: ["title", "amount"],
                                                      contexts: contexts)
            let counts = try await f.store.countReverse(className: "Deal", pointerField: "contact", parentIds: contacts, where: lost,
                                                        contexts: contexts)
            for (index, context) in contexts.enumerated() {
                let own = await Self.code {
                    try await f.store.loadReverse(className: "Deal", pointerField: "contact", parentIds: contacts, where: lost,
                                                  order: [.descending("amount")], skip: 1, limit: 2, keys: ["title", "amount"], context: context)
                }
                if own != nil {
                    #expect((try? pages[index].get()) == nil && (try? counts[index].get()) == nil, "\(context.kind)")
                    continue
                }
                let mine = try await f.store.loadReverse(className: "Deal", pointerField: "contact", parentIds: contacts, where: lost,
                                                         order: [.descending("amount")], skip: 1, limit: 2, keys: ["title", "amount"],
                                                         context: context)
                let page = try pages[index].get()
                #expect(contacts.map { (page[$0] ?? []).map(Self.seen) } == mine.map { $0.map(Self.seen) }, "\(context.kind)")
                let myCounts = try await f.store.countReverse(className: "Deal", pointerField: "contact", parentIds: contacts,
                                                              where: lost, context: context)
                let count = try counts[index].get()
                #expect(contacts.map { count[$0] ?? 0 } == myCounts, "\(context.kind)")
            }
            #expect(try counts[4].get()[contacts[0]] == 2, "master counts every deal of c0 not lost")

            // A where on a protected field is refused (119) to those it is hidden from, not to the others.
            let byPhone: WhereClause = .field("phone", [.exists(true)])
            let phones = try await f.store.loadReverse(className: "Contact", pointerField: "company", parentIds: [acme], where: byPhone,
                                                       contexts: [bob.access, alice.access, .master])
            #expect((try? phones[0].get()) == nil)
            if case .failure(let error) = phones[0] { #expect(error.code == .operationForbidden) }
            #expect(try phones[1].get()[acme]?.count == 3, "alice reads c0, c1 and c3")
            #expect(try phones[2].get()[acme]?.count == 4)
        }
    }
}
