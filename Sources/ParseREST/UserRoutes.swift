import APICore
import CRMStore
import GraphQLEngine

/// `/users` (sign-up), `/users/me`, `/login`, `/logout`, `/verifyPassword`,
/// `/requestPasswordReset`.
extension ParseRESTService {
    /// `POST /users`: 201 `{objectId, createdAt, sessionToken}`.
    func signUp(_ parameters: Record, installationId: String?) async throws -> RESTReply {
        let definition = try store.model.require(ClassModel.userClassName)
        var rest: [(String, GraphQLValue)] = []
        var username: String?, password: String?, email: String?
        for (name, value) in parameters.fields {
            switch name {
            case "username": username = try Self.text(value, name, missing: .usernameMissing, "Cannot sign up user with an empty username.")
            case "password": password = try Self.text(value, name, missing: .passwordMissing, "Cannot sign up user with an empty password.")
            case "email": email = value.isNull ? nil : try Self.text(value, name, missing: .incorrectType, "email must be a string.")
            default: rest.append((name, value))
            }
        }
        guard let username, !username.isEmpty else {
            throw ParseError(.usernameMissing, "Cannot sign up user with an empty username.")
        }
        guard let password, !password.isEmpty else {
            throw ParseError(.passwordMissing, "Cannot sign up user with an empty password.")
        }
        let body = try WriteBody(Record(fields: rest), definition: definition, isCreate: true)
        if body.acl != nil {
            throw ParseError(.operationForbidden, "A new user's ACL is set by the server: only the user may read and write it.")
        }
        let result = try await store.signUp(username: username, password: password, email: email, fields: body.fields,
                                            installationId: installationId)
        return RESTReply(status: 201, body: .object([
            "objectId": .string(result.user.objectId),
            "createdAt": .string(result.user.createdAtText),
            "sessionToken": .string(result.sessionToken),
        ]), location: "/users/\(result.user.objectId)")
    }

    /// `GET|POST /login` with `username` (or `email`) and `password`: the user and a new
    /// `sessionToken`.
    func logIn(_ parameters: Record, installationId: String?) async throws -> RESTReply {
        let (username, password) = try Self.credentials(parameters)
        let result = try await store.logIn(username: username, password: password, installationId: installationId)
        return RESTReply(body: userJSON(result.user, token: result.sessionToken))
    }

    /// `GET /users/me`: the session's user with its token; 209 without a session.
    func me(_ parameters: Record, caller: Caller) async throws -> RESTReply {
        guard let userId = caller.access.userId, let token = caller.sessionToken else {
            throw ParseError.invalidSessionToken
        }
        let user = try await store.get(className: ClassModel.userClassName, objectId: userId, context: caller.access)
        return RESTReply(body: userJSON(user, token: token))
    }

    /// `POST /logout`: revokes the request's session; `{}` also without one.
    func logOut(caller: Caller) async throws -> RESTReply {
        if let token = caller.sessionToken, caller.access.userId != nil { try await store.logOut(token: token) }
        return .empty
    }

    /// `GET|POST /verifyPassword`: the user of the credentials, without a session.
    func verifyPassword(_ parameters: Record) async throws -> RESTReply {
        let (username, password) = try Self.credentials(parameters)
        return RESTReply(body: userJSON(try await store.verifyPassword(username: username, password: password), token: nil))
    }

    /// `POST /requestPasswordReset`: no mail transport is configured (docs/API.md), so, like the
    /// GraphQL `resetPassword`, it checks the request and answers `{}` without sending anything;
    /// the answer never tells whether an account has the address.
    func requestPasswordReset(_ parameters: Record) throws -> RESTReply {
        guard let email = parameters["email"], !email.isNull else {
            throw ParseError(ParseErrorCode(rawValue: 204), "you must provide an email")
        }
        guard let text = email.stringValue, text.contains("@") else {
            throw ParseError(.invalidEmailAddress, "you must provide a valid email string")
        }
        return .empty
    }

    private func userJSON(_ user: StoredObject, token: String?) -> GraphQLValue {
        ObjectJSON.encode(user, extra: token.map { [("sessionToken", .string($0))] } ?? [])
    }

    /// `username` (or `email`) and `password`; a missing one is 200/201, a value that is not a
    /// string the same 101 as a wrong password (Parse).
    private static func credentials(_ parameters: Record) throws(ParseError) -> (String, String) {
        let name = parameters["username"].flatMap { $0.isNull ? nil : $0 } ?? parameters["email"].flatMap { $0.isNull ? nil : $0 }
        guard let name else { throw ParseError(.usernameMissing, "username/email is required.") }
        guard let password = parameters["password"], !password.isNull else {
            throw ParseError(.passwordMissing, "password is required.")
        }
        guard let nameText = name.stringValue, let passwordText = password.stringValue else {
            throw ParseError(.objectNotFound, "Invalid username/password.")
        }
        return (nameText, passwordText)
    }

    private static func text(_ value: GraphQLValue, _ name: String, missing code: ParseErrorCode,
                             _ message: String) throws(ParseError) -> String {
        if value.isNull { throw ParseError(code, message) }
        guard let text = value.stringValue else { throw .incorrectType("\(name) must be a string.") }
        return text
    }
}
