import DealGraphTesting
import Foundation
import SeededRandom

/// A Parse export written the way Parse Server and Back4app write it, by this test's own code:
/// users with bcrypt hashes made by Python's bcrypt (not DealGraph's), roles with inline members
/// and join files, sessions, and the CRM classes, half the objects in the REST form and half in
/// the database form, with ACLs of every kind. It knows who may read each object, independently of
/// the store, for the ACL model check.
struct ParseExportFixture {
    struct Person { var id: String, username: String, password: String }
    var users: [Person] = []
    /// Class -> objectId -> its readers as stored principals (nil: no ACL, public), for the CRM classes.
    var readers: [String: [String: Set<String>?]] = [:]
    /// Role name -> user ids that hold it (directly or through a child role).
    var roleHolders: [String: Set<String>] = [:]
    /// A session token that the export carries in clear (Parse stores them so).
    var sessionToken = ""
    var sessionUser = ""
    /// Class file name -> objects, one JSON text each.
    var files: [String: [String]] = [:]
    var objectCount: Int { files.values.reduce(0) { $0 + $1.count } }

    static func id(_ prefix: String, _ index: Int) -> String { prefix + String(format: "%09d", index) }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func json(_ value: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Builds the export; `deals` etc. size it (the defaults make 10,000 objects).
    static func make(users userCount: Int = 20, companies: Int = 300, contacts: Int = 1_500, deals: Int = 4_000,
                     activities: Int = 4_172) async throws -> ParseExportFixture {
        var fixture = ParseExportFixture()
        var random = SplitMix64(seed: 7)
        let base = Date(timeIntervalSince1970: 1_700_000_000)
        func date(_ index: Int) -> Date { base.addingTimeInterval(Double(index) * 37.5) }

        // Users: passwords hashed by Python's bcrypt at Parse's cost 10, as $2a$ (bcryptjs),
        // $2b$ and $2y$ (the same algorithm under PHP's name).
        for index in 0..<userCount {
            fixture.users.append(Person(id: id("U", index), username: "rep\(index)", password: "pw-\(index)-Grüße €"))
        }
        let hashed = try await PythonScript.run("""
            import bcrypt, json, sys
            out = []
            for i, password in enumerate(json.loads(sys.argv[1])):
                prefix = b"2a" if i % 3 == 0 else b"2b"
                h = bcrypt.hashpw(password.encode(), bcrypt.gensalt(10, prefix=prefix)).decode()
                out.append(h.replace("$2b$", "$2y$", 1) if i % 3 == 2 else h)
            print(json.dumps(out))
            """, arguments: [json(fixture.users.map(\.password))])
        let hashes = try JSONSerialization.jsonObject(with: Data(hashed.utf8)) as! [String]
        fixture.files["_User"] = fixture.users.enumerated().map { index, user in
            let acl: [String: Any] = ["*": ["read": true], user.id: ["read": true, "write": true]]
            if index % 2 == 0 {
                return json(["objectId": user.id, "username": user.username, "email": "\(user.username)@example.com",
                             "createdAt": iso(date(index)), "updatedAt": iso(date(index + 1)), "ACL": acl,
                             "_hashed_password": hashes[index], "emailVerified": index % 4 == 0] as [String: Any])
            }
            return json(["_id": user.id, "username": user.username, "email": "\(user.username)@example.com",
                         "_created_at": ["$date": iso(date(index))], "_updated_at": ["$date": iso(date(index + 1))],
                         "_acl": ["*": ["r": true], user.id: ["r": true, "w": true]], "_rperm": ["*", user.id], "_wperm": [user.id],
                         "_hashed_password": hashes[index], "_email_verify_token": "t\(index)"] as [String: Any])
        }

        // Roles: Sales lists its users inline; Managers' users come in the join file, and Managers
        // is a child of Sales (its users hold Sales too).
        let sales = id("R", 1), managers = id("R", 2)
        let salesUsers = fixture.users.prefix(userCount / 2).map(\.id), managerUsers = fixture.users.suffix(3).map(\.id)
        fixture.files["_Role"] = [
            json(["objectId": sales, "name": "Sales", "createdAt": iso(base), "updatedAt": iso(base), "ACL": ["*": ["read": true]],
                  "users": salesUsers.map { ["__type": "Pointer", "className": "_User", "objectId": $0] },
                  "roles": ["__type": "Relation", "className": "_Role"]] as [String: Any]),
            json(["_id": managers, "name": "Managers", "_created_at": ["$date": iso(base)], "_rperm": ["*"], "_wperm": [String]()] as [String: Any]),
        ]
        fixture.files["_Join:users:_Role"] = managerUsers.map { json(["relatedId": $0, "owningId": managers]) }
        fixture.files["_Join:roles:_Role"] = [json(["relatedId": managers, "owningId": sales])]
        fixture.roleHolders = ["Sales": Set(salesUsers + managerUsers), "Managers": Set(managerUsers)]

        // Sessions: one with a token of the form Parse issues, one with a legacy token.
        var token = "r:"
        for _ in 0..<32 { token += String(random.next(below: 16), radix: 16) }
        fixture.sessionToken = token
        fixture.sessionUser = fixture.users[1].id
        fixture.files["_Session"] = [
            json(["objectId": id("S", 1), "sessionToken": token, "user": ["__type": "Pointer", "className": "_User", "objectId": fixture.sessionUser],
                  "createdAt": iso(base), "updatedAt": iso(base), "expiresAt": ["__type": "Date", "iso": iso(Date().addingTimeInterval(86_400))],
                  "createdWith": ["action": "login", "authProvider": "password"], "installationId": "abc-123"] as [String: Any]),
            json(["_id": id("S", 2), "_session_token": "legacy-token", "_p_user": "_User$" + fixture.users[2].id,
                  "_created_at": ["$date": iso(base)]] as [String: Any]),
        ]

        // ACLs of every kind, as Parse writes them.
        func acl(_ index: Int, owner: String) -> (rest: [String: Any]?, readers: Set<String>?) {
            switch index % 6 {
            case 0: return (nil, nil)
            case 1: return (["*": ["read": true]], ["*"])
            case 2: return ([owner: ["read": true, "write": true]], [owner])
            case 3: return (["role:Sales": ["read": true], owner: ["read": true, "write": true]], ["role:Sales", owner])
            case 4: return (["role:Managers": ["read": true, "write": true]], ["role:Managers"])
            default: return ([owner: ["write": true]], []) // write-only: nobody but the master reads it
            }
        }
        func put(_ object: inout [String: Any], _ index: Int, owner: String, databaseForm: Bool) -> Set<String>? {
            let (rest, readers) = acl(index, owner: owner)
            if databaseForm {
                object["_id"] = object.removeValue(forKey: "objectId")
                object["_created_at"] = ["$date": iso(date(index))]
                object["_updated_at"] = ["$date": iso(date(index + 2))]
                if let rest {
                    var short: [String: Any] = [:]
                    for (principal, value) in rest {
                        let granted = value as! [String: Bool]
                        short[principal] = ["r": granted["read"] ?? false, "w": granted["write"] ?? false]
                    }
                    object["_acl"] = short
                }
            } else {
                object["createdAt"] = iso(date(index))
                object["updatedAt"] = iso(date(index + 2))
                if let rest { object["ACL"] = rest }
            }
            return readers
        }
        func pointer(_ className: String, _ id: String) -> [String: Any] { ["__type": "Pointer", "className": className, "objectId": id] }

        fixture.files["Company"] = (0..<companies).map { index in
            var object: [String: Any] = ["objectId": id("C", index), "name": "Company \(index)", "industry": ["Software", "Retail", "Energy"][index % 3]]
            if index % 50 == 0 { object["legacyScore"] = index } // a field the class model lacks: kept aside
            fixture.readers["Company", default: [:]][id("C", index)] = put(&object, index, owner: fixture.users[index % userCount].id, databaseForm: index % 2 == 1)
            return json(object)
        }
        fixture.files["Contact"] = (0..<contacts).map { index in
            var object: [String: Any] = ["objectId": id("P", index), "name": "Person \(index)", "email": "p\(index)@example.com"]
            if index % 2 == 1 { object["_p_company"] = "Company$" + id("C", index % companies) } else { object["company"] = pointer("Company", id("C", index % companies)) }
            fixture.readers["Contact", default: [:]][id("P", index)] = put(&object, index, owner: fixture.users[index % userCount].id, databaseForm: index % 2 == 1)
            return json(object)
        }
        let stages = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]
        fixture.files["Deal"] = (0..<deals).map { index in
            let owner = fixture.users[index % userCount].id, databaseForm = index % 2 == 1
            let close = iso(base.addingTimeInterval(Double(index) * 86_400))
            var object: [String: Any] = ["objectId": id("D", index), "title": "Deal \(index) \"quoted\" {braces} [brackets]",
                                         "amount": Double(index) * 12.5, "stage": stages[index % 6]]
            if databaseForm {
                object["_p_company"] = "Company$" + id("C", index % companies)
                object["_p_contact"] = "Contact$" + id("P", index % contacts)
                object["_p_assignedTo"] = "_User$" + owner
                object["expectedCloseDate"] = ["$date": close]
            } else {
                object["company"] = pointer("Company", id("C", index % companies))
                object["contact"] = pointer("Contact", id("P", index % contacts))
                object["assignedTo"] = pointer("_User", owner)
                object["expectedCloseDate"] = ["__type": "Date", "iso": close]
            }
            fixture.readers["Deal", default: [:]][id("D", index)] = put(&object, index, owner: owner, databaseForm: databaseForm)
            return json(object)
        }
        fixture.files["Activity"] = (0..<activities).map { index in
            let onDeal = index % 3 != 0
            let target = onDeal ? ("Deal", id("D", index % deals)) : ("Contact", id("P", index % contacts))
            var object: [String: Any] = ["objectId": id("A", index), "subject": "Call \(index)", "type": ["call", "email", "meeting", "note"][index % 4]]
            if index % 2 == 1 { object["_p_relatedTo"] = "\(target.0)$\(target.1)" } else { object["relatedTo"] = pointer(target.0, target.1) }
            fixture.readers["Activity", default: [:]][id("A", index)] = put(&object, index, owner: fixture.users[index % userCount].id, databaseForm: index % 2 == 1)
            return json(object)
        }
        return fixture
    }

    /// Writes the files into a new folder, each as Parse Dashboard does (`{"results": [...]}`),
    /// except Deal, written as JSON lines (mongoexport's form).
    func write() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parse-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, objects) in files {
            let text = name == "Deal" ? objects.joined(separator: "\n") + "\n" : "{\"results\": [\n" + objects.joined(separator: ",\n") + "\n]}\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name + ".json"))
        }
        return folder
    }
}
