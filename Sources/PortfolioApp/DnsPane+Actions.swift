import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showDNS = Action("pane-dns")
    static let addRecord = Action("dns-add")
    static let editRecord = Action("dns-edit")
    static let deleteRecord = Action("dns-delete")
    static let revertRecords = Action("dns-revert")
    static let fetchRecords = Action("dns-fetch")
    static let copyRecords = Action("dns-copy")
    static let switchToDNS = Action("dns-switch")
    static let setDnssec = Action("dns-dnssec")
}

extension ActionScope {
    static let dns = ActionScope("dns", title: "DNS pane")
}

extension DnsPane {
    /// The tab: its number key, its actions and their default keys.
    static let registration = PaneRegistration(
        scope: .dns, showAction: .showDNS, showDescription: "DNS pane (records of the cursor domain)",
        actions: actions(.dns)) { DnsPane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.addRecord, ["a"], scope, "add a record (form: host, type, value, priority)", hint: "add",
                       disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
            ActionSpec(.editRecord, ["e", "Enter"], scope, "edit the cursor record", hint: "edit",
                       disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
            ActionSpec(.deleteRecord, ["x", "Del"], scope, "delete the cursor record", hint: "delete",
                       disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
            ActionSpec(.revertRecords, ["u"], scope, "drop the queued record set (back to the cached one)", hint: "revert"),
            ActionSpec(.fetchRecords, ["F"], scope, "fetch the record set again (get_dns, in the background)",
                       disabled: { $0.hasAccount ? nil : AppState.needsKey("fetching") }),
            ActionSpec(.copyRecords, ["C"], scope, "copy this record set to the selected domains", hint: "copy", dangerous: true),
            ActionSpec(.switchToDNS, ["D"], scope, "switch the domain to Dynadot DNS (an empty record set)", dangerous: true),
            ActionSpec(.setDnssec, ["K"], scope, "set the domain's DNSSEC key now (DS digest or DNSKEY; one set_dnssec call)",
                       dangerous: true, disabled: { $0.hasAccount ? nil : AppState.needsKey("setting DNSSEC") }),
        ]
    }
}

/// The record set fetch (`get_dns`): one at a time, in the background, like
/// a sync; the UI thread never waits for the provider.
extension DnsPane {
    func fetchJob(_ name: String) -> BackgroundJob {
        var job = BackgroundJob(group: "get_dns") { engine, _ in
            try await engine.fetchDNS(name)
            return nil
        }
        job.started = { [unowned self] in fetchStarted(name) }
        job.finished = { [unowned self] result, host in
            switch result {
            case .success:
                fetchFinished(name, error: nil)
                host.state.offline = false
            case .failure(let error):
                fetchFinished(name, error: "\(error)")
                if case SyncError.offline = error { host.state.offline = true }
                host.state.message = StatusMessage("get_dns \(name): \(error)", isError: true)
            }
        }
        return job
    }

    /// The record set of the focused domain when it was never fetched.
    func automaticJob(_ app: AppEnvironment) -> BackgroundJob? {
        fetchWanted().map(fetchJob)
    }
}
