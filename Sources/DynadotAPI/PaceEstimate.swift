import Foundation
import Synchronization

/// How long more requests will take at a client's pace, for progress lines
/// such as "about 2 min left" (see `DynadotClient.estimatedSeconds`).
enum PaceEstimate {
    /// The answer time assumed before any was measured, seconds.
    static let assumedAnswerSeconds = 0.5

    /// The slower of the two limits: the per-minute rate (`n · 60 / rate`)
    /// and the concurrency (`n · answerSeconds / concurrency`). The rate's
    /// initial burst is left out, so a short job is estimated long rather
    /// than short.
    static func seconds(forRequests n: Int, requestsPerMinute: Int?, concurrency: Int, answerSeconds: Double) -> Double {
        guard n > 0 else { return 0 }
        let byRate = requestsPerMinute.map { Double(n) * RequestRateWindow.seconds / Double(max(1, $0)) } ?? 0
        let byConcurrency = Double(n) * max(0, answerSeconds) / Double(max(1, concurrency))
        return max(byRate, byConcurrency)
    }
}

/// The typical time Dynadot takes to answer, measured on this client's
/// exchanges: the first answer, then a moving average that follows the
/// service as it slows down or recovers.
final class AnswerTimes: Sendable {
    private let average = Mutex<Double?>(nil)

    /// Records one exchange that got an HTTP answer.
    func record(seconds: Double) {
        guard seconds.isFinite, seconds >= 0 else { return }
        average.withLock { average in average = average.map { $0 * 0.8 + seconds * 0.2 } ?? seconds }
    }

    /// The typical answer time, or the assumed one before any answer.
    var typical: Double {
        average.withLock { $0 } ?? PaceEstimate.assumedAnswerSeconds
    }
}
