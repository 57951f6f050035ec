import Foundation
import Testing
import GraphQLEngine

/// JSON text outside a response: what stored Object fields and transport error bodies are made of.
@Suite struct JSONEncodingTests {
    @Test func quotedEscapesLikeJSONStringify() {
        #expect(JSONEncoding.quoted("") == #""""#)
        #expect(JSONEncoding.quoted("a\"b\\c\nd\r\te\u{8}\u{C}\u{1}\u{1F}") == #""a\"b\\c\nd\r\te\b\f\u0001\u001f""#)
        #expect(JSONEncoding.quoted("'; DROP TABLE x; --") == #""'; DROP TABLE x; --""#)
        #expect(JSONEncoding.quoted("héllo 👋 </script>") == "\"héllo 👋 </script>\"")
    }

    @Test func quotedTextParsesBackToTheSameString() throws {
        let text = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined() + "中文🙂\u{2028}"
        let decoded = try JSONDecoder().decode(String.self, from: Data(JSONEncoding.quoted(text).utf8))
        #expect(decoded == text)
    }

    @Test func valuesAreWrittenWithObjectFieldsInOrder() {
        let value = GraphQLValue.object(Record(fields: [
            ("b", .list([.int(1), .float(2.5), .float(100), .boolean(true), .null])),
            ("a", .string("x\"y")),
        ]))
        #expect(JSONEncoding.text(value) == #"{"b":[1,2.5,100,true,null],"a":"x\"y"}"#)
        #expect(JSONEncoding.text(.list([])) == "[]")
        #expect(JSONEncoding.text(.object(Record(fields: [(String, GraphQLValue)]()))) == "{}")
    }

    @Test func valuesJSONCannotHoldAreRefused() {
        #expect(JSONEncoding.text(.float(.nan)) == nil)
        #expect(JSONEncoding.text(.list([.int(1), .float(.infinity)])) == nil)
        #expect(JSONEncoding.text(.object(Record(fields: [("deep", .list([.float(-.infinity)]))]))) == nil)
    }
}
