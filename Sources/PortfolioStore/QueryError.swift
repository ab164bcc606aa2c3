/// A query or sort expression that could not be parsed.
///
/// `position` and `length` are in characters of the original text, so a UI
/// can underline the culprit; `message` says what to type instead.
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Character offset of the offending term (0-based).
    public let position: Int
    /// Its length in characters.
    public let length: Int
    /// What is wrong and what to do, e.g. "unknown key 'tdl' — did you mean 'tld'? …".
    public let message: String

    public init(position: Int, length: Int, message: String) {
        self.position = position
        self.length = length
        self.message = message
    }

    public var description: String { "at column \(position + 1): \(message)" }

    /// The closest of `candidates` to `word` within two edits, for "did you
    /// mean" hints.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit
    /// ("tdl" → "tld").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
