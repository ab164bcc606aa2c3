/// RFC 3492 Punycode: internationalised names go on the wire as `xn--…`
/// labels; the product shows them in Unicode when the terminal can.
public enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700

    /// The ASCII form of a dotted name: each non-ASCII label becomes `xn--…`.
    public static func asciiName(_ name: String) -> String {
        // An ASCII name has no label to encode.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.lowercased() }
        return name.split(separator: ".", omittingEmptySubsequences: false)
            .map { label -> String in
                let text = String(label).lowercased()
                return text.unicodeScalars.allSatisfy(\.isASCII) ? text : "xn--" + encode(text)
            }
            .joined(separator: ".")
    }

    /// The Punycode encoding of one label (without the `xn--` prefix).
    public static func encode(_ input: String) -> String {
        let scalars = input.unicodeScalars.map { Int($0.value) }
        var output = String(String.UnicodeScalarView(input.unicodeScalars.filter(\.isASCII)))
        let basicCount = output.unicodeScalars.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = 128, delta = 0, bias = 72
        while handled < scalars.count {
            // handled < scalars.count: some scalar is still ≥ n.
            guard let m = scalars.filter({ $0 >= n }).min() else { break }
            delta += (m - n) * (handled + 1)
            n = m
            for c in scalars {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, points: handled + 1, first: handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ d: Int) -> Character {
        Character(Unicode.Scalar(UInt8(d < 26 ? 97 + d : 22 + d)))
    }

    /// The Unicode form of a dotted name: each `xn--` label decoded; a label
    /// that does not decode is kept as it is.
    public static func unicodeName(_ name: String) -> String {
        guard containsACEPrefix(name) else { return name }
        return name.split(separator: ".", omittingEmptySubsequences: false)
            .map { label -> String in
                let text = String(label)
                guard text.lowercased().hasPrefix("xn--"), let decoded = decode(String(text.dropFirst(4))) else { return text }
                return decoded
            }
            .joined(separator: ".")
    }

    /// Whether `name` holds `xn--` or `XN--`: a byte scan, as this runs once
    /// per domain of every `list_domain` page and almost never matches.
    static func containsACEPrefix(_ name: String) -> Bool {
        var utf8 = name.utf8
        if let found = utf8.withContiguousStorageIfAvailable({ Self.containsACEPrefix(bytes: $0) }) { return found }
        utf8 = String(name).utf8
        return Array(utf8).withUnsafeBufferPointer { Self.containsACEPrefix(bytes: $0) }
    }

    private static func containsACEPrefix(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        for i in 0...(bytes.count - 4) where bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D {
            if bytes[i] == 0x78 && bytes[i + 1] == 0x6E { return true }   // xn--
            if bytes[i] == 0x58 && bytes[i + 1] == 0x4E { return true }   // XN--
        }
        return false
    }

    /// Decodes one label (without the `xn--` prefix); `nil` when malformed.
    public static func decode(_ input: String) -> String? {
        let bytes = Array(input.utf8)
        var output: [Int] = []
        var start = 0
        if let dash = bytes.lastIndex(of: UInt8(ascii: "-")) {
            for b in bytes[..<dash] {
                guard b < 0x80 else { return nil }
                output.append(Int(b))
            }
            start = dash + 1
        }
        var n = 128, i = 0, bias = 72
        var pos = start
        while pos < bytes.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard pos < bytes.count, let d = digitValue(bytes[pos]) else { return nil }
                pos += 1
                let (mul, overflow1) = d.multipliedReportingOverflow(by: w)
                guard !overflow1 else { return nil }
                let (sum, overflow2) = i.addingReportingOverflow(mul)
                guard !overflow2, sum < 0x10FFFF * 64 else { return nil }
                i = sum
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if d < t { break }
                w *= base - t
                guard w < 0x10FFFF * 64 else { return nil }
                k += base
            }
            bias = adapt(i - oldI, points: output.count + 1, first: oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, n >= 0x80 else { return nil }
            output.insert(n, at: i)
            i += 1
        }
        var scalars = String.UnicodeScalarView()
        for code in output {
            guard let scalar = Unicode.Scalar(code) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func digitValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(b - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(b - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(b - UInt8(ascii: "0")) + 26
        default: return nil
        }
    }
}
