import Foundation

/// A pipe whose read end the listener thread polls beside its socket: writing a byte wakes the
/// thread for new work (registrations, removals) or for stopping.
final class WakePipe: Sendable {
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    init() throws(PostgresError) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else {
            throw PostgresError(kind: .connectionFailed, message: "cannot create the listener's wake pipe (errno \(errno))")
        }
        // Both ends non-blocking: a full pipe already means "wake up", and draining stops at empty.
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Wakes the thread polling the read end; callable from any thread.
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe after a wake-up, so the next poll blocks until the next `wake`.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }
}
