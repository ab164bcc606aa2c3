import DynadotAPI
import Foundation
import Logging
import PortfolioStore
import Synchronization

/// A swift-log handler that appends one line per message to a file (mode
/// 0600), redacting anything that looks like the API key.
struct FileLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    private let sink: Sink
    private let label: String

    init(label: String, sink: Sink, level: Logger.Level = .info) {
        self.label = label
        self.sink = sink
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = self.metadata.merging(event.metadata ?? [:]) { $1 }
        let level = event.level, message = event.message
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = UTCDate.isoTimestamp(UTCDate.nowMs())
        sink.write("\(stamp) \(level) \(label): \(message)\(fields.isEmpty ? "" : " " + fields)\n")
    }

    /// The shared open file; redacts with every configured key before writing.
    final class Sink: Sendable {
        /// The file and the keys to redact (one per account); one writer at a time.
        private let state: Mutex<(handle: FileHandle?, keys: [APIKey])>

        init(path: String, key: APIKey?) {
            let dir = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            let handle = FileHandle(forWritingAtPath: path)
            _ = try? handle?.seekToEnd()
            state = Mutex((handle, key.map { [$0] } ?? []))
        }

        func write(_ line: String) {
            state.withLock { state in
                let redacted = state.keys.reduce(line) { Redaction.redact($0, key: $1) }
                state.handle?.write(Data(redacted.utf8))
            }
        }

        /// Redacts `key` too from now on (a key `api_key_command` supplied
        /// after logging started, or another account's key).
        func redact(_ key: APIKey) {
            state.withLock { state in
                if !key.isEmpty, !state.keys.contains(where: { $0.secret == key.secret }) { state.keys.append(key) }
            }
        }
    }
}
