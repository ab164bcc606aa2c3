import DynadotAPI
import Foundation

/// Amounts as spreadsheets and marketplace exports write them.
enum ImportAmount {
    /// `1,250.00`, `1.250,00`, `$1,250`, `1250 USD` → cents; nil for `0`
    /// (a marketplace export's "not set"). `decimal` forces the decimal
    /// mark; without it an amount whose mark is unclear (`1.250`) is refused.
    static func cents(_ raw: String, decimal: Character?, what: String) throws -> Int64? {
        var text = raw.trimmedSpaces()
        for mark in ["US$", "$", "USD", "usd"] {
            if text.hasPrefix(mark) { text = String(text.dropFirst(mark.count)) }
            if text.hasSuffix(mark) { text = String(text.dropLast(mark.count)) }
            text = text.trimmedSpaces()
        }
        if text.utf8.contains(where: { $0 == 0x20 || $0 == 0xC2 }) { text.removeAll { $0 == " " || $0 == "\u{00A0}" } }
        // Escaped only for a message: most amounts are fine.
        var shown: String { TerminalText.escaped(raw) }
        // Only ASCII digits, commas and dots from here: read as bytes.
        let comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) || $0 == comma || $0 == dot }) else {
            throw SyncError.invalidEdit("\(what) '\(shown)' is not an amount — write it like 1,250.00, 1.250,00, $1,250 or 1250 USD")
        }
        var mark: UInt8? = decimal.map { $0 == "," ? comma : dot }
        if decimal == nil {
            let commas = bytes.count { $0 == comma }, dots = bytes.count { $0 == dot }
            let digitsAfter = { (c: UInt8) in bytes.count - 1 - (bytes.lastIndex(of: c) ?? -1) }
            if commas > 0, dots > 0 {
                mark = bytes.last { $0 == comma || $0 == dot }
            } else if commas == 1 {
                mark = digitsAfter(comma) == 3 ? nil : comma
            } else if dots == 1 {
                guard digitsAfter(dot) != 3 else {
                    throw SyncError.invalidEdit("\(what) '\(shown)' could be \(text.replacingOccurrences(of: ".", with: "")) or \(text) — give --decimal , or --decimal .")
                }
                mark = dot
            }
        }
        let grouping = mark == comma ? dot : comma
        let plain = String(decoding: bytes.lazy.filter { $0 != grouping }.map { $0 == comma ? dot : $0 }, as: UTF8.self)
        let cents: Int64
        do {
            cents = try Cents.parse(plain, what: what)
        } catch {
            throw SyncError.invalidEdit("\(what) '\(shown)': \(error.description)")
        }
        return cents == 0 ? nil : cents
    }
}

extension String {
    /// The string without leading and trailing white space: what
    /// `trimmingCharacters(in: .whitespaces)` (or, with `andNewlines`,
    /// `.whitespacesAndNewlines`) returns, without Foundation's bridging —
    /// an import calls it for every cell, and most cells have nothing to trim.
    func trimmedSpaces(andNewlines: Bool = false) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            // ASCII (most cells): the one space separator is U+0020.
            if scalar.isASCII {
                return scalar == " " || scalar == "\t" || (andNewlines && (0x0A...0x0D).contains(scalar.value))
            }
            if scalar.properties.generalCategory == .spaceSeparator { return true }
            guard andNewlines else { return false }
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
            default: return false
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
