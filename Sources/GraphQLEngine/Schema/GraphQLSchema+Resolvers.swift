// Attaching behaviour to a schema built from SDL, by schema coordinate (`Deal.contact`).
// Build phase only: attach everything before the first request, since plans capture resolvers.

extension GraphQLSchema {
    /// The field `fieldName` of the object or interface type `typeName`.
    public func field(_ typeName: String, _ fieldName: String) -> FieldDefinition? {
        type(named: typeName)?.field(named: fieldName)
    }

    /// Sets the resolver of `typeName.fieldName`; false when there is no such field.
    @discardableResult
    public func attach(_ resolver: FieldResolver, to typeName: String, _ fieldName: String) -> Bool {
        guard let field = field(typeName, fieldName) else { return false }
        field.attach(resolver)
        return true
    }

    /// Sets the source stream resolver of the subscription field `fieldName`.
    @discardableResult
    public func attach(subscriber: @escaping SubscriptionResolver, to fieldName: String) -> Bool {
        guard let field = subscriptionType?.field(named: fieldName) else { return false }
        field.attach(subscriber: subscriber)
        return true
    }

    /// Sets `resolveType` of the interface or union `typeName`.
    @discardableResult
    public func attach(resolveType: @escaping ResolveType, to typeName: String) -> Bool {
        switch type(named: typeName) {
        case .interface(let interface): interface.attach(resolveType: resolveType)
        case .union(let union): union.attach(resolveType: resolveType)
        default: return false
        }
        return true
    }

    /// Sets `isTypeOf` of the object type `typeName`.
    @discardableResult
    public func attach(isTypeOf: @escaping IsTypeOf, to typeName: String) -> Bool {
        guard case .object(let object) = type(named: typeName) else { return false }
        object.attach(isTypeOf: isTypeOf)
        return true
    }
}
