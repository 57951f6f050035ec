import Foundation

/// A real headless Chromium (Debian's `chromium`, installed by scripts/bootstrap) driven over the
/// DevTools protocol on one WebSocket, for the web app's tests: pages in separate browser
/// contexts (their own storage, like two people's browsers), JavaScript evaluated in them, real
/// mouse and keyboard input, screenshots.
public actor Browser {
    public static let executable = "/usr/bin/chromium"

    private let process: Process
    private let profile: URL
    private let socket: SocketClient
    private var nextId = 0
    private var replies: [Int: JSONTree] = [:]

    private init(process: Process, profile: URL, socket: SocketClient) {
        self.process = process
        self.profile = profile
        self.socket = socket
    }

    /// Starts Chromium with a new profile; ``close()`` it when done.
    public static func launch() async throws -> Browser {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw TestFailure("\(executable) is missing: run scripts/bootstrap")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("dealgraph-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // --no-sandbox: the test suite may run as root (CI), where Chromium's sandbox refuses to start.
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0", "--remote-allow-origins=*",
                             "--user-data-dir=\(profile.path)", "about:blank"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let portFile = profile.appendingPathComponent("DevToolsActivePort")
        var endpoint: (port: Int, path: String)?
        _ = await waitUntil(timeout: .seconds(30), every: .milliseconds(50)) {
            let lines = ((try? String(contentsOf: portFile, encoding: .utf8)) ?? "").split(separator: "\n")
            if lines.count >= 2, let port = Int(lines[0]) { endpoint = (port, String(lines[1])) }
            return endpoint != nil || !process.isRunning
        }
        guard let endpoint else {
            process.terminate()
            throw TestFailure("Chromium did not open its DevTools port")
        }
        let socket = try await SocketClient.connect(port: endpoint.port, path: endpoint.path)
        return Browser(process: process, profile: profile, socket: socket)
    }

    /// Runs `body` with a new browser, closing it afterwards.
    public static func run<T>(_ body: (Browser) async throws -> T) async throws -> T {
        let browser = try await launch()
        return try await scoped({ try await body(browser) }, close: { await browser.close() })
    }

    /// Ends Chromium and removes its profile.
    public func close() async {
        _ = try? await send("Browser.close", timeout: .seconds(2))
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: profile)
    }

    /// A new tab in a browser context of its own, `width` x `height` CSS pixels.
    public func newPage(width: Int = 1280, height: Int = 900) async throws -> Page {
        let context = try await send("Target.createBrowserContext", #"{"disposeOnDetach":true}"#)["browserContextId"].string ?? ""
        let target = try await send("Target.createTarget", #"{"url":"about:blank","browserContextId":\#(jsonString(context))}"#)
        let session = try await send("Target.attachToTarget",
                                     #"{"targetId":\#(jsonString(target["targetId"].string ?? "")),"flatten":true}"#)["sessionId"].string ?? ""
        let page = Page(browser: self, session: session)
        try await page.resize(width: width, height: height)
        return page
    }

    /// Sends a DevTools command (to a page's `session` when given) and returns its result.
    @discardableResult
    func send(_ method: String, _ params: String = "{}", session: String? = nil,
              timeout: Duration = .seconds(30)) async throws -> JSONTree {
        nextId += 1
        let id = nextId
        let target = session.map { #","sessionId":\#(jsonString($0))"# } ?? ""
        await socket.send(#"{"id":\#(id),"method":\#(jsonString(method)),"params":\#(params)\#(target)}"#)
        let deadline = ContinuousClock.now + timeout
        // Replies of concurrent commands may be read by another caller: each keeps the others'.
        while true {
            if let reply = replies.removeValue(forKey: id) {
                if case .object = reply["error"] { throw TestFailure("\(method): \(reply["error"]["message"].string ?? "\(reply)")") }
                return reply["result"]
            }
            guard ContinuousClock.now < deadline else { throw TestFailure("\(method): no reply within \(timeout)") }
            guard let message = try? await socket.next(timeout: .milliseconds(50)) else { continue }
            if let other = message["id"].int { replies[other] = message }
        }
    }

    /// One tab: navigation, JavaScript, input, screenshots.
    public struct Page: Sendable {
        let browser: Browser
        let session: String

        @discardableResult
        func send(_ method: String, _ params: String = "{}") async throws -> JSONTree {
            try await browser.send(method, params, session: session)
        }

        public func resize(width: Int, height: Int) async throws {
            try await send("Emulation.setDeviceMetricsOverride",
                           #"{"width":\#(width),"height":\#(height),"deviceScaleFactor":1,"mobile":false}"#)
        }

        /// Loads `url` and waits until the document has loaded.
        public func goto(_ url: String) async throws {
            try await send("Page.navigate", #"{"url":\#(jsonString(url))}"#)
            try await waitFor("document.readyState === 'complete' && location.href !== 'about:blank'")
        }

        /// The value of a JavaScript expression (promises awaited); throws what the page threw.
        @discardableResult
        public func evaluate(_ expression: String) async throws -> JSONTree {
            let result = try await send("Runtime.evaluate",
                                        #"{"expression":\#(jsonString(expression)),"returnByValue":true,"awaitPromise":true}"#)
            if case .object = result["exceptionDetails"] {
                let details = result["exceptionDetails"]
                throw TestFailure("the page threw: \(details["exception"]["description"].string ?? details["text"].string ?? "\(details)")")
            }
            return result["result"]["value"]
        }

        /// Waits until `condition` (JavaScript) is true in the page.
        public func waitFor(_ condition: String, timeout: Duration = .seconds(20)) async throws {
            // A page that is navigating cannot be asked (the evaluation fails): that is "not yet".
            let held = await waitUntil(timeout: timeout, every: .milliseconds(25)) {
                (try? await evaluate("Boolean(\(condition))"))?.bool == true
            }
            guard held else {
                let status = (try? await evaluate("location.href + ' | status: ' + (document.getElementById('status')?.textContent ?? '')"))?.string ?? ""
                let shot = FileManager.default.currentDirectoryPath + "/.build/screenshots/failed-\(UUID().uuidString.prefix(8)).png"
                try? await screenshot(to: shot)
                throw TestFailure("the page never satisfied \(condition) (at \(status); screenshot \(shot))")
            }
        }

        /// The centre of the first element matching `selector`, scrolled into view.
        public func center(of selector: String) async throws -> (x: Double, y: Double) {
            let box = try await evaluate("""
                (() => { const e = document.querySelector(\(jsonString(selector))); if (!e) return null;
                  e.scrollIntoView({block: 'center', inline: 'center'}); const r = e.getBoundingClientRect();
                  return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()
                """)
            guard let x = box["x"].double, let y = box["y"].double else { throw TestFailure("no element matches \(selector)") }
            return (x, y)
        }

        private func mouse(_ type: String, _ point: (x: Double, y: Double), buttons: Int) async throws {
            try await send("Input.dispatchMouseEvent",
                           #"{"type":"\#(type)","x":\#(point.x),"y":\#(point.y),"button":"left","buttons":\#(buttons),"clickCount":1}"#)
        }

        /// A real mouse click on the element's centre.
        public func click(_ selector: String) async throws {
            let point = try await center(of: selector)
            try await mouse("mousePressed", point, buttons: 1)
            try await mouse("mouseReleased", point, buttons: 0)
        }

        /// Drags the element with the mouse onto another, in steps as a hand would.
        public func drag(_ selector: String, onto target: String) async throws {
            let from = try await center(of: selector)
            try await mouse("mousePressed", from, buttons: 1)
            let to = try await center(of: target)
            for step in 1...10 {
                let t = Double(step) / 10
                try await mouse("mouseMoved", (from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t), buttons: 1)
            }
            try await mouse("mouseReleased", to, buttons: 0)
        }

        /// Focuses the element and types `text` as keyboard input.
        public func type(_ selector: String, _ text: String) async throws {
            try await evaluate("document.querySelector(\(jsonString(selector))).focus()")
            try await send("Input.insertText", #"{"text":\#(jsonString(text))}"#)
        }

        /// Presses a key (`Enter`, `ArrowRight`, ...) with modifiers (1 Alt, 2 Ctrl, 4 Meta, 8 Shift).
        public func press(_ key: String, code: Int, modifiers: Int = 0) async throws {
            for type in ["rawKeyDown", "keyUp"] {
                try await send("Input.dispatchKeyEvent",
                               #"{"type":"\#(type)","key":\#(jsonString(key)),"code":\#(jsonString(key)),"windowsVirtualKeyCode":\#(code),"modifiers":\#(modifiers)}"#)
            }
        }

        /// The controls on the page that get no name in the browser's accessibility tree (the one a
        /// screen reader reads): each as its role and element, e.g. `button <button id=x>`.
        public func unnamedControls() async throws -> [String] {
            let interactive: Set<String> = ["button", "link", "textbox", "searchbox", "combobox", "checkbox", "radio", "listbox",
                                            "slider", "spinbutton", "switch", "tab", "menuitem", "ComboBoxSelect", "ComboBoxMenuButton"]
            try await send("Accessibility.enable")
            var unnamed: [String] = []
            for node in try await send("Accessibility.getFullAXTree")["nodes"].array where node["ignored"].bool != true {
                guard let role = node["role"]["value"].string, interactive.contains(role),
                      (node["name"]["value"].string ?? "").trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                var element = "?"
                if let backend = node["backendDOMNodeId"].int {
                    let described = try await send("DOM.describeNode", #"{"backendNodeId":\#(backend)}"#)["node"]
                    let attributes = described["attributes"].array.compactMap(\.string)
                    let pairs = stride(from: 0, to: attributes.count - 1, by: 2).map { "\(attributes[$0])=\(attributes[$0 + 1])" }
                    element = "<\(described["localName"].string ?? "?") \(pairs.joined(separator: " "))>"
                }
                unnamed.append("\(role) \(element)")
            }
            return unnamed
        }

        /// Saves a PNG of the viewport.
        public func screenshot(to path: String) async throws {
            let data = try await send("Page.captureScreenshot", #"{"format":"png"}"#)["data"].string ?? ""
            guard let bytes = Data(base64Encoded: data) else { throw TestFailure("the screenshot is not base64") }
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: path))
        }
    }
}
