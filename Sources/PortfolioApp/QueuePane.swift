import PortfolioStore
import SyncEngine
import TerminalUI

/// The Queue pane: the plan (one section per API call with its before →
/// after diff per domain), failures and conflicts to settle, and the results
/// of the last push as they arrive.
public final class QueuePane: Pane {
    public let title = "Queue"
    public let scope = ActionScope.queue

    struct Line {
        var text: [TableCell]
        var domain: String?
        var intentID: Int64?
        var role: Role?
    }

    private(set) var lines: [Line] = []
    public private(set) var plan: Plan?
    private var table = TableState()
    private var visibleRows = 20
    /// Intent ids sent by the push of this session, for the results section.
    var pushedIDs: [Int64] = []

    public init() {}

    public var cursorDomain: String? {
        table.cursor < lines.count ? lines[table.cursor].domain : nil
    }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        var out: [Line] = []
        let plan: Plan?
        do {
            plan = try app.engine.plan()
        } catch {
            plan = nil
            out.append(Line(text: [TableCell("The queue cannot be read: \(StatusMessage(error: error).text)", accent: .error)]))
        }
        self.plan = plan
        if let plan, !plan.isEmpty {
            let intents = plan.batches.reduce(0) { $0 + $1.intentIDs.count }
            var summary = "Plan: \(intents) change\(intents == 1 ? "" : "s") in \(plan.calls) API call\(plan.calls == 1 ? "" : "s")"
            if !plan.moneyIntents.isEmpty {
                summary += " · \(SyncEngine.moneyWords(plan.moneyIntents)) \(Cents.dollars(plan.moneyCostCents))"
            }
            out.append(Line(text: [TableCell(summary)], role: .header))
            if !plan.setup.isEmpty {
                let setup = plan.setup.map { ([$0.command] + $0.parameters.map(\.value)).joined(separator: " ") }
                out.append(Line(text: [TableCell("first: " + setup.joined(separator: ", "), accent: .dim)], role: nil))
            }
            for intent in plan.moneyIntents where !intent.holdReason.isEmpty {
                out.append(Line(text: [TableCell("  " + intent.domain), TableCell(intent.field), TableCell("held", accent: .error),
                                       TableCell(intent.holdReason, accent: .error)], domain: intent.domain, intentID: intent.id))
            }
            for (index, batch) in plan.batches.enumerated() {
                out.append(Line(text: [TableCell("call \(index + 1): \(batch.command) × \(batch.domains.count) domain\(batch.domains.count == 1 ? "" : "s")", accent: .ok)], role: nil))
                for id in batch.intentIDs {
                    guard let change = plan.changes[id] else { continue }
                    out.append(Line(text: [TableCell("  " + change.domain), TableCell(change.field.rawValue),
                                           TableCell(change.before, accent: .dim), TableCell("→ " + change.after, accent: .pending)],
                                    domain: change.domain, intentID: id))
                }
            }
        } else {
            out.append(Line(text: [TableCell("The queue is empty: select domains in 1 Domains and set something (N, a, p, :set …).", accent: .dim)]))
        }
        let problems: [OutboxIntent]
        do {
            problems = try app.store.intents(in: [.failed, .conflict])
        } catch {
            problems = []
            out.append(Line(text: [TableCell("Failed intents cannot be read: \(StatusMessage(error: error).text)", accent: .error)]))
        }
        if !problems.isEmpty {
            out.append(Line(text: [TableCell("")]))
            out.append(Line(text: [TableCell("Failed and conflicting (t retry · K keep remote · M re-apply mine)")], role: .header))
            for intent in problems {
                let field = IntentField(rawValue: intent.field)
                let after = field.map { ValueDisplay.describe($0, intent.value) } ?? intent.value
                let detail = intent.state == .conflict
                    ? "remote: \(field.flatMap { f in intent.remoteValue.map { ValueDisplay.describe(f, $0) } } ?? "?")"
                    : intent.message
                out.append(Line(text: [TableCell("  " + intent.domain), TableCell(intent.field), TableCell(before(intent), accent: .dim),
                                       TableCell("\(intent.state.rawValue): \(detail) (wanted \(after))", accent: .error)],
                                domain: intent.domain, intentID: intent.id, role: .conflict))
            }
        }
        if !pushedIDs.isEmpty {
            let results: [OutboxIntent]
            do {
                results = try app.store.intents(ids: pushedIDs)
            } catch {
                results = []
                out.append(Line(text: [TableCell("The last push cannot be read: \(StatusMessage(error: error).text)", accent: .error)]))
            }
            let done = results.filter { $0.state == .done }.count
            out.append(Line(text: [TableCell("")]))
            out.append(Line(text: [TableCell("Last push: \(done) of \(results.count) done")], role: .header))
            for intent in results {
                let field = IntentField(rawValue: intent.field)
                let after = field.map { ValueDisplay.describe($0, intent.value) } ?? intent.value
                let accent: Role = intent.state == .done ? .ok : intent.state == .pending || intent.state == .inflight ? .pending : .error
                out.append(Line(text: [TableCell("  " + intent.domain), TableCell(intent.field), TableCell(before(intent), accent: .dim),
                                       TableCell(intent.message.isEmpty ? "→ \(after) · \(intent.state.rawValue)" : "\(intent.state.rawValue): \(intent.message)", accent: accent)],
                                domain: intent.domain, intentID: intent.id))
            }
        }
        lines = out
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: lines.count)
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
            screen.put(DisplayWidth.truncate(line.text[0].text, to: rect.width), at: Point(row: row, col: rect.col),
                       style: Style(base, accent: line.text[0].accent))
        }
    }

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: lines.count, visibleRows: visibleRows)
        case .push:
            state.request = .command("push")
        case .dropDomain:
            guard let domain = cursorDomain else { return .handled }
            do {
                let result = try app.engine.drop(domains: [domain])
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
                let count = try app.engine.retryFailed()
                state.message = StatusMessage("\(count) failed intent\(count == 1 ? "" : "s") back in the queue")
            } catch {
                state.message = StatusMessage(error: error)
            }
            return [.handled, .reload]
        case .keepRemote, .reapplyMine:
            let intent: OutboxIntent?
            do {
                intent = try table.cursor < lines.count ? lines[table.cursor].intentID.flatMap { try app.store.intents(ids: [$0]).first } : nil
            } catch {
                state.message = StatusMessage(error: error)
                return .handled
            }
            guard let intent, intent.state == .conflict else {
                state.message = StatusMessage("put the cursor on a conflict first", isError: true)
                return .handled
            }
            do {
                try app.engine.resolveConflict(id: intent.id, keepRemote: action == .keepRemote)
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

    /// The confirmation shown before a push: the plan's calls and diffs,
    /// the money it spends against the balance, and what confirming it
    /// approves (exactly these intents, money up to the total shown).
    func pushDialog(balanceCents: Int64?) -> (ConfirmDialog, PushApproval)? {
        guard let plan, !plan.isEmpty else { return nil }
        var diff: [[Span]] = []
        for batch in plan.batches {
            diff.append([Span("\(batch.command) × \(batch.domains.count)", style: Style(.dialog, accent: .header))])
            for id in batch.intentIDs {
                guard let change = plan.changes[id] else { continue }
                diff.append([Span("  \(change.domain): "), Span(change.before, style: Style(.dialog, accent: .dim)),
                             Span(" → "), Span(change.after, style: Style(.dialog, accent: .pending))])
            }
        }
        let intents = plan.batches.reduce(0) { $0 + $1.intentIDs.count }
        var summary = "\(intents) change\(intents == 1 ? "" : "s") in \(plan.calls) API call\(plan.calls == 1 ? "" : "s")"
        if !plan.moneyIntents.isEmpty {
            summary += " · spends \(Cents.dollars(plan.moneyCostCents))"
            diff.insert([Span(MoneyText.balanceLine(spending: plan.moneyCostCents, balanceCents: balanceCents),
                              style: Style(.dialog, accent: .header))], at: 0)
            if !plan.unpriced.isEmpty {
                diff.insert([Span("\(plan.unpriced.count) without a known price are held: sync first",
                                  style: Style(.dialog, accent: .error))], at: 1)
            }
        }
        let dialog = ConfirmDialog(title: "Push", summary: summary, lines: diff, isDangerous: !plan.moneyIntents.isEmpty,
                                   confirmLabel: "Push")
        return (dialog, plan.confirmation)
    }
}
