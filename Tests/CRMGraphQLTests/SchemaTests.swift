import APICore
import DealGraphTesting
import CRMGraphQL
import CRMStore
import Foundation
import GraphQLEngine
import Testing

@Suite("Generated schema")
struct SchemaTests {
    let sdl: String

    init() throws {
        sdl = CRMGraphQLService.schemaSDL(model: try ClassModel.bundled())
    }

    /// The repository root, found from this file's path (Tests/CRMGraphQLTests/SchemaTests.swift).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test("schema.graphql is exactly what `dealgraph schema` prints")
    func schemaFileIsCurrent() throws {
        let file = Self.repositoryRoot.appendingPathComponent("schema.graphql")
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == sdl, "schema.graphql is stale: run `swift run dealgraph schema > schema.graphql`")
    }

    @Test("the SDL builds into a valid schema")
    func builds() throws {
        let schema = try buildSchema(sdl: sdl)
        #expect(schema.queryType?.name == "Query")
        #expect(schema.mutationType?.name == "Mutation")
    }

    @Test("class types have Parse's field order, nullability and interfaces")
    func dealType() throws {
        let schema = try buildSchema(sdl: sdl)
        guard case .object(let deal)? = schema.type(named: "Deal") else {
            Issue.record("no Deal type")
            return
        }
        #expect(deal.fields.map(\.name) == [
            "id", "objectId", "createdAt", "updatedAt", "ACL", "amount", "assignedTo", "company", "contact",
            "expectedCloseDate", "notes", "stage", "title", "activities",
        ])
        #expect(deal.interfaces.map(\.name) == ["ParseObject", "Node"])
        #expect(deal.field(named: "title")?.type.description == "String!")
        #expect(deal.field(named: "assignedTo")?.type.description == "User")
        #expect(deal.field(named: "activities")?.arguments.map(\.name) == [
            "where", "order", "skip", "after", "first", "before", "last", "options",
        ])
        #expect(sdl.contains("type Deal implements ParseObject & Node {"))
        #expect(sdl.contains("input CreateDealFieldsInput {\n  ACL: ACLInput\n  amount: Float\n  assignedTo: UserPointerInput\n"))
        #expect(sdl.contains("  title: String!\n}\n\ninput UpdateDealFieldsInput {"))
        #expect(sdl.contains("input DealPointerInput {\n  link: ID\n  createAndLink: CreateDealFieldsInput\n}"))
        #expect(sdl.contains("  deals(where: DealWhereInput, order: [DealOrder!], skip: Int, after: String, first: Int, before: String, last: Int, options: ReadOptionsInput): DealConnection!"))
        #expect(sdl.contains("type DealConnection {\n  pageInfo: PageInfo!\n  edges: [DealEdge]\n  count: Int!\n}"))
        #expect(sdl.contains("type CreateDealPayload {\n  deal: Deal!\n  clientMutationId: String\n}"))
    }

    @Test("where inputs and order enums list system fields alphabetically, then id")
    func whereAndOrder() throws {
        let schema = try buildSchema(sdl: sdl)
        guard case .inputObject(let input)? = schema.type(named: "DealWhereInput"),
              case .enum(let order)? = schema.type(named: "DealOrder") else {
            Issue.record("missing DealWhereInput or DealOrder")
            return
        }
        #expect(input.fields.map(\.name) == [
            "ACL", "amount", "assignedTo", "company", "contact", "createdAt", "expectedCloseDate", "notes", "objectId",
            "stage", "title", "updatedAt", "id", "OR", "AND", "NOR",
        ])
        #expect(input.fields.first { $0.name == "company" }?.type.description == "CompanyRelationWhereInput")
        #expect(order.values.prefix(4).map(\.name) == ["ACL_ASC", "ACL_DESC", "amount_ASC", "amount_DESC"])
        #expect(order.values.suffix(2).map(\.name) == ["id_ASC", "id_DESC"])
        guard case .inputObject(let strings)? = schema.type(named: "StringWhereInput") else { return }
        #expect(strings.fields.map(\.name) == [
            "equalTo", "notEqualTo", "lessThan", "lessThanOrEqualTo", "greaterThan", "greaterThanOrEqualTo", "in", "notIn",
            "exists", "matchesRegex", "options", "text", "inQueryKey", "notInQueryKey",
        ])
    }

    @Test("users have no password in output; root fields are singular and plural; auth mutations and reverse connections exist")
    func surface() throws {
        let schema = try buildSchema(sdl: sdl)
        guard case .object(let user)? = schema.type(named: "User"), let query = schema.queryType,
              let mutation = schema.mutationType else {
            Issue.record("missing types")
            return
        }
        #expect(user.field(named: "password") == nil)
        #expect(user.field(named: "email")?.type.description == "String")
        #expect(user.field(named: "assignedDeals") != nil)
        for name in ["user", "users", "activity", "activities", "company", "companies", "contact", "contacts", "deal",
                     "deals", "node", "health", "viewer", "dealPipeline"] {
            #expect(query.field(named: name) != nil, "Query.\(name)")
        }
        for name in ["createDeal", "updateDeal", "deleteDeal", "createUser", "signUp", "logIn", "logOut", "resetPassword"] {
            #expect(mutation.field(named: name) != nil, "Mutation.\(name)")
        }
        for (typeName, field) in [("Company", "contacts"), ("Company", "deals"), ("Contact", "deals"),
                                  ("Contact", "activities"), ("Deal", "activities")] {
            guard case .object(let type)? = schema.type(named: typeName) else { continue }
            #expect(type.field(named: field) != nil, "\(typeName).\(field)")
        }
        #expect(sdl.contains("union ActivityRelatedTo = Contact | Deal"))
        #expect(sdl.contains("input ActivityRelatedToWhereInput {\n  equalTo: ID\n  in: [ID]\n  exists: Boolean\n  haveContact: ContactWhereInput\n  haveDeal: DealWhereInput\n}"))
        #expect(sdl.contains("  dealPipeline(where: DealWhereInput): [PipelineStage!]!"))
    }
}
