/// How a domain name is shown to a person — the one rule the TUI and the
/// CLI follow: the Unicode form when the user's locale is UTF-8, the ASCII
/// (punycode) form otherwise, so an IDN reads the same in every pane, every
/// command and every result line.
///
/// ```swift
/// let unicode = DomainNameDisplay.localeIsUnicode(ProcessInfo.processInfo.environment)
/// DomainNameDisplay.shown("xn--mnchen-3ya.de", unicode: true)   // "münchen.de"
/// DomainNameDisplay.shown("xn--mnchen-3ya.de", unicode: false)  // "xn--mnchen-3ya.de"
/// ```
public enum DomainNameDisplay {
    /// Whether the user's locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`)
    /// is UTF-8.
    public static func localeIsUnicode(_ env: [String: String]) -> Bool {
        let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }

    /// `name` (the ASCII form the provider and the cache use) as shown.
    public static func shown(_ name: String, unicode: Bool) -> String {
        unicode ? Punycode.unicodeName(name) : name
    }
}
