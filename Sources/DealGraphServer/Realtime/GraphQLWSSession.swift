import APICore
import CRMGraphQL
import GraphQLEngine

/// One connection of the graphql-transport-ws protocol (the protocol of the graphql-ws library),
/// as a value: it reads the client's messages and answers with what the transport must do. No
/// I/O here, so every rule is tested without sockets; the transport performs the actions.
///
/// Protocol rules kept here: `connection_init` first and once (a second one closes with 4429);
/// `subscribe` before the server acknowledged closes with 4401; an id already in use closes with
/// 4409; anything that is not a valid message closes with 4400; `ping` is answered with `pong`;
/// `complete` stops a subscription.
struct GraphQLWSSession {
    enum Action: Equatable {
        /// Send this JSON text.
        case send(String)
        /// Close the socket with this code and reason.
        case close(UInt16, String)
        /// Check these credentials (from `connection_init`'s payload), then call
        /// ``accepted(_:)`` or ``refused(_:)``.
        case authenticate(Credentials)
        /// Run this operation for subscription `id`.
        case start(id: String, request: GraphQLRequest)
        /// Stop subscription `id`.
        case stop(id: String)

        static func == (lhs: Action, rhs: Action) -> Bool {
            switch (lhs, rhs) {
            case (.send(let a), .send(let b)): a == b
            case (.close(let a, let x), .close(let b, let y)): a == b && x == y
            case (.authenticate(let a), .authenticate(let b)): a == b
            case (.start(let a, let x), .start(let b, let y)):
                a == b && x.query == y.query && x.operationName == y.operationName && x.variables == y.variables
            case (.stop(let a), .stop(let b)): a == b
            default: false
            }
        }
    }

    private enum State {
        case awaitingInit
        case authenticating
        case ready
    }

    private var state = State.awaitingInit
    private(set) var active: Set<String> = []
    let maxSubscriptions: Int
    let maxJSONDepth: Int

    init(maxSubscriptions: Int, maxJSONDepth: Int = JSONReader.defaultMaxDepth) {
        self.maxSubscriptions = maxSubscriptions
        self.maxJSONDepth = maxJSONDepth
    }

    /// The server acknowledged the connection (`connection_ack` was sent).
    var acknowledged: Bool { state == .ready }

    /// The actions for one text message from the client.
    mutating func receive(_ text: String) -> [Action] {
        guard case .object(let message)? = try? JSONReader.parse(text.utf8, maxDepth: maxJSONDepth),
              let type = message["type"]?.stringValue else {
            return [.close(4400, "Invalid message")]
        }
        switch type {
        case "connection_init":
            guard state == .awaitingInit else { return [.close(4429, "Too many initialisation requests")] }
            if let payload = message["payload"], !payload.isNull, payload.recordValue == nil {
                return [.close(4400, "Invalid connection_init payload")]
            }
            state = .authenticating
            return [.authenticate(Self.credentials(message["payload"]?.recordValue))]
        case "ping":
            return [.send(#"{"type":"pong"}"#)]
        case "pong":
            return []
        case "subscribe":
            guard state == .ready else { return [.close(4401, "Unauthorized")] }
            guard let id = message["id"]?.stringValue, !id.isEmpty, case .object(let payload)? = message["payload"],
                  let query = payload["query"]?.stringValue else {
                return [.close(4400, "Invalid subscribe message")]
            }
            guard !active.contains(id) else { return [.close(4409, "Subscriber for \(id) already exists")] }
            guard active.count < maxSubscriptions else {
                return [.send(Self.error(id: id, message: "Too many subscriptions on this connection (at most \(maxSubscriptions))."))]
            }
            var variables: Record?
            switch payload["variables"] {
            case nil, .null?: variables = nil
            case .object(let record)?: variables = record
            default: return [.close(4400, "Invalid subscribe variables")]
            }
            active.insert(id)
            return [.start(id: id, request: GraphQLRequest(query: query, variables: variables,
                                                          operationName: payload["operationName"]?.stringValue))]
        case "complete":
            guard let id = message["id"]?.stringValue else { return [.close(4400, "Invalid complete message")] }
            guard active.remove(id) != nil else { return [] }
            return [.stop(id: id)]
        default:
            return [.close(4400, "Invalid message type \(type)")]
        }
    }

    /// The credentials were accepted: acknowledge.
    mutating func accepted() -> [Action] {
        state = .ready
        return [.send(#"{"type":"connection_ack"}"#)]
    }

    /// The credentials were refused: 4403 Forbidden.
    mutating func refused(_ reason: String) -> [Action] {
        [.close(4403, reason)]
    }

    /// A subscription ended on the server's side (its stream finished): the client is told
    /// `complete` unless it completed the subscription itself.
    mutating func finished(id: String) -> [Action] {
        guard active.remove(id) != nil else { return [] }
        return [.send(#"{"id":\#(JSONEncoding.quoted(id)),"type":"complete"}"#)]
    }

    /// A subscription ended with `error`, after which the protocol sends nothing more for it.
    mutating func failed(id: String) {
        active.remove(id)
    }

    /// `next` with an execution result.
    static func next(id: String, body: [UInt8]) -> String {
        #"{"id":\#(JSONEncoding.quoted(id)),"type":"next","payload":\#(String(decoding: body, as: UTF8.self))}"#
    }

    /// `error` with the errors of a request that could not run.
    static func error(id: String, body: [UInt8]) -> String {
        let errors = (try? JSONReader.parse(body, maxDepth: 64))?["errors"].flatMap(JSONEncoding.text) ?? "[]"
        return #"{"id":\#(JSONEncoding.quoted(id)),"type":"error","payload":\#(errors)}"#
    }

    static func error(id: String, message: String) -> String {
        #"{"id":\#(JSONEncoding.quoted(id)),"type":"error","payload":[{"message":\#(JSONEncoding.quoted(message))}]}"#
    }

    /// Parse's keys in the `connection_init` payload, named as the HTTP headers are.
    static func credentials(_ payload: Record?) -> Credentials {
        func value(_ names: String...) -> String? {
            guard let payload else { return nil }
            for (key, value) in payload.fields where names.contains(where: { $0.sameIgnoringCase(key) }) {
                return value.stringValue
            }
            return nil
        }
        let clientKeys = ["X-Parse-Client-Key", "X-Parse-Javascript-Key", "X-Parse-REST-API-Key"].compactMap { value($0) }
        return Credentials(applicationId: value("X-Parse-Application-Id"), sessionToken: value("X-Parse-Session-Token"),
                           masterKey: value("X-Parse-Master-Key"), clientKeys: clientKeys,
                           installationId: value("X-Parse-Installation-Id"))
    }
}

extension String {
    fileprivate func sameIgnoringCase(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
