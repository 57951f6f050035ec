import CRMStore
import GraphQLEngine

/// Attaches the resolvers to the schema built from the generated SDL (build phase): per class
/// its root fields, mutations, pointers, reverse connections and ACL; then the system fields.
enum ResolverWiring {
    static func attach(to schema: GraphQLSchema, model: APIModel) {
        let query = schema.queryType, mutation = schema.mutationType
        for api in model.classes {
            let naming = api.naming
            let queries = ClassQueries(api: api)
            query?.attach(queries.get, to: naming.singular)
            query?.attach(queries.find, to: naming.plural)
            let mutations = ClassMutations(api: api, model: model)
            mutation?.attach(mutations.create, to: naming.createField)
            mutation?.attach(mutations.update, to: naming.updateField)
            mutation?.attach(mutations.delete, to: naming.deleteField)
            guard case .object(let type)? = schema.type(named: naming.typeName) else { continue }
            let fields = ObjectFields(api: api, model: model)
            type.attach(ObjectFields.acl, to: "ACL")
            for field in api.outputFields where field.type == .pointer {
                type.attach(fields.pointer(field), to: field.name)
            }
            for connection in api.reverseConnections {
                type.attach(fields.reverse(connection), to: connection.name)
            }
        }
        query?.attach(SystemQueries.node(model: model), to: "node")
        query?.attach(SystemQueries.health, to: "health")
        query?.attach(SystemQueries.viewer(model: model), to: "viewer")
        query?.attach(SystemQueries.dealPipeline(model: model), to: "dealPipeline")
        mutation?.attach(AuthMutations.signUp(model: model), to: "signUp")
        mutation?.attach(AuthMutations.logIn, to: "logIn")
        mutation?.attach(AuthMutations.logOut, to: "logOut")
        mutation?.attach(AuthMutations.resetPassword, to: "resetPassword")
    }
}
