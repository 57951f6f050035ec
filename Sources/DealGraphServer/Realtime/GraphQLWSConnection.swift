import APICore
import CRMGraphQL

/// One graphql-transport-ws connection: performs what its ``GraphQLWSSession`` decides, with
/// the caller resolved from `connection_init` through the one ``CallerResolver`` and each
/// subscription run by ``CRMGraphQLService/subscribe(_:caller:)`` in a task of its own.
actor GraphQLWSConnection: SocketConnection {
    private var session: GraphQLWSSession
    private let link: SocketLink
    private let service: CRMGraphQLService
    private let callers: CallerResolver
    private let quota: SocketQuota
    private let throttle: AuthThrottle
    /// The client's address, for the limit on log-in and sign-up mutations.
    private let client: IPAddress?
    private var caller: Caller?
    /// This socket's place in its user's quota, once the user is known.
    private var seat: SocketQuota.Seat?
    private var running: [String: Task<Void, Never>] = [:]

    init(session: GraphQLWSSession, link: SocketLink, service: CRMGraphQLService, callers: CallerResolver, quota: SocketQuota,
         throttle: AuthThrottle, client: IPAddress?) {
        self.session = session
        self.throttle = throttle
        self.client = client
        self.quota = quota
        self.link = link
        self.service = service
        self.callers = callers
    }

    /// One text message from the client, handled before the next is read.
    func receive(_ text: String) async {
        guard await !link.isClosed else { return }
        await perform(session.receive(text))
    }

    /// A binary message: not part of the protocol.
    func receiveBinary() async {
        await link.close(4400, "Binary messages are not part of graphql-transport-ws")
    }

    /// The connection-init wait ended: 4408 unless the connection was acknowledged.
    func initWaitEnded() async {
        guard !session.acknowledged else { return }
        await link.close(4408, "Connection initialisation timeout")
    }

    /// The socket is done: every subscription stops.
    func end() {
        for task in running.values { task.cancel() }
        running = [:]
        seat?.release()
        seat = nil
    }

    private func perform(_ actions: [GraphQLWSSession.Action]) async {
        for action in actions {
            switch action {
            case .send(let text):
                await link.send(text)
            case .close(let code, let reason):
                await link.close(code, reason)
            case .authenticate(let credentials):
                do {
                    let resolved = try await callers.resolve(credentials)
                    if let user = resolved.access.userId {
                        // graphql-ws treats 4429 as final: the client does not retry into the limit.
                        guard let admitted = quota.admit(user) else {
                            return await link.close(4429, "Too many connections for this user (at most \(quota.limit)).")
                        }
                        seat = admitted
                    }
                    caller = resolved
                    await perform(session.accepted())
                } catch {
                    await perform(session.refused(ParseError(error).message))
                }
            case .start(let id, let request):
                guard let caller else { continue }
                let resolved: GraphQLRequest
                do {
                    resolved = try await service.resolveDocument(request, caller: caller)
                } catch {
                    session.failed(id: id)
                    await link.send(GraphQLWSSession.error(id: id, body: error.outcome.body))
                    continue
                }
                if throttle.refusal(service.authAttempts(of: resolved), client: client, isMaster: caller.access.isMaster) != nil {
                    session.failed(id: id)
                    await link.send(GraphQLWSSession.error(id: id, message: AuthThrottle.message))
                    continue
                }
                let request = resolved
                running[id] = Task { await self.run(id, request, caller: caller) }
            case .stop(let id):
                running.removeValue(forKey: id)?.cancel()
            }
        }
    }

    private func run(_ id: String, _ request: GraphQLRequest, caller: Caller) async {
        for await outcome in await service.subscribe(request, caller: caller) {
            guard !Task.isCancelled else { return }
            switch outcome {
            case .executed(let body), .unavailable(let body):
                await link.send(GraphQLWSSession.next(id: id, body: body))
            case .requestError(let body), .methodNotAllowed(let body):
                session.failed(id: id)
                running[id] = nil
                await link.send(GraphQLWSSession.error(id: id, body: body))
                return
            }
        }
        guard !Task.isCancelled else { return }
        running[id] = nil
        await perform(session.finished(id: id))
    }
}
