@testable import GraphQLEngine

/// The schema of graphql-js's validation test harness, reduced to what the rule tests use, in
/// SDL:
///
///     interface Mammal { mother: Mammal father: Mammal }
///     interface Pet { name(surname: Boolean): String }
///     interface Canine implements Mammal { name(surname: Boolean): String mother: Canine father: Canine }
///     enum DogCommand { SIT HEEL DOWN }
///     type Dog implements Pet & Mammal & Canine {
///       name(surname: Boolean): String  nickname: String  barkVolume: Int  barks: Boolean
///       doesKnowCommand(dogCommand: DogCommand): Boolean
///       isHouseTrained(atOtherHomes: Boolean = true): Boolean
///       isAtLocation(x: Int, y: Int): Boolean  mother: Dog  father: Dog
///     }
///     type Cat implements Pet { name(surname: Boolean): String nickname: String meows: Boolean meowsVolume: Int furColor: FurColor }
///     union CatOrDog = Cat | Dog
///     type Human { name(surname: Boolean): String pets: [Pet] relatives: [Human]! }
///     enum FurColor { BROWN BLACK TAN SPOTTED NO_FUR UNKNOWN }
///     input ComplexInput { requiredField: Boolean! nonNullField: Boolean! = false intField: Int
///                          stringField: String booleanField: Boolean stringListField: [String] }
///     input OneOfInput @oneOf { stringField: String intField: Int }
///     type ComplicatedArgs {
///       intArgField(intArg: Int): String  nonNullIntArgField(nonNullIntArg: Int!): String
///       stringArgField(stringArg: String): String  booleanArgField(booleanArg: Boolean): String
///       enumArgField(enumArg: FurColor): String  floatArgField(floatArg: Float): String
///       idArgField(idArg: ID): String  stringListArgField(stringListArg: [String]): String
///       stringListNonNullArgField(stringListNonNullArg: [String!]): String
///       complexArgField(complexArg: ComplexInput): String  oneOfArgField(oneOfArg: OneOfInput): String
///       multipleReqs(req1: Int!, req2: Int!): String  nonNullFieldWithDefault(arg: Int! = 0): String
///       multipleOpts(opt1: Int = 0, opt2: Int = 0): String
///       multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
///     }
///     type QueryRoot { human(id: ID): Human dog: Dog cat: Cat pet: Pet catOrDog: CatOrDog complicatedArgs: ComplicatedArgs }
///     type SubscriptionRoot { importantEmails: [String] notImportantEmails: [String] }
///     schema { query: QueryRoot subscription: SubscriptionRoot }
///     directive @onQuery on QUERY            directive @onMutation on MUTATION
///     directive @onField on FIELD            directive @onFragmentDefinition on FRAGMENT_DEFINITION
///     directive @onFragmentSpread on FRAGMENT_SPREAD  directive @onInlineFragment on INLINE_FRAGMENT
///     directive @onVariableDefinition on VARIABLE_DEFINITION
///     directive @repeatable repeatable on FIELD
///
/// Built in code until the SDL schema builder exists; switching is this one function.
enum ValidationTestSchema {
    static let shared: GraphQLSchema = make()

