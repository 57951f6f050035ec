import PostgresClient

/// GraphQL documents an administrator registered (the allow-list of persisted queries), kept in
/// the database so that every gateway on it knows them.
extension CRMStore {
    /// The key of a document: the SHA-256 of its text in lowercase hex, as Apollo's persisted
    /// query protocol computes it.
    public static func documentHash(_ text: String) -> String {
        Hex.sha256(text)
    }

    /// Registers `text` (master key only); returns its hash. Registering a text again changes
    /// nothing.
    @discardableResult
    public func registerDocument(_ text: String, context: AccessContext) async throws(StoreError) -> String {
        guard context.isMaster else { throw .forbidden("Registering a document needs the master key.") }
        let hash = Self.documentHash(text)
        _ = try await query("""
            INSERT INTO "_dealgraph_documents" ("sha256Hash", "text") VALUES ($1, $2) ON CONFLICT ("sha256Hash") DO NOTHING
            """, [.text(hash), .text(text)])
        return hash
    }

    /// The registered document of this hash, if any.
    public func registeredDocument(hash: String) async throws(StoreError) -> String? {
        try await query(#"SELECT "text" FROM "_dealgraph_documents" WHERE "sha256Hash" = $1"#, [.text(hash)]).first?.string(0)
    }
}
