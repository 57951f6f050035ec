import CRMStore
import DealGraphServer
import Foundation
import PostgresClient

// Seeds 100,000 deals into an embedded PostgreSQL, then measures the store's hot read paths:
// statements per call and the median latency over `runs` calls after a warm-up.
// Build in release: `swift run -c release StoreBenchmark`.

let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("dealgraph-store-bench-\(getpid())")
let server = EmbeddedPostgres(directory: directory, durable: false)
_ = try await server.start()
// Built by the composition root, as `dealgraph serve` builds it.
var settings = GatewayConfiguration(server: ServerConfiguration(masterKey: UUID().uuidString), model: try .bundled())
settings.poolSize = 4
settings.store.listensForInvalidations = false
let gateway = try await Gateway.open(database: try await server.createDatabase(prefix: "store_bench"), configuration: settings)
let pool = gateway.pool, store = gateway.store, model = settings.model, options = settings.store
let seedStart = ContinuousClock.now
let data = try await Seed.run(store: store, pool: pool)
print("store seed deals=\(Seed.dealCount) companies=\(Seed.companyCount) seconds=\(String(format: "%.1f", Double((ContinuousClock.now - seedStart).components.seconds)))")

/// Prints `store <label> statements_per_call=S median_ms=M [rows=R]`.
func measure(_ label: String, runs: Int = 50, _ body: () async throws -> Int) async throws {
    for _ in 0..<5 { _ = try await body() }
    var samples: [Double] = []
    var rows = 0
    let before = pool.statementCount
    for _ in 0..<runs {
        let start = ContinuousClock.now
        rows = try await body()
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        samples.append(Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
    }
    let statements = Double(pool.statementCount - before) / Double(runs)
    samples.sort()
    print("store \(label) statements_per_call=\(String(format: "%.1f", statements)) median_ms=\(String(format: "%.2f", samples[samples.count / 2])) rows=\(rows)")
}

try await measure("loadByIds 1000 deals (Admin role)") {
    try await store.loadByIds(className: "Deal", ids: data.dealIds, context: data.admin).compactMap { $0 }.count
}
try await measure("loadByIds 1000 deals (member, ACL filters most)") {
    try await store.loadByIds(className: "Deal", ids: data.dealIds, context: data.member).compactMap { $0 }.count
}
let won = WhereClause.fields(["stage": [.equalTo(.string("won"))], "amount": [.greaterThanOrEqualTo(.number(50_000))]])
try await measure("find where stage+amount order amount desc limit 100 (Admin)") {
    try await store.find(className: "Deal", where: won, order: [.descending("amount")], limit: 100, context: data.admin).count
}
try await measure("find where stage+amount order amount desc limit 100 (member)") {
    try await store.find(className: "Deal", where: won, order: [.descending("amount")], limit: 100, context: data.member).count
}
try await measure("count where stage+amount (Admin)") {
    try await store.count(className: "Deal", where: won, context: data.admin)
}
for strategy in [ReverseLoadStrategy.lateral, .window] {
    var reverseOptions = options
    reverseOptions.reverseLoadStrategy = strategy
    let reverseStore = try await CRMStore(pool: pool, model: model, options: reverseOptions)
    try await measure("loadReverse \(strategy) 100 companies first 5 order updatedAt desc (Admin)") {
        try await reverseStore.loadReverse(className: "Deal", pointerField: "company", parentIds: data.companyIds,
                                           order: [.descending("updatedAt")], limit: 5, context: data.admin).reduce(0) { $0 + $1.count }
    }
}
try await measure("countReverse 100 companies (Admin)") {
    try await store.countReverse(className: "Deal", pointerField: "company", parentIds: data.companyIds, context: data.admin).reduce(0, +)
}
// Login: an unknown user and a wrong password must cost the same (bcrypt cost 10 both ways).
try await measure("logIn unknown user (expect 101)", runs: 10) {
    do { _ = try await store.logIn(username: "nobody", password: "password-1") } catch { return 0 }
    return 1
}
try await measure("logIn wrong password (expect 101)", runs: 10) {
    do { _ = try await store.logIn(username: "user1", password: "wrong") } catch { return 0 }
    return 1
}
await gateway.close()
await server.stop()
try? FileManager.default.removeItem(atPath: directory)
