import PortfolioStore
import SyncEngine
import TerminalUI

/// The DNS pane: the record set of the Domains pane's cursor domain, read
/// from the cache (fetched with `get_dns` in the background when missing),
/// with the queued set shown against it (`+` added, `~` changed, `-`
/// removed). Every add, edit or delete queues the whole set again as one
/// `Edit.dns` (`set_dns2` replaces all records), so there is at most one
/// queued set per domain.
public final class DnsPane: Pane {
    public let title = "DNS"
    public let scope = ActionScope.dns

    private(set) var domain: String?
    private var row: DomainRow?
    private var cached: DNSRecordSet?
    /// The queued record set (pending or in flight), if any.
    private(set) var pendingSet: RecordSet?
    /// A queued name-server setting that is not a record set (described).
    private var pendingOther: String?
    private(set) var rows: [DnsDiffRow] = []
    private var table = TableState()
    private var visibleRows = 20
    /// The add / edit form while open.
    private(set) var form: DnsRecordForm?
    /// The DNSSEC key form while open (``DnsPane/dnssecAction(app:state:)``).
    var dnssecForm: FormDialog?
    /// The domain whose record set is being fetched.
    private var fetching: String?
    /// Why the last fetch of a domain failed (not retried until `F`).
    private var fetchErrors: [String: String] = [:]

    public init() {}

    public var capturesKeys: Bool { form != nil || dnssecForm != nil }
    public var cursorDomain: String? { domain }

    private var isOnDynadotDNS: Bool { row?.nsType == .dynadotDNS }

