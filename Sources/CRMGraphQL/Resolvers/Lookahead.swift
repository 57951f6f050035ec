import GraphQLEngine

/// What a field's sub-selection asks for, read from the plan before any SQL runs: the columns
/// to load (projection) and whether a connection needs its page, its count, or both.
enum Lookahead {
    /// The fields selected below `plan` on objects of the named type (all aliases merged).
    static func fields(below plans: [FieldPlan], on typeName: String, schema: GraphQLSchema) -> [FieldPlan] {
        guard case .object(let type)? = schema.type(named: typeName) else { return [] }
        return plans.flatMap { $0.selection(on: type) }
    }

    /// The class fields to load for a selection: the selected output fields (pointers included,
    /// their ids are needed one level down). System fields always come back.
    static func keys(_ selected: [FieldPlan], api: APIClass) -> Set<String> {
        let names = Set(selected.map(\.definition.name))
        return Set(api.outputFields.lazy.map(\.name).filter { names.contains($0) })
    }

    /// The keys of the objects a field returns, over every class it may return.
    static func keys(below plan: FieldPlan, api: APIClass, schema: GraphQLSchema) -> Set<String> {
        keys(fields(below: [plan], on: api.naming.typeName, schema: schema), api: api)
    }

    /// The parts of a connection a selection uses.
    struct ConnectionUse {
        /// `edges` or `pageInfo` selected: the page must be read (Parse's rule, reference 3.1 step 5).
        var page = false
        /// `count`, `pageInfo.hasNextPage` or `pageInfo.hasPreviousPage` selected (step 6).
        var count = false
        /// `edges.cursor` or `pageInfo` selected: the page's absolute offsets are needed.
        var cursors = false
        /// The fields selected on the nodes.
        var nodeFields: [FieldPlan] = []
    }

    static func connection(_ plan: FieldPlan, of api: APIClass, schema: GraphQLSchema) -> ConnectionUse {
        var use = ConnectionUse()
        let naming = api.naming
        for child in fields(below: [plan], on: naming.connection, schema: schema) {
            switch child.definition.name {
            case "count":
                use.count = true
            case "edges":
                use.page = true
                let edgeFields = fields(below: [child], on: naming.edge, schema: schema)
                if edgeFields.contains(where: { $0.definition.name == "cursor" }) { use.cursors = true }
                let nodes = edgeFields.filter { $0.definition.name == "node" }
                use.nodeFields += fields(below: nodes, on: naming.typeName, schema: schema)
            case "pageInfo":
                use.page = true
                use.cursors = true
                let info = fields(below: [child], on: "PageInfo", schema: schema).map(\.definition.name)
                if info.contains("hasNextPage") || info.contains("hasPreviousPage") { use.count = true }
            default:
                break
            }
        }
        return use
    }
}
