import CRMStore

/// Generates the API's SDL from the class model (docs/API.md "Generated surface"): the text that
/// `dealgraph schema` prints, schema.graphql holds and the service builds its schema from.
enum SchemaGenerator {
    static func sdl(for model: APIModel) -> String {
        var sdl = SDLWriter()
        SharedTypes.write(&sdl, classTypeNames: model.classes.map(\.naming.typeName))
        for api in model.classes {
            ClassTypes(api: api, model: model).write(&sdl)
        }
        RootTypes.write(&sdl, model: model)
        return sdl.text
    }
}