    /// The set edits start from: the queued one, else the cached one.
    var workingSet: RecordSet? {
        if let pendingSet { return pendingSet }
        guard isOnDynadotDNS, let cached else { return nil }
        return RecordSet(cached: cached)
    }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        if state.focusDomain != domain {
            form = nil
            table = TableState()
        }
        domain = state.focusDomain
        row = nil
        cached = nil
        pendingSet = nil
        pendingOther = nil
        rows = []
        if let name = domain {
            row = try app.store.domain(named: name)
            cached = try app.store.dnsRecordSet(domain: name)
        }
        if let name = domain,
           let open = try app.store.pendingFields(for: [name])[name]?.last(where: {
               $0.field == IntentField.nameServerSetting.rawValue && ($0.state == .pending || $0.state == .inflight)
           }) {
            if case .dns(let set)? = Edit(field: .nameServerSetting, encodedValue: open.value) {
                pendingSet = set
            } else {
                pendingOther = ValueDisplay.describe(.nameServerSetting, open.value)
            }
        }
        let cachedRecords = isOnDynadotDNS ? cached.map { RecordSet(cached: $0).records } ?? [] : []
        rows = DnsDiff.rows(cached: cachedRecords, pending: pendingSet?.records)
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: rows.count)
    }

    /// The domain to fetch now: on Dynadot DNS, never fetched, and no fetch
    /// of it failed or runs.
    func fetchWanted() -> String? {
        guard let domain, isOnDynadotDNS, cached == nil, fetching == nil, fetchErrors[domain] == nil else { return nil }
        return domain
    }

    func fetchStarted(_ name: String) {
        fetching = name
        fetchErrors[name] = nil
    }

    func fetchFinished(_ name: String, error: String?) {
        fetching = nil
        fetchErrors[name] = error
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        screen.fill(rect, style: Style(.row))
        guard let domain, let row else {
            put(" No domain under the cursor: pick one in \(app.actions.pane(.showDomains, "Domains")), then \(app.actions.press(.showDNS, "DNS", to: "come back")).", in: rect, line: 0, screen: &screen, accent: .dim)
            return
        }
        let name = DomainRowRenderer.displayName(row, unicode: app.unicode)
        var body = rect
        let (headerLine, rest) = body.splitTop(1)
        body = rest
        screen.fill(headerLine, style: Style(.header))
        screen.put(headerSpans(name, row: row, app: app), at: headerLine.origin, base: Style(.header), maxWidth: headerLine.width)
        if let pendingLine = pendingText() {
            let (line, rest) = body.splitTop(1)
            body = rest
            put(pendingLine, in: line, line: 0, screen: &screen, accent: .pending)
        }
        var formRect: Rect?
        if form != nil, body.height >= DnsRecordForm.height + 3 {
            let split = body.splitBottom(DnsRecordForm.height)
            body = split.rest
            formRect = split.bottom
        }
        if workingSet == nil {
            renderUnavailable(into: &screen, rect: body, name: name, domain: domain)
        } else {
            renderTable(into: &screen, rect: body)
        }
        if let form, let formRect { form.render(into: &screen, rect: formRect, domain: name) }
        if let dnssecForm { dnssecForm.render(into: &screen, area: rect) }
    }

    private func headerSpans(_ name: String, row: DomainRow, app: AppEnvironment) -> [Span] {
        var spans = [Span(" \(name)"), Span(" · " + DomainRowRenderer.nameServerSummary(row))]
        if isOnDynadotDNS, let cached {
            spans.append(Span(" · fetched \(app.age(since: cached.fetchedAtMs)) ago"))
            let records = cached.records.count
            spans.append(Span(" · \(records) record\(records == 1 ? "" : "s") · TTL \(cached.ttl.map(String.init) ?? "default")"))
        }
        if fetching == domain { spans.append(Span(" · fetching…", style: Style(.header, accent: .pending))) }
        return spans
    }

    private func pendingText() -> String? {
        if let pendingOther { return " Queued: \(pendingOther) (replaces the DNS setting on the next push)" }
        guard let pendingSet else { return nil }
        let change = DnsDiff.summary(rows) ?? "same records"
        let switching = isOnDynadotDNS ? "" : "switch to Dynadot DNS, "
        let count = pendingSet.records.count
        return " Queued: \(switching)\(change) · \(count) record\(count == 1 ? "" : "s") in one set_dns2 · u reverts"
    }

    private func renderUnavailable(into screen: inout Screen, rect: Rect, name: String, domain: String) {
        var lines: [(String, Role?)] = []
        if !isOnDynadotDNS {
            let setting: String
            switch row?.nsType {
            case .nameservers: setting = "name servers " + (row?.nameservers ?? []).joined(separator: ", ")
            case .parking: setting = "Dynadot parking"
            case .forwarding: setting = "URL forwarding"
            case .stealth: setting = "stealth forwarding"
            default: setting = "another DNS setting"
            }
            lines = [(" \(name) is not on Dynadot DNS. It uses", nil), ("   \(setting).", nil), ("", nil),
                     (" D switches it to Dynadot DNS: that queues an empty record set (asks first);", .dim),
                     (" add its records here before pushing.", .dim)]
        } else if fetching == domain {
            lines = [(" Fetching the records of \(name) (get_dns)…", .pending)]
        } else if let error = fetchErrors[domain] {
            lines = [(" get_dns failed: \(error)", .error), (" F tries again.", .dim)]
        } else {
            lines = [(" The records of \(name) were never fetched.", .dim),
                     (" To fetch them, set DYNADOT_API_KEY or api_key in config.toml, then press F.", .dim)]
        }
        for (index, line) in lines.enumerated() { put(line.0, in: rect, line: index, screen: &screen, accent: line.1) }
    }

    private func renderTable(into screen: inout Screen, rect: Rect) {
        let ttl = (pendingSet?.ttl ?? cached?.ttl).map(String.init) ?? "default"
        let columns = [TableColumn("", minWidth: 1, maxWidth: 1), TableColumn("Host", minWidth: 4, maxWidth: 24),
                       TableColumn("Type", minWidth: 7, maxWidth: 7), TableColumn("Value", minWidth: 16, flex: 1),
                       TableColumn("Prio/extra", minWidth: 8, maxWidth: 16), TableColumn("TTL", minWidth: 7, maxWidth: 7, alignment: .right)]
        let view = TableView(columns: columns, rowCount: rows.count, state: table, showsCursor: form == nil,
                             emptyText: "no records — a adds one")
        visibleRows = max(1, view.visibleRows(in: rect))
        table = view.render(into: &screen, rect: rect) { index in
            let line = rows[index]
            let record = line.record
            var value = record.value
            var extra = record.extra
            var markAccent: Role?
            switch line.change {
            case .same: break
            case .added: markAccent = .ok
            case .removed: markAccent = .error
            case .changed(let old):
                markAccent = .pending
                if old.value != record.value { value += "  (was \(old.value))" }
                if old.extra != record.extra { extra += " (was \(old.extra.isEmpty ? "—" : old.extra))" }
            }
            return TableRow([TableCell(line.mark, accent: markAccent), TableCell(record.host.isEmpty ? "@" : record.host),
                             TableCell(record.type.uppercased()), TableCell(value, accent: line.change == .removed ? .dim : nil),
                             TableCell(extra), TableCell(ttl)],
                            role: line.change == .same ? nil : .pending)
        }
    }

    private func put(_ text: String, in rect: Rect, line: Int, screen: inout Screen, accent: Role?) {
        guard line < rect.height else { return }
        screen.put(DisplayWidth.truncate(text, to: rect.width), at: Point(row: rect.row + line, col: rect.col),
                   style: Style(.row, accent: accent))
    }

    // MARK: Keys

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: rows.count, visibleRows: visibleRows)
        case .addRecord:
            guard editable(&state, app) != nil else { return .handled }
            form = DnsRecordForm(record: nil, editing: nil)
        case .editRecord:
            guard editable(&state, app) != nil, let line = cursorLine(&state) else { return .handled }
            form = DnsRecordForm(record: line.record, editing: line.index)
        case .deleteRecord:
            guard var set = editable(&state, app), let line = cursorLine(&state), let index = line.index else { return .handled }
            set.records.remove(at: index)
            queue(set, app: app, state: &state)
            return [.handled, .reload]
        case .revertRecords:
            revert(app: app, state: &state)
            return [.handled, .reload]
        case .fetchRecords:
            guard let domain, isOnDynadotDNS else {
                state.message = StatusMessage("\(domain ?? "no domain") is not on Dynadot DNS: nothing to fetch", isError: true)
                return .handled
            }
            fetchErrors[domain] = nil
            state.request = .background(fetchJob(domain))
        case .copyRecords:
            state.request = DnsPaneDialogs.copy(workingSet, from: row, app: app, state: &state)
        case .switchToDNS:
            guard let row else { return .handled }
            if isOnDynadotDNS || pendingSet != nil {
                state.message = StatusMessage("\(row.name) is already on Dynadot DNS\(isOnDynadotDNS ? "" : " (queued)")", isError: true)
                return .handled
            }
            state.request = DnsPaneDialogs.switchToDNS(row, unicode: app.unicode)
        case .setDnssec:
            dnssecAction(app: app, state: &state)
        default:
            return []
        }
        return .handled
    }

    /// The form's keys: Enter checks the record and queues the new set.
    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        if dnssecForm != nil { return handleDnssec(key: key, app: app, state: &state) }
        guard var open = form else { return [] }
        switch open.handle(key) {
        case .none:
            form = open
            return .handled
        case .cancel:
            form = nil
            return .handled
        case .submit:
            let entry = open.entry
            guard var set = workingSet else {
                form = nil
                return .handled
            }
            if entry.type.isEmpty {
                open.error = "give a type: " + DnsValidation.types.map { $0.uppercased() }.joined(separator: ", ")
            } else if let problem = DnsValidation.problem(with: entry) {
                open.error = problem
            } else {
                if let index = open.editing, index < set.records.count {
                    set.records[index] = entry
                } else if entry.isMain, let last = set.records.lastIndex(where: \.isMain) {
                    set.records.insert(entry, at: last + 1)
                } else {
                    set.records.append(entry)
                }
                do {
                    try DnsValidation.validate(set)
                    form = nil
                    queue(set, app: app, state: &state)
                    return [.handled, .reload]
                } catch {
                    open.error = "\(error)"
                }
            }
            form = open
            return .handled
        }
    }

    /// The working set when records can be edited now, else nil with the
    /// reason in the footer.
    private func editable(_ state: inout AppState, _ app: AppEnvironment) -> RecordSet? {
        if let set = workingSet { return set }
        guard let domain else {
            state.message = StatusMessage("no domain under the cursor: pick one in \(app.actions.pane(.showDomains, "Domains"))", isError: true)
            return nil
        }
        state.message = StatusMessage(isOnDynadotDNS
            ? "the records of \(domain) are not fetched yet; edits start from the fetched set (F fetches)"
            : "\(domain) is not on Dynadot DNS: D switches it first", isError: true)
        return nil
    }

    private func cursorLine(_ state: inout AppState) -> DnsDiffRow? {
        guard table.cursor < rows.count else {
            state.message = StatusMessage("no record under the cursor", isError: true)
            return nil
        }
        let line = rows[table.cursor]
        if line.index == nil {
            state.message = StatusMessage("that record is already removed in the queued set (u reverts it all)", isError: true)
            return nil
        }
        return line
    }

    /// Queues the whole set as one edit; the engine drops the queued one
    /// when the set is back to the cached records.
    private func queue(_ set: RecordSet, app: AppEnvironment, state: inout AppState) {
        guard let domain else { return }
        let name = row.map { DomainRowRenderer.displayName($0, unicode: app.unicode) } ?? domain
        do {
            let summary = try app.engine.queue(.dns(set), domains: [domain], origin: .tui)
            state.message = StatusMessage(summary.cancelled > 0
                ? "\(name): back to the cached records (the queued set is dropped)"
                : "\(name): queued the record set (\(set.records.count) records, one set_dns2) — " + app.actions.reviewHint)
        } catch {
            state.message = StatusMessage(error: error)
        }
    }

    private func revert(app: AppEnvironment, state: inout AppState) {
        guard let domain, pendingSet != nil || pendingOther != nil else {
            state.message = StatusMessage("nothing is queued for the DNS of \(domain ?? "this domain")", isError: true)
            return
        }
        // Only the record-set intent goes: a failed renewal or any other
        // change of the domain stays queued.
        do {
            let result = try app.engine.drop(domains: [domain], field: .nameServerSetting)
            if result.dropped > 0 {
                state.message = StatusMessage("\(domain): dropped the queued DNS change")
            } else if result.inflightKept > 0 {
                state.message = StatusMessage("\(domain): the DNS change is being sent now and cannot be dropped", isError: true)
            } else if isOnDynadotDNS, let cached {
                queue(RecordSet(cached: cached), app: app, state: &state)
            } else {
                state.message = StatusMessage("nothing is queued for the DNS of \(domain)", isError: true)
            }
        } catch {
            state.message = StatusMessage(error: error)
        }
    }
}
