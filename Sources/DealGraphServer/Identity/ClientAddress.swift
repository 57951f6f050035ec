import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as bytes (4 or 16), parsed with `inet_pton`; an IPv4-mapped IPv6
/// address (`::ffff:192.0.2.1`) is its IPv4 address.
struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    let bytes: [UInt8]

    init?(_ text: some StringProtocol) {
        var text = String(text).trimmingCharacters(in: .whitespaces)
        // `[2001:db8::1]:443` and `192.0.2.1:443`, as some proxies write a hop.
        if text.hasPrefix("["), let end = text.firstIndex(of: "]") {
            text = String(text[text.index(after: text.startIndex)..<end])
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = String(text[..<colon])
        }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let all = withUnsafeBytes(of: &v6) { Array($0) }
        bytes = all.prefix(10).allSatisfy { $0 == 0 } && all[10] == 0xFF && all[11] == 0xFF ? Array(all.suffix(4)) : all
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    var description: String {
        var copy = bytes
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        _ = copy.withUnsafeMutableBytes { inet_ntop(family, $0.baseAddress, &text, socklen_t(text.count)) }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The key a per-client limit counts under: the address itself for IPv4, its /64 network
    /// for IPv6 (one subscriber usually holds a whole /64, so counting single addresses there
    /// would limit nothing).
    var limitKey: String {
        bytes.count == 4 ? description : IPAddress(bytes: Array(bytes.prefix(8)) + Array(repeating: 0, count: 8)).description + "/64"
    }
}

/// Addresses and networks (`10.0.0.0/8`, `192.0.2.7`, `fd00::/8`) whose `X-Forwarded-For` is
/// believed: the proxies in front of the gateway.
public struct TrustedProxies: Sendable, Equatable {
    struct Network: Sendable, Equatable {
        let address: [UInt8]
        let prefix: Int

        func contains(_ ip: IPAddress) -> Bool {
            guard ip.bytes.count == address.count else { return false }
            var remaining = prefix
            for (a, b) in zip(ip.bytes, address) where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                guard a & mask == b & mask else { return false }
                remaining -= bits
            }
            return true
        }
    }

    let networks: [Network]

    /// None: `X-Forwarded-For` is ignored and the client is the peer of the TCP connection.
    public static let none = TrustedProxies(networks: [])

    init(networks: [Network]) { self.networks = networks }

    /// A comma-separated list; nil when an entry is not an address or network.
    public init?(list: String) {
        var networks: [Network] = []
        for entry in list.split(separator: ",") {
            let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1)
            guard let first = parts.first, let ip = IPAddress(first) else { return nil }
            let width = ip.bytes.count * 8
            var prefix = width
            if parts.count == 2 {
                guard let given = Int(parts[1]), (0...width).contains(given) else { return nil }
                prefix = given
            }
            networks.append(Network(address: ip.bytes, prefix: prefix))
        }
        guard !networks.isEmpty else { return nil }
        self.networks = networks
    }

    func contains(_ ip: IPAddress) -> Bool { networks.contains { $0.contains(ip) } }

    /// The client of a request that reached the gateway from `peer` with these
    /// `X-Forwarded-For` values: the peer itself unless it is trusted; else the hops read from
    /// the right (each proxy appends the address it saw) up to the first one that is not a
    /// trusted proxy. Hops to its left may be forged by the client, so they are never read.
    func client(peer: IPAddress?, forwardedFor: [String]) -> IPAddress? {
        guard var client = peer, contains(client) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
        for hop in hops.reversed() {
            guard let address = IPAddress(hop) else { return client }
            client = address
            if !contains(address) { return address }
        }
        return client
    }
}