    private static func make() -> GraphQLSchema {
        let boolean = TypeReference.scalar(.boolean), string = TypeReference.scalar(.string)
        let int = TypeReference.scalar(.int)
        func name() -> FieldDefinition {
            FieldDefinition("name", type: string, arguments: [InputValueDefinition("surname", type: boolean)])
        }
        func argField(_ field: String, _ arguments: [InputValueDefinition]) -> FieldDefinition {
            FieldDefinition(field, type: string, arguments: arguments)
        }

        let mammal = InterfaceType("Mammal")
        mammal.define(fields: [FieldDefinition("mother", type: .interface(mammal)), FieldDefinition("father", type: .interface(mammal))])
        let pet = InterfaceType("Pet", fields: [name()])
        let canine = InterfaceType("Canine", interfaces: [mammal])
        canine.define(fields: [name(), FieldDefinition("mother", type: .interface(canine)), FieldDefinition("father", type: .interface(canine))])
        let dogCommand = EnumType("DogCommand", values: ["SIT", "HEEL", "DOWN"].map { EnumValueDefinition($0) })
        let furColor = EnumType("FurColor", values: ["BROWN", "BLACK", "TAN", "SPOTTED", "NO_FUR", "UNKNOWN"].map { EnumValueDefinition($0) })
        let dog = ObjectType("Dog", interfaces: [pet, mammal, canine])
        dog.define(fields: [
            name(), FieldDefinition("nickname", type: string), FieldDefinition("barkVolume", type: int),
            FieldDefinition("barks", type: boolean),
            FieldDefinition("doesKnowCommand", type: boolean, arguments: [InputValueDefinition("dogCommand", type: .enum(dogCommand))]),
            FieldDefinition("isHouseTrained", type: boolean,
                            arguments: [InputValueDefinition("atOtherHomes", type: boolean, defaultValue: .boolean(true))]),
            FieldDefinition("isAtLocation", type: boolean,
                            arguments: [InputValueDefinition("x", type: int), InputValueDefinition("y", type: int)]),
            FieldDefinition("mother", type: .object(dog)), FieldDefinition("father", type: .object(dog)),
        ])
        let cat = ObjectType("Cat", fields: [
            name(), FieldDefinition("nickname", type: string), FieldDefinition("meows", type: boolean),
            FieldDefinition("meowsVolume", type: int), FieldDefinition("furColor", type: .enum(furColor)),
        ], interfaces: [pet])
        let catOrDog = UnionType("CatOrDog", members: [cat, dog])
        let human = ObjectType("Human")
        human.define(fields: [
            name(), FieldDefinition("pets", type: .list(.interface(pet))),
            FieldDefinition("relatives", type: .nonNull(.list(.object(human)))),
        ])
        let complexInput = InputObjectType("ComplexInput", fields: [
            InputValueDefinition("requiredField", type: .nonNull(boolean)),
            InputValueDefinition("nonNullField", type: .nonNull(boolean), defaultValue: .boolean(false)),
            InputValueDefinition("intField", type: int), InputValueDefinition("stringField", type: string),
            InputValueDefinition("booleanField", type: boolean), InputValueDefinition("stringListField", type: .list(string)),
        ])
        let oneOfInput = InputObjectType("OneOfInput", fields: [
            InputValueDefinition("stringField", type: string), InputValueDefinition("intField", type: int),
        ], isOneOf: true)
        let complicatedArgs = ObjectType("ComplicatedArgs", fields: [
            argField("intArgField", [InputValueDefinition("intArg", type: int)]),
            argField("nonNullIntArgField", [InputValueDefinition("nonNullIntArg", type: .nonNull(int))]),
            argField("stringArgField", [InputValueDefinition("stringArg", type: string)]),
            argField("booleanArgField", [InputValueDefinition("booleanArg", type: boolean)]),
            argField("enumArgField", [InputValueDefinition("enumArg", type: .enum(furColor))]),
            argField("floatArgField", [InputValueDefinition("floatArg", type: .scalar(.float))]),
            argField("idArgField", [InputValueDefinition("idArg", type: .scalar(.id))]),
            argField("stringListArgField", [InputValueDefinition("stringListArg", type: .list(string))]),
            argField("stringListNonNullArgField", [InputValueDefinition("stringListNonNullArg", type: .list(.nonNull(string)))]),
            argField("complexArgField", [InputValueDefinition("complexArg", type: .inputObject(complexInput))]),
            argField("oneOfArgField", [InputValueDefinition("oneOfArg", type: .inputObject(oneOfInput))]),
            argField("multipleReqs", [InputValueDefinition("req1", type: .nonNull(int)), InputValueDefinition("req2", type: .nonNull(int))]),
            argField("nonNullFieldWithDefault", [InputValueDefinition("arg", type: .nonNull(int), defaultValue: .int(0))]),
            argField("multipleOpts", [InputValueDefinition("opt1", type: int, defaultValue: .int(0)),
                                      InputValueDefinition("opt2", type: int, defaultValue: .int(0))]),
            argField("multipleOptAndReq", [
                InputValueDefinition("req1", type: .nonNull(int)), InputValueDefinition("req2", type: .nonNull(int)),
                InputValueDefinition("opt1", type: int, defaultValue: .int(0)), InputValueDefinition("opt2", type: int, defaultValue: .int(0)),
            ]),
        ])
        let queryRoot = ObjectType("QueryRoot", fields: [
            FieldDefinition("human", type: .object(human), arguments: [InputValueDefinition("id", type: .scalar(.id))]),
            FieldDefinition("dog", type: .object(dog)), FieldDefinition("cat", type: .object(cat)),
            FieldDefinition("pet", type: .interface(pet)), FieldDefinition("catOrDog", type: .union(catOrDog)),
            FieldDefinition("complicatedArgs", type: .object(complicatedArgs)),
        ])
        let subscriptionRoot = ObjectType("SubscriptionRoot", fields: [
            FieldDefinition("importantEmails", type: .list(string)), FieldDefinition("notImportantEmails", type: .list(string)),
        ])
        let directives = DirectiveDefinition.specified + [
            DirectiveDefinition("onQuery", locations: [.query]), DirectiveDefinition("onMutation", locations: [.mutation]),
            DirectiveDefinition("onField", locations: [.field]),
            DirectiveDefinition("onFragmentDefinition", locations: [.fragmentDefinition]),
            DirectiveDefinition("onFragmentSpread", locations: [.fragmentSpread]),
            DirectiveDefinition("onInlineFragment", locations: [.inlineFragment]),
            DirectiveDefinition("onVariableDefinition", locations: [.variableDefinition]),
            DirectiveDefinition("repeatable", locations: [.field], isRepeatable: true),
        ]
        do {
            return try GraphQLSchema(query: queryRoot, subscription: subscriptionRoot,
                                     types: [.object(dog), .object(cat), .object(human), .interface(canine)],
                                     directives: directives)
        } catch {
            fatalError("the validation test schema is invalid: \(error)")
        }
    }
}
