import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// What to pull.
public struct PullOptions: Sendable {
    /// Also fetch the record set of every domain on Dynadot DNS.
    public var includeDNS: Bool
    /// Domains per `list_domain` page.
    public var pageSize: Int
    /// Days of history to keep; older history is pruned at the end of the
    /// listing. Nil: the engine's `historyDays` (`history_days`).
    public var historyDays: Int?

    public init(includeDNS: Bool = false, pageSize: Int = 1000, historyDays: Int? = nil) {
        self.includeDNS = includeDNS
        self.pageSize = max(1, pageSize)
        self.historyDays = historyDays
    }
}

/// Progress of a pull, for progress bars.
public struct SyncProgress: Sendable, Equatable {
    /// `account`, `domains`, `contacts`, `folders`, `name servers`, `prices`, `orders`, `dns`.
    public var step: String
    public var done: Int
    /// Best estimate; `nil` when unknown (show a running count, not a bar).
    /// For `domains`: the cached domain count while `done` is below it.
    public var total: Int?
}

/// What a pull did.
public struct PullSummary: Sendable, Equatable {
    public var calls = 0
    public var domains = 0
    /// Domain rows that actually changed.
    public var changed = 0
    /// Domains marked gone after a complete listing.
    public var gone = 0
    public var pages = 0
    public var dnsFetched = 0
}

