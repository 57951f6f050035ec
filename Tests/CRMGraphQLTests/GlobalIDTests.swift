import Foundation
import Testing
@testable import CRMGraphQL

@Suite("Global ids and cursors: standard base64 written in place")
struct GlobalIDTests {
    @Test("ids equal Foundation's base64 of className:objectId for every length and for non-ASCII text, and decode back")
    func matchesFoundation() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019_:é✓🎉")
        for length in 0..<40 {
            for _ in 0..<5 {
                let objectId = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
                let id = GlobalID.encode(className: "Deal", objectId: objectId)
                #expect(id == Data("Deal:\(objectId)".utf8).base64EncodedString(), "\(objectId)")
                if !objectId.isEmpty {
                    #expect(GlobalID.decode(id)?.objectId == objectId)
                }
            }
        }
        #expect(GlobalID.encode(className: "_User", objectId: "3RvS2rVC6H") == "X1VzZXI6M1J2UzJyVkM2SA==")
    }

    @Test("cursors are arrayconnection:<offset> and read back")
    func cursors() {
        for offset in [0, 1, 9, 10, 99, 12_345, Int.max] {
            #expect(Cursor.encode(offset) == Data("arrayconnection:\(offset)".utf8).base64EncodedString())
            #expect(Cursor.decode(Cursor.encode(offset)) == offset)
        }
    }
}
