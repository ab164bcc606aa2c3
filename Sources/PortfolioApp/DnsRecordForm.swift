import Foundation
import SyncEngine
import TerminalUI

/// The DNS pane's small form for one record: host, type, value and
/// priority / extra, each a ``TextInput``. It takes every key while open;
/// the pane validates on Enter and shows the problem on the form's own line.
///
/// Keys: Tab / Down next field, S-Tab / Up previous, Enter saves, Esc
/// cancels; the fields edit like the filter line.
struct DnsRecordForm: Sendable, Hashable {
    static let labels = ["host", "type", "value", "priority"]
    /// Border, four fields, the message line, the key hint line, border.
    static let height = 8

    var fields: [TextInput]
    var focus = 0
    /// Why the last Enter was refused (shown in the error role).
    var error: String?
    /// The working-set position being edited; nil adds a record.
    var editing: Int?

    enum Outcome: Sendable, Hashable { case submit, cancel, none }

    /// A form holding `record` (or empty fields, host `@`, for a new one).
    init(record: DnsEntry?, editing: Int?) {
        let r = record ?? DnsEntry(host: "", type: "", value: "")
        fields = [TextInput(text: r.host.isEmpty ? "@" : r.host), TextInput(text: r.type.uppercased()),
                  TextInput(text: r.value), TextInput(text: r.extra)]
        self.editing = editing
        focus = record == nil ? 1 : 2
    }

    /// The record the fields describe (`@` or blank host: the domain itself).
    var entry: DnsEntry {
        let host = fields[0].text.trimmingCharacters(in: .whitespaces)
        return DnsEntry(host: host == "@" ? "" : host, type: fields[1].text.trimmingCharacters(in: .whitespaces),
                        value: fields[2].text, extra: fields[3].text.trimmingCharacters(in: .whitespaces))
    }

    mutating func handle(_ key: KeyEvent) -> Outcome {
        switch FormKeys.handle(key, focus: &focus, inputs: &fields) {
        case .submitted: return .submit
        case .cancelled: return .cancel
        case .edited:
            error = nil
            return .none
        case .none:
            return .none
        }
    }

    /// A one-line hint on what the focused field takes.
    private var fieldHint: String {
        switch focus {
        case 0: return "@ for the domain itself, or a subdomain label (www, mail, *)"
        case 1: return DnsValidation.types.map { $0.uppercased() }.joined(separator: " ")
        case 2: return "IPv4, IPv6, host name, URL or text (TXT is kept verbatim)"
        default: return "MX distance 0-65535 · forward 1 (301) / 2 (302) · stealth title"
        }
    }

    /// Draws the form as a box filling `rect` (``height`` rows).
    func render(into screen: inout Screen, rect: Rect, domain: String) {
        guard rect.height >= Self.height, rect.width >= 20 else { return }
        let title = editing == nil ? "Add a record to \(domain)" : "Edit a record of \(domain)"
        screen.drawBox(rect, style: Style(.dialog), border: Style(.dialogBorder), title: title)
        let inner = rect.inset(dx: 2, dy: 1)
        let labelWidth = 11
        let inputWidth = min(inner.width - labelWidth, max(24, inner.width / 2))
        for (index, field) in fields.enumerated() {
            let row = inner.row + index
            let focused = index == focus
            screen.put((focused ? "› " : "  ") + Self.labels[index], at: Point(row: row, col: inner.col),
                       style: Style(.dialog, accent: focused ? .header : nil), maxWidth: labelWidth)
            let input = Rect(row: row, col: inner.col + labelWidth, width: inputWidth, height: 1)
            field.render(into: &screen, rect: input, style: Style(.input), showsCursor: focused)
        }
        // The focused field's hint gets the whole line under the fields (beside
        // a field it was cut: the type list stopped at `FORW…`); an error replaces it.
        let messageRow = inner.row + fields.count
        if let error {
            screen.put(DisplayWidth.truncate("✗ " + error, to: inner.width), at: Point(row: messageRow, col: inner.col),
                       style: Style(.dialog, accent: .error))
        } else {
            screen.put(DisplayWidth.truncate(fieldHint, to: inner.width), at: Point(row: messageRow, col: inner.col),
                       style: Style(.dialog, accent: .dim))
        }
        screen.put(DisplayWidth.truncate("Tab next field · Enter check and queue · Esc cancel", to: inner.width),
                   at: Point(row: messageRow + 1, col: inner.col), style: Style(.dialog, accent: .dim))
    }
}
