import CRMStore
import DealGraphTesting
import Foundation
import HTTPTypes
import Testing
@testable import DealGraphServer

/// The CRM web app at `/`: its files served with validators and security headers, and the app
/// itself driven in a real headless Chromium against a real gateway.
@Suite("The CRM web app", .timeLimit(.minutes(3)))
struct WebAppTests {
    static let screenshots = FileManager.default.currentDirectoryPath + "/.build/screenshots"

    @Test("pages and modules are served with a CSP without inline scripts, nosniff, no framing and ETags that revalidate to 304")
    func files() async throws {
        try await TestGateway.run("web_files") { f in
            try await f.withServer { server in
                let page = try await server.send(.get, "/")
                #expect(page.status == .ok)
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                let policy = page.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline") && policy.contains("frame-ancestors 'none'"))
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(page.text.contains(#"<script type="module" src="/app/app.js">"#))
                #expect(!page.text.contains("<script>"), "no inline script")
                let etag = try #require(page.headers[.eTag])
                #expect(page.headers[.cacheControl] == "no-cache")

                let again = try await server.send(.get, "/", headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified && again.text.isEmpty)
                #expect(try await server.send(.get, "/", headers: [.ifNoneMatch: "W/\(etag), \"other\""]).status == .notModified)
                #expect(try await server.send(.get, "/", headers: [.ifNoneMatch: "\"other\""]).status == .ok)

                for module in ["app.js", "api.js", "board.js", "live.js", "dom.js"] {
                    let script = try await server.send(.get, "/app/\(module)")
                    #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8", "\(module)")
                    #expect(script.headers[.xContentTypeOptions] == "nosniff")
                }
                #expect(try await server.send(.get, "/app/app.css").headers[.contentType] == "text/css; charset=utf-8")
                for hostile in ["/app/..%2FPackage.swift", "/app/nope.js", "/app/%00", "/app/index.html%20", "/app/.."] {
                    #expect(try await server.send(.get, hostile).status == .notFound, "\(hostile)")
                }
                // The API is still the API.
                #expect(try await server.send(.get, "/graphql?query=%7Bhealth%7D").json["data"]["health"].bool == true)
            }
        }
    }

    /// Logs `user` in through the form and waits for the board.
    static func logIn(_ page: Browser.Page, _ server: TestServer, _ user: String) async throws {
        try await page.goto("http://127.0.0.1:\(server.port)/")
        try await page.waitFor("document.querySelector('#login-form')")
        try await page.type("#field-username", user)
        try await page.type("#field-password", "pw-\(user)")
        try await page.click("#login-submit")
        try await page.waitFor("document.querySelector('#board')?.dataset.loaded")
    }

    static func count(_ page: Browser.Page, _ stage: String) async throws -> Int? {
        try await page.evaluate("document.querySelector('.column[data-stage=\"\(stage)\"] .count')?.dataset.count").string.flatMap { Int($0) }
    }

    static func titles(_ page: Browser.Page, _ stage: String) async throws -> [String] {
        try await page.evaluate("[...document.querySelectorAll('.column[data-stage=\"\(stage)\"] .card .title')].map(e => e.textContent)")
            .array.compactMap(\.string)
    }

    @Test("log in, the board's counts, move a deal by keyboard and by dragging (the database has it), a second browser sees it live, another member sees none of it, log out")
    func board() async throws {
        try await TestGateway.run("web_board") { f in
            let alice = try await f.user("alice"), bob = try await f.user("bob")
            var ids: [String: String] = [:]
            for (title, stage, amount) in [("Acme renewal", "lead", 1200.0), ("Globex pilot", "lead", 800.0), ("Initech upsell", "qualified", 5000.0)] {
                ids[title] = try await f.object("Deal", ["title": .string(title), "stage": .string(stage), "amount": .number(amount)],
                                                as: alice.access)
            }
            try await f.object("Deal", ["title": .string("Bob's secret"), "stage": .string("lead"), "amount": .number(99)], as: bob.access)
            try await f.withServer { server in
                let browser = try await Browser.launch()
                do {
                    let page = try await browser.newPage()
                    try await Self.logIn(page, server, "alice")
                    #expect(try await Self.count(page, "lead") == 2)
                    #expect(try await Self.count(page, "qualified") == 1)
                    #expect(try await Self.titles(page, "lead").sorted() == ["Acme renewal", "Globex pilot"], "bob's deal is not on alice's board")
                    #expect(try await page.evaluate("document.querySelector('#who').textContent").string == "alice")
                    try await page.screenshot(to: Self.screenshots + "/board.png")

                    // A second browser (its own storage) watching the same board.
                    let watcher = try await browser.newPage()
                    try await Self.logIn(watcher, server, "alice")

                    // Keyboard: Alt+ArrowRight moves the focused card one stage on.
                    try await page.evaluate("document.querySelector('.card[data-id=\"\(globalId("Deal", ids["Acme renewal"]!))\"]').focus()")
                    try await page.press("ArrowRight", code: 39, modifiers: 1)
                    try await page.waitFor("document.querySelector('.column[data-stage=\"qualified\"] .count')?.dataset.count === '2'")
                    #expect(try await f.store.get(className: "Deal", objectId: ids["Acme renewal"]!, context: .master)["stage"] == .string("qualified"))
                    try await watcher.waitFor("document.querySelector('.column[data-stage=\"qualified\"] .count')?.dataset.count === '2'")
                    #expect(try await Self.titles(watcher, "qualified").contains("Acme renewal"), "the watcher's board moved without a reload")

                    // Mouse: drag a card onto the proposal column.
                    try await page.drag(".card[data-id=\"\(globalId("Deal", ids["Globex pilot"]!))\"]", onto: ".column[data-stage=\"proposal\"]")
                    try await page.waitFor("document.querySelector('.column[data-stage=\"proposal\"] .count')?.dataset.count === '1'")
                    #expect(try await f.store.get(className: "Deal", objectId: ids["Globex pilot"]!, context: .master)["stage"] == .string("proposal"))
                    #expect(try await Self.count(page, "lead") == 0)

                    // Another member's board holds only their own deal.
                    let bobs = try await browser.newPage(width: 360, height: 740)
                    try await Self.logIn(bobs, server, "bob")
                    #expect(try await Self.titles(bobs, "lead") == ["Bob's secret"])
                    #expect(try await Self.count(bobs, "qualified") == 0)
                    #expect(try await Self.count(bobs, "proposal") == 0)

                    // Log out: back to the form, and a reload stays logged out.
                    try await page.click("#logout")
                    try await page.waitFor("document.querySelector('#login-form')")
                    try await page.goto("http://127.0.0.1:\(server.port)/")
                    try await page.waitFor("document.querySelector('#login-form')")
                } catch {
                    await browser.close()
                    throw error
                }
                await browser.close()
            }
        }
    }
}
