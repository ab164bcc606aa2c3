/// Everything a key can do in the TUI. The raw value is the id used in
/// `config.toml` `[keys]` (`select-all = ["*", "A"]`).
public enum Action: String, Sendable, CaseIterable, Hashable {
    // Panes
    case showDomains = "pane-domains"
    case showExpiries = "pane-expiries"
    case showDNS = "pane-dns"
    case showListings = "pane-listings"
    case showContacts = "pane-contacts"
    case showOrders = "pane-orders"
    case showQueue = "pane-queue"
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    // Moving
    case down, up, top, bottom
    case pageDown = "page-down"
    case pageUp = "page-up"
    // Global
    case help, quit, sync
    case commandLine = "command-line"
    // Domains pane
    case filter
    case toggleSelect = "toggle-select"
    case rangeSelect = "range-select"
    case selectAll = "select-all"
    case invertSelection = "invert-selection"
    case clearSelection = "clear-selection"
    case reselect
    case sortNext = "sort-next"
    case sortReverse = "sort-reverse"
    case toggleDetail = "toggle-detail"
    case setNameServers = "set-ns"
    case setRenewOption = "set-renew"
    case setPrivacy = "set-privacy"
    case setLock = "set-lock"
    case setFolder = "set-folder"
    case setNote = "set-note"
    case setForwarding = "set-forward"
    case setStealth = "set-stealth"
    case setParking = "set-parking"
    case setForSale = "set-sale"
    case unlist
    case renew
    // Expiries pane
    case selectMonth = "select-month"
    case openMonth = "open-month"
    case renewMonths = "renew-months"
    case renewOptionMonths = "renew-option-months"
    case clearMonths = "clear-months"
    // DNS pane
    case addRecord = "dns-add"
    case editRecord = "dns-edit"
    case deleteRecord = "dns-delete"
    case revertRecords = "dns-revert"
    case fetchRecords = "dns-fetch"
    case copyRecords = "dns-copy"
    case switchToDNS = "dns-switch"
    // Queue pane
    case push
    case dropDomain = "drop"
    case dropAll = "drop-all"
    case retryFailed = "retry-failed"
    case keepRemote = "keep-remote"
    case reapplyMine = "reapply-mine"
    // Listings pane
    case listingSelect = "listing-select"
    case listingPrice = "listing-price"
    case listingUnlist = "listing-unlist"
    case listingFetch = "listing-fetch"
    case marketplaceView = "marketplace"
    case marketplaceFilter = "marketplace-filter"
    case buyItNow = "buy-it-now"
    // Contacts pane
    case editContact = "edit-contact"
    case assignContact = "assign-contact"
    // Orders pane
    case orderFilter = "order-filter"
    case orderStatus = "order-status"
}

/// Where an action's keys work.
public enum ActionScope: String, Sendable, Hashable, CaseIterable {
    /// Everywhere (unless a prompt or dialog has the keys).
    case global
    case domains
    case expiries
    case dns
    case listings
    case contacts
    case orders
    case queue

    /// The heading in the help overlay and the README.
    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .domains: return "Domains pane"
        case .expiries: return "Expiries pane"
        case .dns: return "DNS pane"
        case .queue: return "Queue pane"
        case .listings: return "Listings pane"
        case .contacts: return "Contacts pane"
        case .orders: return "Orders pane"
        }
    }
}

/// One row of the action table.
public struct ActionSpec: Sendable {
    public var action: Action
    /// Default keys, written as in help (`j`, `Down`, `C-f`, `Space`, `gv`).
    public var keys: [String]
    public var scope: ActionScope
    public var description: String
    /// Short label for the footer; `nil` keeps the action out of the footer.
    public var hint: String?
    /// Asks for confirmation or spends money.
    public var isDangerous: Bool
    /// Why the action cannot run now (`nil`: it can).
    public var disabledReason: @Sendable (AppState) -> String?

    public init(_ action: Action, _ keys: [String], _ scope: ActionScope, _ description: String,
                hint: String? = nil, dangerous: Bool = false,
                disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) {
        self.action = action
        self.keys = keys
        self.scope = scope
        self.description = description
        self.hint = hint
        self.isDangerous = dangerous
        self.disabledReason = disabled
    }
}
