/// One response key of a selection, after fields with the same key were merged (spec 6.3.2
/// CollectFields and 6.4 ExecuteField): what to resolve, how to complete it, what to select below.
public final class FieldPlan: Sendable {
    /// The alias or field name.
    public let responseKey: String
    /// The field definition.
    public let definition: FieldDefinition
    /// The object type this field is selected on.
    public let parentType: ObjectType
    /// The field nodes merged under this key, in document order.
    public let nodes: [FieldNode]

    init(responseKey: String, definition: FieldDefinition, parentType: ObjectType, nodes: [FieldNode]) {
        self.responseKey = responseKey
        self.definition = definition
        self.parentType = parentType
        self.nodes = nodes
    }
}
