import PortfolioStore
import SyncEngine
import TerminalUI

/// The DNS pane's confirmations: copying a record set to the selected
/// domains, and switching a domain to Dynadot DNS. Both only queue edits.
enum DnsPaneDialogs {
    /// Asks before replacing the records of every selected domain (but the
    /// source) with `set`; the dialog shows the `set_dns2` call count.
    static func copy(_ set: RecordSet?, from source: DomainRow?, app: AppEnvironment, state: inout AppState) -> AppRequest? {
        guard let source, let set else {
            state.message = StatusMessage("no record set to copy here: fetch or switch the domain first", isError: true)
            return nil
        }
        let selection = state.selection
        let hint = "select the domains to copy to in \(app.actions.pane(.showDomains, "Domains")), then press \(app.actions.key(.copyRecords)) here"
        guard !selection.isEmpty else {
            state.message = StatusMessage(hint, isError: true)
            return nil
        }
        // The selected names and their rows, read off the UI thread for a big
        // selection; the dialog lists them and queues exactly those names.
        let sourceName = source.name
        return AppRequest { host in
            EditQueueing.readThenAsk(.selection(selection), for: "the DNS copy", host, read: { store, names in
                let targets = Set(names).subtracting([sourceName]).sorted()
                return (targets, try store.domains(named: targets))
            }) { (read: ([String], [DomainRow]), host) in
                guard !read.0.isEmpty else {
                    host.state.message = StatusMessage(hint, isError: true)
                    return
                }
                host.confirm(copyDialog(set, from: source, targets: read.0, rows: read.1, unicode: app.unicode),
                             then: EditQueueing.confirmed(.dns(set), domains: read.0))
            }
        }
    }

    /// The copy dialog for `targets` (read with their cached rows).
    static func copyDialog(_ set: RecordSet, from source: DomainRow, targets: [String], rows: [DomainRow],
                           unicode: Bool) -> ConfirmDialog {
        let items = targets.enumerated().map { PlanItem(intentID: Int64($0.offset), domain: $0.element, edit: .dns(set)) }
        let calls = OutboxPlanner.minimumCalls(items)
        var lines: [[Span]] = [[Span("Records:", style: Style(.dialog, accent: .header))]]
        for record in set.records {
            let host = record.host.isEmpty ? "@" : record.host
            lines.append([Span("  \(host)  \(record.type.uppercased())  \(record.value)\(record.extra.isEmpty ? "" : "  \(record.extra)")")])
        }
        lines.append([Span("Domains:", style: Style(.dialog, accent: .header))])
        for row in rows {
            let note = row.nsType == .dynadotDNS ? "" : "  (switches from \(DomainRowRenderer.nameServerSummary(row)))"
            lines.append([Span("  " + DomainRowRenderer.displayName(row, unicode: unicode)), Span(note, style: Style(.dialog, accent: .pending))])
        }
        let summary = "Replace the DNS records of \(targets.count) domain\(targets.count == 1 ? "" : "s") with these "
            + "\(set.records.count) — \(calls) set_dns2 call\(calls == 1 ? "" : "s")"
        return ConfirmDialog(title: "Copy the record set of \(DomainRowRenderer.displayName(source, unicode: unicode))", summary: summary, lines: lines,
                             isDangerous: true, confirmLabel: "Queue")
    }

    /// Asks before moving a domain to Dynadot DNS with an empty record set.
    static func switchToDNS(_ row: DomainRow, unicode: Bool) -> AppRequest {
        let name = DomainRowRenderer.displayName(row, unicode: unicode)
        let lines: [[Span]] = [
            [Span("Now: "), Span(DomainRowRenderer.nameServerSummary(row), style: Style(.dialog, accent: .dim))],
            [Span("Then: "), Span("Dynadot DNS with no records", style: Style(.dialog, accent: .pending))],
            [Span("Whatever the domain serves now stops resolving once this is pushed;")],
            [Span("add the records here before pushing.")],
        ]
        return .confirm(ConfirmDialog(title: "Switch \(name) to Dynadot DNS", summary: "Queue an empty Dynadot DNS record set (one set_dns2)?",
                                      lines: lines, isDangerous: true, confirmLabel: "Queue"),
                        EditQueueing.confirmed(.dns(RecordSet(records: [])), domains: [row.name]))
    }
}
