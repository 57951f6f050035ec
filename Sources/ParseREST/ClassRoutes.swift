import APICore
import CRMStore
import GraphQLEngine
import PostgresClient

/// `/classes/<class>` and `/classes/<class>/<id>`: find, get, create, update, delete.
extension ParseRESTService {
    func find(_ className: String, _ parameters: Record, caller: Caller) async throws -> RESTReply {
        let definition = try store.model.require(className)
        let options = try FindOptions(parameters, kind: .find, defaultLimit: limits.defaultLimit, maxLimit: limits.maxLimit)
        let clause = try translation.clause(options.filter, on: definition)
        let context = caller.access
        let store = self.store
        return try await reading {
            var fields: [(String, GraphQLValue)] = []
            if options.limit > 0 {
                let objects = try await store.find(className: className, where: clause, order: options.order, skip: options.skip,
                                                   limit: options.limit, keys: options.storeKeys(definition), context: context)
                let results = try await IncludeLoader(store: store, context: context).encode(objects, tree: options.includes)
                fields.append(("results", .list(results)))
            } else {
                fields.append(("results", .list([])))
            }
            if options.count {
                fields.append(("count", .int(try await store.count(className: className, where: clause, context: context))))
            }
            return RESTReply(body: .object(Record(fields: fields)))
        }
    }

    func get(_ className: String, _ objectId: String, _ parameters: Record, caller: Caller) async throws -> RESTReply {
        let definition = try store.model.require(className)
        let options = try FindOptions(parameters, kind: .get, defaultLimit: limits.defaultLimit, maxLimit: limits.maxLimit)
        let context = caller.access
        let store = self.store
        let body = try await reading {
            let object = try await store.get(className: className, objectId: objectId, keys: options.storeKeys(definition),
                                             context: context)
            return try await IncludeLoader(store: store, context: context).encode([object], tree: options.includes)[0]
        }
        return RESTReply(body: withOwnToken(body, objectId: objectId, className: className, caller: caller))
    }

    func create(_ className: String, _ parameters: Record, caller: Caller) async throws -> RESTReply {
        let definition = try store.model.require(className)
        if definition.isUserClass { return try await signUp(parameters, installationId: nil) }
        let body = try WriteBody(parameters, definition: definition, isCreate: true)
        let result = try await store.create(className: className, fields: body.fields, acl: body.acl, context: caller.access)
        var fields: [(String, GraphQLValue)] = [
            ("objectId", .string(result.objectId)),
            ("createdAt", .string(result.object?.createdAtText ?? DateText.iso8601(result.createdAt))),
        ]
        fields += echoedFields(body, result.object)
        return RESTReply(status: 201, body: .object(Record(fields: fields)), location: "/classes/\(className)/\(result.objectId)")
    }

    func update(_ className: String, _ objectId: String, _ parameters: Record, caller: Caller) async throws -> RESTReply {
        let definition = try store.model.require(className)
        let body = try WriteBody(parameters, definition: definition, isCreate: false, objectId: objectId)
        let result = try await store.update(className: className, objectId: objectId, fields: body.fields, acl: body.acl,
                                            context: caller.access)
        var fields: [(String, GraphQLValue)] = [
            ("updatedAt", .string(result.object?.updatedAtText ?? DateText.iso8601(result.updatedAt))),
        ]
        fields += echoedFields(body, result.object)
        return RESTReply(body: .object(Record(fields: fields)))
    }

    func delete(_ className: String, _ objectId: String, caller: Caller) async throws -> RESTReply {
        _ = try store.model.require(className)
        try await store.delete(className: className, objectId: objectId, context: caller.access)
        return .empty
    }

    /// The values operations produced (the new counter of an Increment), as Parse echoes them.
    private func echoedFields(_ body: WriteBody, _ object: StoredObject?) -> [(String, GraphQLValue)] {
        guard let object else { return [] }
        return body.echoed.compactMap { name in object[name].map { (name, ParseValue.encode($0)) } }
    }

    /// A user reading their own `_User` object gets their session token with it, as in Parse.
    func withOwnToken(_ body: GraphQLValue, objectId: String, className: String, caller: Caller) -> GraphQLValue {
        guard className == ClassModel.userClassName, caller.access.userId == objectId, let token = caller.sessionToken,
              case .object(let record) = body else { return body }
        return .object(Record(fields: Array(record.fields) + [("sessionToken", .string(token))]))
    }
}
