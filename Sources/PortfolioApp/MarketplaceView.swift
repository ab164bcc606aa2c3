import PortfolioStore
import SyncEngine
import TerminalUI

/// The Listings pane's second view: the cached marketplace catalogue
/// (`get_listings`), read a window at a time, filtered by name.
struct MarketplaceView {
    private(set) var count = 0
    private(set) var filterText = ""
    /// The filter line while it is open.
    private(set) var filterInput: TextInput?
    private(set) var table = TableState()
    private var window: [MarketplaceListingRow] = []
    private var windowOffset = 0
    private var loaded = false
    /// Which listings of the window are your own domains.
    private var owned: Set<String> = []
    /// Why the cache could not be read, shown in place of the rows.
    private var readError: String?
    private(set) var visibleRows = 20

    static let columns = [
        TableColumn("Domain", minWidth: 20, maxWidth: 48, flex: 2), TableColumn("Price", minWidth: 10, alignment: .right),
        TableColumn("Links", minWidth: 5, alignment: .right), TableColumn("Age", minWidth: 4, alignment: .right),
        TableColumn("Status", minWidth: 10, flex: 1),
    ]

    var isFiltering: Bool { filterInput != nil }

    /// The listing under the cursor, if it was drawn.
    var cursorListing: MarketplaceListingRow? {
        let index = table.cursor - windowOffset
        return index >= 0 && index < window.count ? window[index] : nil
    }

    mutating func refresh(_ app: AppEnvironment) throws {
        readError = nil
        do {
            count = try app.store.marketplaceListingCount(domain: filterText.isEmpty ? nil : filterText)
        } catch {
            count = 0
            readError = StatusMessage(error: error).text
            throw error
        }
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: count)
        loaded = false
    }

    /// Draws the window, reading it first when it moved; `ownedAmong` says
    /// which names are your own domains.
    mutating func render(into screen: inout Screen, rect: Rect, app: AppEnvironment,
                         ownedAmong: ([String]) throws -> Set<String>) {
        var body = rect
        let (line, rest) = body.splitTop(1)
        body = rest
        renderFilterLine(into: &screen, rect: line)
        let empty = readError.map { "cannot read the marketplace: \($0)" }
            ?? (filterText.isEmpty ? "no marketplace listings cached — press F to fetch the catalogue" : "no listing matches the filter")
        let view = TableView(columns: Self.columns, rowCount: count, state: table, emptyText: empty)
        visibleRows = max(1, view.visibleRows(in: body))
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: count)
        if !loaded || table.scrollOffset != windowOffset || window.count < min(visibleRows, count - table.scrollOffset) {
            do {
                window = try app.store.marketplaceListings(limit: visibleRows, offset: table.scrollOffset,
                                                           domain: filterText.isEmpty ? nil : filterText)
                owned = try ownedAmong(window.map(\.domain))
            } catch {
                window = []
                readError = StatusMessage(error: error).text
            }
            windowOffset = table.scrollOffset
            loaded = true
        }
        let rows = window, offset = windowOffset, ownDomains = owned
        table = view.render(into: &screen, rect: body) { index in
            let i = index - offset
            guard i >= 0, i < rows.count else { return TableRow([]) }
            let listing = rows[i]
            let status: TableCell = ownDomains.contains(listing.domain) ? TableCell("yours", accent: .dim)
                : listing.pendingSaleLocked ? TableCell("sale pending", accent: .pending) : TableCell("buy now", accent: .ok)
            return TableRow([TableCell(listing.domain),
                             TableCell(listing.priceCents.map { Cents.dollars($0) } ?? "—"),
                             TableCell(listing.inboundLinks.map(String.init) ?? ""), TableCell(listing.age.map(String.init) ?? ""),
                             status])
        }
    }

    private func renderFilterLine(into screen: inout Screen, rect: Rect) {
        let countText = " Marketplace · \(count) listing\(count == 1 ? "" : "s") "
        let (inputRect, countRect) = rect.splitRight(min(rect.width / 2, DisplayWidth.of(countText) + 1))
        if let filterInput {
            filterInput.render(into: &screen, rect: inputRect, prompt: "/")
        } else {
            screen.fill(inputRect, style: Style(.input))
            let text = filterText.isEmpty ? "/ filters by name · m your listings" : "/" + filterText
            screen.put(text, at: inputRect.origin, style: Style(.input, accent: filterText.isEmpty ? .dim : nil), maxWidth: inputRect.width)
        }
        screen.fill(countRect, style: Style(.input))
        screen.put(DisplayWidth.pad(countText, to: countRect.width, alignment: .right), at: countRect.origin,
                   style: Style(.input, accent: .dim))
    }

    /// Moves the cursor; true when the action was a move.
    mutating func move(_ action: Action) -> Bool {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: count, visibleRows: visibleRows)
        default: return false
        }
        return true
    }

    mutating func openFilter() { filterInput = TextInput(text: filterText) }

    /// Feeds a key to the open filter line; true when the filter changed.
    mutating func handleFilter(_ key: KeyEvent) -> Bool {
        guard var input = filterInput else { return false }
        let outcome = input.handle(key)
        filterInput = input
        switch outcome {
        case .changed:
            filterText = input.text.trimmingCharacters(in: .whitespaces)
        case .submitted:
            filterInput = nil
            return false
        case .cancelled:
            filterInput = nil
            filterText = ""
        case .moved, .ignored:
            return false
        }
        table = TableState()
        return true
    }
}
