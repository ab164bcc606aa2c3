import DynadotAPI

/// Words a domain name must all contain — the filter of the auction,
/// closeout and watchlist lists, in the CLI and the TUI alike. A word
/// matches the ASCII (punycode) name or its Unicode form.
///
/// ```swift
/// NameFilter("shop bü").matches("xn--bcher-kva.shop")   // "bücher.shop": true
/// ```
public struct NameFilter: Sendable, Hashable {
    public let words: [String]

    /// The words of `text`, split at spaces, lower case.
    public init(_ text: String) {
        self.init(words: text.split(whereSeparator: \.isWhitespace).map(String.init))
    }

    public init(words: [String]) {
        self.words = words.map { $0.lowercased() }.filter { !$0.isEmpty }
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Whether every word appears in `name` (ASCII) or its Unicode form.
    public func matches(_ name: String) -> Bool {
        guard !words.isEmpty else { return true }
        let unicode = Punycode.unicodeName(name)
        return words.allSatisfy { name.contains(Punycode.asciiName($0)) || name.contains($0) || unicode.contains($0) }
    }
}

extension ValueDisplay {
    /// `3h 5m`, `2d 4h`, `12m`, `ended` — the time from `nowMs` to `endMs`
    /// (`-` when unknown).
    public static func timeLeft(_ endMs: Int64?, nowMs: Int64) -> String {
        guard let endMs else { return "-" }
        if endMs <= nowMs { return "ended" }
        let minutes = (endMs - nowMs) / 60_000
        if minutes >= 1440 { return "\(minutes / 1440)d \(minutes % 1440 / 60)h" }
        if minutes >= 60 { return "\(minutes / 60)h \(minutes % 60)m" }
        return "\(minutes)m"
    }
}
