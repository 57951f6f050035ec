import GraphQLEngine

/// Writes the few JSON bodies the transport produces itself (errors before GraphQL runs).
enum JSONText {
    /// `{"errors":[{"message":...}]}`: the GraphQL-over-HTTP body of a request refused by the
    /// transport (not a well-formed request), optionally with `extensions.code`.
    static func requestErrors(_ message: String, code: String? = nil) -> String {
        let extensions = code.map { #","extensions":{"code":\#(JSONEncoding.quoted($0))}"# } ?? ""
        return #"{"errors":[{"message":\#(JSONEncoding.quoted(message))\#(extensions)}]}"#
    }
}
