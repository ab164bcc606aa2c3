import Foundation
import GRDB
import Synchronization

/// The store's in-memory filter index: `FilterColumns` plus what keeps it
/// current and the results it caches (the last query's matches, one order
/// per sort column). Off until `PortfolioDatabase.startFilterIndex()`; the
/// CLI's one-shot reads never pay for building it.
final class FilterIndex: Sendable {
    enum Phase: Sendable {
        case off
        /// A build runs in the background; queries run in SQL meanwhile.
        case building
        case ready
        /// The cache holds values the copy does not model: SQL only.
        case unavailable
    }

    struct State: Sendable {
        var phase: Phase = .off
        var columns = FilterColumns()
        /// The last evaluated query's matches, keyed by the copy's version.
        var matches: (query: PortfolioQuery, nowMs: Int64, version: Int, bits: [Bool], count: Int)?
        /// The latest ascending order by a field other than `.name`, for the copy's version.
        var orders: [DomainSort.Field: (version: Int, slots: [Int32])] = [:]
        var builds = 0
        var patches = 0
        /// A background read of the markers runs.
        var markerRefresh = false
        /// How often stale markers were replaced from the background (tests).
        var markerRefreshes = 0
        /// Set while a test reads the SQL path on purpose.
        var bypass = false
        /// Up to this many matches are sorted by name on their own, instead
        /// of walking the whole name order (a test lowers it to cover both).
        var fewMatches = 20_000
    }

    let state = Mutex(State())
}

extension PortfolioDatabase {
    /// Keeps an in-memory index of what the query language reads from now
    /// on, so a keystroke in the filter scans memory instead of the table.
    /// The first build runs in the background; until it is ready, and
    /// whenever it cannot be patched from the change log and is being
    /// rebuilt, queries run in SQL as before (same results). Idempotent.
    public func startFilterIndex() {
        let start = filterIndex.state.withLock { state -> Bool in
            guard case .off = state.phase else { return false }
            state.phase = .building
            return true
        }
        if start { rebuildFilterIndexInBackground() }
    }

    /// Builds (or rebuilds) the index now, on the calling thread, and
    /// keeps it current from then on: for a caller that would wait for it
    /// anyway (the benchmark). Whether the cache's values allow an index is
    /// returned; when not, queries run in SQL.
    @discardableResult
    public func buildFilterIndex() throws -> Bool {
        try buildFilterIndexNow()
        return filterIndex.state.withLock { if case .ready = $0.phase { return true } else { return false } }
    }

    /// Builds the index now, on the calling thread (tests, the benchmark).
    func buildFilterIndexNow() throws {
        filterIndex.state.withLock { $0.phase = .building }
        try rebuildFilterIndex()
    }

    /// After every row was replaced at once (the All-accounts view's copy
    /// read again): a running index is built again in the background, and
    /// queries run in SQL until it is ready, instead of a patch of every
    /// row on the caller's thread. An index that is off stays off; one
    /// being built catches up from the change log as after any write.
    func rebuildFilterIndexAfterReplacingRows() {
        let start = filterIndex.state.withLock { state -> Bool in
            switch state.phase {
            case .off, .building: return false
            case .ready, .unavailable:
                state.phase = .building
                state.matches = nil
                state.orders = [:]
                return true
            }
        }
        if start { rebuildFilterIndexInBackground() }
    }

    /// Runs `body` with every query in SQL (the differential test).
    func bypassingFilterIndex<T>(_ body: () throws -> T) rethrows -> T {
        filterIndex.state.withLock { $0.bypass = true }
        defer { filterIndex.state.withLock { $0.bypass = false } }
        return try body()
    }

    /// How often the index was built and patched (tests).
    var filterIndexCounts: (builds: Int, patches: Int) {
        filterIndex.state.withLock { ($0.builds, $0.patches) }
    }

    private func rebuildFilterIndexInBackground() {
        DispatchQueue.global(qos: .utility).async { [self] in
            do {
                try rebuildFilterIndex()
            } catch {
                // A failed read leaves the index off; SQL answers instead.
                filterIndex.state.withLock { $0.phase = .off }
            }
        }
    }

    private func rebuildFilterIndex() throws {
        let generation = try changeGeneration()
        let built = try writer.read { db in try FilterColumns.build(db, generation: generation) }
        filterIndex.state.withLock { state in
            guard case .building = state.phase else { return }
            guard var built else {
                state.phase = .unavailable
                return
            }
            built.version = state.columns.version + 1
            state.columns = built
            state.matches = nil
            state.orders = [:]
            state.phase = .ready
            state.builds += 1
        }
    }

    /// Runs `body` on the index when it is ready and current (patching it
    /// first from the change log when the cache changed); nil when the
    /// query must run in SQL. `query` (when the body evaluates one) says
    /// whether it reads the outbox markers: while those are stale (a big
    /// edit just opened many intents) such a query runs in SQL, and the
    /// markers are read again in the background.
    func withFilterIndex<T>(reading query: PortfolioQuery? = nil, _ body: (inout FilterIndex.State) throws -> T) rethrows -> T? {
        guard let generation = try? changeGeneration() else { return nil }
        var rebuild = false
        var refreshMarkers: [Int64]?
        defer { if let rowIDs = refreshMarkers { refreshMarkersInBackground(rowIDs: rowIDs) } }
        let result: T? = try filterIndex.state.withLock { state in
            guard case .ready = state.phase, !state.bypass else { return nil }
            if state.columns.generation != generation {
                // In place (a copy would double the index's memory for a
                // moment); a patch that stops half way leaves a copy that
                // is rebuilt, never read.
                let patched = (try? writer.read { db in try state.columns.patch(db, generation: generation) }) ?? false
                guard patched else {
                    state.phase = .building
                    state.matches = nil
                    state.orders = [:]
                    rebuild = true
                    return nil
                }
                state.patches += 1
            }
            if state.columns.markersStale {
                if !state.markerRefresh {
                    state.markerRefresh = true
                    refreshMarkers = state.columns.rowIDs
                }
                if let query, FilterIndex.readsMarkers(query) { return nil }
            }
            return try body(&state)
        }
        if rebuild { rebuildFilterIndexInBackground() }
        return result
    }

    /// Reads both markers for the slots of `rowIDs` off the UI thread and
    /// installs them when the copy has not moved on meanwhile (else the next
    /// query asks again).
    private func refreshMarkersInBackground(rowIDs: [Int64]) {
        DispatchQueue.global(qos: .utility).async { [self] in
            var markers: FilterColumns.Markers?
            var generation: Int64?
            if let before = try? changeGeneration(),
               let read = try? writer.read({ db in try FilterColumns.readMarkers(db, rowIDs: rowIDs) }),
               (try? changeGeneration()) == before {
                // Nothing committed between the two generation reads: the
                // markers are those of `before`.
                markers = read
                generation = before
            }
            filterIndex.state.withLock { state in
                state.markerRefresh = false
                guard let markers, case .ready = state.phase, state.columns.markersStale,
                      state.columns.generation == generation, state.columns.rowIDs.count == rowIDs.count else { return }
                state.columns.install(markers)
                state.columns.version += 1
                state.markerRefreshes += 1
            }
        }
    }
}
