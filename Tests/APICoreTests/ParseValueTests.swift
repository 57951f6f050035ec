import APICore
import CRMStore
import Foundation
import GraphQLEngine
import PostgresClient
import Testing

@Suite("Parse value coding: __type dates and pointers, ACL JSON")
struct ParseValueTests {
    func json(_ text: String) throws -> GraphQLValue { try JSONReader.parse(text.utf8) }

    @Test("dates and pointers round-trip through Parse's JSON")
    func roundTrips() throws {
        let date = try #require(DateText.date(iso8601: "2024-02-29T13:45:07.123Z"))
        let encoded = ParseValue.encode(.date(date))
        #expect(JSONEncoding.text(encoded) == #"{"__type":"Date","iso":"2024-02-29T13:45:07.123Z"}"#)
        #expect(ParseValue.decode(encoded, as: .date) == .date(date))
        #expect(ParseValue.decode("2024-02-29T13:45:07.123Z", as: .date) == .date(date))
        let pointer = ParseValue.encode(.pointer(className: "Company", objectId: "Ab3dEf9hIj"))
        #expect(JSONEncoding.text(pointer) == #"{"__type":"Pointer","className":"Company","objectId":"Ab3dEf9hIj"}"#)
        #expect(ParseValue.decode(pointer, as: .pointer, targets: ["Company"]) == .pointer(className: "Company", objectId: "Ab3dEf9hIj"))
        #expect(ParseValue.decode(pointer, as: .pointer, targets: ["Contact"]) == nil)
        #expect(ParseValue.encode(.number(12000)) == .int(12000))
        #expect(ParseValue.encode(.number(2.5)) == .float(2.5))
    }

    @Test("wrong forms are refused", arguments: [
        (#"{"__type":"Date"}"#, FieldType.date), (#""yesterday""#, .date), (#""12""#, .number), ("true", .string),
        (#"{"__type":"Pointer","className":"Company"}"#, .pointer), ("[1]", .object), (#"{"a":1}"#, .array),
    ])
    func refused(text: String, type: FieldType) throws {
        #expect(ParseValue.decode(try json(text), as: type, targets: ["Company"]) == nil)
    }

    @Test("Object and Array values nest at most 32 deep")
    func depth() throws {
        let ok = try json(String(repeating: "[", count: 32) + String(repeating: "]", count: 32))
        let deep = try json(String(repeating: "[", count: 33) + String(repeating: "]", count: 33))
        #expect(ParseValue.decode(ok, as: .array) != nil)
        #expect(ParseValue.decode(deep, as: .array) == nil)
        #expect(ParseValue.parsedJSON(#"{"b":[1,true,null],"a":"x"}"#) == ["b": [1, true, nil], "a": "x"])
        #expect(ParseValue.parsedJSON("{not json") == .null)
    }

    @Test("ACL JSON decodes principals and permissions, encodes back the same, and refuses any other shape")
    func acl() throws {
        let acl = try ACLJSON.decode(try json(#"{"*":{"read":true},"Ab3dEf9hIj":{"read":true,"write":true},"role:Admin":{"write":true,"read":false}}"#))
        #expect(acl.readers == [.everyone, .user("Ab3dEf9hIj")])
        #expect(acl.writers == [.user("Ab3dEf9hIj"), .role("Admin")])
        #expect(JSONEncoding.text(ACLJSON.encode(acl))
            == #"{"*":{"read":true},"Ab3dEf9hIj":{"read":true,"write":true},"role:Admin":{"write":true}}"#)
        for bad in [#"[]"#, #"{"role:":{"read":true}}"#, #"{"x'--":{"read":true}}"#, #"{"*":{"read":"yes"}}"#,
                    #"{"*":{"delete":true}}"#, #"{"*":true}"#] {
            #expect(throws: ParseError.invalidACL()) { try ACLJSON.decode(try json(bad)) }
        }
    }

    @Test("any error becomes a client-safe Parse error")
    func errors() {
        struct Leaky: Error {}
        #expect(ParseError(StoreError(code: .objectNotFound, "Object not found.")) == .objectNotFound)
        #expect(ParseError(Leaky()) == .internalServerError)
        #expect(ParseError(StoreError(code: .internalServerError, "Internal server error", internalDetail: "SELECT secret")).message
            == "Internal server error")
        #expect(ParseError.objectNotFound.httpStatus == 404)
        #expect(ParseError.internalServerError.httpStatus == 500)
        #expect(ParseError.invalidSessionToken.httpStatus == 400)
    }
}
