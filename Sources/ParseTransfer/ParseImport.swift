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
                let source = try BatchSource(job: self, className: className, file: file, model: store.model)
                let started = ContinuousClock.now
                let isModelClass = store.model.classes.contains { $0.name == className }
                let rebuild = isModelClass ? try await transaction.startLoad(className) : nil
                // The next batch is read and decoded while this one is written: two cores busy.
                var upcoming = Task.detached { try source.next() }
                while var batch = try await upcoming.value {
                    upcoming = Task.detached { try source.next() }
                    for (kind, fields) in batch.findings { try report.record(kind, fields) }
                    do {
                        try await batch.flush(transaction)
                    } catch {
                        _ = try? await upcoming.value // the reader is done with before the transaction ends
                        throw error
                    }
                    progress(className, source.objects, source.bytesRead, source.size)
                }
                if isModelClass { try await transaction.finishLoad(className, rebuild: rebuild) }
                let objects = source.objects
                let took = ContinuousClock.now - started
                try report.finished(file: (file as NSString).lastPathComponent, objects: objects,
                                    seconds: Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18)
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

/// One export file's objects in batches, read and decoded off the task that writes them. Used by
/// one task at a time (the importer awaits each batch before it asks for the next), hence
/// unchecked: the reader inside is not thread-safe, and it is never used concurrently.
final class BatchSource: @unchecked Sendable {
    private var reader: ExportFileReader
    private let className: String, file: String, model: ClassModel
    private let skipRefused: Bool, batchSize: Int
    /// Objects taken to be stored so far (refused and left-out ones not counted).
    private(set) var objects = 0
    let size: Int
    var bytesRead: Int { reader.bytesRead }

    init(job: ParseImport, className: String, file: String, model: ClassModel) throws(TransferError) {
        reader = try ExportFileReader(path: file, maximumObjectBytes: job.maximumObjectBytes)
        size = reader.size
        (self.className, self.file, self.model) = (className, file, model)
        (skipRefused, batchSize) = (job.skipRefused, job.batchSize)
    }

    /// The next batch; nil at the end of the file.
    func next() throws -> ClassBatch? {
        var batch = ClassBatch(className: className, model: model)
        while batch.count < batchSize, let bytes = try reader.next() {
            let value: GraphQLValue
            do {
                value = try JSONReader.parse(bytes, maxDepth: ParseValue.maximumJSONDepth + 4)
            } catch {
                throw TransferError("\(file): object \(reader.count) is not valid JSON: \(error)")
            }
            do {
                if try batch.add(value) { objects += 1 }
            } catch let refusal as Refusal {
                let id = (value["objectId"] ?? value["_id"])?.stringValue.map(ExportedObjectDecoder.quoted) ?? "without an objectId"
                guard skipRefused else {
                    throw TransferError("\(file): object \(reader.count) (\(id)) refused: \(refusal.reason). Nothing was imported; fix the file or run with --skip-refused.")
                }
                batch.record("refused", [("file", .string(file)), ("object", .int(reader.count)), ("objectId", .string(id)),
                                         ("reason", .string(refusal.reason))])
            }
        }
        return batch.isEmpty ? nil : batch
    }
}
