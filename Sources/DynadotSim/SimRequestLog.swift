import DynadotAPI
import Foundation

/// One handled request, as `/_sim/requests` and the `--log` file show it.
/// The key is never part of it.
public struct SimRequestRecord: Sendable, Equatable {
    public var timeMs: Int64
    public var command: String
    public var parameters: [String: String]
    public var domainCount: Int
    /// `success`, `status: message`, `system_busy`, `http_500`, `dropped`, …
    public var outcome: String

    public var json: JSONValue {
        .object([
            "time_ms": .number(Double(timeMs)), "command": .string(command),
            "parameters": .object(parameters.mapValues { .string($0) }),
            "domain_count": .number(Double(domainCount)), "outcome": .string(outcome),
        ])
    }
}

/// Keeps the most recent requests in memory and appends each as a JSON line
/// to the log file when one is configured.
final class SimRequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [SimRequestRecord] = []
    private let capacity = 5000
    /// Set to nil on close, so a late request can never write to a closed handle.
    private var file: FileHandle?

    init(path: String?) {
        if let path {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            file = FileHandle(forWritingAtPath: path)
            _ = try? file?.seekToEnd()
        } else {
            file = nil
        }
    }

    /// Drops the key before anything is stored.
    func record(parameters: [String: String], outcome: String) {
        var safe = parameters
        safe["key"] = nil
        let command = safe.removeValue(forKey: "command") ?? ""
        let names = safe["domain"] ?? safe["domains"] ?? ""
        let count = names.isEmpty ? (0..<100).filter { safe["domain\($0)"] != nil }.count : names.split(separator: ",").count
        let entry = SimRequestRecord(
            timeMs: Int64(Date().timeIntervalSince1970 * 1000), command: command,
            parameters: safe, domainCount: count, outcome: outcome
        )
        lock.lock(); defer { lock.unlock() }
        recent.append(entry)
        if recent.count > capacity { recent.removeFirst(recent.count - capacity) }
        if let file {
            file.write(Data((entry.json.serialized() + "\n").utf8))
        }
    }

    var records: [SimRequestRecord] {
        lock.lock(); defer { lock.unlock() }
        return recent
    }

    func close() {
        lock.lock(); defer { lock.unlock() }
        try? file?.close()
        file = nil
    }
}
