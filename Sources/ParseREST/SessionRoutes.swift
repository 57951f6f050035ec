import APICore
import CRMStore
import GraphQLEngine
import PostgresClient

/// `/sessions`, `/sessions/me`, `/sessions/<id>`: the caller's own sessions (all with the master
/// key). Tokens are stored hashed, so a session's `sessionToken` is shown only on the session
/// of the request itself.
extension ParseRESTService {
    func sessions(_ parameters: Record, caller: Caller) async throws -> RESTReply {
        let options = try FindOptions(parameters, kind: .find, defaultLimit: limits.defaultLimit, maxLimit: limits.maxLimit)
        if options.filter != nil { throw ParseError.invalidQuery("where is not supported on _Session.") }
        let found = try await store.sessions(limit: options.limit, context: caller.access)
        return RESTReply(body: .object(["results": .list(found.map { sessionJSON($0, caller: caller) })]))
    }

    func session(_ objectId: String, caller: Caller) async throws -> RESTReply {
        let found = objectId == "me"
            ? try await store.sessions(currentOnly: true, context: caller.access)
            : try await store.sessions(objectId: objectId, context: caller.access)
        guard let session = found.first else { throw ParseError.objectNotFound }
        return RESTReply(body: sessionJSON(session, caller: caller))
    }

    func deleteSession(_ objectId: String, caller: Caller) async throws -> RESTReply {
        var id = objectId
        if objectId == "me" {
            guard let current = try await store.sessions(currentOnly: true, context: caller.access).first else {
                throw ParseError.objectNotFound
            }
            id = current.objectId
        }
        try await store.deleteSession(objectId: id, context: caller.access)
        return .empty
    }

    private func sessionJSON(_ session: SessionInfo, caller: Caller) -> GraphQLValue {
        var fields: [(String, GraphQLValue)] = [
            ("objectId", .string(session.objectId)),
            ("createdAt", .string(DateText.iso8601(session.createdAt))),
            ("updatedAt", .string(DateText.iso8601(session.updatedAt))),
            ("user", ParseValue.pointerJSON(className: ClassModel.userClassName, objectId: session.userId)),
        ]
        if let createdWith = session.createdWith { fields.append(("createdWith", ParseValue.parsedJSON(createdWith))) }
        if let expiresAt = session.expiresAt { fields.append(("expiresAt", ParseValue.encode(.date(expiresAt)))) }
        if let installationId = session.installationId { fields.append(("installationId", .string(installationId))) }
        if session.isCurrent, let token = caller.sessionToken { fields.append(("sessionToken", .string(token))) }
        fields.append(("ACL", ACLJSON.encode(ACL(readers: [.user(session.userId)], writers: [.user(session.userId)]))))
        return .object(Record(fields: fields))
    }
}
