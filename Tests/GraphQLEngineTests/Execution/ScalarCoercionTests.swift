import Testing
@testable import GraphQLEngine

@Suite struct ScalarCoercionTests {
    @Test func intAcceptsOnly32BitIntegers() throws {
        #expect(try ScalarType.int.parseValue(.int(42)) == .int(42))
        #expect(try ScalarType.int.parseValue(.float(3.0)) == .int(3))
        #expect(throws: GraphQLError("Int cannot represent non-integer value: 1.5")) {
            try ScalarType.int.parseValue(.float(1.5))
        }
        #expect(throws: GraphQLError("Int cannot represent non 32-bit signed integer value: 2147483648")) {
            try ScalarType.int.parseValue(.int(2_147_483_648))
        }
        #expect(throws: GraphQLError("Int cannot represent non-integer value: \"12\"")) {
            try ScalarType.int.parseValue(.string("12"))
        }
        #expect(try ScalarType.int.serialize(.string("12")) == .int(12))
        #expect(try ScalarType.int.serialize(.boolean(true)) == .int(1))
    }

    @Test func floatRejectsNonNumbers() throws {
        #expect(try ScalarType.float.parseValue(.int(2)) == .float(2))
        #expect(throws: GraphQLError("Float cannot represent non numeric value: true")) {
            try ScalarType.float.parseValue(.boolean(true))
        }
        #expect(throws: GraphQLError("Float cannot represent non numeric value: \"x\"")) {
            try ScalarType.float.serialize(.string("x"))
        }
    }

    @Test func idAcceptsStringsAndIntegers() throws {
        #expect(try ScalarType.id.parseValue(.int(7)) == .string("7"))
        #expect(throws: GraphQLError("ID cannot represent value: 1.5")) {
            try ScalarType.id.parseValue(.float(1.5))
        }
        #expect(throws: GraphQLError("ID cannot represent a non-string and non-integer value: 1.5")) {
            try ScalarType.id.parseLiteral(.float("1.5", .none), [:])
        }
    }

    @Test func stringAndBooleanRefuseLiteralsOfOtherKinds() throws {
        #expect(throws: GraphQLError("String cannot represent a non string value: FOO")) {
            try ScalarType.string.parseLiteral(.enumValue("FOO", .none), [:])
        }
        #expect(throws: GraphQLError("Boolean cannot represent a non boolean value: 1")) {
            try ScalarType.boolean.parseLiteral(.int("1", .none), [:])
        }
        #expect(try ScalarType.string.serialize(.float(10.5)) == .string("10.5"))
    }

    @Test(arguments: [
        (10.5, "10.5"), (100.0, "100"), (1e21, "1e+21"), (1e-7, "1e-7"), (123e-20, "1.23e-18"),
        (0.000001, "0.000001"), (-0.5, "-0.5"), (1e20, "100000000000000000000"), (2.5e15, "2500000000000000"),
        (9007199254740993.0, "9007199254740992"), (-1.5e300, "-1.5e+300"), (Double.leastNonzeroMagnitude, "5e-324"),
    ])
    func numbersPrintLikeJavaScript(value: Double, text: String) {
        #expect(JavaScriptNumber.format(value) == text)
    }

    @Test func enumsCoerceOnlyTheirOwnValues() throws {
        let color = EnumType("Color", values: [EnumValueDefinition("RED"), EnumValueDefinition("GREEN", value: .int(2))])
        #expect(try color.serialize(.int(2)) == "GREEN")
        #expect(try color.parseValue(.string("RED")) == .string("RED"))
        #expect(throws: GraphQLError("Value \"BLUE\" does not exist in \"Color\" enum.")) {
            try color.parseValue(.string("BLUE"))
        }
        #expect(throws: GraphQLError("Enum \"Color\" cannot represent non-string value: 1.")) {
            try color.parseValue(.int(1))
        }
        #expect(throws: GraphQLError("Enum \"Color\" cannot represent value: \"GREEN\"")) {
            try color.serialize(.string("GREEN"))
        }
    }
}
