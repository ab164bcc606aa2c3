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
}
