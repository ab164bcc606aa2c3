import DynadotAPI
import Foundation
import Logging
import PortfolioStore

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
        let fields = all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " ")
        let stamp = UTCDate.isoTimestamp(UTCDate.nowMs())
        sink.write("\(stamp) \(level) \(label): \(message)\(fields.isEmpty ? "" : " " + fields)\n")
    }

    /// The shared open file; redacts with the configured key before writing.
    final class Sink: @unchecked Sendable {
        private let handle: FileHandle?
        private var key: APIKey?
        private let lock = NSLock()

        init(path: String, key: APIKey?) {
            self.key = key
            let dir = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            handle = FileHandle(forWritingAtPath: path)
            _ = try? handle?.seekToEnd()
        }

        func write(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            let safe = Redaction.redact(line, key: key)
            handle?.write(Data(safe.utf8))
        }

        /// Redacts `key` too from now on (a key `api_key_command` supplied
        /// after logging started).
        func redact(_ key: APIKey) {
            lock.lock()
            defer { lock.unlock() }
            self.key = key
        }
    }
}
