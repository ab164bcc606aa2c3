import PortfolioStore
import SyncEngine
import TerminalUI

/// The Contacts pane: the account's WHOIS contacts with how many domains
/// use each per role; `e` edits one (queued `edit_contact`), `A` assigns
/// the cursor contact to the Domains pane's selection (queued `set_whois`,
/// up to 100 domains per call).
public final class ContactsPane: Pane {
    public let title = "Contacts"
    public let scope = ActionScope.contacts

    private var contacts: [ContactRow] = []
    private var usage: [String: ContactUsage] = [:]
    private var pending: [String: [PendingField]] = [:]
    private var table = TableState()
    public var position: (index: Int, total: Int)? { Self.position(table.cursor, of: contacts.count) }
    private var visibleRows = 20
    private var form: FormDialog?
    /// What the open form is for.
    private var formPurpose: Purpose?

    private enum Purpose {
        case edit(String)
        case assign(String)
    }

    /// Form labels of the `edit_contact` fields, in `contactFieldNames` order.
    static let labels = ["Name", "Organization", "Email", "Phone CC", "Phone", "Address 1", "Address 2", "City", "State",
                         "ZIP", "Country"]

    static let columns = [
        TableColumn("", minWidth: 1, maxWidth: 1), TableColumn("Id", minWidth: 6, maxWidth: 12),
        TableColumn("Name", minWidth: 12, maxWidth: 30, flex: 2), TableColumn("Organization", minWidth: 10, maxWidth: 30, flex: 1),
        TableColumn("Email", minWidth: 12, maxWidth: 36, flex: 2), TableColumn("Cty", minWidth: 3, maxWidth: 3),
        TableColumn("Reg", minWidth: 4, alignment: .right), TableColumn("Adm", minWidth: 4, alignment: .right),
        TableColumn("Tech", minWidth: 4, alignment: .right), TableColumn("Bill", minWidth: 4, alignment: .right),
    ]

    public init() {}

    public var capturesKeys: Bool { form != nil }

