import Testing
@testable import TerminalUI

@Suite struct TextEditingTests {
    func typed(_ text: String, into input: inout TextInput) {
        for character in text { #expect(input.handle(.char(character)) == .changed) }
    }

    @Test func typingMovingAndDeleting() {
        var input = TextInput()
        typed("tld:com", into: &input)
        #expect(input.text == "tld:com")
        #expect(input.handle(.left) == .moved)
        #expect(input.handle(.left) == .moved)
        #expect(input.handle(.backspace) == .changed)
        #expect(input.text == "tld:om")
        #expect(input.handle(.delete) == .changed)
        #expect(input.text == "tld:m")
        #expect(input.handle(.home) == .moved)
        #expect(input.handle(.backspace) == .ignored)
        #expect(input.handle(.left) == .ignored)
        typed("-", into: &input)
        #expect(input.text == "-tld:m")
        #expect(input.handle(.end) == .moved)
        #expect(input.handle(.delete) == .ignored)
        #expect(input.cursor == 6)
        #expect(input.handle(.ctrl("a")) == .moved)
        #expect(input.cursor == 0)
        #expect(input.handle(.ctrl("e")) == .moved)
        #expect(input.cursor == 6)
    }

    @Test func killKeysWorkLikeAShell() {
        var input = TextInput(text: "set ns  a.example b.example")
        #expect(input.handle(.ctrl("w")) == .changed)
        #expect(input.text == "set ns  a.example ")
        #expect(input.handle(.ctrl("w")) == .changed)
        #expect(input.text == "set ns  ")
        #expect(input.handle(.ctrl("w")) == .changed)
        #expect(input.text == "set ")
        for _ in 0..<2 { _ = input.handle(.left) }
        #expect(input.handle(.ctrl("k")) == .changed)
        #expect(input.text == "se")
        #expect(input.handle(.ctrl("u")) == .changed)
        #expect(input.text == "")
        #expect(input.handle(.ctrl("u")) == .ignored)
        #expect(input.handle(.ctrl("w")) == .ignored)
    }

    @Test func editingWorksOnWholeCharacters() {
        var input = TextInput(text: "例え.jp")
        _ = input.handle(.home)
        _ = input.handle(.right)
        typed("ü", into: &input)
        #expect(input.text == "例üえ.jp")
        _ = input.handle(.right)
        #expect(input.handle(.backspace) == .changed)
        #expect(input.text == "例ü.jp")
        var decomposed = TextInput(text: "e\u{301}x")
        _ = decomposed.handle(.left)
        _ = decomposed.handle(.backspace)
        #expect(decomposed.text == "x")
    }

    @Test func enterSubmitsAndEscapeCancels() {
        var input = TextInput(text: "abc")
        #expect(input.handle(.enter) == .submitted)
        #expect(input.handle(.escape) == .cancelled)
        #expect(input.handle(.up) == .ignored)
        #expect(input.handle(.tab) == .ignored)
        #expect(input.text == "abc")
    }

    @Test func commandLineHistoryWalksUpAndDownAndKeepsTheDraft() {
        var line = CommandLineInput(history: ["sync"])
        for character in "set renew auto" { _ = line.handle(.char(character)) }
        #expect(line.handle(.enter) == .submitted("set renew auto"))
        #expect(line.text == "")
        #expect(line.history == ["sync", "set renew auto"])

        for character in "pu" { _ = line.handle(.char(character)) }
        #expect(line.handle(.up) == .edited)
        #expect(line.text == "set renew auto")
        #expect(line.handle(.up) == .edited)
        #expect(line.text == "sync")
        #expect(line.handle(.up) == .ignored)
        #expect(line.text == "sync")
        #expect(line.handle(.down) == .edited)
        #expect(line.text == "set renew auto")
        #expect(line.handle(.down) == .edited)
        #expect(line.text == "pu")
        #expect(line.handle(.down) == .ignored)

        // A recalled entry can be edited and submitted as a new command.
        _ = line.handle(.up)
        _ = line.handle(.ctrl("w"))
        for character in "off" { _ = line.handle(.char(character)) }
        #expect(line.handle(.enter) == .submitted("set renew off"))
        #expect(line.history == ["sync", "set renew auto", "set renew off"])
    }

    @Test func commandLineHistorySkipsBlanksAndRepeatsAndIsBounded() {
        var line = CommandLineInput(historyLimit: 3)
        for command in ["a", "a", "  ", "b", "c", "d"] {
            for character in command { _ = line.handle(.char(character)) }
            _ = line.handle(.enter)
        }
        #expect(line.history == ["b", "c", "d"])
        for character in "zz" { _ = line.handle(.char(character)) }
        #expect(line.handle(.escape) == .cancelled)
        #expect(line.text == "")
        #expect(line.history == ["b", "c", "d"])
        #expect(line.handle(.function(5)) == .ignored)
    }
}
