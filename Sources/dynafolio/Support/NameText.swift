import DynadotAPI
import Foundation
import SyncEngine

/// Domain names in the CLI's text output, by ``DomainNameDisplay``'s rule
/// (Unicode under a UTF-8 locale, punycode otherwise) and escaped as data
/// (``TerminalText``).
enum NameText {
    /// Whether this process's locale is UTF-8.
    static let unicode = DomainNameDisplay.localeIsUnicode(ProcessInfo.processInfo.environment)

    /// `münchen.de` (UTF-8 locale) or `xn--mnchen-3ya.de`.
    static func shown(_ name: String) -> String {
        TerminalText.escaped(DomainNameDisplay.shown(name, unicode: unicode))
    }

    /// A queue target: `folder Parked` for a folder-wide setting, else as
    /// ``shown(_:)``.
    static func target(_ target: String, _ targets: TargetNames) -> String {
        targets.shown(target, unicode: unicode)
    }

    /// `münchen.de (xn--mnchen-3ya.de)` under a UTF-8 locale, so the ASCII
    /// form stays at hand for scripts; just the ASCII form otherwise.
    static func withASCII(_ name: String) -> String {
        let shown = DomainNameDisplay.shown(name, unicode: unicode)
        return TerminalText.escaped(shown == name ? name : "\(shown) (\(name))")
    }
}
