import PostgresClient

/// The change log: one row per committed create, update and delete of a class of the model (and
/// of `_Role`), written by a row trigger in the writing transaction, whatever wrote it (either
/// API, a batch, a nested create, a script). A row holds the object before and after the write
/// as JSON, ACL columns included and `_User`'s hidden columns left out, so a gateway decides what
/// every subscriber may see without reading the object again; NOTIFY carries only the row's
/// sequence number, far below PostgreSQL's 8,000-byte payload limit however long the object is.
///
/// Bulk loads (demo data, `dealgraph seed`) set `dealgraph.skip_changes` for their transaction:
/// a million seeded rows are not a million events.
enum ChangeLog {
    static let table = "_dealgraph_changes"
    static let channel = CRMStore.changeChannel
    static let skipSetting = "dealgraph.skip_changes"

    /// Leaves the writes of the current transaction out of the change log (bulk loads).
    static func skip(on connection: PostgresConnection) async throws(StoreError) {
        _ = try await connection.run("SELECT set_config($1, 'on', true)", [.text(skipSetting)])
    }

    /// The table, the trigger function and one trigger per class.
    static func script(model: ClassModel) -> String {
        var script = """
            CREATE TABLE IF NOT EXISTS "\(table)" ("seq" bigserial PRIMARY KEY, "className" text NOT NULL,
                "objectId" text NOT NULL, "operation" text NOT NULL, "before" jsonb, "after" jsonb,
                "at" timestamp with time zone NOT NULL DEFAULT clock_timestamp());
            CREATE INDEX IF NOT EXISTS "\(table)_at" ON "\(table)" ("at");
            CREATE OR REPLACE FUNCTION "dealgraph_record_change"() RETURNS trigger LANGUAGE plpgsql AS $body$
            DECLARE
                change_seq bigint;
                hidden text[] := COALESCE(TG_ARGV, '{}'::text[]);
            BEGIN
                IF current_setting('\(skipSetting)', true) = 'on' THEN
                    RETURN NULL;
                END IF;
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO "\(table)" ("className", "objectId", "operation", "after")
                    VALUES (TG_TABLE_NAME, NEW."objectId", 'create', to_jsonb(NEW) - hidden) RETURNING "seq" INTO change_seq;
                ELSIF TG_OP = 'UPDATE' THEN
                    INSERT INTO "\(table)" ("className", "objectId", "operation", "before", "after")
                    VALUES (TG_TABLE_NAME, NEW."objectId", 'update', to_jsonb(OLD) - hidden, to_jsonb(NEW) - hidden)
                    RETURNING "seq" INTO change_seq;
                ELSE
                    INSERT INTO "\(table)" ("className", "objectId", "operation", "before")
                    VALUES (TG_TABLE_NAME, OLD."objectId", 'delete', to_jsonb(OLD) - hidden) RETURNING "seq" INTO change_seq;
                END IF;
                PERFORM pg_notify('\(channel)', change_seq::text);
                RETURN NULL;
            END
            $body$;

            """
        let hidden = TableLayout.userColumns.map { "'\($0.0)'" }.joined(separator: ", ")
        for table in model.classes.map(\.name) + ["_Role"] {
            let arguments = table == ClassModel.userClassName ? hidden : ""
            script += """
                DROP TRIGGER IF EXISTS "dealgraph_change" ON \(SQL.identifier(table));
                CREATE TRIGGER "dealgraph_change" AFTER INSERT OR UPDATE OR DELETE ON \(SQL.identifier(table))
                    FOR EACH ROW EXECUTE FUNCTION "dealgraph_record_change"(\(arguments));

                """
        }
        return script
    }
}
