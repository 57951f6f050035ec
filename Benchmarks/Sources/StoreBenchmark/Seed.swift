import CRMStore
import PostgresClient

/// Seeds the benchmark database through SQL (the seeding is not what is measured): users made by
/// sign-up, a role Admin, 1,000 companies and 100,000 deals with the CRM's default ACL shape
/// (creator rw, assignee rw, role Admin rw).
enum Seed {
    static let dealCount = 100_000
    static let companyCount = 1_000

    struct Data {
        let admin: AccessContext
        let member: AccessContext
        let dealIds: [String]
        let companyIds: [String]
    }

    static func run(store: CRMStore, pool: PostgresPool) async throws -> Data {
        var users: [String] = []
        var tokens: [String] = []
        for index in 0..<20 {
            let result = try await store.signUp(username: "user\(index)", password: "password-\(index)", email: "user\(index)@example.com")
            users.append(result.user.objectId)
            tokens.append(result.sessionToken)
        }
        try await store.createRole(name: "Admin", users: [users[0]], context: .master)
        _ = try await pool.query("""
            INSERT INTO "Company" ("objectId", "createdAt", "updatedAt", "name", "createdBy", "_rperm", "_wperm")
            SELECT 'c' || substr(md5(i::text), 1, 9), now(), now(), 'Company ' || i, ($1::text[])[1 + i % 20],
              ARRAY[($1::text[])[1 + i % 20], 'role:Admin'], ARRAY[($1::text[])[1 + i % 20], 'role:Admin']
            FROM generate_series(1, \(companyCount)) i
            """, [.textArray(users)])
        _ = try await pool.query("""
            INSERT INTO "Deal" ("objectId", "createdAt", "updatedAt", "title", "amount", "stage", "company", "assignedTo",
              "expectedCloseDate", "_rperm", "_wperm")
            SELECT 'd' || substr(md5(i::text), 1, 9), now() - (i || ' minutes')::interval, now() - (i || ' seconds')::interval,
              'Deal ' || i, (i * 7919) % 100000, (ARRAY['lead','qualified','proposal','negotiation','won','lost'])[1 + i % 6],
              'c' || substr(md5((1 + i % \(companyCount))::text), 1, 9), ($1::text[])[1 + (i / 7) % 20], now() + (i % 365 || ' days')::interval,
              ARRAY[($1::text[])[1 + i % 20], ($1::text[])[1 + (i / 7) % 20], 'role:Admin'],
              ARRAY[($1::text[])[1 + i % 20], ($1::text[])[1 + (i / 7) % 20], 'role:Admin']
            FROM generate_series(1, \(dealCount)) i
            """, [.textArray(users)])
        _ = try await pool.query("ANALYZE")
        let deals = try await pool.query(#"SELECT "objectId" FROM "Deal" ORDER BY md5("objectId") LIMIT 1000"#)
        let companies = try await pool.query(#"SELECT "objectId" FROM "Company" ORDER BY "objectId" LIMIT 100"#)
        return Data(admin: try await store.resolveSession(token: tokens[0]), member: try await store.resolveSession(token: tokens[1]),
                    dealIds: deals.compactMap { $0.string(0) }, companyIds: companies.compactMap { $0.string(0) })
    }
}
