import CRMStore
import DealGraphTesting

extension TestGateway {
    /// Another store (another "instance") on the gateway's pool, with `model` and the gateway's
    /// store options as `configure` changes them; shut down when the gateway closes.
    func store(model: ClassModel, configure: (inout StoreOptions) -> Void = { _ in }) async throws -> CRMStore {
        var options = store.options
        configure(&options)
        let instance = try await CRMStore(pool: pool, model: model, options: options)
        closeWhenDone { await instance.shutdown() }
        return instance
    }

    /// Another store instance on the gateway's pool, optionally with other CLPs for `className`.
    func store(permissions: ClassLevelPermissions? = nil, for className: String = "Deal",
               configure: (inout StoreOptions) -> Void = { _ in }) async throws -> CRMStore {
        var model = store.model
        if let permissions { model = try model.with(permissions: permissions, for: className) }
        return try await store(model: model, configure: configure)
    }

    /// A second instance, already listening for invalidations when it is returned.
    func otherInstance() async throws -> CRMStore {
        try await store()
    }
}
