import APICore
import CRMStore
import GraphQLEngine

/// Loads what a find includes, level by level: for each include path and each class its
/// pointers name, one batched read (``CRMStore/loadByIds(className:ids:keys:context:)``) under the
/// caller's ACL, never one read per object. A pointer whose target the caller may not read
/// stays a bare pointer, as in Parse.
struct IncludeLoader {
    let store: CRMStore
    let context: AccessContext

    /// The JSON of `objects` with the pointers of `tree` replaced by the objects they name.
    func encode(_ objects: [StoredObject], tree: IncludeTree, asIncluded: Bool = false) async throws(StoreError) -> [GraphQLValue] {
        guard !tree.isEmpty, !objects.isEmpty else {
            return objects.map { ObjectJSON.encode($0, asIncluded: asIncluded) }
        }
        let definition = try store.model.require(objects[0].className)
        // field -> (className#objectId -> included JSON)
        var loaded: [String: [PointerKey: GraphQLValue]] = [:]
        for (field, subtree) in try expanded(tree, on: definition).sorted(by: { $0.key < $1.key }) {
            var idsByClass: [String: [String]] = [:]
            for object in objects {
                if case .pointer(let className, let objectId)? = object[field] {
                    idsByClass[className, default: []].append(objectId)
                }
            }
            var byKey: [PointerKey: GraphQLValue] = [:]
            for (className, ids) in idsByClass.sorted(by: { $0.key < $1.key }) {
                let target = try store.model.require(className)
                let keys = FindOptions.keys(subtree.keys.map { FindOptions.topLevel($0) }, excluding: [], target)
                let unique = Array(Set(ids))
                let targets = try await store.loadByIds(className: className, ids: unique, keys: keys, context: context)
                let found = targets.compactMap { $0 }
                let encoded = try await encode(found, tree: subtree, asIncluded: true)
                for (object, json) in zip(found, encoded) {
                    byKey[PointerKey(className: className, objectId: object.objectId)] = json
                }
            }
            loaded[field] = byKey
        }
        return objects.map { object in
            var included: [String: GraphQLValue] = [:]
            for (field, byKey) in loaded {
                if case .pointer(let className, let objectId)? = object[field],
                   let json = byKey[PointerKey(className: className, objectId: objectId)] {
                    included[field] = json
                }
            }
            return ObjectJSON.encode(object, included: included, asIncluded: asIncluded)
        }
    }

    /// The children of `tree` with `*` replaced by every pointer field of the class; a name that
    /// is not a pointer field of the class is skipped, as Parse skips it.
    private func expanded(_ tree: IncludeTree, on definition: ClassDefinition) throws(StoreError) -> [String: IncludeTree] {
        var result: [String: IncludeTree] = [:]
        for (name, subtree) in tree.children {
            if name == "*" {
                for field in definition.fields where field.type == .pointer && result[field.name] == nil {
                    result[field.name] = subtree
                }
            } else if definition.field(name)?.type == .pointer {
                result[name] = subtree
            }
        }
        return result
    }
}

struct PointerKey: Hashable {
    let className: String
    let objectId: String
}
