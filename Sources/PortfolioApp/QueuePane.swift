import DynadotAPI
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Queue pane: the plan as one section per command and value with its
/// domain and call counts (`renew option → donot · 39,850 domains · 399
/// calls`), each expandable to its domains (Enter / →) page by page, DNS
/// changes record by record, renewals with each cost and the total;
/// failures and conflicts to settle; the results of the last push as they
/// arrive. The sections are counted in SQL (``SyncEngine/planOutline()``):
/// a queue of 100k opens at once.
public final class QueuePane: Pane {
    public let title = "Queue"
    public let scope = ActionScope.queue

    struct Line {
        var text: [TableCell]
        var domain: String?
        var intentID: Int64?
        var role: Role?
        /// The section a header or "more" line belongs to.
        var section: PlanSection?
        var isMore = false
        /// A section header's open / closed mark; its title is fitted to
        /// the width when drawn (``QueuePane/fittedTitle(_:width:)``).
        var mark: String?
        /// In the All-accounts view, the account the line belongs to.
        var account: String?
    }

    /// A section's title in `width` columns: the value is cut, never the
    /// counts (`name servers → ns1.a.…, · 2 domains · 1 call`).
    static func fittedTitle(_ section: PlanSection, width: Int) -> String {
        let full = section.title
        guard DisplayWidth.of(full) > width, !section.value.isEmpty else { return DisplayWidth.truncate(full, to: width) }
        let head = section.label + " → "
        let tail = String(full.dropFirst(head.count + section.value.count))
        let room = width - DisplayWidth.of(head) - DisplayWidth.of(tail)
        guard room >= 4 else { return DisplayWidth.truncate(full, to: width) }
        return head + DisplayWidth.truncate(section.value, to: room) + tail
    }

    /// A push changing more domains than this asks with No focused.
    static let carefulDomains = 100
    /// Domains listed per press of Enter on a section.
    static let pageSize = 200
    /// Sections this small start open…
    static let openUpTo = 10
    /// …the first this many of them: an import of distinct values makes a
    /// section per value, and listing each one's domains is a read per
    /// section (23,333 of them kept the UI thread busy for minutes).
    static let openSections = 40

    private(set) var lines: [Line] = []
    public private(set) var outline: PlanOutline?
    private var table = TableState()
    private var visibleRows = 20
    /// Intent ids sent by the push of this session, for the results section.
    var pushedIDs: [Int64] = []
    /// In the All-accounts view: each account's plan as last read, and the
    /// intent ids its last push of this session sent.
    public private(set) var outlines: [(account: String, outline: PlanOutline)] = []
    var pushedByAccount: [String: [Int64]] = [:]
    /// How many domains each section lists, by key, when the user opened
    /// or closed it (0: closed); sections not in it follow ``openUpTo``
    /// and ``openSections`` (`startOpen`).
    private var shown: [String: Int] = [:]
    /// The keys of the sections that start open, as the plan was last read.
    private var startOpen = Set<String>()
    /// Folder names for folder-wide settings' targets (`folder Parked`),
    /// of the account whose lines are being made.
    private var targets = TargetNames(folderNames: [:])
    /// The folder names read with each account's plan (by account name,
    /// "" for the app's), with the cache's change generation they were
    /// read at: read again only when the cache changed since (a plan or a
    /// folder changed), not on every refresh.
    private var targetsRead: [String: (generation: Int64, names: TargetNames)] = [:]

    public init() {}

    public var cursorDomain: String? {
        table.cursor < lines.count ? lines[table.cursor].domain : nil
    }

    /// The section whose header or "more" line is under the cursor.
    var cursorSection: PlanSection? {
        table.cursor < lines.count && lines[table.cursor].domain == nil ? lines[table.cursor].section : nil
    }

    static func key(_ section: PlanSection, account: String? = nil) -> String {
        [account ?? "", section.command, section.field.rawValue, section.value].joined(separator: "\u{0}")
    }

    private func listed(_ section: PlanSection, account: String?) -> Int {
        let key = Self.key(section, account: account)
        return shown[key] ?? (startOpen.contains(key) ? section.domains : 0)
    }

