import APICore
import CRMStore
import Foundation
import GraphQLEngine
import PostgresClient

/// `dealgraph import`: Parse's JSON export of a folder of `<Class>.json` files (or one such file)
/// into the store, in one transaction (an import that stops leaves nothing behind), upserting by
/// objectId (running it again changes nothing). Order: users, roles, role memberships, sessions,
/// then the model's classes, so that the report can check every pointer and ACL entry at the end.
public struct ParseImport: Sendable {
    public var path: String
    public var reportPath: String
    /// Import the rest when an object is refused (each is listed in the report); by default the
    /// first refusal stops the import and nothing is stored.
    public var skipRefused = false
    public var batchSize = 5_000
    public var maximumObjectBytes = 16 << 20

    public init(path: String, reportPath: String) {
        self.path = path
        self.reportPath = reportPath
    }

    static let systemOrder = ["_User", "_Role", "_Join:users:_Role", "_Join:roles:_Role", "_Session"]

    /// The files to read, in import order, and those that name no class DealGraph has.
    func files(model: ClassModel) throws(TransferError) -> (import: [(className: String, path: String)], unknown: [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw TransferError("\(path): no such file or folder") }
        let paths: [String]
        if isDirectory.boolValue {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { throw TransferError("\(path): cannot be listed") }
            paths = names.filter { $0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
        } else {
            paths = [path]
        }
        let order = Self.systemOrder + model.classes.map(\.name).filter { $0 != ClassModel.userClassName }
        var found: [String: String] = [:], unknown: [String] = []
        for file in paths {
            let className = String((file as NSString).lastPathComponent.dropLast(".json".count))
            if order.contains(className) { found[className] = file } else { unknown.append(file) }
        }
        if found.isEmpty { throw TransferError("\(path): no export file of a known class (\(order.map { $0 + ".json" }.joined(separator: ", ")))") }
        return (order.compactMap { name in found[name].map { (name, $0) } }, unknown)
    }

    /// Runs the import; `progress` hears a file's class, its objects read so far, and its bytes
    /// read of its size.
    public func run(store: CRMStore, progress: @escaping (_ className: String, _ objects: Int, _ bytes: Int, _ size: Int) -> Void = { _, _, _, _ in })
        async throws -> ImportReport {
        let (files, unknown) = try self.files(model: store.model)
        let report = try ImportReport(path: reportPath)
        for file in unknown { try report.record("file", [("file", .string(file)), ("reason", .string("no class of that name in the class model"))]) }
        try await store.importing(context: .master) { transaction in
            for (className, file) in files {
                var reader = try ExportFileReader(path: file, maximumObjectBytes: maximumObjectBytes)
                var batch = ClassBatch(className: className, model: store.model)
                var objects = 0
                while let bytes = try reader.next() {
                    let value: GraphQLValue
                    do {
                        value = try JSONReader.parse(bytes, maxDepth: ParseValue.maximumJSONDepth + 4)
                    } catch {
                        throw TransferError("\(file): object \(reader.count) is not valid JSON: \(error)")
                    }
                    do {
                        try batch.add(value, report: report)
                        objects += 1
                    } catch let refusal as Refusal {
                        let id = (value["objectId"] ?? value["_id"])?.stringValue.map(ExportedObjectDecoder.quoted) ?? "without an objectId"
                        guard skipRefused else {
                            throw TransferError("\(file): object \(reader.count) (\(id)) refused: \(refusal.reason). Nothing was imported; fix the file or run with --skip-refused.")
                        }
                        try report.record("refused", [("file", .string(file)), ("object", .int(reader.count)), ("objectId", .string(id)),
                                                      ("reason", .string(refusal.reason))])
                    }
                    if batch.count >= batchSize {
                        try await batch.flush(transaction)
                        progress(className, objects, reader.bytesRead, reader.size)
                    }
                }
                try await batch.flush(transaction)
                progress(className, objects, reader.size, reader.size)
                try report.finished(file: (file as NSString).lastPathComponent, objects: objects)
            }
            for dangling in try await transaction.danglingPointers() {
                try report.record("dangling", [("class", .string(dangling.className)), ("field", .string(dangling.field)),
                                               ("targetClass", .string(dangling.targetClass)), ("objects", .int(dangling.count)),
                                               ("examples", .list(dangling.examples.map(GraphQLValue.string)))], count: dangling.count)
            }
            for unknown in try await transaction.unknownPrincipals() {
                try report.record("unknownPrincipal", [("class", .string(unknown.className)), ("principal", .string(unknown.principal)),
                                                       ("objects", .int(unknown.count))], count: unknown.count)
            }
        }
        try report.close()
        return report
    }
}
