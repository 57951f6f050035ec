import CRMStore
import DealGraphTesting

extension TestGateway {
    /// Creates a Deal titled `title` through the store; returns its objectId.
    @discardableResult
    func deal(_ title: String, amount: Double? = nil, acl: ACL? = nil, extra: [String: FieldInput] = [:],
              as access: AccessContext) async throws -> String {
        var fields = extra
        fields["title"] = .set(.string(title))
        if let amount { fields["amount"] = .set(.number(amount)) }
        return try await store.create(className: "Deal", fields: fields, acl: acl, context: access).objectId
    }
}
