import APICore
import CRMGraphQL
import CRMStore
import GraphQLEngine

/// The inputs a client controls, one function each, for libFuzzer (`make fuzz`) and for the
/// regression test that replays every saved input. Each must return for any bytes: an error is
/// an answer, a crash or a hang is a bug.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A GraphQL document: lexed, parsed (with the served token limit) and, when it parses,
    /// validated against the CRM schema with the served limits.
    case document
    /// A JSON body, as every transport reads one (GraphQL requests, REST bodies, WebSocket messages).
    case json
    /// A Parse REST `where` (JSON) translated for the Deal class, as `GET /classes/Deal?where=` does.
    case `where`

    /// Builds what every input shares (the schema, the translations) and runs a few inputs, so
    /// lazily built state exists before fuzzing starts.
    public func prepare() {
        _ = Self.crm
        for seed in ["", "{ deals { count } }", #"{"stage":"won"}"#] {
            Array(seed.utf8).withUnsafeBytes { run($0) }
        }
    }

    /// Runs one input.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .document:
            let text = String(decoding: bytes, as: UTF8.self)
            guard let document = try? parse(text, options: ParseOptions(maxTokens: Self.configuration.maxTokens)) else { return }
            _ = validate(schema: Self.crm.schema, document: document, options: Self.configuration.validationOptions)
        case .json:
            _ = try? JSONReader.parse(bytes, maxDepth: JSONReader.defaultMaxDepth)
        case .where:
            guard let value = try? JSONReader.parse(bytes, maxDepth: JSONReader.defaultMaxDepth) else { return }
            _ = try? Self.crm.parseWhere.clause(value, on: Self.crm.deal)
        }
    }

    static let configuration = APIConfiguration()

    /// The served schema and where translations, built once from the bundled class model.
    struct CRM: Sendable {
        let schema: GraphQLSchema
        let deal: ClassDefinition
        let parseWhere: WhereTranslation<ParseWhere>
    }

    static let crm: CRM = {
        // The bundled model and the schema generated from it: a failure here is a build defect.
        let model = try! ClassModel.bundled()
        let schema = try! buildSchema(sdl: CRMGraphQLService.schemaSDL(model: model))
        return CRM(schema: schema, deal: try! model.require("Deal"),
                   parseWhere: WhereTranslation(model: model, dialect: ParseWhere()))
    }()
}
