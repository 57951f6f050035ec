/// The response media types the GraphQL endpoint speaks, and `Accept` negotiation (RFC 9110
/// section 12.5.1) between them.
enum MediaType: Sendable, Equatable {
    /// `application/graphql-response+json`: request errors get 4xx statuses.
    case graphQLResponse
    /// `application/json`: the legacy type; request errors get 200.
    case json
    /// `text/html`: the playground page (GET only).
    case html

    var name: String {
        switch self {
        case .graphQLResponse: "application/graphql-response+json"
        case .json: "application/json"
        case .html: "text/html"
        }
    }

    /// The Content-Type value, with the charset the GraphQL-over-HTTP spec asks for.
    var headerValue: String { name + "; charset=utf-8" }

    /// The best type of `offered` for an Accept header. A missing or empty header means
    /// application/json (graphql-http audit 80D8); `*/*` and `application/*` pick the first
    /// offered JSON type in the order given; nil means nothing acceptable (406).
    /// Ties in quality go to the earlier entry of `offered`.
    static func negotiate(accept: String?, offered: [MediaType]) -> MediaType? {
        guard let accept, accept.contains(where: { !$0.isWhitespace }) else { return .json }
        var best: (type: MediaType, quality: Double, rank: Int)?
        for range in accept.split(separator: ",") {
            let parsed = MediaTypeText(range)
            let name = parsed.name
            guard !name.isEmpty else { continue }
            let quality = parsed.parameter("q").map { Double($0) ?? 0 } ?? 1
            guard quality > 0 else { continue }
            for (rank, type) in offered.enumerated() where type.matches(range: name) {
                // `*/*` stands for application/json (audit 47DE), not for the playground.
                if name.hasSuffix("*"), type == .html || (type == .graphQLResponse && offered.contains(.json)) {
                    continue
                }
                if best == nil || quality > best!.quality || (quality == best!.quality && rank < best!.rank) {
                    best = (type, quality, rank)
                }
            }
        }
        return best?.type
    }

    private func matches(range: String) -> Bool {
        if range == "*/*" { return true }
        let type = name.split(separator: "/")[0]
        if range == type + "/*" { return true }
        return range == name
    }
}

/// One media type as written in `Accept` and `Content-Type` (RFC 9110 section 8.3.1):
/// `type/subtype; name=value; ...`, the type lowercased, parameter names case-insensitive.
struct MediaTypeText {
    let name: String
    private let parameters: [(name: String, value: Substring)]

    init(_ text: Substring) {
        let parts = text.split(separator: ";")
        name = parts.first?.trimmingSpaces.lowercased() ?? ""
        parameters = parts.dropFirst().compactMap { parameter in
            let pair = parameter.split(separator: "=", maxSplits: 1)
            return pair.count == 2 ? (pair[0].trimmingSpaces.lowercased(), pair[1].trimmingSpaces) : nil
        }
    }

    /// The value of the first parameter with this (lowercase) name.
    func parameter(_ name: String) -> Substring? {
        parameters.first { $0.name == name }?.value
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
