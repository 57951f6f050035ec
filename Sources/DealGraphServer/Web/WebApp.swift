import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The CRM web app: plain JavaScript modules, HTML and CSS from `Resources/app`, read once at
/// start and served at `/` (index.html) and `/app/<file>`. Every answer carries a strong ETag
/// (revalidated with `If-None-Match`, 304 when unchanged) and `Cache-Control: no-cache`, so a
/// browser keeps the files but never runs a stale one after an upgrade; pages carry a
/// Content-Security-Policy that allows only this origin's scripts and styles (no inline script),
/// no framing, and `nosniff`.
struct WebApp: Sendable {
    struct Asset: Sendable {
        let body: ByteBuffer
        let contentType: String
        let etag: String
    }

    /// Files by name (`index.html`, `app.js`, ...): only these are served, so no path reaches the disk.
    let assets: [String: Asset]

    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// The app's files from the target's resources; none (with a warning) when they were not
    /// installed next to the binary.
    static func load(logger: Logger) -> WebApp {
        guard let folder = Bundle.module.url(forResource: "app", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            logger.warning("the web app's files are missing; / answers 404")
            return WebApp(assets: [:])
        }
        var assets: [String: Asset] = [:]
        for name in names {
            guard let type = contentType(of: name),
                  let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            assets[name] = Asset(body: ByteBuffer(bytes: data), contentType: type, etag: etag(of: data))
        }
        return WebApp(assets: assets)
    }

    static func contentType(of name: String) -> String? {
        switch name.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        default: nil
        }
    }

    /// A strong validator from the content (FNV-1a, 64 bits): the same on every instance.
    static func etag(of data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return "\"" + String(hash, radix: 16) + "-" + String(data.count, radix: 16) + "\""
    }

    func register(on router: Router<some RequestContext>) {
        router.get("/") { request, _ in respond("index.html", to: request) }
        router.get("app/:file") { request, context in
            respond(context.parameters.get("file") ?? "", to: request)
        }
    }

    func respond(_ name: String, to request: Request) -> Response {
        guard let asset = assets[name] else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8", .xContentTypeOptions: "nosniff"],
                            body: .init(byteBuffer: ByteBuffer(string: "Not found")))
        }
        var headers: HTTPFields = [
            .contentType: asset.contentType,
            .eTag: asset.etag,
            .cacheControl: "no-cache",
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "no-referrer",
        ]
        if name.hasSuffix(".html") {
            headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
            headers[.xFrameOptions] = "DENY"
        }
        if Self.matches(request.headers[values: .ifNoneMatch], asset.etag) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
    }

    /// RFC 9110 13.1.2: `If-None-Match` is `*` or a list of tags, compared weakly.
    static func matches(_ fields: [String], _ etag: String) -> Bool {
        for field in fields {
            for tag in field.split(separator: ",") {
                let trimmed = tag.trimmingCharacters(in: .whitespaces)
                if trimmed == "*" || trimmed == etag || trimmed == "W/" + etag { return true }
            }
        }
        return false
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
