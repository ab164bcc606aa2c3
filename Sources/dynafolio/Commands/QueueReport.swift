import DynadotAPI
import Foundation
import SyncEngine

/// What queueing printed, shared by `set`, `renew` and `dns`.
enum QueueReport {
    /// `domains`: how many domains the queued changes touch, when a domain
    /// may get several (an import); otherwise one change per domain.
    static func print(_ summary: QueueSummary, what: String, domains: Int? = nil) {
        let count = domains ?? summary.added
        var parts = ["queued \(what) for \(count) domain\(count == 1 ? "" : "s")"]
        if summary.superseded > 0 { parts.append("\(summary.superseded) earlier edit\(summary.superseded == 1 ? "" : "s") replaced") }
        if summary.cancelled > 0 { parts.append("\(summary.cancelled) cancelled (back to the cached value)") }
        if summary.unchanged > 0 { parts.append("\(summary.unchanged) already set") }
        Swift.print(TerminalText.escaped(parts.joined(separator: "; "), keepingLayout: true) + ". Review with `dynafolio plan`, send with `dynafolio push`.")
    }
}
