import CChildSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process of a test, started with `posix_spawn` (see
/// `child_spawn.c` for why not Foundation's `Process`) and waited for with
/// `waitpid`.
public final class ChildProcess: @unchecked Sendable {
    /// Where a standard stream of the child goes.
    public enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// This process's own stream.
        case inherit
        /// A file: read (input), or appended to and created if missing
        /// (output; standard output and error may share one).
        case file(String)
        /// A pipe; its other end is `ChildProcess.output` (for standard
        /// output) or `ChildProcess.errorOutput` (for standard error).
        case pipe
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public let path: String
        public let code: Int32
        public var description: String { "cannot start \(path): \(String(cString: strerror(code)))" }
    }

    public let processIdentifier: pid_t
    /// The read end of the child's standard output when it was `.pipe`.
    public let output: FileHandle?
    /// The read end of the child's standard error when it was `.pipe`.
    public let errorOutput: FileHandle?

    private let lock = NSLock()
    private var waitStatus: Int32?

    /// Starts `path` (an absolute path) with `arguments`. `environment` nil
    /// keeps this process's environment.
    public init(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                input: Stream = .null, output outputStream: Stream = .inherit, error errorStream: Stream = .inherit) throws {
        var opened: [Int32] = []
        defer { for fd in opened { close(fd) } }
        var readEnds: [FileHandle?] = [nil, nil]
        func descriptor(_ stream: Stream, forInput: Bool, slot: Int) throws -> Int32 {
            switch stream {
            case .inherit:
                return -1
            case .null:
                let fd = open("/dev/null", (forInput ? O_RDONLY : O_WRONLY) | O_CLOEXEC)
                guard fd >= 0 else { throw SpawnError(path: "/dev/null", code: errno) }
                opened.append(fd)
                return fd
            case .file(let file):
                let fd = forInput ? open(file, O_RDONLY | O_CLOEXEC) : open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw SpawnError(path: file, code: errno) }
                opened.append(fd)
                return fd
            case .pipe:
                precondition(!forInput, "a pipe is for the child's output")
                var ends: [Int32] = [-1, -1]
                guard pipe(&ends) == 0 else { throw SpawnError(path: "pipe", code: errno) }
                // Kept from other children (the spawn closes them in ours).
                _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
                _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
                opened.append(ends[1])
                readEnds[slot] = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
                return ends[1]
            }
        }
        let inputFD = try descriptor(input, forInput: true, slot: 0)
        let outputFD = try descriptor(outputStream, forInput: false, slot: 0)
        let errorFD = try descriptor(errorStream, forInput: false, slot: 1)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp ?? [] { free(pointer) }
        }
        var pid: pid_t = 0
        let code = argv.withUnsafeBufferPointer { argvBuffer in
            if let envp {
                return envp.withUnsafeBufferPointer { envpBuffer in
                    child_spawn(path, argvBuffer.baseAddress, envpBuffer.baseAddress, inputFD, outputFD, errorFD, &pid)
                }
            }
            return child_spawn(path, argvBuffer.baseAddress, nil, inputFD, outputFD, errorFD, &pid)
        }
        guard code == 0 else { throw SpawnError(path: path, code: code) }
        processIdentifier = pid
        output = readEnds[0]
        errorOutput = readEnds[1]
    }

    /// Whether the child has not exited yet (reaps it when it has).
    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        if waitStatus != nil { return false }
        var status: Int32 = 0
        let result = waitpid(processIdentifier, &status, WNOHANG)
        if result == processIdentifier {
            waitStatus = status
            return false
        }
        return result == 0
    }

    /// Waits for the child to exit (blocking this thread) and returns its
    /// exit code, or the signal that ended it (as Foundation's
    /// `terminationStatus` does).
    @discardableResult
    public func waitUntilExit() -> Int32 {
        while true {
            if let status = lock.withLock({ waitStatus }) { return Self.exitCode(status) }
            var status: Int32 = 0
            let result = waitpid(processIdentifier, &status, 0)
            let failure = errno
            let stored: Int32? = lock.withLock {
                if result == processIdentifier { waitStatus = status }
                return waitStatus
            }
            if let stored { return Self.exitCode(stored) }
            // ECHILD: something other than this object reaped it.
            if result < 0 && failure != EINTR { return -1 }
        }
    }

    /// Waits for the exit off the cooperative thread pool.
    public func exit() async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: self.waitUntilExit()) }
        }
    }

    /// The child's exit code, or its signal; nil while it runs.
    public var terminationStatus: Int32? {
        isRunning ? nil : lock.withLock { waitStatus.map(Self.exitCode) }
    }

    /// Sends `signal` unless the child has already been reaped.
    public func send(_ signal: Int32) {
        if isRunning { kill(processIdentifier, signal) }
    }

    /// Sends SIGTERM.
    public func terminate() { send(SIGTERM) }

    /// Ends the child if it still runs (SIGTERM, then SIGKILL after
    /// `grace` seconds) and reaps it: for `defer` on every test path.
    public func stop(grace: TimeInterval = 5) {
        guard isRunning else { return }
        kill(processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning {
            if Date() >= deadline {
                kill(processIdentifier, SIGKILL)
                break
            }
            usleep(5_000)
        }
        waitUntilExit()
    }

    /// Runs `path arguments…` to its end with no input and returns its exit
    /// status and everything it printed (standard output and error).
    public static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).out").path
        defer { unlink(file) }
        let status = try ChildProcess(path, arguments, environment: environment, output: .file(file), error: .file(file)).waitUntilExit()
        return (status, try String(contentsOfFile: file, encoding: .utf8))
    }

    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : signal
    }
}
