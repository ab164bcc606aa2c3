import Foundation
import Testing
@testable import DynadotAPI

@Suite struct JSONValueAccessorTests {
    @Test func intAcceptsNumbersAndNumericStrings() {
        #expect(JSONValue.number(0).int == 0)
        #expect(JSONValue.string("-1").int == -1)
        #expect(JSONValue.string(" 200 ").int == 200)
        #expect(JSONValue.string("abc").int == nil)
    }

    @Test func boolAcceptsYesNoInAnyCase() {
        #expect(JSONValue.string("Yes").bool == true)
        #expect(JSONValue.string("no").bool == false)
        #expect(JSONValue.string("YES").bool == true)
        #expect(JSONValue.string("maybe").bool == nil)
    }

    @Test func loneObjectCountsAsOneElementList() {
        let one = JSONValue.object(["Name": .string("a.com")])
        #expect(one.list == [one])
        #expect(JSONValue.null.list.isEmpty)
        #expect(JSONValue.array([.number(1), .number(2)]).list.count == 2)
    }

    @Test func subscriptFallsBackToCaseInsensitiveKeys() {
        let v = JSONValue.object(["isForSale": .string("yes")])
        #expect(v["isForSale"]?.bool == true)
        #expect(v["IsForSale"]?.bool == true)
        #expect(v["Missing"] == nil)
    }

    @Test func textRendersWholeNumbersWithoutFraction() {
        #expect(JSONValue.number(1458379145266).text == "1458379145266")
        #expect(JSONValue.bool(true).text == "yes")
    }
}

@Suite struct JSONWriterTests {
    @Test func sortsKeysAndEscapes() {
        let v = JSONValue.object(["b": .string("q\"\\\n"), "a": .array([.number(1), .bool(false), .null])])
        #expect(v.serialized() == #"{"a":[1,false,null],"b":"q\"\\\n"}"#)
    }

    @Test func keepsNonASCIIAndEscapesControlCharacters() {
        #expect(JSONValue.string("bücher\u{01}").serialized() == "\"bücher\\u0001\"")
    }

    /// The rule, scalar by scalar: what the writer must give whether it
    /// appends a string whole (nothing to escape) or escapes it.
    static func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test("every scalar up to U+0200 and hostile strings: escaped exactly as the scalar-by-scalar rule says")
    func escapingMatchesTheRule() {
        var samples = ["", "plain", "imported note 12", "bücher.de", "日本語", "🙂 👨‍👩‍👧‍👦", "e\u{301}", "\u{2028}\u{2029}", "\u{FEFF}",
                       "a\u{0}b", "tab\there", "\r\n", "\u{1B}[31mred", "\u{9B}31m", "\u{A0}nbsp", "\u{BF}¿", "q\"\\"]
        samples += (0..<0x200).compactMap { Unicode.Scalar($0).map { "x\(Character($0))y" } }
        for sample in samples {
            #expect(JSONValue.string(sample).serialized() == Self.reference(sample), "\(sample.unicodeScalars.map { $0.value })")
        }
    }
}
