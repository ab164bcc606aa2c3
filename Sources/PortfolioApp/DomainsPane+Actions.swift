import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showDomains = Action("pane-domains")
    static let filter = Action("filter")
    static let toggleSelect = Action("toggle-select")
    static let rangeSelect = Action("range-select")
    static let selectAll = Action("select-all")
    static let invertSelection = Action("invert-selection")
    static let clearSelection = Action("clear-selection")
    static let reselect = Action("reselect")
    static let sortNext = Action("sort-next")
    static let sortReverse = Action("sort-reverse")
    static let toggleDetail = Action("toggle-detail")
    static let columnsLeft = Action("columns-left")
    static let columnsRight = Action("columns-right")
    static let chooseColumns = Action("choose-columns")
    static let setNameServers = Action("set-ns")
    static let setRenewOption = Action("set-renew")
    static let setPrivacy = Action("set-privacy")
    static let setLock = Action("set-lock")
    static let setFolder = Action("set-folder")
    static let setNote = Action("set-note")
    static let setForwarding = Action("set-forward")
    static let setStealth = Action("set-stealth")
    static let setParking = Action("set-parking")
    static let setForSale = Action("set-sale")
    static let unlist = Action("unlist")
    static let renew = Action("renew")
}

extension ActionScope {
    static let domains = ActionScope("domains", title: "Domains pane")
}

extension DomainsPane {
    /// The tab: its number key, its actions and their default keys.
    static let registration = PaneRegistration(
        scope: .domains, showAction: .showDomains, showDescription: "Domains pane",
        actions: actions(.domains)) { DomainsPane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.filter, ["/"], scope, "filter with the query language (tld:com exp:<90d …)", hint: "filter"),
            ActionSpec(.toggleSelect, ["Space"], scope, "select / unselect the cursor row", hint: "select"),
            ActionSpec(.rangeSelect, ["V"], scope, "select from the last selected row to the cursor"),
            ActionSpec(.selectAll, ["*"], scope, "select every domain that matches the filter", hint: "all"),
            ActionSpec(.invertSelection, ["!"], scope, "invert the selection among matching domains"),
            ActionSpec(.clearSelection, ["Esc", "u"], scope, "clear the selection"),
            ActionSpec(.reselect, ["gv"], scope, "select the last selection again"),
            ActionSpec(.sortNext, ["s"], scope, "sort by the next column"),
            ActionSpec(.sortReverse, ["S"], scope, "reverse the sort"),
            ActionSpec(.toggleDetail, ["Enter"], scope, "show / hide the detail panel", hint: "detail"),
            ActionSpec(.columnsLeft, ["<"], scope, "scroll the columns that do not fit back to the left"),
            ActionSpec(.columnsRight, [">"], scope, "scroll in the columns that do not fit (on the right)"),
            ActionSpec(.chooseColumns, ["C"], scope, "choose the columns shown (kept in config.toml [columns])"),
            ActionSpec(.setNameServers, ["N"], scope, "set name servers", hint: "ns"),
            ActionSpec(.setRenewOption, ["a"], scope, "set the renew option (auto, donot, reset)"),
            ActionSpec(.setPrivacy, ["p"], scope, "set WHOIS privacy (full, partial, off)"),
            ActionSpec(.setLock, ["L"], scope, "lock"),
            ActionSpec(.setFolder, ["f"], scope, "move to a folder"),
            ActionSpec(.setNote, ["c"], scope, "set the note"),
            ActionSpec(.setForwarding, ["w"], scope, "forward to a URL"),
            ActionSpec(.setStealth, ["W"], scope, "stealth-forward to a URL"),
            ActionSpec(.setParking, ["P"], scope, "park"),
            ActionSpec(.setForSale, ["$"], scope, "list for sale at a price"),
            ActionSpec(.unlist, ["U"], scope, "remove the sale listing"),
            ActionSpec(.renew, ["+"], scope, "renew (shows the total cost first)", dangerous: true),
        ]
    }
}

extension AppRequest {
    /// Show the Domains pane filtered with this query text (the Expiries
    /// pane's Enter on a month).
    static func showDomains(filter: String) -> AppRequest {
        AppRequest { host in
            host.pane(DomainsPane.self)?.showFilter(filter)
            host.show(DomainsPane.self)
            host.refreshAll()
        }
    }
}

/// The `:` verbs of the Domains pane: `set VERB …`, `renew N`, `sort FIELD`,
/// `import FILE`, `export FILE [all]`, `view NAME`, `save-view NAME`.
extension DomainsPane {
    var verbs: [CommandVerb] {
        [CommandVerb(names: ["set"]) { words, host in Self.queueEdit(words: words, host) },
         CommandVerb(names: ["renew"]) { words, host in Self.confirmRenew(years: words.first.flatMap { Int($0) } ?? 1, host) },
         CommandVerb(names: ["sort"]) { [unowned self] words, host in sort(words, host) },
         CommandVerb(names: ["import"]) { words, host in SpreadsheetImportDialog.start(words, host) },
         CommandVerb(names: ["export"]) { [unowned self] words, host in
             DomainExportJob.start(words, source: exportSource(host.environment), host)
         },
         CommandVerb(names: ["view"]) { [unowned self] words, host in applyView(words, host) },
         CommandVerb(names: ["save-view"]) { [unowned self] words, host in saveView(words, host) }]
    }

