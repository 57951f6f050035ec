import Testing
@testable import GraphQLEngine

/// The schemas the validation tests run against.
enum ValidationTestSchema {
    /// The schema of graphql-js's validation test harness, reduced to what the rule tests use.
    static let shared: GraphQLSchema = build(#"""
        interface Mammal { mother: Mammal father: Mammal }
        interface Pet { name(surname: Boolean): String }
        interface Canine implements Mammal { name(surname: Boolean): String mother: Canine father: Canine }
        enum DogCommand { SIT HEEL DOWN }
        type Dog implements Pet & Mammal & Canine {
          name(surname: Boolean): String  nickname: String  barkVolume: Int  barks: Boolean
          doesKnowCommand(dogCommand: DogCommand): Boolean
          isHouseTrained(atOtherHomes: Boolean = true): Boolean
          isAtLocation(x: Int, y: Int): Boolean  mother: Dog  father: Dog
        }
        type Cat implements Pet { name(surname: Boolean): String nickname: String meows: Boolean meowsVolume: Int furColor: FurColor }
        union CatOrDog = Cat | Dog
        type Human { name(surname: Boolean): String pets: [Pet] relatives: [Human]! }
        enum FurColor { BROWN BLACK TAN SPOTTED NO_FUR UNKNOWN }
        input ComplexInput { requiredField: Boolean! nonNullField: Boolean! = false intField: Int
                             stringField: String booleanField: Boolean stringListField: [String] }
        input OneOfInput @oneOf { stringField: String intField: Int }
        type ComplicatedArgs {
          intArgField(intArg: Int): String  nonNullIntArgField(nonNullIntArg: Int!): String
          stringArgField(stringArg: String): String  booleanArgField(booleanArg: Boolean): String
          enumArgField(enumArg: FurColor): String  floatArgField(floatArg: Float): String
          idArgField(idArg: ID): String  stringListArgField(stringListArg: [String]): String
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          complexArgField(complexArg: ComplexInput): String  oneOfArgField(oneOfArg: OneOfInput): String
          multipleReqs(req1: Int!, req2: Int!): String  nonNullFieldWithDefault(arg: Int! = 0): String
          multipleOpts(opt1: Int = 0, opt2: Int = 0): String
          multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
        }
        type QueryRoot { human(id: ID): Human dog: Dog cat: Cat pet: Pet catOrDog: CatOrDog complicatedArgs: ComplicatedArgs }
        type SubscriptionRoot { importantEmails: [String] notImportantEmails: [String] }
        schema { query: QueryRoot subscription: SubscriptionRoot }
        directive @onQuery on QUERY
        directive @onMutation on MUTATION
        directive @onField on FIELD
        directive @onFragmentDefinition on FRAGMENT_DEFINITION
        directive @onFragmentSpread on FRAGMENT_SPREAD
        directive @onInlineFragment on INLINE_FRAGMENT
        directive @onVariableDefinition on VARIABLE_DEFINITION
        directive @repeatable repeatable on FIELD
        """#)

    /// The CRM-like schema of the benchmarks (the peer benchmark's graphql-js schema).
    static let crm: GraphQLSchema = build(#"""
        type Company { id: ID! name: String website: String industry: String }
        type Contact { id: ID! name: String email: String phone: String company: Company }
        type Deal { id: ID! title: String amount: Float stage: String expectedCloseDate: String notes: String contact: Contact company: Company }
        type Query { deals(stage: String, first: Int): [Deal] }
        """#)

    private static func build(_ sdl: String) -> GraphQLSchema {
        do {
            return try buildSchema(sdl: sdl)
        } catch {
            fatalError("a validation test schema does not build: \(error)")
        }
    }
}