    /// The contact under the cursor.
    public var cursorContact: ContactRow? { table.cursor < contacts.count ? contacts[table.cursor] : nil }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        contacts = []
        usage = [:]
        pending = [:]
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: 0)
        contacts = try app.store.contacts()
        usage = try app.store.contactUsage()
        pending = try app.store.pendingFields(for: contacts.map { SyncEngine.contactTarget($0.id) })
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: contacts.count)
    }

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        let (line, body) = rect.splitTop(1)
        screen.fill(line, style: Style(.input))
        let selected = state.selection.isEmpty ? "select domains in \(app.actions.pane(.showDomains, "Domains")) to assign" : "\(state.selection.count) domains selected to assign"
        screen.put(DisplayWidth.truncate(" \(contacts.count) contact\(contacts.count == 1 ? "" : "s") · domains per role · \(selected)", to: line.width),
                   at: line.origin, style: Style(.input, accent: .dim))
        let view = TableView(columns: Self.columns, rowCount: contacts.count, state: table,
                             emptyText: "no contacts in the cache — press \(app.actions.key(.sync)) to sync")
        visibleRows = max(1, view.visibleRows(in: body))
        let shown = contacts, counts = usage, open = pending
        table = view.render(into: &screen, rect: body) { index in
            let c = shown[index]
            let u = counts[c.id] ?? ContactUsage()
            let queued = open[SyncEngine.contactTarget(c.id)] ?? []
            let count: (Int) -> TableCell = { $0 == 0 ? TableCell("0", accent: .dim) : TableCell("\($0)") }
            return TableRow([queued.isEmpty ? TableCell("") : TableCell("•", accent: .pending), TableCell(c.id),
                             TableCell(c.name), TableCell(c.organization), TableCell(c.email), TableCell(c.country),
                             count(u.registrant), count(u.admin), count(u.technical), count(u.billing)])
        }
        if let form { form.render(into: &screen, area: rect) }
    }

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: contacts.count, visibleRows: visibleRows)
        case .editContact:
            guard let contact = cursorContact else { return noContact(&state, app) }
            var values = SyncEngine.contactFields(contact)
            // A queued edit is what the user last asked for: start from it.
            if let queued = pending[SyncEngine.contactTarget(contact.id)]?.last(where: { $0.field == IntentField.contact.rawValue }),
               case .editContact(_, let fields)? = Edit(field: .contact, encodedValue: queued.value) {
                values.merge(fields) { $1 }
            }
            let fields = zip(Self.labels, SyncEngine.contactFieldNames).map { label, key in
                FormDialog.Field(label, value: values[key] ?? "", hint: key == "phonecc" ? "digits, e.g. 1 or 44" : key == "country" ? "two letters, e.g. GB" : "")
            }
            form = FormDialog(title: "Edit contact \(contact.id)", fields: fields)
            formPurpose = .edit(contact.id)
        case .assignContact:
            guard let contact = cursorContact else { return noContact(&state, app) }
            form = FormDialog(title: "Assign contact \(contact.id) (\(contact.name))",
                              summary: "to the \(state.selection.count) selected domain\(state.selection.count == 1 ? "" : "s")",
                              fields: [.init("Roles", value: "registrant admin technical billing", hint: "any of r a t b")])
            formPurpose = .assign(contact.id)
        default:
            return []
        }
        return .handled
    }

    private func noContact(_ state: inout AppState, _ app: AppEnvironment) -> PaneFlags {
        state.message = StatusMessage("no contact under the cursor — press \(app.actions.key(.sync)) to sync", isError: true)
        return .handled
    }

    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        guard form != nil else { return [] }
        guard FormDialog.submission(of: &form, key: key, state: &state) != nil else { return .handled }
        switch formPurpose {
        case .edit(let id): submitEdit(id, app: app, state: &state)
        case .assign(let id): submitAssign(id, app: app, state: &state)
        case nil: form = nil
        }
        return [.handled, .reload]
    }

    /// Checks the fields and queues an `edit_contact` with what changed.
    private func submitEdit(_ id: String, app: AppEnvironment, state: inout AppState) {
        guard var open = form, let contact = contacts.first(where: { $0.id == id }) else { return }
        let cached = SyncEngine.contactFields(contact)
        var values: [String: String] = [:]
        for (label, key) in zip(Self.labels, SyncEngine.contactFieldNames) { values[key] = open.value(label) }
        if let problem = Self.problem(values) {
            open.error = problem
            form = open
            return
        }
        let changes = values.filter { cached[$0.key] != $0.value }
        form = nil
        guard !changes.isEmpty || pending[SyncEngine.contactTarget(id)]?.isEmpty == false else {
            state.message = StatusMessage("contact \(id): nothing changed")
            return
        }
        do {
            let summary = try app.engine.queueContactEdit(id: id, changes: changes, origin: .tui)
            state.message = StatusMessage(summary.added > 0 ? "queued the edit of contact \(id) — " + app.actions.reviewHint
                                                             : "contact \(id) is back to its cached values (queued edit dropped)")
        } catch {
            open.error = "\(error)"
            form = open
        }
    }

    /// Why the contact fields cannot be sent, or nil.
    static func problem(_ values: [String: String]) -> String? {
        for (label, key) in zip(labels, SyncEngine.contactFieldNames)
        where ["name", "email", "phonecc", "phonenum", "address1", "city", "zip", "country"].contains(key) && (values[key] ?? "").isEmpty {
            return "\(label) is required"
        }
        let email = values["email"] ?? ""
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") { return "'\(email)' is not an e-mail address" }
        if !(values["phonecc"] ?? "").allSatisfy(\.isNumber) { return "Phone CC is digits only (e.g. 44)" }
        if !(values["phonenum"] ?? "").allSatisfy({ $0.isNumber || " .-".contains($0) }) { return "Phone is digits (with spaces, dots or dashes)" }
        let country = values["country"] ?? ""
        if country.count != 2 || !country.allSatisfy(\.isLetter) { return "Country is a two-letter code (e.g. GB)" }
        return nil
    }

    /// Works out the calls and asks before queueing the assignment.
    private func submitAssign(_ id: String, app: AppEnvironment, state: inout AppState) {
        guard var open = form else { return }
        guard let roles = ContactRole.parse(open.value("Roles")), !roles.isEmpty else {
            open.error = "roles: any of registrant admin technical billing (or r a t b)"
            form = open
            return
        }
        form = nil
        let contact = contacts.first { $0.id == id }
        let unicode = app.unicode
        let selection = state.selection
        // The selected rows, read off the UI thread for a big selection; the
        // dialog lists them and queues exactly those names.
        state.request = AppRequest { host in
            EditQueueing.readThenAsk(.selection(selection), for: "the contact assignment", host, read: { store, names in
                try store.domains(named: names)
            }) { rows, host in
                host.confirm(Self.assignDialog(id, contact: contact, roles: roles, rows: rows, unicode: unicode),
                             then: Self.assign(id: id, roles: roles, domains: rows.map(\.name)))
            }
        }
    }

    /// The assignment dialog for the rows read: the calls it takes and the domains.
    private static func assignDialog(_ id: String, contact: ContactRow?, roles: [ContactRole], rows: [DomainRow],
                                     unicode: Bool) -> ConfirmDialog {
        // Domains whose four contacts end up identical share a call (100 each).
        var groups: [[String?]: Int] = [:]
        var changing = 0
        for row in rows {
            let current = [row.registrantID, row.adminID, row.technicalID, row.billingID]
            let target = ContactRole.allCases.enumerated().map { roles.contains($1) ? id : current[$0] }
            guard target != current else { continue }
            changing += 1
            groups[target, default: 0] += 1
        }
        let calls = groups.values.reduce(0) { $0 + ($1 + 99) / 100 }
        var lines: [[Span]] = [[Span("  roles  "), Span(roles.map(\.rawValue).joined(separator: ", "), style: Style(.dialog, accent: .pending))],
                               [Span("  contact  \(id) \(contact?.name ?? "")")], [Span("")]]
        lines += rows.prefix(200).map { [Span("  " + DomainRowRenderer.displayName($0, unicode: unicode))] }
        let summary = "\(rows.count) domain\(rows.count == 1 ? "" : "s") (\(changing) change) — \(calls) set_whois call\(calls == 1 ? "" : "s")"
        return ConfirmDialog(title: "Assign contact \(id)", summary: summary, lines: lines, confirmLabel: "Queue")
    }
}
