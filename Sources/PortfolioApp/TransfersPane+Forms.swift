import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Transfers pane's actions that take typed input: `i` transfers in
/// from a codes file (money), `e` sends a new auth code for a transfer in,
/// `p` pushes the selected domains to another Dynadot account. Each form
/// ends in a confirmation that shows what will be sent; auth codes are
/// never shown (typed as `•`, read from the file unseen) and never logged.
extension TransfersPane {
    /// What the open form is for.
    enum FormPurpose {
        case transferIn
        case setCode(TransferRow)
        case push
    }

    /// `i`: the codes file to transfer in from.
    func openTransferIn() {
        form = FormDialog(title: "Transfer in from a file", summary: "a CSV of domain,auth code lines; the codes are not shown",
                          fields: [.init("File", hint: "e.g. ~/codes.csv")])
        formPurpose = .transferIn
    }

    /// `e` on a transfer in: its new auth code, typed unseen.
    func openSetCode(_ row: TransferRow, app: AppEnvironment, state: inout AppState) {
        let name = TerminalText.escaped(DomainNameDisplay.shown(row.domain, unicode: app.unicode))
        guard row.direction == .transferIn else {
            state.message = StatusMessage("\(app.actions.key(.transferSetCode)) sends the auth code of a transfer in; this row is \(Self.way(row.direction))",
                                          isError: true)
            return
        }
        guard !row.orderId.isEmpty else {
            state.message = StatusMessage("\(name) has no order id yet; press \(app.actions.key(.transferRefresh)) to check again", isError: true)
            return
        }
        form = FormDialog(title: "New auth code for \(name)", summary: "the code the current registrar issued; shown as •",
                          fields: [.init("Auth code", secret: true)])
        formPurpose = .setCode(row)
    }

    /// `p`: the receiving account of a push of the selected domains.
    func openPush(app: AppEnvironment, state: inout AppState) {
        guard !state.selection.isEmpty else {
            state.message = StatusMessage("select the domains to push in \(app.actions.pane(.showDomains, "Domains")) (space), then press \(app.actions.key(.transferPush)) here",
                                          isError: true)
            return
        }
        form = FormDialog(title: "Push to another Dynadot account",
                          summary: "the \(NumberText.count(state.selection.count, "selected domain")); the receiver must accept",
                          fields: [.init("Username", hint: "the receiver's push username"), .init("E-mail", hint: "optional")])
        formPurpose = .push
    }

    /// Enter on the open form: checks it, closes it and asks.
    func submit(_ open: FormDialog, app: AppEnvironment, state: inout AppState) {
        switch formPurpose {
        case .transferIn?:
            guard let path = required("File", of: open, "give the codes file: a CSV of domain,auth code lines") else { return }
            let url = URL(fileURLWithPath: UserPath.expanded(path, environment: app.processEnvironment))
            state.request = AppRequest { Self.readCodesFile(url, $0) }
        case .setCode(let row)?:
            guard let code = required("Auth code", of: open, "type the auth code (Esc cancels)") else { return }
            state.request = AppRequest { Self.confirmSetCode(row, code: code, $0) }
        case .push?:
            guard let receiver = required("Username", of: open, "give the receiving account's push username") else { return }
            let email = open.value("E-mail")
            state.request = AppRequest { host in
                EditQueueing.readThenAsk(host.targets, for: "the push", host, read: { _, names in names }) { names, host in
                    TransfersPane.confirmPush(names, to: receiver, email: email.isEmpty ? nil : email, host)
                }
            }
        case nil:
            form = nil
        }
    }

    /// The value of the submitted form's field `label`, closing the form;
    /// nil when it is empty, the form staying open and saying `missing`.
    private func required(_ label: String, of open: FormDialog, _ missing: String) -> String? {
        var open = open
        let value = open.value(label)
        guard !value.isEmpty else {
            open.error = missing
            form = open
            return nil
        }
        form = nil
        return value
    }

