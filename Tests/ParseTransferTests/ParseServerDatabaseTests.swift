import CRMStore
import DealGraphTesting
import Foundation
import PostgresClient
import Testing

/// A database that Parse Server created, served in place: the tables as Parse Server's
/// PostgreSQL adapter lays them out (every field a column of its Parse type, `objectId` the
/// primary key, `_rperm`/`_wperm` text arrays, `_Join:<relation>:<class>` tables with varchar(120)
/// ids, `_SCHEMA` rows, session tokens in clear) with rows written as it writes them (bcrypt by
/// Python's bcrypt, not ours). `migrate --check` says what would change and changes nothing;
/// after `migrate` reads, writes and ACLs behave as on a database DealGraph created.
@Suite("A Parse Server database served in place", .timeLimit(.minutes(2)))
struct ParseServerDatabaseTests {
    /// The layout, written from Parse Server's adapter's rules: String, Pointer, File -> text,
    /// Date -> timestamptz, Number -> double precision, Boolean -> boolean, Object and Array ->
    /// jsonb, `_rperm`/`_wperm` -> text[]; `_User` with its hidden columns.
    static let parseLayout = """
        CREATE TABLE "_SCHEMA" ("className" varChar(120), "schema" jsonb, "isParseClass" bool, PRIMARY KEY ("className"));
        CREATE TABLE "_User" ("objectId" text, "createdAt" timestamp with time zone, "updatedAt" timestamp with time zone,
            "username" text, "password" text, "email" text, "emailVerified" boolean, "authData" jsonb, "_rperm" text[], "_wperm" text[],
            "_hashed_password" text, "_email_verify_token_expires_at" timestamp with time zone, "_email_verify_token" text,
            "_account_lockout_expires_at" timestamp with time zone, "_failed_login_count" double precision, "_perishable_token" text,
            "_perishable_token_expires_at" timestamp with time zone, "_password_changed_at" timestamp with time zone,
            "_password_history" jsonb, PRIMARY KEY ("objectId"));
        CREATE UNIQUE INDEX "_User_unique_username" ON "_User" ("username");
        CREATE TABLE "_Role" ("objectId" text, "createdAt" timestamp with time zone, "updatedAt" timestamp with time zone,
            "name" text, "_rperm" text[], "_wperm" text[], PRIMARY KEY ("objectId"));
        CREATE UNIQUE INDEX "_Role_unique_name" ON "_Role" ("name");
        CREATE TABLE "_Join:users:_Role" ("relatedId" varChar(120), "owningId" varChar(120), PRIMARY KEY ("relatedId", "owningId"));
        CREATE TABLE "_Join:roles:_Role" ("relatedId" varChar(120), "owningId" varChar(120), PRIMARY KEY ("relatedId", "owningId"));
        CREATE TABLE "_Session" ("objectId" text, "createdAt" timestamp with time zone, "updatedAt" timestamp with time zone,
            "restricted" boolean, "user" text, "installationId" text, "sessionToken" text, "expiresAt" timestamp with time zone,
            "createdWith" jsonb, "_rperm" text[], "_wperm" text[], PRIMARY KEY ("objectId"));
        CREATE TABLE "Company" ("objectId" text, "createdAt" timestamp with time zone, "updatedAt" timestamp with time zone,
            "name" text, "website" text, "industry" text, "address" text, "notes" text, "createdBy" text, "_rperm" text[], "_wperm" text[],
            PRIMARY KEY ("objectId"));
        CREATE TABLE "Deal" ("objectId" text, "createdAt" timestamp with time zone, "updatedAt" timestamp with time zone,
            "title" text, "amount" double precision, "stage" text, "contact" text, "company" text,
            "expectedCloseDate" timestamp with time zone, "notes" text, "assignedTo" text, "_rperm" text[], "_wperm" text[],
            PRIMARY KEY ("objectId"));
        INSERT INTO "_SCHEMA" VALUES ('Deal', '{"className":"Deal","fields":{"title":{"type":"String"}},"classLevelPermissions":{}}', true);
        """

