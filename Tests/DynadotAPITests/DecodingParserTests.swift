import Foundation
import Testing
@testable import DynadotAPI

@Suite struct DecodingParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

    private func offset(_ text: String) -> Int? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as JSONParseError {
            return error.offset
        } catch {
            return nil
        }
    }

    @Test func parsesScalarsAndContainers() throws {
        let v = try parse(#"{"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "e": []}"#)
        #expect(v == .object([
            "a": .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d")]),
            "e": .array([]),
        ]))
    }

    @Test func normalisesKeysWithStrayColonAndSpaces() throws {
        let v = try parse(#"{"ResponseCode: ": "0", " Status ": "ok", "Plain:": 1, "Esc\u0041 : ": 2}"#)
        #expect(v.fields.keys.sorted() == ["EscA", "Plain", "ResponseCode", "Status"])
    }

    @Test func duplicateKeysKeepTheLast() throws {
        #expect(try parse(#"{"a": 1, "a": 2}"#) == .object(["a": .number(2)]))
        #expect(try parse(#"{"a": 1, "a: ": 3}"#) == .object(["a": .number(3)]))
    }

    @Test func decodesEveryEscapeAndSurrogatePairs() throws {
        let v = try parse(#""q\"b\\s\/b\bf\fn\nr\rt\t\u00e9\ud83d\ude00""#)
        #expect(v == .string("q\"b\\s/b\u{08}f\u{0C}n\nr\rt\té😀"))
        #expect(try parse(#""lone \ud800 high""#) == .string("lone \u{FFFD} high"))
        #expect(try parse(#""lone \udc00 low""#) == .string("lone \u{FFFD} low"))
    }

    @Test func keepsNonASCIIAndRawControlCharacters() throws {
        #expect(try parse("\"bücher.de\"") == .string("bücher.de"))
        #expect(try parse("\"line\u{01}feed\"") == .string("line\u{01}feed"))
    }

    @Test func acceptsBOMAndSurroundingWhitespace() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(" \n\t{\"a\":1}\r\n ".utf8)
        #expect(try JSONValue.parse(Data(bytes)) == .object(["a": .number(1)]))
    }

    @Test func readsLargeIntegersExactlyEnoughForEpochMilliseconds() throws {
        #expect(try parse("1458379145266") == .number(1458379145266))
        #expect(try parse("-0") == .number(0))
        #expect(try parse("12345678901234567890") == .number(Double("12345678901234567890")!))
    }

    @Test func reportsTheOffsetOfInvalidInput() {
        #expect(offset("") == 0)
        #expect(offset("{") == 1)
        #expect(offset(#"{"a" 1}"#) == 5)
        #expect(offset(#"{"a": tru}"#) == 6)
        #expect(offset("[1,]") == 3)
        #expect(offset("[1 2]") == 3)
        #expect(offset(#""abc"#) == 4)
        #expect(offset(#""\x""#) == 2)
        #expect(offset(#""\u12G4""#) == 5)
        #expect(offset("{} x") == 3)
        #expect(offset("1.") == 2)
        #expect(offset("-") == 1)
        #expect(offset("{'a': 1}") == 1)
    }

    @Test func refusesNestingBeyondTheLimitWithoutCrashing() throws {
        let limit = JSONValue.maximumNestingDepth
        let ok = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try parse(ok) }
        let deep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(offset(deep) == limit)
        #expect(offset(String(repeating: "{\"a\":", count: 5000)) != nil)
    }
}
