import ArgumentParser

@main
struct DealGraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dealgraph",
        abstract: "DealGraph: a GraphQL API gateway for a CRM, served from PostgreSQL.",
        subcommands: [ServeCommand.self, MigrateCommand.self, SeedCommand.self, ImportCommand.self, ExportCommand.self, SchemaCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
