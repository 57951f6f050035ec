/// The DDL of Parse Server's PostgreSQL layout, derived from the class model (docs/SECURITY.md).
/// Every statement is idempotent (`IF NOT EXISTS`), so it runs safely on a database that
/// Parse Server created for these classes.
enum TableLayout {
    /// `_SCHEMA`, `_Role` with its relation tables, `_Session` (tokens stored as SHA-256 only), and
    /// the failed-login counts of names that are no account (so that lockout reveals no account),
    /// and the GraphQL documents an administrator registered (the persisted-query allow-list).
    static let systemTables = """
        CREATE TABLE IF NOT EXISTS "_SCHEMA" ("className" varchar(120) PRIMARY KEY, "schema" jsonb, "isParseClass" boolean);
        CREATE TABLE IF NOT EXISTS "_Role" ("objectId" text PRIMARY KEY, "createdAt" timestamptz, "updatedAt" timestamptz,
            "name" text, "_rperm" text[], "_wperm" text[]);
        CREATE UNIQUE INDEX IF NOT EXISTS "_Role_unique_name" ON "_Role" ("name");
        CREATE TABLE IF NOT EXISTS "_Join:users:_Role" ("relatedId" varchar(120), "owningId" varchar(120), PRIMARY KEY ("relatedId", "owningId"));
        CREATE INDEX IF NOT EXISTS "_Join:users:_Role_owningId" ON "_Join:users:_Role" ("owningId");
        CREATE TABLE IF NOT EXISTS "_Join:roles:_Role" ("relatedId" varchar(120), "owningId" varchar(120), PRIMARY KEY ("relatedId", "owningId"));
        CREATE INDEX IF NOT EXISTS "_Join:roles:_Role_owningId" ON "_Join:roles:_Role" ("owningId");
        CREATE TABLE IF NOT EXISTS "_Session" ("objectId" text PRIMARY KEY, "createdAt" timestamptz, "updatedAt" timestamptz,
            "sessionToken" text, "user" text, "expiresAt" timestamptz, "createdWith" jsonb, "installationId" text,
            "_rperm" text[], "_wperm" text[]);
        CREATE UNIQUE INDEX IF NOT EXISTS "_Session_unique_sessionToken" ON "_Session" ("sessionToken");
        CREATE INDEX IF NOT EXISTS "_Session_user" ON "_Session" ("user");
        CREATE TABLE IF NOT EXISTS "_dealgraph_login_failures" ("name" text PRIMARY KEY, "count" double precision NOT NULL,
            "lockedUntil" timestamp with time zone, "lastAttempt" timestamp with time zone NOT NULL);
        CREATE INDEX IF NOT EXISTS "_dealgraph_login_failures_lastAttempt" ON "_dealgraph_login_failures" ("lastAttempt");
        CREATE TABLE IF NOT EXISTS "_dealgraph_documents" ("sha256Hash" text PRIMARY KEY, "text" text NOT NULL,
            "registeredAt" timestamp with time zone NOT NULL DEFAULT now());
        """

    /// Hidden `_User` columns (Parse's names), never returned to clients.
    static let userColumns: [(String, String)] = [
        ("_hashed_password", "text"), ("emailVerified", "boolean"), ("authData", "jsonb"),
        ("_email_verify_token", "text"), ("_email_verify_token_expires_at", "timestamp with time zone"),
        ("_perishable_token", "text"), ("_perishable_token_expires_at", "timestamp with time zone"),
        ("_failed_login_count", "double precision"), ("_account_lockout_expires_at", "timestamp with time zone"),
        ("_password_changed_at", "timestamp with time zone"), ("_password_history", "jsonb"),
    ]

    /// Table, columns and indexes of one model class.
    static func statements(for definition: ClassDefinition) -> [String] {
        let table = SQL.identifier(definition.name)
        var statements = ["""
            CREATE TABLE IF NOT EXISTS \(table) ("objectId" text PRIMARY KEY, "createdAt" timestamp with time zone, \
            "updatedAt" timestamp with time zone, "_rperm" text[], "_wperm" text[])
            """]
        var columns: [(String, String)] = definition.fields.filter(\.isStoredColumn).map { ($0.name, $0.type.columnType) }
        columns += definition.fields.compactMap { field in field.classColumn.map { ($0, "text") } }
        if definition.isUserClass { columns += userColumns }
        for (name, type) in columns {
            statements.append("ALTER TABLE \(table) ADD COLUMN IF NOT EXISTS \(SQL.identifier(name)) \(type)")
        }
        func index(_ suffix: String, _ body: String, unique: Bool = false) {
            let name = SQL.identifier("\(definition.name)_\(suffix)")
            statements.append("CREATE \(unique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(name) ON \(table) \(body)")
        }
        index("_rperm_gin", "USING gin (\"_rperm\")")
        index("_wperm_gin", "USING gin (\"_wperm\")")
        index("updatedAt", "(\"updatedAt\", \"objectId\")")
        index("createdAt", "(\"createdAt\", \"objectId\")")
        for field in definition.fields where field.type == .pointer {
            // Reverse connections filter on the pointer and sort by updatedAt/createdAt by default.
            let key = field.classColumn.map { "\(SQL.identifier(field.name)), \(SQL.identifier($0))" } ?? SQL.identifier(field.name)
            index("\(field.name)_updatedAt", "(\(key), \"updatedAt\", \"objectId\")")
            index("\(field.name)_createdAt", "(\(key), \"createdAt\", \"objectId\")")
        }
        // List paths that filter by equality and sort by a date (deals of a stage by close date,
        // activities of a deal by due date): one `(key, date, objectId)` index per pair, so the
        // first page is read in order, without a sort, under the ACL filter. Keys are the
        // enumerated String fields (with `examples`) and the pointers; dates are the class's Date
        // fields, plus updatedAt for an enumeration (pointers have theirs above).
        let dates = definition.fields.filter { $0.type == .date }.map(\.name)
        for field in definition.fields where field.type == .pointer || (field.type == .string && !field.examples.isEmpty) {
            let key = field.classColumn.map { "\(SQL.identifier(field.name)), \(SQL.identifier($0))" } ?? SQL.identifier(field.name)
            for date in dates + (field.type == .string ? ["updatedAt"] : []) {
                index("\(field.name)_\(date)", "(\(key), \(SQL.identifier(date)), \"objectId\")")
            }
        }
        // Sort and range patterns: `ORDER BY field, objectId` (tiebreak in the same direction,
        // see OrderCompiler) is served forwards or backwards by one index per scalar field.
        let uniqueFields = Set(definition.unique.flatMap { $0 })
        for field in definition.fields where field.isStoredColumn && [.string, .number, .date, .boolean].contains(field.type)
            && !(definition.isUserClass && uniqueFields.contains(field.name)) {
            index("\(field.name)_objectId", "(\(SQL.identifier(field.name)), \"objectId\")")
        }
        for group in definition.unique {
            let caseInsensitive = definition.isUserClass
            let keys = group.map { caseInsensitive ? "lower(\(SQL.identifier($0)))" : SQL.identifier($0) }
            index("unique_\(caseInsensitive ? "lower_" : "")\(group.joined(separator: "_"))", "(\(keys.joined(separator: ", ")))", unique: true)
        }
        return statements
    }
}
