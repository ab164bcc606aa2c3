/// Byte-level text checks for the per-domain decoding path, where
/// Foundation's trim and Unicode character properties dominate the cost.
public enum TextFolding {
    /// The lower-cased ASCII letters of an all-ASCII text (other bytes
    /// dropped), or nil when the text has non-ASCII bytes. Equal to
    /// `text.lowercased().filter { $0.isLetter }` for ASCII text.
    public static func asciiLetters(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            if b >= 0x80 { return nil }
            if b >= 0x41 && b <= 0x5A { out.append(b | 0x20) } else if b >= 0x61 && b <= 0x7A { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the text is empty or starts and ends with printable ASCII,
    /// so trimming whitespace would not change it.
    static func isTrimmedASCII(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return true }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }
}
