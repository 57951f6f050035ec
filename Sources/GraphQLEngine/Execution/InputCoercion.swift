/// Spec 3.10 "Input Coercion" for a value that arrived as JSON (a variable value), as graphql-js
/// `coerceInputValue` does it: every problem is reported through `onError` with the path inside
/// the value, and coercion goes on so that all problems are found.
struct InputCoercion {
    /// Called with the path inside the value, the offending value and the error.
    typealias OnError = (_ path: [PathComponent], _ invalidValue: GraphQLValue, _ error: GraphQLError) -> Void

    let onError: OnError
    private var path: [PathComponent] = []

    init(onError: @escaping OnError) {
        self.onError = onError
    }

    /// The internal value of `value` as `type`, or nil when it is invalid (already reported).
    mutating func coerce(_ value: GraphQLValue, to type: TypeReference) -> GraphQLValue? {
        switch type {
        case .nonNull(let inner):
            if value.isNull {
                onError(path, value, GraphQLError("Expected non-nullable type \"\(type)\" not to be null."))
                return nil
            }
            return coerce(value, to: inner)
        case .list(let itemType):
            if value.isNull { return .null }
            guard case .list(let items) = value else {
                // Spec 3.11: a single value is coerced as a list of one.
                return coerce(value, to: itemType).map { .list([$0]) }
            }
            var coerced: [GraphQLValue] = []
            coerced.reserveCapacity(items.count)
            var valid = true
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                if let item = coerce(item, to: itemType) { coerced.append(item) } else { valid = false }
                path.removeLast()
            }
            return valid ? .list(coerced) : nil
        case .named(let named):
            if value.isNull { return .null }
            return coerce(value, to: named)
        }
    }

    private mutating func coerce(_ value: GraphQLValue, to type: NamedType) -> GraphQLValue? {
        switch type {
        case .inputObject(let inputObject):
            return coerce(value, to: inputObject)
        case .scalar(let scalar):
            do {
                return try scalar.parseValue(value)
            } catch let error as GraphQLError {
                onError(path, value, error)
            } catch {
                onError(path, value, GraphQLError("Expected type \"\(scalar.name)\". \(graphQLError(from: error).message)"))
            }
            return nil
        case .enum(let enumType):
            do {
                return try enumType.parseValue(value)
            } catch {
                var message = graphQLError(from: error).message
                if case .string(let name) = value, enumType.value(named: name) == nil {
                    message += didYouMean(suggestionList(name, enumType.values.map(\.name)))
                }
                onError(path, value, GraphQLError(message))
                return nil
            }
        case .object, .interface, .union:
            onError(path, value, GraphQLError("Expected type \"\(type.name)\" to be an input type."))
            return nil
        }
    }

    private mutating func coerce(_ value: GraphQLValue, to type: InputObjectType) -> GraphQLValue? {
        guard case .object(let given) = value else {
            onError(path, value, GraphQLError("Expected type \"\(type.name)\" to be an object."))
            return nil
        }
        var names: [String] = []
        var values: [GraphQLValue] = []
        var valid = true
        for field in type.fields {
            guard let fieldValue = given[field.name] else {
                if let defaultValue = field.defaultValue {
                    names.append(field.name)
                    values.append(defaultValue)
                } else if field.type.isNonNull {
                    onError(path, value, GraphQLError("Field \"\(field.name)\" of required type \"\(field.type)\" was not provided."))
                    valid = false
                }
                continue
            }
            path.append(.key(field.name))
            if let coerced = coerce(fieldValue, to: field.type) {
                names.append(field.name)
                values.append(coerced)
            } else {
                valid = false
            }
            path.removeLast()
        }
        for name in given.shape.names where type.field(named: name) == nil {
            let suggestions = suggestionList(name, type.fields.map(\.name))
            onError(path, value, GraphQLError("Field \"\(name)\" is not defined by type \"\(type.name)\".\(didYouMean(suggestions))"))
            valid = false
        }
        if type.isOneOf {
            if names.count != 1 {
                onError(path, value, GraphQLError("Exactly one key must be specified for OneOf type \"\(type.name)\"."))
                valid = false
            } else if values[0].isNull {
                onError(path + [.key(names[0])], .null, GraphQLError("Field \"\(names[0])\" must be non-null."))
                valid = false
            }
        }
        return valid ? .object(Record(shape: RecordShape(names), values: values)) : nil
    }
}

/// An application error that knows how it should appear in a GraphQL response (message and
/// `extensions`, such as a Parse error code); other errors appear with their description.
public protocol GraphQLErrorConvertible: Error {
    /// The error as a client should see it; the executor adds locations and path.
    var graphQLError: GraphQLError { get }
}
