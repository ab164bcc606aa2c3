import Foundation
import Synchronization
import SyncEngine

/// Progress for `sync` and `push` on standard error: a redrawn bar on a
/// terminal, plain lines otherwise (one per step or per tenth of the work),
/// nothing with `--quiet`. Standard output stays clean for scripts.
final class ProgressPrinter: Sendable {
    private let quiet: Bool
    private let onTerminal: Bool
    private let last = Mutex<(step: String, tenth: Int, drew: Bool)>(("", -1, false))

    init(quiet: Bool) {
        self.quiet = quiet
        self.onTerminal = isatty(STDERR_FILENO) == 1
    }

    /// `secondsLeft`, when known and long enough to matter, is shown as
    /// "about 2 min left" (a long push on a Regular account, 60 calls a minute).
    func update(step: String, done: Int, total: Int?, secondsLeft: Double? = nil) {
        guard !quiet else { return }
        if onTerminal {
            let bar: String
            if let total, total > 0 {
                let width = 30
                let filled = min(width, done * width / total)
                bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(done)/\(total)"
            } else {
                bar = "\(done)"
            }
            last.withLock { $0.drew = true }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(step) \(bar)\(Self.remaining(secondsLeft))".utf8))
            return
        }
        let tenth = total.map { $0 > 0 ? done * 10 / $0 : 0 } ?? done
        let print = last.withLock { state -> Bool in
            guard state.step != step || state.tenth != tenth else { return false }
            state = (step, tenth, state.drew)
            return true
        }
        if print {
            FileHandle.standardError.write(Data("\(step): \(done)\(total.map { "/\($0)" } ?? "")\(Self.remaining(secondsLeft))\n".utf8))
        }
    }

    /// ` — about 3 min left`; nothing under ten seconds.
    static func remaining(_ seconds: Double?) -> String {
        PushProgress.timeLeftText(seconds).map { " — " + $0 } ?? ""
    }

    /// Ends a bar line so the next output starts on a fresh line.
    func finish() {
        guard !quiet, onTerminal, last.withLock({ $0.drew }) else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