    @Test("migrate --check lists what migrate adds and changes nothing; after migrate, Parse's users log in, ACLs and roles hold, writes work")
    func servedInPlace() async throws {
        let hash = try await PythonScript.run("import bcrypt; print(bcrypt.hashpw(b'pw-ann', bcrypt.gensalt(10, prefix=b'2a')).decode())", arguments: [])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try await TestCluster.withDatabase("parse_in_place") { database in
            try await database.withPool { pool in
                try await pool.transaction { try await $0.executeScript(Self.parseLayout) }
                try await pool.transaction { try await $0.executeScript("""
                    INSERT INTO "_User" ("objectId", "createdAt", "updatedAt", "username", "email", "_hashed_password", "_rperm", "_wperm") VALUES
                      ('annId0001', now(), now(), 'ann', 'ann@example.com', '\(hash)', '{*,annId0001}', '{annId0001}'),
                      ('benId0001', now(), now(), 'ben', 'ben@example.com', '\(hash)', '{*,benId0001}', '{benId0001}');
                    INSERT INTO "_Role" VALUES ('roleSales', now(), now(), 'Sales', '{*}', '{}');
                    INSERT INTO "_Join:users:_Role" VALUES ('benId0001', 'roleSales');
                    INSERT INTO "_Session" ("objectId", "createdAt", "updatedAt", "user", "sessionToken", "expiresAt", "_rperm", "_wperm")
                      VALUES ('sess00001', now(), now(), 'annId0001', 'r:0123456789abcdef0123456789abcdef', now() + interval '1 day', '{annId0001}', '{annId0001}');
                    INSERT INTO "Deal" ("objectId", "createdAt", "updatedAt", "title", "amount", "stage", "_rperm", "_wperm") VALUES
                      ('dealAnn01', now(), now(), 'Ann only', 100, 'lead', '{annId0001}', '{annId0001}'),
                      ('dealSales', now(), now(), 'Sales team', 200, 'won', '{role:Sales}', '{role:Sales}'),
                      ('dealOpen1', now(), now(), 'Everyone', 300, 'lead', NULL, NULL);
                    """) }
                let model = try ClassModel.bundled()
                let before = try await Self.catalog(pool)
                let check = try await Migrator.check(pool: pool, model: model)
                #expect(try await Self.catalog(pool) == before, "--check changed nothing")
                #expect(check.changes.contains("creates table _dealgraph_migrations"))
                #expect(check.changes.contains("creates table Contact") && check.changes.contains("creates table Activity"))
                #expect(check.changes.contains { $0.hasPrefix("creates index CREATE INDEX \"Deal__rperm_gin\"") })
                #expect(check.changes.contains("adds column _User.emailVerified boolean") == false, "a column Parse has is not added again")
                #expect(check.changes.contains { $0.hasPrefix("creates trigger") })
                #expect(check.changes.contains("rewrites the _SCHEMA row of Deal (the class model's fields and permissions)"))
                #expect(check.notes.contains { $0.contains("_Session: 1 sessions keep their token in clear") && $0.contains("They keep working") })
                #expect(!check.changes.contains { $0.lowercased().contains("drop") })

                try await Migrator.run(pool: pool, model: model)
                #expect(try await Migrator.check(pool: pool, model: model).changes.isEmpty, "migrated: nothing left to change")
                let store = try await CRMStore(pool: pool, model: model, options: { var options = StoreOptions(); options.listensForInvalidations = false; return options }())
                let ann = try await store.logIn(username: "ann", password: "pw-ann")
                let ben = try await store.logIn(username: "ben", password: "pw-ann")
                await #expect(throws: StoreError.self) { try await store.logIn(username: "ann", password: "wrong") }
                let annAccess = try await store.resolveSession(token: ann.sessionToken), benAccess = try await store.resolveSession(token: ben.sessionToken)
                let annDeals = try await store.find(className: "Deal", limit: nil, context: annAccess).map(\.objectId).sorted()
                let benDeals = try await store.find(className: "Deal", limit: nil, context: benAccess).map(\.objectId).sorted()
                #expect(annDeals == ["dealAnn01", "dealOpen1"])
                #expect(benDeals == ["dealOpen1", "dealSales"], "ben holds Sales through Parse's join table")
                _ = try await store.update(className: "Deal", objectId: "dealSales", fields: ["stage": .set(.string("lost"))], context: benAccess)
                await #expect(throws: StoreError.self) {
                    _ = try await store.update(className: "Deal", objectId: "dealAnn01", fields: ["stage": .set(.string("lost"))], context: benAccess)
                }
                let created = try await store.create(className: "Deal", fields: ["title": .set(.string("New"))], acl: nil, context: annAccess)
                #expect(try await store.get(className: "Deal", objectId: created.objectId, context: annAccess)["title"] == .string("New"))
                #expect(try await store.get(className: "Deal", objectId: "dealSales", context: .master)["stage"] == .string("lost"))

                // The session Parse Server made works, and is kept as its hash from its first use on.
                let clear = "r:0123456789abcdef0123456789abcdef"
                #expect(try await store.resolveSession(token: clear).userId == "annId0001")
                let stored = try await pool.query(#"SELECT "sessionToken" FROM "_Session" WHERE "objectId" = 'sess00001'"#).first?.string(0)
                #expect(stored == CRMStore.storedSessionToken(clear))
                #expect(try await store.resolveSession(token: clear).userId == "annId0001")
                try await store.logOut(token: clear)
                await #expect(throws: StoreError.self) { try await store.resolveSession(token: clear) }
            }
        }
    }

    /// Tables, columns, indexes and `_SCHEMA` rows as text, to show a check left them alone.
    static func catalog(_ pool: PostgresPool) async throws -> [String] {
        let result = try await pool.query("""
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL SELECT 'schema ' || "className" || ' ' || "schema"::text FROM "_SCHEMA"
            ORDER BY 1
            """)
        return result.compactMap { $0.string(0) }
    }
}
