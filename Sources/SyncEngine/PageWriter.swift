import Foundation
import Synchronization
@_spi(OutboxWriter) import PortfolioStore

/// Writes `list_domain` pages on a background queue while the next page is
/// fetched and parsed, so the two halves of a pull overlap.
///
/// Pages are written in batches of about 10, one transaction per batch:
/// each commit rewrites every index page it touched (names arrive in random
/// order), so fewer, larger transactions write far less. See
/// `DomainListing.ingest(pages:)` for how a batch is written; gone marking
/// still waits for a complete listing.
final class PageWriter: Sendable {
    private let listing: DomainListing
    private let queue = DispatchQueue(label: "dynafolio.sync.page-writer")
    private let state: Mutex<State>

    /// Pages waiting for the writer, and the first write error.
    private struct State {
        var pending: [[DomainRow]] = []
        var pendingRows = 0
        var failure: (any Error)?
        /// Whether the next page is written on its own, without waiting for
        /// a batch (the first page of a first sync, so rows appear at once).
        var writeNextAtOnce: Bool
    }

    /// A write starts once this many rows are queued (or at `finish`): with
    /// ~10 pages per transaction the index pages are rewritten a tenth as often.
    static let minimumBatchRows = 10_000
    /// Above this many queued rows `submit` waits for the writer, which
    /// bounds memory when parsing outruns SQLite.
    static let maximumQueuedRows = 30_000

    /// `firstPageAtOnce`: write the first page as soon as it is submitted
    /// (a first sync on an empty cache), then batch as usual.
    init(listing: DomainListing, firstPageAtOnce: Bool = false) {
        self.listing = listing
        state = Mutex(State(writeNextAtOnce: firstPageAtOnce))
    }

    /// Queues one page; throws the first write error seen so far.
    func submit(_ page: [DomainRow]) async throws {
        let (mustWait, startWrite): (Bool, Bool) = state.withLock { state in
            state.pending.append(page)
            state.pendingRows += page.count
            let atOnce = state.writeNextAtOnce
            state.writeNextAtOnce = false
            return (state.pendingRows > Self.maximumQueuedRows, atOnce || state.pendingRows >= Self.minimumBatchRows)
        }
        if startWrite { queue.async { self.drain() } }
        if mustWait { try await finish() }
        try rethrowFailure()
    }

    /// Writes what is still queued and waits until every page is written;
    /// throws the first write error.
    func finish() async throws {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async {
                self.drain()
                done.resume()
            }
        }
        try rethrowFailure()
    }

    private func rethrowFailure() throws {
        if let error = state.withLock({ $0.failure }) { throw error }
    }

    /// Runs on `queue`: writes everything queued so far in one transaction.
    private func drain() {
        let pages: [[DomainRow]] = state.withLock { state in
            defer { state.pending = []; state.pendingRows = 0 }
            return state.failure == nil ? state.pending : []
        }
        guard !pages.isEmpty else { return }
        do {
            try listing.ingest(pages: pages)
        } catch {
            state.withLock { state in if state.failure == nil { state.failure = error } }
        }
    }
}
