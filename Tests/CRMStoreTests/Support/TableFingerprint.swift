import PostgresClient

extension PostgresPool {
    /// Row count and a checksum of every row of a table (text form), to prove nothing changed.
    func fingerprint(_ table: String) async throws -> String {
        let result = try await query("SELECT count(*)::text || ':' || COALESCE(md5(string_agg(t::text, ',' ORDER BY t.\"objectId\")), '') FROM \"\(table)\" t")
        return result.first?.string(0) ?? ""
    }
}
