import TerminalUI

/// A small form over a pane: labelled one-line fields, Tab / Down and
/// S-Tab / Up between them, Enter to submit, Esc to cancel. The pane checks
/// the values on submit and shows what is wrong with ``error`` while the
/// form stays open.
///
/// ```swift
/// var form = FormDialog(title: "List for sale", fields: [.init("Price", hint: "USD")])
/// if case .submitted = form.handle(key) { validate(form.value("Price")) }
/// ```
struct FormDialog {
    struct Field {
        var label: String
        var input: TextInput
        /// Shown after the field while it is empty (`USD, e.g. 499.99`).
        var hint: String
        /// Drawn as `•` while typed (an auth code).
        var secret: Bool

        init(_ label: String, value: String = "", hint: String = "", secret: Bool = false) {
            self.label = label
            self.input = TextInput(text: value)
            self.hint = hint
            self.secret = secret
        }
    }

    enum Outcome {
        case submitted
        case cancelled
        case none
    }

    var title: String
    var fields: [Field]
    /// A line above the fields (`3 domains`).
    var summary: String
    var focus = 0
    /// Why the last submit was refused.
    var error: String?

    init(title: String, summary: String = "", fields: [Field]) {
        self.title = title
        self.summary = summary
        self.fields = fields
    }

    /// The trimmed text of the field labelled `label`.
    func value(_ label: String) -> String {
        (fields.first { $0.label == label }?.input.text ?? "").trimmingCharacters(in: .whitespaces)
    }

    mutating func handle(_ key: KeyEvent) -> Outcome {
        var inputs = fields.map(\.input)
        let result = FormKeys.handle(key, focus: &focus, inputs: &inputs)
        for index in fields.indices { fields[index].input = inputs[index] }
        switch result {
        case .submitted: return .submitted
        case .cancelled: return .cancelled
        case .edited:
            error = nil
            return .none
        case .none:
            return .none
        }
    }

    func render(into screen: inout Screen, area: Rect) {
        let labelWidth = (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        let extra = summary.isEmpty ? 0 : 2
        let width = min(area.width - 2, 72)
        let height = min(area.height, fields.count + 4 + extra)
        let box = area.centered(width: width, height: height)
        screen.fill(box, style: Style(.dialog))
        screen.drawBox(box, style: Style(.dialog), border: Style(.dialog, accent: .header), title: title)
        let inner = box.inset(dx: 2, dy: 1)
        var row = inner.row
        if !summary.isEmpty {
            screen.put(DisplayWidth.truncate(summary, to: inner.width), at: Point(row: row, col: inner.col), style: Style(.dialog))
            row += 2
        }
        let inputWidth = max(4, inner.width - labelWidth)
        for (index, field) in fields.enumerated() where row < inner.bottom - 1 {
            screen.put(DisplayWidth.pad(field.label, to: labelWidth), at: Point(row: row, col: inner.col),
                       style: Style(.dialog, accent: index == focus ? .header : .dim))
            let rect = Rect(row: row, col: inner.col + labelWidth, width: inputWidth, height: 1)
            (field.secret ? field.input.masked : field.input).render(into: &screen, rect: rect, showsCursor: index == focus)
            if field.input.text.isEmpty, !field.hint.isEmpty {
                screen.put(DisplayWidth.truncate(field.hint, to: inputWidth), at: Point(row: row, col: rect.col),
                           style: Style(.input, accent: .dim))
            }
            row += 1
        }
        let help = error ?? "Tab next field · Enter save · Esc cancel"
        screen.put(DisplayWidth.truncate(help, to: inner.width), at: Point(row: inner.bottom - 1, col: inner.col),
                   style: Style(.dialog, accent: error == nil ? .dim : .error))
    }
}

extension FormDialog {
    /// Gives `key` to a pane's open `form`: Esc closes it (with the
    /// `cancelled` message, when there is one), Enter returns the form as
    /// submitted (still open, for the pane to close, or to keep open with
    /// ``error`` saying what is wrong), any other key edits it in place.
    /// Nil when the key needs nothing more (or no form is open).
    ///
    /// ```swift
    /// guard var open = FormDialog.submission(of: &form, key: key, state: &state) else { return .handled }
    /// ```
    static func submission(of form: inout FormDialog?, key: KeyEvent, state: inout AppState,
                           cancelled: String? = "cancelled") -> FormDialog? {
        guard var open = form else { return nil }
        let outcome = open.handle(key)
        form = outcome == .cancelled ? nil : open
        switch outcome {
        case .cancelled:
            if let cancelled { state.message = StatusMessage(cancelled) }
            return nil
        case .none:
            return nil
        case .submitted:
            return open
        }
    }
}
