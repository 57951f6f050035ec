import Testing
@testable import DealGraphServer

@Suite("Accept negotiation")
struct MediaTypeTests {
    static let api: [MediaType] = [.graphQLResponse, .json]
    static let page: [MediaType] = [.graphQLResponse, .json, .html]

    @Test("the highest quality supported type wins; ties go to graphql-response+json", arguments: [
        (nil as String?, api, MediaType.json as MediaType?),
        ("", api, .json),
        ("application/json", api, .json),
        ("application/graphql-response+json", api, .graphQLResponse),
        ("application/graphql-response+json, application/json;q=0.9", api, .graphQLResponse),
        ("application/json, application/graphql-response+json", api, .graphQLResponse),
        ("application/json;q=1, application/graphql-response+json;q=0.5", api, .json),
        ("*/*", api, .json),
        ("application/*", api, .json),
        ("text/plain", api, nil),
        ("application/graphql-response+json;q=0", api, nil),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", page, .html),
        ("text/html", api, nil),
        ("*/*", page, .json),
        ("APPLICATION/JSON ; charset=utf-8", api, .json),
    ])
    func negotiation(accept: String?, offered: [MediaType], expected: MediaType?) {
        #expect(MediaType.negotiate(accept: accept, offered: offered) == expected)
    }

    @Test("form-encoded query strings decode + and %XX, and refuse invalid UTF-8")
    func formEncoding() throws {
        let pairs = try #require(FormURLEncoded.decode("query=%7B+a+%7D&x&variables=%7B%22v%22%3A1%7D&q=%"))
        #expect(pairs.map(\.name) == ["query", "x", "variables", "q"])
        #expect(pairs.map(\.value) == ["{ a }", "", #"{"v":1}"#, "%"])
        #expect(FormURLEncoded.decode("query=%FF") == nil)
    }
}
