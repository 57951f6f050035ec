import Foundation
import GraphQLEngine

/// Conversions between the JSON text of Object/Array fields and GraphQL values.
enum JSONValue {
    /// A Parse Number as GraphQL writes it: integral values as integers (`12000`, not `12000.0`).
    static func number(_ number: Double) -> GraphQLValue {
        if number.rounded() == number, abs(number) < 9_007_199_254_740_992 { return .int(Int(number)) }
        return .float(number)
    }

    /// Stored JSON text as a value; null when it does not parse (it was validated when written).
    static func parse(_ json: String) -> GraphQLValue {
        (try? JSONDecoder().decode(Decoded.self, from: Data(json.utf8)))?.value ?? .null
    }

    /// JSONDecoder keeps Booleans and numbers apart (JSONSerialization's NSNumber does not).
    private struct Decoded: Decodable {
        let value: GraphQLValue

        init(from decoder: any Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var items: [GraphQLValue] = []
                while !array.isAtEnd { items.append(try array.decode(Decoded.self).value) }
                value = .list(items)
            } else if let object = try? decoder.container(keyedBy: Key.self) {
                let keys = object.allKeys.map(\.stringValue).sorted()
                var fields: [(String, GraphQLValue)] = []
                for key in keys { fields.append((key, try object.decode(Decoded.self, forKey: Key(stringValue: key)).value)) }
                value = .object(Record(fields: fields))
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() {
                    value = .null
                } else if let flag = try? single.decode(Bool.self) {
                    value = .boolean(flag)
                } else if let number = try? single.decode(Double.self) {
                    value = JSONValue.number(number)
                } else {
                    value = .string(try single.decode(String.self))
                }
            }
        }
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}
