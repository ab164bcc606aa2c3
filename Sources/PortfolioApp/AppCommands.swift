import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The `:` command line: the app's own verbs (`sync`, `quit`) and the verbs
/// the panes declare (`set`, `renew`, `sort`, `push`). Edits are queued
/// through the sync engine by the panes; never an API call from the UI.
extension PortfolioApp: PaneHost {
    /// Runs one command-line command: the first word names the verb.
    public func run(command text: String) {
        let words = EditVerbParser.split(text)
        guard let verb = words.first?.lowercased() else { return }
        let rest = Array(words.dropFirst())
        let verbs = panes.flatMap(\.verbs) + appVerbs
        if environment.allAccounts != nil,
           let owner = panes.first(where: { $0.verbs.contains { $0.names.contains(verb) } }), !Self.showsAllAccounts(owner) || verb == "import" {
            state.message = StatusMessage(Self.oneAccountOnly(":\(verb)"), isError: true)
            return
        }
        guard let command = verbs.first(where: { $0.names.contains(verb) }) else {
            let names = verbs.compactMap(\.names.first)
            let list = names.dropLast().joined(separator: ", ") + (names.count > 1 ? " or " : "") + (names.last ?? "")
            state.message = StatusMessage("unknown command '\(verb)'; use \(list)", isError: true)
            return
        }
        command.run(rest, self)
    }

    /// Verbs that belong to no pane.
    private var appVerbs: [CommandVerb] {
        [CommandVerb(names: ["sync"]) { [unowned self] _, _ in perform(.sync) },
         CommandVerb(names: ["quit", "q"]) { _, host in host.requestQuit() },
         CommandVerb(names: ["messages", "mes"]) { [unowned self] _, _ in showMessages() },
         CommandVerb(names: ["account"]) { [unowned self] words, _ in switchAccount(words.first) }]
    }

    /// `:account` alone shows the Account pane (balance, defaults, folders).
    /// `:account NAME`: ends this account's loop so the caller shows
    /// `NAME`'s app (each account keeps its own app, so its filter,
    /// selection and cursor, for the session). Refused while this account
    /// pushes, syncs or queues, so nothing runs unseen.
    func switchAccount(_ name: String?) {
        guard let name, !name.isEmpty else {
            show(AccountPane.self)
            return
        }
        guard let accounts = environment.accounts else {
            state.message = StatusMessage("only one account is configured; add [accounts.NAME] tables to config.toml", isError: true)
            return
        }
        let list = accounts.names.joined(separator: ", ")
        guard accounts.names.contains(name) || name == AllAccountsView.name else {
            state.message = StatusMessage("no account '\(TerminalText.escaped(name))'; the accounts are \(list)", isError: true)
            return
        }
        guard name != accounts.name else {
            state.message = StatusMessage("already showing the account \(name)")
            return
        }
        if state.isPushing || state.isSyncing || state.queueing != nil {
            state.message = StatusMessage("wait until this account's \(state.isPushing ? "push" : state.isSyncing ? "sync" : "edit") ends, then switch",
                                          isError: true)
            return
        }
        requestedAccount = name
        quitting = true
    }

    /// The switch-account key: a list of the accounts to pick from.
    func pickAccount() {
        guard let accounts = environment.accounts else { return switchAccount(nil) }
        accountPicker = AccountPicker(accounts)
    }

    /// `:messages`: every message of this session in full, oldest first,
    /// in a scrolling overlay (`!` marks errors).
    func showMessages() {
        let width = min(76, Self.layout(lastSize).body.width - 2) - 4 - 5
        let entries = messageLog.flatMap { message in
            DisplayWidth.wrap(message.text, to: max(10, width)).enumerated().map { index, line in
                HelpOverlay.Entry(keys: index == 0 && message.isError ? "!" : "", description: line)
            }
        }
        help = HelpOverlay(title: "Messages", sections: [
            HelpOverlay.Section(title: messageLog.isEmpty ? "No messages yet" : "\(messageLog.count) message\(messageLog.count == 1 ? "" : "s"), oldest first",
                                entries: entries),
        ])
    }

    /// The domains an action applies to: the selection, else the cursor row
    /// of the shown pane.
    var targets: QueueTargets {
        if !state.selection.isEmpty { return .selection(state.selection) }
        return .names(pane.cursorDomain.map { [$0] } ?? [])
    }

    func confirm(_ dialog: ConfirmDialog, then: @escaping (any PaneHost) -> Void) {
        self.dialog = (dialog, then)
    }

    func pane<P: Pane>(_ type: P.Type) -> P? {
        panes.lazy.compactMap { $0 as? P }.first
    }

    func show<P: Pane>(_ type: P.Type) {
        if let index = panes.firstIndex(where: { $0 is P }) { switchTo(index: index) }
    }

    func isShown<P: Pane>(_ type: P.Type) -> Bool { pane is P }
}
