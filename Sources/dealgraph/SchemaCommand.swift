import ArgumentParser
import CRMGraphQL
import CRMStore

/// `dealgraph schema`: the GraphQL schema generated from the class model, as schema.graphql holds it.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the GraphQL schema (SDL) generated from the class model; schema.graphql is this output."
    )

    func run() throws {
        print(CRMGraphQLService.schemaSDL(model: try ClassModel.bundled()), terminator: "")
    }
}
