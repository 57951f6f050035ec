import GraphQLEngine

/// The API's limits, with Parse's page sizes as defaults (docs/API.md "Limits").
public struct APIConfiguration: Sendable {
    /// Parse's default page size.
    public var defaultLimit = 100
    /// Parse's maxLimit: no page (nor `last`) is larger.
    public var maxLimit = 1000
    /// Selection depth after fragment expansion.
    public var maxDepth = 12
    /// Fields after fragment expansion (complexity).
    public var maxFields = 2_000
    public var maxAliases = 100
    /// Lexical tokens per document.
    public var maxTokens = 50_000
    /// Documents kept prepared (parsed, validated, with their plans) in the one document cache.
    public var planCacheSize = 512
    /// Which documents run (docs/API.md "Persisted queries").
    public var documents = PersistedDocuments.Mode.automatic
    /// Documents registered at start (the texts of a folder of `.graphql` files): with
    /// ``PersistedDocuments/Mode/allowList`` these and the ones registered in the database are
    /// all that runs for callers without the master key.
    public var registeredDocuments: [String] = []
    /// Texts that automatic persisted queries remember (per gateway; a client whose hash was
    /// forgotten sends the text again).
    public var automaticDocumentCapacity = 1_000

    public init() {}

    /// The depth of the standard introspection query (graphql-js and graphql-core nest `ofType`
    /// that deep); introspection tools need it whatever the configured depth.
    static let introspectionDepth = 15

    /// The depth, field and alias limits as validation options, checked before any resolver (and
    /// so any SQL) runs.
    public var validationOptions: ValidationOptions {
        ValidationOptions(maxDepth: maxDepth, maxFields: maxFields, maxAliases: maxAliases,
                          introspectionDepth: Self.introspectionDepth)
    }
}
