import APICore
import CRMStore
import GraphQLEngine

/// `/schemas` and `/schemas/<class>` (master key only): the class model in Parse's schema form.
/// The model is the server's configuration, so schema changes through the API are refused.
extension ParseRESTService {
    func schemas(_ className: String?, method: RESTMethod, caller: Caller) throws -> RESTReply {
        guard caller.access.isMaster else { throw MasterKeyRequired() }
        guard method == .get else {
            throw ParseError(.operationForbidden, "The class model is part of the server's configuration; it cannot be changed through the API.")
        }
        if let className {
            guard store.model.definition(className) != nil else {
                throw ParseError(.invalidClassName, "Class \(className) does not exist.")
            }
            return RESTReply(body: ParseValue.parsedJSON(try store.schemaJSON(className)))
        }
        let results = try store.model.classes.map { definition throws(StoreError) in
            ParseValue.parsedJSON(try store.schemaJSON(definition.name))
        }
        return RESTReply(body: .object(["results": .list(results)]))
    }
}
