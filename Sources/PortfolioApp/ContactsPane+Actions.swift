import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showContacts = Action("pane-contacts")
    static let editContact = Action("edit-contact")
    static let assignContact = Action("assign-contact")
}

extension ActionScope {
    static let contacts = ActionScope("contacts", title: "Contacts pane")
}

extension ContactsPane {
    /// The tab: its number key, its actions and their default keys.
    static let registration = PaneRegistration(
        scope: .contacts, showAction: .showContacts, showDescription: "Contacts pane",
        actions: actions(.contacts)) { ContactsPane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.editContact, ["e"], scope, "edit the cursor contact", hint: "edit"),
            ActionSpec(.assignContact, ["A"], scope, "assign the cursor contact to the selected domains (choose roles)",
                       hint: "assign", dangerous: true,
                       disabled: { $0.selection.isEmpty ? "select domains in the Domains pane first" : nil }),
        ]
    }
}

/// A WHOIS role a contact can be assigned to.
public enum ContactRole: String, Sendable, Hashable, CaseIterable {
    case registrant, admin, technical, billing

    /// Roles from text such as `ratb`, `r a`, or `registrant,billing`; nil
    /// when a word names no role.
    public static func parse(_ text: String) -> [ContactRole]? {
        let words = text.lowercased().split { $0 == " " || $0 == "," }
        var roles: Set<ContactRole> = []
        for word in words {
            if let role = ContactRole(rawValue: String(word)) {
                roles.insert(role)
                continue
            }
            for letter in word {
                guard let role = allCases.first(where: { $0.rawValue.first == letter }) else { return nil }
                roles.insert(role)
            }
        }
        return allCases.filter(roles.contains)
    }
}

extension ContactsPane {
    /// Queues `set_whois` giving `roles` of `domains` to contact `id`.
    static func assign(id: String, roles: [ContactRole], domains names: [String]) -> (any PaneHost) -> Void {
        { host in
            do {
                let edit = Edit.contacts(registrant: roles.contains(.registrant) ? id : nil, admin: roles.contains(.admin) ? id : nil,
                                         technical: roles.contains(.technical) ? id : nil, billing: roles.contains(.billing) ? id : nil)
                let summary = try host.environment.engine.queue(edit, domains: names, origin: .tui)
                var text = "queued contact \(id) on \(summary.added) domain\(summary.added == 1 ? "" : "s")"
                if summary.unchanged > 0 { text += ", \(summary.unchanged) already use it" }
                host.state.message = StatusMessage(summary.added > 0 ? text + " — " + host.environment.actions.reviewHint : text)
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            host.refreshAll()
        }
    }
}
