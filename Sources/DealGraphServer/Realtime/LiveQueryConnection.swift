import APICore
import CRMStore
import Foundation
import GraphQLEngine
import ParseREST

/// One Parse LiveQuery connection (the protocol of Parse's LiveQuery server): `connect`,
/// `subscribe`, `update`, `unsubscribe` from the client; `connected`, `subscribed`,
/// `unsubscribed`, the five events and `error` from the server. Subscriptions run on the
/// gateway's ``LiveHub``, so they match exactly as GraphQL subscriptions do; objects are sent in
/// Parse's REST encoding.
///
/// Errors keep the socket open, as Parse's server does: 1 a malformed message, 2 not connected
/// or no such subscription, 3 an unknown op, 4 keys not valid (these with `reconnect: true`);
/// a subscription the server refuses or ends gets the Parse code (209, 101, 102, 119, 155) with
/// its `requestId` and `reconnect: false`.
actor LiveQueryConnection: SocketConnection {
    private struct Subscription {
        let task: Task<Void, Never>
    }

    private let link: SocketLink
    private let rest: ParseRESTService
    private let live: LiveHub
    private let callers: CallerResolver
    private let quota: SocketQuota
    /// This socket's place in its user's quota, once the user is known.
    private var seat: SocketQuota.Seat?
    private let maxSubscriptions: Int
    private let maxJSONDepth: Int
    private let clientId = UUID().uuidString.lowercased()
    private var identity: Identity?
    private var subscriptions: [Int: Subscription] = [:]

    init(link: SocketLink, rest: ParseRESTService, live: LiveHub, callers: CallerResolver, quota: SocketQuota,
         maxSubscriptions: Int, maxJSONDepth: Int) {
        self.link = link
        self.quota = quota
        self.rest = rest
        self.live = live
        self.callers = callers
        self.maxSubscriptions = maxSubscriptions
        self.maxJSONDepth = maxJSONDepth
    }

    /// One text message from the client, handled before the next is read.
    func receive(_ text: String) async {
        guard case .object(let message)? = try? JSONReader.parse(text.utf8, maxDepth: maxJSONDepth) else {
            return await sendError(1, "Message is not a JSON object.", reconnect: true)
        }
        guard let op = message["op"]?.stringValue else {
            return await sendError(1, "Message has no op.", reconnect: true)
        }
        switch op {
        case "connect": await connect(message)
        case "subscribe": await subscribe(message, replacing: false)
        case "update": await subscribe(message, replacing: true)
        case "unsubscribe": await unsubscribe(message)
        default: await sendError(3, "Unknown op \(op).", reconnect: true)
        }
    }

    /// A binary message: not part of the protocol.
    func receiveBinary() async {
        await sendError(1, "Binary messages are not part of the protocol.", reconnect: true)
    }

    /// The socket is done: every subscription stops.
    func end() {
        for subscription in subscriptions.values { subscription.task.cancel() }
        subscriptions = [:]
        seat?.release()
        seat = nil
    }

    private func connect(_ message: Record) async {
        guard identity == nil else { return await sendError(1, "This client is already connected.", reconnect: false) }
        func text(_ name: String) -> String? { message[name]?.stringValue }
        let credentials = Credentials(
            applicationId: text("applicationId"), sessionToken: text("sessionToken"), masterKey: text("masterKey"),
            clientKeys: ["clientKey", "javascriptKey", "restAPIKey", "windowsKey"].compactMap(text),
            installationId: text("installationId"))
        let authenticated: Identity
        do {
            authenticated = try callers.authenticate(credentials)
        } catch {
            return await sendError(4, "Key in request is not valid", reconnect: true)
        }
        // The socket counts for the connecting session's user; a token that does not resolve is
        // answered when a subscription uses it (209), as Parse does.
        if credentials.sessionToken?.isEmpty == false, let user = try? await callers.resolve(authenticated).access.userId {
            guard let admitted = quota.admit(user) else {
                await sendError(155, "Too many connections for this user (at most \(quota.limit)).", reconnect: false)
                return await link.close(1008, "Too many connections for this user")
            }
            seat = admitted
        }
        identity = authenticated
        await send("connected")
    }

    private func subscribe(_ message: Record, replacing: Bool) async {
        guard let identity else {
            return await sendError(2, "Can not find this client, make sure you connect to server before subscribing",
                                   reconnect: true)
        }
        guard let requestId = message["requestId"]?.intValue,
              case .object(let query)? = message["query"], let className = query["className"]?.stringValue else {
            return await sendError(1, "A subscription needs a numeric requestId and a query with a className.", reconnect: true)
        }
        let keys: Set<String>?, watch: Set<String>?
        do {
            // Parse Server 7 says `keys`; the JavaScript SDK still sends `fields`.
            keys = try Self.names(query["keys"] ?? query["fields"], "keys")
            watch = try Self.names(query["watch"], "watch")
        } catch {
            return await sendError(1, error.message, reconnect: true, requestId: requestId)
        }
        if replacing {
            guard let old = subscriptions.removeValue(forKey: requestId) else {
                return await sendError(2, "Cannot find subscription with requestId \(requestId)", reconnect: true, requestId: requestId)
            }
            old.task.cancel()
        } else if subscriptions[requestId] == nil, subscriptions.count >= maxSubscriptions {
            return await sendError(155, "Too many subscriptions on this connection (at most \(maxSubscriptions)).",
                                   reconnect: false, requestId: requestId)
        }
        var subscriber = identity
        if let token = message["sessionToken"]?.stringValue, !token.isEmpty { subscriber.sessionToken = token }
        let items: AsyncStream<LiveHub.Item>
        do {
            let caller = try await resolve(subscriber)
            let filter = try rest.liveFilter(className: className, where: query["where"], access: caller.access)
            items = try await live.subscribe(filter, sessionToken: caller.access.isMaster ? nil : caller.sessionToken)
        } catch {
            return await sendError(error.code.rawValue, error.message, reconnect: false, requestId: requestId)
        }
        subscriptions.removeValue(forKey: requestId)?.task.cancel()
        await send("subscribed", [("requestId", .int(requestId))])
        let task = Task { await self.forward(items, requestId: requestId, keys: keys, watch: watch) }
        subscriptions[requestId] = Subscription(task: task)
    }

    private func unsubscribe(_ message: Record) async {
        guard identity != nil else {
            return await sendError(2, "Can not find this client, make sure you connect to server before unsubscribing",
                                   reconnect: true)
        }
        guard let requestId = message["requestId"]?.intValue else {
            return await sendError(1, "unsubscribe needs a numeric requestId.", reconnect: true)
        }
        guard let subscription = subscriptions.removeValue(forKey: requestId) else {
            return await sendError(2, "Cannot find subscription with requestId \(requestId)", reconnect: true, requestId: requestId)
        }
        subscription.task.cancel()
        await send("unsubscribed", [("requestId", .int(requestId))])
    }

    private func resolve(_ identity: Identity) async throws(ParseError) -> Caller {
        do {
            return try await callers.resolve(identity)
        } catch {
            throw ParseError(error)
        }
    }

    private func forward(_ items: AsyncStream<LiveHub.Item>, requestId: Int, keys: Set<String>?, watch: Set<String>?) async {
        for await item in items {
            guard !Task.isCancelled else { return }
            switch item {
            case .delivery(let delivery):
                if let watch, delivery.event == .update, let original = delivery.original,
                   !watch.contains(where: { delivery.node.fields[$0] != original.fields[$0] }) {
                    continue
                }
                var fields: [(String, GraphQLValue)] = [
                    ("requestId", .int(requestId)), ("object", ParseRESTService.liveObject(delivery.node, keys: keys)),
                ]
                if let original = delivery.original {
                    fields.append(("original", ParseRESTService.liveObject(original, keys: keys)))
                }
                await send(delivery.event.rawValue, fields)
            case .ended(let error):
                subscriptions[requestId] = nil
                return await sendError(error.code.rawValue, error.message, reconnect: false, requestId: requestId)
            }
        }
        guard !Task.isCancelled else { return }
        subscriptions[requestId] = nil
        await sendError(ParseError.fellBehind.code.rawValue, ParseError.fellBehind.message, reconnect: false, requestId: requestId)
    }

    /// A list of field names, or nil when absent.
    private static func names(_ value: GraphQLValue?, _ what: String) throws(ParseError) -> Set<String>? {
        guard let value, !value.isNull else { return nil }
        guard let list = value.listValue else { throw .invalidQuery("\(what) must be a list of field names.") }
        var names = Set<String>()
        for item in list {
            guard let name = item.stringValue else { throw .invalidQuery("\(what) must be a list of field names.") }
            names.insert(name)
        }
        return names
    }

    /// A server message: `op`, the client id, the installation id when the client gave one, `fields`.
    private func send(_ op: String, _ fields: [(String, GraphQLValue)] = []) async {
        var all: [(String, GraphQLValue)] = [("op", .string(op)), ("clientId", .string(clientId))]
        if let installationId = identity?.installationId { all.append(("installationId", .string(installationId))) }
        await link.send(JSONEncoding.text(.object(Record(fields: all + fields))) ?? "{}")
    }

    private func sendError(_ code: Int, _ message: String, reconnect: Bool, requestId: Int? = nil) async {
        var fields: [(String, GraphQLValue)] = [("op", "error"), ("code", .int(code)), ("error", .string(message)),
                                                ("reconnect", .boolean(reconnect))]
        if let requestId { fields.append(("requestId", .int(requestId))) }
        await link.send(JSONEncoding.text(.object(Record(fields: fields))) ?? "{}")
    }
}
