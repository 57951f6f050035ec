import Foundation

/// The account the server runs as. PostgreSQL refuses to run as root, so when this process is
/// root the server programs run as the `postgres` system user (created by Debian's postgresql
/// package), through setpriv (which execs, so the child pid is the server's pid) or runuser.
struct ServerAccount: Sendable {
    let name: String
    let uid: uid_t
    let gid: gid_t
    /// Whether commands must switch to this account (we are root).
    let switches: Bool

    static func current() throws -> ServerAccount {
        let euid = geteuid()
        guard euid == 0 else {
            let name = getpwuid(euid).map { String(cString: $0.pointee.pw_name) } ?? "uid \(euid)"
            return ServerAccount(name: name, uid: euid, gid: getegid(), switches: false)
        }
        guard let entry = getpwnam("postgres") else {
            throw EmbeddedPostgresError(
                "running as root, but PostgreSQL refuses root and there is no `postgres` system user; "
                    + "install the postgresql package (scripts/bootstrap) or run as a normal user")
        }
        return ServerAccount(name: "postgres", uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid, switches: true)
    }

    /// The executable and arguments that run `program` as this account.
    func command(_ program: String, _ arguments: [String]) -> (String, [String]) {
        guard switches else { return (program, arguments) }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            return ("/usr/bin/setpriv",
                    ["--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--", program] + arguments)
        }
        return ("/usr/sbin/runuser", ["-u", name, "--", program] + arguments)
    }

    /// Gives `path` to this account (when switching) with owner-only access.
    func own(_ path: String) throws {
        if switches, chown(path, uid, gid) != 0 {
            throw EmbeddedPostgresError("cannot give \(path) to user \(name): \(String(cString: strerror(errno)))")
        }
        chmod(path, 0o700)
    }

    /// Whether this account can enter and write `directory` (every parent must be searchable).
    func canUse(_ directory: String) async -> Bool {
        guard switches else { return access(directory, W_OK | X_OK) == 0 }
        let (program, arguments) = command("/usr/bin/test", ["-w", directory, "-a", "-x", directory])
        return (try? await ChildProcess.run(program, arguments).status) == 0
    }
}
