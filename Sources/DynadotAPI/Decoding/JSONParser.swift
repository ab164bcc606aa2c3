import Foundation

/// Why a body is not JSON, and where: `offset` is the byte index of the
/// first byte the parser could not accept.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }
    public var description: String { "\(reason) at byte \(offset)" }
}

extension JSONValue {
    /// Deepest nesting accepted; deeper input is refused rather than risking
    /// the stack (real answers nest about six levels).
    public static let maximumNestingDepth = 512

    /// Parses JSON bytes tolerantly: a leading BOM and surrounding whitespace
    /// are skipped, duplicate keys are allowed (the last wins), and object
    /// keys are normalised (trimmed, one trailing `:` removed, trimmed again),
    /// so `"ResponseCode: "` reads as `ResponseCode`.
    ///
    ///     let value = try JSONValue.parse(Data(#"{"A: ": 1}"#.utf8))   // ["A": 1]
    ///
    /// Throws `JSONParseError` with the byte offset on invalid input.
    public static func parse(_ data: Data) throws -> JSONValue {
        try data.withUnsafeBytes { raw -> JSONValue in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = JSONByteParser(bytes)
            return try parser.parseDocument()
        }
    }
}

/// A recursive-descent parser over raw bytes. Strings without escapes are
/// decoded straight from the input buffer, so a typical `list_domain` page
/// costs one small allocation per string and per container.
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var pos = 0
    var depth = 0
    /// Fields of the objects being parsed, innermost last: each object's
    /// dictionary is built once at its closing brace with the exact
    /// capacity (growing from a guess rehashed a 15-field domain twice).
    private var pendingFields: [(String, JSONValue)] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        count = bytes.count
    }

    mutating func parseDocument() throws -> JSONValue {
        if count >= 3, byte(0) == 0xEF, byte(1) == 0xBB, byte(2) == 0xBF { pos = 3 }
        skipWhitespace()
        guard pos < count else { throw fail("empty body") }
        let value = try parseValue()
        skipWhitespace()
        guard pos == count else { throw fail("unexpected data after the JSON value") }
        return value
    }

    @inline(__always) func byte(_ i: Int) -> UInt8 { bytes[i] }

    func fail(_ reason: String) -> JSONParseError {
        JSONParseError(offset: pos, reason: reason)
    }

    @inline(__always) mutating func skipWhitespace() {
        while pos < count {
            switch byte(pos) {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws -> JSONValue {
        guard pos < count else { throw fail("unexpected end of input") }
        switch byte(pos) {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("unexpected character")
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard pos + n <= count else { throw fail("unexpected end of input") }
        let w = word.utf8Start
        for i in 0..<n where byte(pos + i) != w[i] {
            throw fail("invalid literal")
        }
        pos += n
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONValue.maximumNestingDepth { throw fail("nesting deeper than \(JSONValue.maximumNestingDepth)") }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        pos += 1
        let base = pendingFields.count
        skipWhitespace()
        if pos < count, byte(pos) == UInt8(ascii: "}") {
            pos += 1
            return .object([:])
        }
        while true {
            skipWhitespace()
            guard pos < count else { throw fail("unexpected end of input in object") }
            guard byte(pos) == UInt8(ascii: "\"") else { throw fail("expected a string key") }
            let key = try parseString(normalisingKey: true)
            skipWhitespace()
            guard pos < count, byte(pos) == UInt8(ascii: ":") else { throw fail("expected ':' after key") }
            pos += 1
            skipWhitespace()
            let value = try parseValue()
            pendingFields.append((key, value))
            skipWhitespace()
            guard pos < count else { throw fail("unexpected end of input in object") }
            switch byte(pos) {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "}"):
                pos += 1
                // Duplicate keys: the last one wins.
                let fields = Dictionary(pendingFields[base...], uniquingKeysWith: { _, last in last })
                pendingFields.removeSubrange(base...)
                return .object(fields)
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if pos < count, byte(pos) == UInt8(ascii: "]") {
            pos += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard pos < count else { throw fail("unexpected end of input in array") }
            switch byte(pos) {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "]"): pos += 1; return .array(items)
            default: throw fail("expected ',' or ']'")
            }
        }
    }

    /// Reads a string starting at the opening quote. Raw control characters
    /// are accepted (the service has sent them inside notes).
    private mutating func parseString(normalisingKey: Bool = false) throws -> String {
        pos += 1
        let start = pos
        while pos < count {
            let b = byte(pos)
            if b == UInt8(ascii: "\"") {
                let text = makeString(from: start, to: pos, normalising: normalisingKey)
                pos += 1
                return text
            }
            if b == UInt8(ascii: "\\") { return try parseEscapedString(from: start, normalising: normalisingKey) }
            pos += 1
        }
        throw fail("unterminated string")
    }

    private func makeString(from start: Int, to end: Int, normalising: Bool) -> String {
        var lo = start, hi = end
        if normalising { (lo, hi) = JSONByteParser.keyBounds(bytes, lo, hi) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
    }

    /// Trims spaces, then one trailing `:`, then spaces again.
    private static func keyBounds(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var lo = start, hi = end
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while lo < hi, isSpace(p[lo]) { lo += 1 }
        while hi > lo, isSpace(p[hi - 1]) { hi -= 1 }
        if hi > lo, p[hi - 1] == UInt8(ascii: ":") {
            hi -= 1
            while hi > lo, isSpace(p[hi - 1]) { hi -= 1 }
        }
        return (lo, hi)
    }

    private mutating func parseEscapedString(from start: Int, normalising: Bool) throws -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(pos - start + 16)
        buffer.append(contentsOf: bytes[start..<pos])
        while pos < count {
            let b = byte(pos)
            if b == UInt8(ascii: "\"") {
                pos += 1
                return buffer.withUnsafeBufferPointer { buf in
                    var lo = 0, hi = buf.count
                    if normalising { (lo, hi) = JSONByteParser.keyBounds(buf, 0, buf.count) }
                    return String(decoding: UnsafeBufferPointer(rebasing: buf[lo..<hi]), as: UTF8.self)
                }
            }
            if b != UInt8(ascii: "\\") {
                buffer.append(b)
                pos += 1
                continue
            }
            pos += 1
            guard pos < count else { throw fail("unterminated escape") }
            let e = byte(pos)
            pos += 1
            switch e {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"): appendScalar(try parseUnicodeEscape(), to: &buffer)
            default:
                pos -= 1
                throw fail("invalid escape")
            }
        }
        throw fail("unterminated string")
    }

    /// Reads the hex after `\u` (and a following low surrogate when the first
    /// is a high one). Lone surrogates become U+FFFD instead of failing.
    private mutating func parseUnicodeEscape() throws -> UInt32 {
        let first = try readHex4()
        if (0xD800...0xDBFF).contains(first) {
            if pos + 6 <= count, byte(pos) == UInt8(ascii: "\\"), byte(pos + 1) == UInt8(ascii: "u") {
                let save = pos
                pos += 2
                let second = try readHex4()
                if (0xDC00...0xDFFF).contains(second) {
                    return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                }
                pos = save
            }
            return 0xFFFD
        }
        if (0xDC00...0xDFFF).contains(first) { return 0xFFFD }
        return first
    }

    private mutating func readHex4() throws -> UInt32 {
        guard pos + 4 <= count else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = byte(pos)
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    private func appendScalar(_ v: UInt32, to buffer: inout [UInt8]) {
        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
        buffer.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// JSON number grammar; plain integers up to 15 digits are computed
    /// directly, everything else goes through `strtod` on a copied slice.
    private mutating func parseNumber() throws -> Double {
        let start = pos
        var negative = false
        if byte(pos) == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        let intStart = pos
        var intValue: Int64 = 0
        while pos < count, byte(pos) >= UInt8(ascii: "0"), byte(pos) <= UInt8(ascii: "9") {
            if pos - intStart < 18 { intValue = intValue * 10 + Int64(byte(pos) - UInt8(ascii: "0")) }
            pos += 1
        }
        let intDigits = pos - intStart
        guard intDigits > 0 else { throw fail("expected digits") }
        var isPlainInteger = intDigits <= 15
        if pos < count, byte(pos) == UInt8(ascii: ".") {
            isPlainInteger = false
            pos += 1
            let fracStart = pos
            while pos < count, byte(pos) >= UInt8(ascii: "0"), byte(pos) <= UInt8(ascii: "9") { pos += 1 }
            guard pos > fracStart else { throw fail("expected digits after '.'") }
        }
        if pos < count, byte(pos) == UInt8(ascii: "e") || byte(pos) == UInt8(ascii: "E") {
            isPlainInteger = false
            pos += 1
            if pos < count, byte(pos) == UInt8(ascii: "+") || byte(pos) == UInt8(ascii: "-") { pos += 1 }
            let expStart = pos
            while pos < count, byte(pos) >= UInt8(ascii: "0"), byte(pos) <= UInt8(ascii: "9") { pos += 1 }
            guard pos > expStart else { throw fail("expected exponent digits") }
        }
        if isPlainInteger {
            return negative ? -Double(intValue) : Double(intValue)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        guard let value = Double(text) else { throw JSONParseError(offset: start, reason: "invalid number") }
        return value
    }
}
