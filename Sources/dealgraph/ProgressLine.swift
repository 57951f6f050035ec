import Foundation

/// Progress on stderr: a bar redrawn in place when stderr is a terminal, otherwise a plain line
/// at every tenth of the work (logs and CI stay readable).
struct ProgressLine {
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) == 1
    private let started = ContinuousClock.now
    private var lastShown = -1
    /// The command, for the plain lines; the unit of `done` and `total`.
    var command = "seed", unit = "rows"

    mutating func show(_ label: String, done: Int, total: Int) {
        let share = total > 0 ? Double(done) / Double(total) : 1
        let permille = Int(share * 1000)
        if isTerminal {
            guard permille != lastShown else { return }
            lastShown = permille
            let width = 30, filled = Int(share * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write("\r[\(bar)] \(permille / 10)% \(done)/\(total) \(unit) \(label) \(elapsed)\u{1B}[K")
        } else {
            guard permille / 100 != lastShown / 100 || done == total, permille != lastShown else { return }
            lastShown = permille
            write("\(command): \(permille / 10)% (\(done)/\(total) \(unit), \(label), \(elapsed))\n")
        }
    }

    /// Ends the bar's line.
    func finish() {
        if isTerminal && lastShown >= 0 { write("\n") }
    }

    private var elapsed: String {
        let seconds = Double((ContinuousClock.now - started).components.seconds)
        return "\(Int(seconds))s"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