    /// The engine a line's change belongs to: its account's in the
    /// All-accounts view, else the app's.
    func engine(of line: Line?, _ app: AppEnvironment) -> SyncEngine {
        line?.account.flatMap { name in app.allAccounts?.members.first { $0.name == name }?.engine } ?? app.engine
    }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        if let all = app.allAccounts {
            // One section per account: its plan, problems and last push.
            var out: [Line] = []
            outlines = []
            for member in all.members {
                if !out.isEmpty { out.append(Line(text: [TableCell("")])) }
                let (lines, outline) = try planLines(app, engine: member.engine, account: member.name)
                out += lines
                if let outline { outlines.append((member.name, outline)) }
            }
            outline = nil
            lines = out
        } else {
            let (out, outline) = try planLines(app, engine: app.engine, account: nil)
            self.outline = outline
            lines = out
        }
        keepCursorOffSummary()
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: lines.count)
    }

    /// The folder names for `account`'s targets: as read before when its
    /// cache has not changed since, else read again.
    private func targetNames(_ engine: SyncEngine, account: String?) throws -> TargetNames {
        // The generation is read first: a change made while the names are
        // read leaves them stale, and the next refresh reads them again.
        let generation = try engine.store.changeGeneration()
        if let read = targetsRead[account ?? ""], read.generation == generation { return read.names }
        let names = try engine.targetNames()
        targetsRead[account ?? ""] = (generation, names)
        return names
    }

    /// One account's plan (its sections, held money), its failures and
    /// conflicts, and the results of its last push, read through `engine`;
    /// `account` names it in the All-accounts view.
    private func planLines(_ app: AppEnvironment, engine: SyncEngine, account: String?) throws -> ([Line], PlanOutline?) {
        var out: [Line] = []
        let outline: PlanOutline?
        let prefix = account.map { "\($0): " } ?? ""
        do {
            targets = try targetNames(engine, account: account)
            outline = try engine.planOutline()
        } catch {
            outline = nil
            out.append(Line(text: [TableCell(prefix + "The queue cannot be read: \(StatusMessage(error: error).text)", accent: .error)], account: account))
        }
        if let outline, !outline.isEmpty {
            var summary = prefix + "Plan: \(NumberText.count(outline.changes, "change")) in \(NumberText.count(outline.calls, "API call"))"
            if !outline.moneyIntents.isEmpty {
                summary += " · \(SyncEngine.moneyWords(outline.moneyIntents)) \(Cents.dollars(outline.moneyCostCents))"
            }
            out.append(Line(text: [TableCell(summary)], role: .header, account: account))
            if !outline.setup.isEmpty {
                let setup = outline.setup.map { ([$0.command] + $0.parameters.map(\.value)).joined(separator: " ") }
                out.append(Line(text: [TableCell("first: " + setup.joined(separator: ", "), accent: .dim)], role: nil, account: account))
            }
            for intent in outline.moneyIntents where !intent.holdReason.isEmpty {
                out.append(Line(text: [TableCell("  " + name(intent.domain, app)), TableCell(intent.field), TableCell("held", accent: .error),
                                       TableCell(intent.holdReason, accent: .error)], domain: intent.domain, intentID: intent.id, account: account))
            }
            startOpen.subtract(outline.sections.map { Self.key($0, account: account) })
            for section in Self.startingOpen(outline.sections) { startOpen.insert(Self.key(section, account: account)) }
            for section in outline.sections {
                out += try sectionLines(section, engine: engine, account: account, app: app)
            }
        } else if let account {
            out.append(Line(text: [TableCell("\(account): nothing queued")], role: .header, account: account))
        } else {
            // Two short lines: they fit 80 columns instead of being cut.
            let keys = app.actions
            out.append(Line(text: [TableCell("The queue is empty. To queue a change, select domains in \(keys.pane(.showDomains, "Domains")),",
                                             accent: .dim)]))
            out.append(Line(text: [TableCell("then press \(keys.key(.setNameServers)) (name servers), \(keys.key(.setRenewOption)) (renewal), "
                                                 + "\(keys.key(.setPrivacy)) (privacy) or type :set …", accent: .dim)]))
        }
        let problems: [OutboxIntent]
        do {
            problems = try engine.store.intents(in: [.failed, .conflict])
        } catch {
            problems = []
            out.append(Line(text: [TableCell("Failed intents cannot be read: \(StatusMessage(error: error).text)", accent: .error)]))
        }
        if !problems.isEmpty {
            out.append(Line(text: [TableCell("")]))
            let keys = app.actions
            out.append(Line(text: [TableCell(prefix + "Failed and conflicting (\(keys.key(.retryFailed)) retry · \(keys.key(.keepRemote)) keep remote · \(keys.key(.reapplyMine)) re-apply mine)")],
                            role: .header))
            for intent in problems {
                let field = IntentField(rawValue: intent.field)
                let after = field.map { ValueDisplay.describe($0, intent.value) } ?? intent.value
                let detail = intent.state == .conflict
                    ? "remote: \(field.flatMap { f in intent.remoteValue.map { ValueDisplay.describe(f, $0) } } ?? "?")"
                    : intent.message
                out.append(Line(text: [TableCell("  " + name(intent.domain, app)), TableCell(intent.field), TableCell(before(intent), accent: .dim),
                                       TableCell("\(intent.state.rawValue): \(detail) (wanted \(after))", accent: .error)],
                                domain: intent.domain, intentID: intent.id, role: .conflict, account: account))
            }
        }
        let pushed = account.map { pushedByAccount[$0] ?? [] } ?? pushedIDs
        if !pushed.isEmpty {
            let results: [OutboxIntent]
            do {
                results = try engine.store.intents(ids: pushed)
            } catch {
                results = []
                out.append(Line(text: [TableCell("The last push cannot be read: \(StatusMessage(error: error).text)", accent: .error)]))
            }
            let done = results.filter { $0.state == .done }.count
            out.append(Line(text: [TableCell("")]))
            out.append(Line(text: [TableCell(prefix + "Last push: \(NumberText.grouped(done)) of \(NumberText.grouped(results.count)) done")], role: .header))
            for intent in results {
                let field = IntentField(rawValue: intent.field)
                let after = field.map { ValueDisplay.describe($0, intent.value) } ?? intent.value
                let accent: Role = intent.state == .done ? .ok : intent.state == .pending || intent.state == .inflight ? .pending : .error
                out.append(Line(text: [TableCell("  " + name(intent.domain, app)), TableCell(intent.field), TableCell(before(intent), accent: .dim),
                                       TableCell(intent.message.isEmpty ? "→ \(after) · \(intent.state.rawValue)" : "\(intent.state.rawValue): \(intent.message)", accent: accent)],
                                domain: intent.domain, intentID: intent.id, account: account))
            }
        }
        return (out, outline)
    }

    /// The summary and "first:" lines say what the plan is but take no key;
    /// the cursor starts on (and `k` / `g` stop at) the first line that does,
    /// so Enter opens the first section straight away.
    private func keepCursorOffSummary() {
        if let firstActionable = lines.firstIndex(where: { $0.section != nil || $0.domain != nil }),
           table.cursor < firstActionable {
            table.cursor = firstActionable
        }
    }

    /// A section's header (`▾`/`▸`, open or closed), its listed domains
    /// (DNS changes with a line per record added or removed, money with
    /// each cost), a line for the rest when more remain, and the total of
    /// a money section.
    private func sectionLines(_ section: PlanSection, engine: SyncEngine, account: String?, app: AppEnvironment) throws -> [Line] {
        let count = min(listed(section, account: account), section.domains)
        var out = [Line(text: [TableCell(section.title, accent: section.spendsMoney ? .pending : .ok)], section: section,
                        mark: app.unicode ? (count > 0 ? "▾ " : "▸ ") : (count > 0 ? "- " : "+ "), account: account)]
        guard count > 0 else { return out }
        for change in try engine.sectionChanges(section, limit: count) {
            let domain = "  " + name(change.domain, app)
            if section.spendsMoney {
                out.append(Line(text: [TableCell(domain), TableCell(change.field.rawValue), TableCell(change.after),
                                       TableCell(change.costCents.map(Cents.dollars) ?? "price unknown: sync first",
                                                 accent: change.costCents == nil ? .error : .pending)],
                                domain: change.domain, intentID: change.intentID, section: section, account: account))
                continue
            }
            out.append(Line(text: [TableCell(domain), TableCell(change.field.rawValue), TableCell(change.before, accent: .dim),
                                   TableCell("→ " + change.after, accent: .pending)],
                            domain: change.domain, intentID: change.intentID, section: section, account: account))
            guard let records = change.recordChanges else { continue }
            for (sign, list, accent) in [("+ ", records.added, Role.ok), ("- ", records.removed, Role.error)] {
                for record in list {
                    out.append(Line(text: [TableCell(""), TableCell(""), TableCell(""), TableCell(sign + record.planText, accent: accent)],
                                    domain: change.domain, intentID: change.intentID, section: section, account: account))
                }
            }
        }
        if count < section.domains {
            let more = section.domains - count
            out.append(Line(text: [TableCell("    … \(NumberText.count(more, "more domain")) (\(app.actions.keyLabel(.expandSection)) lists \(min(more, Self.pageSize)) more)",
                                             accent: .dim)], section: section, isMore: true, account: account))
        }
        if section.spendsMoney {
            var total = "    total \(Cents.dollars(section.costCents))"
            if section.unpriced > 0 { total += " + \(section.unpriced) without a known price (sync first)" }
            out.append(Line(text: [TableCell(total, accent: .pending)], section: section, account: account))
        }
        return out
    }

    /// A domain, or `folder Parked` for a folder-wide setting.
    private func name(_ target: String, _ app: AppEnvironment) -> String {
        targets.shown(target, unicode: app.unicode)
    }

    /// The cached value an intent was based on, as text.
    private func before(_ intent: OutboxIntent) -> String {
        IntentField(rawValue: intent.field).map { ValueDisplay.describe($0, intent.baseValue) } ?? intent.baseValue
    }

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        let columns = [TableColumn("Domain", minWidth: 18, maxWidth: 26), TableColumn("Field", minWidth: 5, maxWidth: 12),
                       TableColumn("Before", minWidth: 10, maxWidth: 40, flex: 1), TableColumn("After", minWidth: 20, flex: 3)]
        let view = TableView(columns: columns, rowCount: lines.count, state: table, showsHeader: true)
        visibleRows = max(1, view.visibleRows(in: rect))
        table = view.render(into: &screen, rect: rect) { index in
            TableRow(lines[index].text, role: lines[index].role)
        }
        // Header and section lines span the whole width rather than the first column.
        let offset = table.scrollOffset
        for (index, line) in lines.enumerated().dropFirst(offset).prefix(visibleRows) where line.text.count == 1 {
            let row = rect.row + 1 + index - offset
            let base: Role = index == table.cursor ? .cursor : line.role ?? (index % 2 == 0 ? .row : .rowAlt)
            screen.fill(Rect(row: row, col: rect.col, width: rect.width, height: 1), style: Style(base))
            var text = line.text[0].text
            if let mark = line.mark, let section = line.section {
                text = mark + Self.fittedTitle(section, width: rect.width - DisplayWidth.of(mark))
            }
            screen.put(DisplayWidth.truncate(text, to: rect.width), at: Point(row: row, col: rect.col),
                       style: Style(base, accent: line.text[0].accent))
        }
    }

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: lines.count, visibleRows: visibleRows)
            keepCursorOffSummary()
        case .push:
            state.request = .command("push")
        case .expandSection:
            guard let section = table.cursor < lines.count ? lines[table.cursor].section : nil else {
                state.message = StatusMessage("put the cursor on a section of the plan to open it", isError: true)
                return .handled
            }
            let line = lines[table.cursor]
            let count = min(listed(section, account: line.account), section.domains)
            let key = Self.key(section, account: line.account)
            if line.isMore {
                shown[key] = min(section.domains, count + Self.pageSize)
            } else if line.domain == nil, count > 0 {
                shown[key] = 0
            } else {
                shown[key] = max(count, min(section.domains, Self.pageSize))
            }
            return [.handled, .reload]
        case .dropDomain:
            let line = table.cursor < lines.count ? lines[table.cursor] : nil
            let engine = self.engine(of: line, app)
            if let section = cursorSection {
                let what = NumberText.count(section.domains, "queued change")
                let whose = line?.account.map { " of \($0)" } ?? ""
                state.request = .confirm(ConfirmDialog(title: "Drop a section of the queue",
                                                       summary: "Drop \(what)\(whose): \(section.value.isEmpty ? section.label : section.label + " → " + section.value)?",
                                                       isDangerous: true, confirmLabel: "Drop")) { host in
                    Self.dropSection(section, engine: engine, host)
                }
                return .handled
            }
            guard let domain = cursorDomain else {
                state.message = StatusMessage("\(app.actions.keyLabel(.dropDomain)) drops the changes of the domain under the cursor, "
                                              + "or a whole section on its header: move to one", isError: true)
                return .handled
            }
            do {
                let result = try engine.drop(domains: [domain])
                var text = "dropped \(result.dropped) intent\(result.dropped == 1 ? "" : "s") of \(domain)"
                if result.inflightKept > 0 { text += "; \(result.inflightKept) being sent stay for verification" }
                state.message = StatusMessage(text)
            } catch {
                state.message = StatusMessage(error: error)
            }
            return [.handled, .reload]
        case .dropAll:
            state.request = .confirm(ConfirmDialog(title: "Drop the queue", summary: "Drop all \(state.queueSize) open intents?",
                                                   isDangerous: true, confirmLabel: "Drop"), Self.dropAll)
        case .retryFailed:
            do {
                let count = try (app.allAccounts?.members.map(\.engine) ?? [app.engine]).reduce(0) { $0 + (try $1.retryFailed()) }
                state.message = StatusMessage("\(count) failed intent\(count == 1 ? "" : "s") back in the queue")
            } catch {
                state.message = StatusMessage(error: error)
            }
            return [.handled, .reload]
        case .keepRemote, .reapplyMine:
            let intent: OutboxIntent?
            let line = table.cursor < lines.count ? lines[table.cursor] : nil
            let engine = self.engine(of: line, app)
            do {
                intent = try line?.intentID.flatMap { try engine.store.intents(ids: [$0]).first }
            } catch {
                state.message = StatusMessage(error: error)
                return .handled
            }
            guard let intent, intent.state == .conflict else {
                state.message = StatusMessage("put the cursor on a conflict first", isError: true)
                return .handled
            }
            do {
                try engine.resolveConflict(id: intent.id, keepRemote: action == .keepRemote)
                state.message = StatusMessage(action == .keepRemote ? "\(intent.domain): kept the remote value" : "\(intent.domain): my value is queued again")
            } catch {
                state.message = StatusMessage(error: error)
            }
            return [.handled, .reload]
        default:
            return []
        }
        return .handled
    }

    /// The sections that start open (and whose domains the push dialog
    /// lists): the first ``openSections`` of at most ``openUpTo`` domains.
    static func startingOpen(_ sections: [PlanSection]) -> [PlanSection] {
        Array(sections.lazy.filter { $0.domains <= openUpTo }.prefix(openSections))
    }

    /// The push dialog's lines for `outline`'s sections: each title, and
    /// the domains of the small ones (what is sent, by name).
    func sectionDiff(_ outline: PlanOutline, engine: SyncEngine, app: AppEnvironment) throws -> [[Span]] {
        let width = ConfirmDialog(title: "", summary: "").frame(in: Rect(row: 0, col: 0, width: 80, height: 24)).width - 4
        var diff: [[Span]] = []
        let listed = Set(Self.startingOpen(outline.sections))
        for section in outline.sections {
            diff.append([Span(Self.fittedTitle(section, width: width), style: Style(.dialog, accent: section.spendsMoney ? .pending : .header))])
            guard listed.contains(section) else { continue }
            for change in try engine.sectionChanges(section, limit: section.domains) {
                let after = section.spendsMoney ? change.after + " " + (change.costCents.map(Cents.dollars) ?? "(price unknown)") : change.after
                diff.append([Span("  \(name(change.domain, app)): "), Span(section.spendsMoney ? "" : change.before + " ", style: Style(.dialog, accent: .dim)),
                             Span(section.spendsMoney ? "" : "→ "), Span(after, style: Style(.dialog, accent: .pending))])
            }
        }
        return diff
    }

    /// The confirmation shown before a push: the plan's sections with
    /// their domain and call counts, the money it spends against the
    /// balance, and what confirming it approves (the queued intents as
    /// they stand, money up to the total shown). It starts on No when the
    /// plan spends money or changes more than ``carefulDomains`` domains.
    func pushDialog(balanceCents: Int64?, app: AppEnvironment) throws -> (ConfirmDialog, PushApproval)? {
        guard let outline, !outline.isEmpty else { return nil }
        var diff = try sectionDiff(outline, engine: app.engine, app: app)
        var summary = "\(NumberText.count(outline.changes, "change")) in \(NumberText.count(outline.calls, "API call"))"
        if !outline.moneyIntents.isEmpty {
            summary += " · spends \(Cents.dollars(outline.moneyCostCents))"
            diff.insert([Span(MoneyText.balanceLine(spending: outline.moneyCostCents, balanceCents: balanceCents),
                              style: Style(.dialog, accent: .header))], at: 0)
            if outline.unpriced > 0 {
                diff.insert([Span("\(outline.unpriced) without a known price are held: sync first",
                                  style: Style(.dialog, accent: .error))], at: 1)
            }
        }
        let careful = outline.spendsMoney || outline.changes > Self.carefulDomains
        let dialog = ConfirmDialog(title: "Push", summary: summary, lines: diff, isDangerous: outline.spendsMoney,
                                   confirmLabel: "Push", startsOnNo: careful)
        return (dialog, try app.engine.pendingApproval(moneyCents: outline.moneyCostCents))
    }
}
