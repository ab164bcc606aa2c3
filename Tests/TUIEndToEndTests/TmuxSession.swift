import Foundation
import Testing

/// One detached tmux server (its own `-L` socket) running a shell command
/// in a single pane, driven with `send-keys` and read with `capture-pane`.
/// Waiting polls the pane until the text appears; nothing sleeps for a
/// fixed time beyond a short poll interval.
final class TmuxSession {
    let socket: String

    /// Whether tmux can be run here.
    static var isAvailable: Bool {
        (try? run(["-V"]))?.status == 0
    }

    init(width: Int, height: Int, command: String) throws {
        socket = "dynafolio-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        let result = try Self.run(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
        guard result.status == 0 else { throw TmuxError(message: "tmux new-session failed: \(result.output)") }
        _ = try tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    /// Stops the server (and whatever runs in it). Safe to call twice.
    func kill() {
        _ = try? tmux(["kill-server"])
        // tmux leaves the socket file of a killed server behind.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(folder)/tmux-\(getuid())/\(socket)")
    }

    /// `tmux send-keys` with key names (`Enter`, `Space`, `Escape`, `q`).
    func send(_ keys: String...) throws {
        _ = try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        _ = try tmux(["send-keys", "-t", "0", "-l", text])
    }

    /// The visible screen; with `history`, also the lines scrolled off it
    /// (what a program printed after leaving full-screen mode can end up
    /// there, since curses leaves the cursor on the last line).
    func capture(history: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"] + (history ? ["-S", "-"] : [])).output
    }

    /// Appends every byte the pane's program writes (escape sequences
    /// included, before tmux interprets them) to `path`.
    func pipeOutput(to path: String) throws {
        let result = try tmux(["pipe-pane", "-t", "0", "cat >> " + shellQuoted(path)])
        guard result.status == 0 else { throw TmuxError(message: "tmux pipe-pane failed: \(result.output)") }
    }

    func resize(width: Int, height: Int) throws {
        _ = try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the pane until `predicate` holds on a settled screen (two
    /// captures 50 ms apart agree, so a frame caught half drawn is never
    /// returned), returning it; throws with the last screen after `timeout`
    /// seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 60, history: Bool = false, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture(history: history)
            if predicate(screen) {
                usleep(50_000)
                let again = try capture(history: history)
                if again == screen || (history && predicate(again)) { return again }
                screen = again
                continue
            }
            usleep(50_000)
        }
        throw TmuxError(message: "timed out waiting for \(what); the screen was:\n\(screen)")
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 60, history: Bool = false) throws -> String {
        try waitFor("'\(text)'", timeout: timeout, history: history) { $0.contains(text) }
    }

    private func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Self.run(["-L", socket] + arguments)
    }

    /// Runs tmux through `popen` (Foundation's `Process` can miss the
    /// child's exit when waited on from a concurrency thread on Linux).
    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let command = (["tmux"] + arguments).map(shellQuoted).joined(separator: " ") + " 2>&1"
        guard let pipe = popen(command, "r") else { throw TmuxError(message: "cannot run tmux") }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count <= 0 { break }
            output.append(buffer, count: count)
        }
        let status = pclose(pipe)
        return (status == 0 ? 0 : max(1, status >> 8), String(decoding: output, as: UTF8.self))
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Where the built `dynafolio` binary is: next to the test bundle.
enum BuiltBinary {
    static var path: String? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("dynafolio"))
            folder = folder.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/dynafolio"))
        return candidates.map(\.path).first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
    }
}

/// Single-quotes a value for `sh`.
func shellQuoted(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
