import DynadotAPI
import Foundation
import Synchronization

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

/// Keeps the most recent requests in memory (a ring of `capacity`) and
/// appends each as a JSON line to the log file when one is configured. The
/// file is written on a queue of its own, never on the event loop that
/// answers the request.
final class SimRequestLog: Sendable {
    private struct Ring {
        var entries: [SimRequestRecord] = []
        /// Where the next entry goes once the ring is full.
        var next = 0
    }
    private let ring = Mutex(Ring())
    private let capacity = 5000
    private let writer = DispatchQueue(label: "dynafolio.sim.log")
    /// Touched only on `writer`; nil once closed, so a late request can
    /// never write to a closed handle.
    private nonisolated(unsafe) var file: FileHandle?

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
        for name in APIRequest.secretParameters where safe[name] != nil { safe[name] = APIRequest.redactedKey }
        let command = safe.removeValue(forKey: "command") ?? ""
        let names = safe["domain"] ?? safe["domains"] ?? ""
        let count = names.isEmpty ? (0..<100).filter { safe["domain\($0)"] != nil }.count : names.split(separator: ",").count
        let entry = SimRequestRecord(
            timeMs: Int64(Date().timeIntervalSince1970 * 1000), command: command,
            parameters: safe, domainCount: count, outcome: outcome
        )
        let capacity = self.capacity
        ring.withLock { r in
            if r.entries.count < capacity {
                r.entries.append(entry)
            } else {
                r.entries[r.next] = entry
                r.next = (r.next + 1) % capacity
            }
        }
        writer.async {
            self.file?.write(Data((entry.json.serialized() + "\n").utf8))
        }
    }

    /// The kept requests, oldest first.
    var records: [SimRequestRecord] {
        ring.withLock { r in Array(r.entries[r.next...] + r.entries[..<r.next]) }
    }

    /// Writes what is queued, then closes the file.
    func close() {
        writer.sync {
            try? file?.close()
            file = nil
        }
    }
}
