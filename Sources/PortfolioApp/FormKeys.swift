import TerminalUI

/// The keys every small form shares: Tab / Down and S-Tab / Up move between
/// fields; the focused ``TextInput`` takes the rest (Enter submits, Esc
/// cancels).
enum FormKeys {
    enum Result: Sendable, Hashable {
        case submitted, cancelled
        /// The focused field's text changed (a shown error is stale now).
        case edited
        case none
    }

    /// Handles `key` for a form of `inputs.count` fields focused at `focus`.
    static func handle(_ key: KeyEvent, focus: inout Int, inputs: inout [TextInput]) -> Result {
        switch key {
        case .tab, .down:
            focus = (focus + 1) % inputs.count
            return .none
        case .backTab, .up:
            focus = (focus + inputs.count - 1) % inputs.count
            return .none
        default:
            switch inputs[focus].handle(key) {
            case .submitted: return .submitted
            case .cancelled: return .cancelled
            case .changed: return .edited
            case .moved, .ignored: return .none
            }
        }
    }
}
