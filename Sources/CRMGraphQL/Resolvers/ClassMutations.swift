import APICore
import CRMStore
import GraphQLEngine

/// `create<T>`, `update<T>`, `delete<T>` (docs/API.md, Relay mutations with
/// `clientMutationId`). The payload object is the row the write statement returned under the
/// caller's read ACL: a write the caller cannot read back answers 101, as in Parse.
struct ClassMutations: Sendable {
    let api: APIClass
    let model: APIModel
    /// `Create<T>Payload`, `Update<T>Payload`, `Delete<T>Payload`: `{<t> clientMutationId}`.
    let payloadShape: RecordShape

    init(api: APIClass, model: APIModel) {
        self.api = api
        self.model = model
        payloadShape = Self.payloadShape(api)
    }

    static func payloadShape(_ api: APIClass) -> RecordShape {
        RecordShape([api.naming.singular, "clientMutationId"])
    }

    var create: FieldResolver {
        ResolverBody.root { batch, context in
            let input = batch.arguments["input"]
            let (fields, acl) = try FieldInputs(model: model).convert(input?["fields"], for: api)
            let result = try await context.store.create(className: api.className, fields: fields, acl: acl,
                                                        context: context.access)
            return try payload(result.object, input: input, context: context)
        }
    }

    var update: FieldResolver {
        ResolverBody.root { batch, context in
            let input = batch.arguments["input"]
            let objectId = try objectId(input)
            let (fields, acl) = try FieldInputs(model: model).convert(input?["fields"], for: api)
            let result = try await context.store.update(className: api.className, objectId: objectId, fields: fields,
                                                        acl: acl, context: context.access)
            return try payload(result.object, input: input, context: context)
        }
    }

    /// The payload holds the object as it was before the delete.
    var delete: FieldResolver {
        ResolverBody.root { batch, context in
            let input = batch.arguments["input"]
            let deleted = try await context.store.delete(className: api.className, objectId: try objectId(input),
                                                         context: context.access)
            return try payload(deleted, input: input, context: context)
        }
    }

    private func objectId(_ input: GraphQLValue?) throws -> String {
        guard case .string(let id)? = input?["id"] else { throw ParseError.objectNotFound }
        return GlobalID.objectId(from: id, className: api.className)
    }

    private func payload(_ object: StoredObject?, input: GraphQLValue?, context: ResolverContext) throws -> GraphQLValue {
        guard let object else { throw ParseError.objectNotFound }
        context.loader.remember([object], keys: nil)
        return .object(Record(shape: payloadShape,
                              values: [context.records.record(object), MutationInput.clientMutationId(input)]))
    }
}

enum MutationInput {
    /// Echoed unchanged in every payload.
    static func clientMutationId(_ input: GraphQLValue?) -> GraphQLValue {
        input?["clientMutationId"] ?? .null
    }
}

/// `signUp`, `logIn`, `logOut` and `resetPassword` (docs/API.md).
enum AuthMutations {
    /// `SignUpPayload`, `LogInPayload`.
    static let viewerPayloadShape = RecordShape(["viewer", "clientMutationId"])
    /// `LogOutPayload`, `ResetPasswordPayload`.
    static let okPayloadShape = RecordShape(["ok", "clientMutationId"])

    /// Creates the user and a session; the viewer carries the new token.
    static func signUp(model: APIModel) -> FieldResolver {
        ResolverBody.root { batch, context in
            guard let user = model.userClass else { throw ParseError.objectNotFound }
            let input = batch.arguments["input"]
            var (fields, _) = try FieldInputs(model: model).convert(input?["fields"], for: user)
            func take(_ name: String) -> String {
                defer { fields[name] = nil }
                if case .set(.string(let text))? = fields[name] { return text }
                return ""
            }
            let username = take("username"), password = take("password"), email = take("email")
            let result = try await context.store.signUp(username: username, password: password, email: email,
                                                        fields: fields, context: context.access)
            return viewerPayload(result, input: input, context: context)
        }
    }

    static let logIn = ResolverBody.root { batch, context in
        let input = batch.arguments["input"]
        let result = try await context.store.logIn(username: input?["username"]?.stringValue ?? "",
                                                   password: input?["password"]?.stringValue ?? "")
        return viewerPayload(result, input: input, context: context)
    }

    /// Revokes the request's session at once; without one there is nothing to revoke.
    static let logOut = ResolverBody.root { batch, context in
        if let token = context.sessionToken { try await context.store.logOut(token: token) }
        return okPayload(batch)
    }

    /// No mail transport is configured (docs/API.md): answers success without sending anything.
    static let resetPassword = ResolverBody.root { batch, _ in okPayload(batch) }

    private static func viewerPayload(_ result: AuthResult, input: GraphQLValue?, context: ResolverContext) -> GraphQLValue {
        .object(Record(shape: viewerPayloadShape, values: [
            Viewer.record(sessionToken: result.sessionToken, user: context.records.record(result.user)),
            MutationInput.clientMutationId(input),
        ]))
    }

    private static func okPayload(_ batch: FieldBatch) -> GraphQLValue {
        .object(Record(shape: okPayloadShape, values: [true, MutationInput.clientMutationId(batch.arguments["input"])]))
    }
}