    /// Reads and checks the codes file and prices its domains in the
    /// background, then asks.
    static func readCodesFile(_ url: URL, _ host: any PaneHost) {
        let name = TerminalText.escaped(url.lastPathComponent)
        let carried = Carried<(entries: [TransferInEntry], prices: [Int64])>()
        var job = BackgroundJob(startMessage: "reading \(name)…") { engine, _ in
            carried.value.withLock { $0 = nil }
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                throw ImportError(description: "\(name) is not UTF-8 text; save it as CSV UTF-8 and try again")
            }
            let entries = try SyncEngine.transferInEntries(text)
            let prices = try engine.transferInPrices(entries.map(\.domain))
            carried.value.withLock { $0 = (entries, prices) }
            return nil
        }
        job.finished = { result, host in
            guard case .success = result, let read = carried.value.withLock({ $0 }) else {
                BackgroundJob.report(result, host)
                return
            }
            host.state.message = nil
            confirmTransferIn(read.entries, prices: read.prices, file: name, host)
        }
        host.start(job)
    }

    /// The money confirmation of a transfer in: each domain with its price,
    /// the total against the balance; on yes exactly these are queued
    /// (approved up to the total) and pushed.
    static func confirmTransferIn(_ entries: [TransferInEntry], prices: [Int64], file: String, _ host: any PaneHost) {
        let total = prices.reduce(0, +)
        let unicode = host.environment.unicode
        var lines: [[Span]] = [
            [Span(MoneyText.balanceLine(spending: total, balanceCents: host.state.balanceCents, when: "after the transfers"))],
            [Span("  Prices and balance are read again first; a higher price is held.")],
            [Span("  One transfer call each, its auth code sent unseen, then erased.")],
        ]
        for (entry, price) in zip(entries, prices) {
            lines.append([Span("  \(TerminalText.escaped(DomainNameDisplay.shown(entry.domain, unicode: unicode)))  "),
                          Span(Cents.dollars(price), style: Style(.dialog, accent: .pending))])
        }
        let dialog = ConfirmDialog(title: "Transfer in from \(file) (spends money)",
                                   summary: "Transfer in \(NumberText.count(entries.count, "domain")) for \(Cents.dollars(total))?",
                                   lines: lines, isDangerous: true, confirmLabel: "Transfer in")
        host.confirm(dialog) { host in
            do {
                let queued = try host.environment.engine.queueTransfersIn(entries, origin: .tui, maxCostCents: total)
                host.start(.pushConfirmed(intentIDs: queued.intentIDs, totalCents: total, doing: "transferring in",
                                          done: "started the transfer in of"))
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            host.refreshAll()
        }
    }

    /// Asks before sending `code` for the transfer in `row`; the dialog
    /// says how long the code is, never what it is.
    static func confirmSetCode(_ row: TransferRow, code: String, _ host: any PaneHost) {
        let name = TerminalText.escaped(DomainNameDisplay.shown(row.domain, unicode: host.environment.unicode))
        let dialog = ConfirmDialog(title: "Send auth code", summary: "Send the new auth code of \(name) (order \(TerminalText.escaped(row.orderId)))?",
                                   lines: [[Span("One set_transfer_auth_code call, then its status is read again.")],
                                           [Span("The code: \(NumberText.count(code.count, "character")) as typed (not shown, not kept).")]],
                                   confirmLabel: "Send code", cancelLabel: "Cancel")
        host.confirm(dialog) { host in
            host.start(refreshing(BackgroundJob(startMessage: "sending the auth code of \(name)…") { engine, _ in
                let entry = try await engine.resubmitAuthCode(row.domain, code: code)
                return StatusMessage("\(name): auth code sent; status \(TerminalText.escaped(entry?.transferStatus ?? "unknown"))")
            }))
        }
    }

    /// Asks before pushing `names` to `receiver`: every name, the locked
    /// ones it unlocks, the calls; on yes exactly these are pushed.
    static func confirmPush(_ names: [String], to receiver: String, email: String?, _ host: any PaneHost) {
        guard let locked = lockedAmong(names, host) else { return }
        let unicode = host.environment.unicode
        let shownReceiver = TerminalText.escaped(receiver)
        let calls = (names.count + 99) / 100
        var lines: [[Span]] = [[Span("\(NumberText.count(calls, "push call")) (100 domains each); the receiver must accept.")],
                               [Span("Once accepted, it cannot be taken back here.")]]
        if let email { lines.append([Span("  receiver e-mail  \(TerminalText.escaped(email))")]) }
        if !locked.isEmpty {
            lines.append([Span("\(locked.count) locked: the push unlocks \(locked.count == 1 ? "it" : "them") (unlock_domain_for_push=1):",
                               style: Style(.error))])
            lines += nameLines(locked, unicode: unicode)
            lines.append([Span("Pushed:")])
        }
        lines += nameLines(names, unicode: unicode)
        let dialog = ConfirmDialog(title: "Push to another account",
                                   summary: "Push \(NumberText.count(names.count, "domain")) to \(shownReceiver)?",
                                   lines: lines, isDangerous: true, confirmLabel: locked.isEmpty ? "Push" : "Unlock and push",
                                   cancelLabel: "Cancel")
        let unlock = !locked.isEmpty
        host.confirm(dialog) { host in
            host.start(refreshing(BackgroundJob(startMessage: "pushing \(NumberText.count(names.count, "domain")) to \(shownReceiver)…") { engine, _ in
                let calls = try await engine.pushDomains(names, to: receiver, receiverEmail: email, unlock: unlock)
                return StatusMessage("pushed \(NumberText.count(names.count, "domain")) to \(shownReceiver) in \(NumberText.count(calls, "call")); "
                                     + "they move when the receiver accepts")
            }))
        }
    }
}