extension SyncEngine {
    /// Refreshes the cache from the account, as DESIGN.md's data flow says:
    /// paged `list_domain` (one transaction per page; gone only after a
    /// complete listing), then contacts, folders, name servers, account,
    /// balance, TLD prices and orders (incremental with overlap), and record
    /// sets when asked.
    @discardableResult
    public func pull(_ options: PullOptions = PullOptions(),
                     progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }) async throws -> PullSummary {
        let client = try requireClient()
        var summary = PullSummary()
        do {
            try await pullAccount(client, &summary, progress)
            try await pullDomains(client, options, &summary, progress)
            try settleHistory(days: options.historyDays ?? historyDays)
            try await pullContactsFoldersServers(client, &summary, progress)
            try await pullPrices(client, &summary, progress)
            try await pullOrders(client, &summary, progress)
            if options.includeDNS { try await pullAllDNS(client, &summary, progress) }
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            if case .outage(_, let message) = error { throw SyncError.outage(message) }
            throw error
        }
        logger.info("pull complete", metadata: ["calls": "\(summary.calls)", "domains": "\(summary.domains)",
                                                "changed": "\(summary.changed)", "gone": "\(summary.gone)"])
        return summary
    }

    func pullDomains(_ client: DynadotClient, _ options: PullOptions, _ summary: inout PullSummary,
                             _ progress: @Sendable (SyncProgress) -> Void) async throws {
        let run = try store.beginSyncRun(kind: "domains")
        let estimate = try store.count(matching: PortfolioQuery.all)
        let listing = DomainListing(store: store)
        // Page N is written while page N + 1 is fetched and parsed.
        // On an empty cache the first page is written at once, so the
        // Domains pane shows rows while the rest of the listing arrives.
        let writer = PageWriter(listing: listing, firstPageAtOnce: estimate == 0)
        var page = 0
        var previousFirst: String?
        var complete = false
        do {
            do {
                while true {
                    let request = APIRequest("list_domain", ["count_per_page": String(options.pageSize), "page_index": String(page)])
                    summary.calls += 1
                    let list = try await client.send(request, fastDecode: DomainList.fastDecode, decode: DomainList.init)
                    // A server that ignores paging answers every page with the
                    // whole list: the first page then is the complete listing.
                    if list.domains.first?.name == previousFirst, previousFirst != nil { complete = true; break }
                    previousFirst = list.domains.first?.name
                    let now = store.nowMs
                    let rows = list.domains.map { RecordMapping.row($0, syncedAtMs: now) }
                    try await writer.submit(rows)
                    summary.domains += rows.count
                    summary.pages += 1
                    // Of the cached count while below it; past it (or on an
                    // empty cache) no total is known: a running count, never
                    // a full bar that means nothing.
                    progress(SyncProgress(step: "domains", done: summary.domains,
                                          total: summary.domains < estimate ? estimate : nil))
                    if list.domains.count < options.pageSize || list.domains.count > options.pageSize {
                        complete = true
                        break
                    }
                    page += 1
                }
            } catch {
                // Keep what was fetched before the failure.
                try? await writer.finish()
                summary.changed = listing.changedCount
                throw error
            }
            try await writer.finish()
            summary.changed = listing.changedCount
            if complete { summary.gone = try listing.finishComplete() }
            try store.endSyncRun(id: run, pages: summary.pages, items: summary.domains, changed: summary.changed,
                                 outcome: complete ? .complete : .partial)
        } catch {
            try? store.endSyncRun(id: run, pages: summary.pages, items: summary.domains, changed: summary.changed,
                                  outcome: .partial, message: PortfolioStoreError.userMessage(for: error) ?? "\(error)")
            throw error
        }
    }

    private func pullAccount(_ client: DynadotClient, _ summary: inout PullSummary,
                             _ progress: @Sendable (SyncProgress) -> Void) async throws {
        progress(SyncProgress(step: "account", done: 0, total: 2))
        summary.calls += 2
        let info = try AccountInfo(try await client.send(APIRequest("account_info")))
        try checkSameAccount(info)
        let balances = try AccountBalances(try await client.send(APIRequest("get_account_balance")))
        let balance = balances.balances.first ?? info.balance
        try store.saveAccount(AccountRow(username: info.username ?? "", tier: info.tier?.rawValue ?? "",
                                         balanceCents: balance?.cents, currency: balance?.currency ?? "USD",
                                         extraJSON: Self.accountExtra(info), fetchedAtMs: store.nowMs))
        progress(SyncProgress(step: "account", done: 2, total: 2))
    }

    /// Refuses an `account_info` that names another Dynadot account than
    /// the one the cache was synced from (the cache records the username
    /// on its first sync), so one account's cache never takes another's data.
    func checkSameAccount(_ info: AccountInfo) throws {
        guard let username = info.username, !username.isEmpty,
              let cached = try store.account()?.username, !cached.isEmpty, cached != username else { return }
        throw SyncError.otherAccount(cached: cached, key: username)
    }

    /// Asks `account_info` who the key belongs to and refuses a key of
    /// another account than the cache's (before a push sends anything).
    public func verifyAccount() async throws {
        let client = try requireClient()
        do {
            try checkSameAccount(try AccountInfo(try await client.send(APIRequest("account_info"))))
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            if case .outage(_, let message) = error { throw SyncError.outage(message) }
            throw error
        }
    }

    private func pullContactsFoldersServers(_ client: DynadotClient, _ summary: inout PullSummary,
                                            _ progress: @Sendable (SyncProgress) -> Void) async throws {
        progress(SyncProgress(step: "contacts", done: 0, total: nil))
        summary.calls += 3
        let contacts = try ContactList(try await client.send(APIRequest("contact_list"))).contacts
        let now = store.nowMs
        try store.replaceContacts(contacts.compactMap(Self.contactRow), syncedAtMs: now)
        progress(SyncProgress(step: "folders", done: 0, total: nil))
        let folders = try FolderList(try await client.send(APIRequest("folder_list"))).folders
        try store.replaceFolders(folders.map(Self.folderRow), syncedAtMs: now)
        progress(SyncProgress(step: "name servers", done: 0, total: nil))
        let servers = try ServerList(try await client.send(APIRequest("server_list"))).servers
        try store.replaceRegisteredNameServers(servers.map { RegisteredNameServerRow(serverID: $0.serverId, host: $0.host, ips: $0.ips) },
                                               syncedAtMs: now)
    }

    static func contactRow(_ c: Contact) -> ContactRow? {
        guard let id = c.id else { return nil }
        let phone = [c.phoneCc, c.phoneNumber].compactMap { $0 }.filter { !$0.isEmpty }
        return ContactRow(id: id, name: c.name ?? "", organization: c.organization ?? "", email: c.email ?? "",
                          phone: phone.isEmpty ? "" : "+" + phone.joined(separator: "."),
                          address: [c.address1, c.address2].compactMap { $0 }.filter { !$0.isEmpty },
                          city: c.city ?? "", state: c.state ?? "", zip: c.zip ?? "", country: c.country ?? "")
    }

    private func pullPrices(_ client: DynadotClient, _ summary: inout PullSummary,
                            _ progress: @Sendable (SyncProgress) -> Void) async throws {
        progress(SyncProgress(step: "prices", done: 0, total: nil))
        summary.calls += 1
        try await fetchPrices(client)
    }

    /// `tld_price` into the cache: what renewals cost now (a pull, and a
    /// push right before it spends).
    func fetchPrices(_ client: DynadotClient) async throws {
        let list = try TLDPriceList(try await client.send(APIRequest("tld_price", ["currency": "USD"])))
        let now = store.nowMs
        try store.upsertTLDPrices(list.prices.map {
            TLDPriceRow(tld: $0.tld, registerCents: $0.register?.cents, renewCents: $0.renew?.cents,
                        transferCents: $0.transfer?.cents, restoreCents: $0.restore?.cents,
                        currency: $0.currency ?? list.currency ?? "USD", fetchedAtMs: now)
        })
    }

    /// Orders since the newest cached one, with a week of overlap (orders
    /// change status after they are placed); a year back on the first pull.
    private func pullOrders(_ client: DynadotClient, _ summary: inout PullSummary,
                            _ progress: @Sendable (SyncProgress) -> Void) async throws {
        progress(SyncProgress(step: "orders", done: 0, total: nil))
        let now = store.nowMs
        let week: Int64 = 7 * 86_400_000
        let start = try store.latestOrderSubmittedMs().map { $0 - week } ?? (now - 366 * 86_400_000)
        summary.calls += 1
        let request = APIRequest("order_list", ["search_by": "date_range", "start_date": Self.slashDate(start),
                                                "end_date": Self.slashDate(now + 86_400_000)])
        let orders = try OrderList(try await client.send(request)).orders
        try store.upsertOrders(orders.map(Self.orderRow), syncedAtMs: now)
    }

    static func orderRow(_ o: Order) -> OrderRow {
        OrderRow(id: o.id, submittedMs: o.dateMs, currency: o.currency ?? o.totalCost?.currency ?? "USD",
                 paymentMethod: o.paymentMethod ?? "", totalCostCents: o.totalCost?.cents, totalPaidCents: o.totalPaid?.cents,
                 status: o.status ?? "",
                 items: o.items.map { OrderItemRow(itemType: $0.type, domain: $0.domain ?? "", duration: $0.years,
                                                   costCents: $0.cost?.cents, status: $0.status ?? "") })
    }

    /// `yyyy/MM/dd` in UTC, as `order_list` wants it.
    static func slashDate(_ ms: Int64) -> String {
        ValueDisplay.isoDate(ms).replacingOccurrences(of: "-", with: "/")
    }

    private func pullAllDNS(_ client: DynadotClient, _ summary: inout PullSummary,
                            _ progress: @escaping @Sendable (SyncProgress) -> Void) async throws {
        let query = try PortfolioQuery(parsing: "ns:dynadot_dns")
        let names = try store.names(matching: query)
        for (i, name) in names.enumerated() {
            progress(SyncProgress(step: "dns", done: i, total: names.count))
            summary.calls += 1
            try await fetchDNS(name, client: client)
            summary.dnsFetched += 1
        }
        progress(SyncProgress(step: "dns", done: names.count, total: names.count))
    }

    /// Fetches one domain's record set (`get_dns`) into the cache.
    public func fetchDNS(_ domain: String) async throws {
        try await fetchDNS(domain.lowercased(), client: try requireClient())
    }

    private func fetchDNS(_ domain: String, client: DynadotClient) async throws {
        do {
            let settings = try DnsSettings(try await client.send(APIRequest("get_dns", ["domain": domain])))
            try store.replaceDNSRecordSet(RecordMapping.dnsRecordSet(settings, domain: domain, fetchedAtMs: store.nowMs))
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            throw error
        }
    }
}