    private func sort(_ words: [String], _ host: any PaneHost) {
        do throws(QueryError) {
            setSort(try DomainSort(parsing: words.joined(separator: " ")))
            host.refreshAll()
        } catch {
            host.state.message = StatusMessage(error.message, isError: true)
        }
    }

    private static func queueEdit(words: [String], _ host: any PaneHost) {
        let targets = host.targets
        guard !targets.isEmpty else {
            host.state.message = StatusMessage("nothing selected and no domain under the cursor", isError: true)
            return
        }
        let engine = host.environment.engine
        do {
            let edit = try EditVerbParser.parse(words: words)
            // The All-accounts view checks folders per account as it queues.
            if host.environment.allAccounts == nil, let folder = try engine.unknownFolder(edit) {
                // A folder the account lacks: ask before creating it.
                let text = try engine.unknownFolderText(folder)
                    .replacingOccurrences(of: "; ", with: "\n").replacingOccurrences(of: " Folders: ", with: "\nFolders: ")
                let lines = text.split(separator: "\n").map { [Span("  " + $0)] }
                host.confirm(ConfirmDialog(title: "Create folder \(folder)", summary: "Create it and move \(targets.count) domain\(targets.count == 1 ? "" : "s") there?",
                                           lines: lines, confirmLabel: "Create and queue"),
                             then: EditQueueing.confirmed(edit, domains: targets, createFolder: true))
                return
            }
            EditQueueing.queue(edit, on: targets, host, describe: EditQueueing.describe(edit.field.rawValue))
        } catch {
            host.state.message = StatusMessage(error: error)
            host.refreshAll()
        }
    }

    /// Renewals spend money: the dialog shows the total from cached prices.
    private static func confirmRenew(years: Int, _ host: any PaneHost) {
        let targets = host.targets
        guard !targets.isEmpty else {
            host.state.message = StatusMessage("nothing selected and no domain under the cursor", isError: true)
            return
        }
        guard (1...10).contains(years) else {
            host.state.message = StatusMessage("renew for 1 to 10 years", isError: true)
            return
        }
        let unicode = host.environment.unicode
        // The rows and their TLDs' prices, read off the UI thread for a big
        // selection; the dialog shows them and queues exactly those names.
        EditQueueing.readThenAsk(targets, for: "the renewal", host, read: { store, names in
            let rows = try store.domains(named: names)
            var prices: [String: Int64] = [:]
            for tld in Set(rows.map(\.tld)) { prices[tld] = try store.tldPrice(tld)?.renewCents }
            return (rows, prices)
        }) { (read: ([DomainRow], [String: Int64]), host) in
            askRenew(years: years, rows: read.0, prices: read.1, unicode: unicode, host)
        }
    }

    /// The renewal dialog for rows read with their TLDs' renewal prices.
    private static func askRenew(years: Int, rows: [DomainRow], prices: [String: Int64], unicode: Bool, _ host: any PaneHost) {
        var total: Int64 = 0
        var lines: [[Span]] = []
        var unpriced = 0
        for row in rows {
            if let price = prices[row.tld] {
                total += price * Int64(years)
                lines.append([Span("  \(DomainRowRenderer.displayName(row, unicode: unicode))  "),
                              Span(Cents.dollars(price * Int64(years)), style: Style(.dialog, accent: .pending))])
            } else {
                unpriced += 1
                lines.append([Span("  \(DomainRowRenderer.displayName(row, unicode: unicode))  "),
                              Span("no cached price", style: Style(.dialog, accent: .error))])
            }
        }
        var summary = "\(rows.count) domain\(rows.count == 1 ? "" : "s") × \(years) year\(years == 1 ? "" : "s") — total \(Cents.dollars(total))"
        if unpriced > 0 { summary += " + \(unpriced) unpriced" }
        lines.insert([Span(MoneyText.balanceLine(spending: total, balanceCents: host.state.balanceCents, when: "once pushed"), style: Style(.dialog, accent: .header))],
                      at: 0)
        let renewed = rows.map(\.name)
        host.confirm(ConfirmDialog(title: "Renew (spends money)", summary: summary, lines: lines, isDangerous: true, confirmLabel: "Queue renewal")) { host in
            EditQueueing.queue(.renew(years: years), on: renewed, maxCostCents: total, host) { summary in
                "queued renewal of \(summary.added) domain\(summary.added == 1 ? "" : "s") (\(Cents.dollars(summary.costCents ?? 0)))"
            }
        }
    }
}
