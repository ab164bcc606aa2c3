import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("example.com") == 11)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func cjkIsTwoColumnsPerCharacter() {
        #expect(DisplayWidth.of(Character("例")) == 2)
        #expect(DisplayWidth.of("日本語") == 6)
    }

    @Test func idnsMeasureByWhatIsShown() {
        #expect(DisplayWidth.of("bücher.de") == 9)
        // The same name with ü decomposed into u + combining diaeresis.
        #expect(DisplayWidth.of("bu\u{308}cher.de") == 9)
        #expect(DisplayWidth.of("例え.jp") == 7)
        #expect(DisplayWidth.of("münchen-straße.de") == 17)
    }

    @Test func emojiAreTwoColumnsIncludingModifiers() {
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("👍🏻")) == 2)
        #expect(DisplayWidth.of("😀.ws") == 5)
    }

    @Test func combiningMarksAddNoWidth() {
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("e\u{301}cole.fr") == 8)
    }

    @Test func controlCharactersMeasureAsTheirReplacement() {
        #expect(DisplayWidth.isControl("\u{1B}"))
        #expect(DisplayWidth.of(Character("\u{7}")) == 1)
        #expect(!DisplayWidth.isControl("a"))
        #expect(!DisplayWidth.isControl("例"))
    }

    @Test func truncationAddsAnEllipsisOnlyWhenCutting() {
        #expect(DisplayWidth.truncate("example.com", to: 11) == "example.com")
        #expect(DisplayWidth.truncate("example.com", to: 8) == "example…")
        #expect(DisplayWidth.truncate("bücher.de", to: 5) == "büch…")
        #expect(DisplayWidth.truncate("example.com", to: 1) == "…")
        #expect(DisplayWidth.truncate("example.com", to: 0) == "")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        // 例 (2) + … (1) = 3 fits in 4; 例え + … would need 5.
        #expect(DisplayWidth.truncate("例え.jp", to: 4) == "例…")
        #expect(DisplayWidth.truncate("例え.jp", to: 5) == "例え…")
        #expect(DisplayWidth.truncate("😀😀😀", to: 4) == "😀…")
    }

    @Test(arguments: ["example.com", "bücher.de", "例え.jp", "日本語ドメイン名.jp", "😀👍🏻x", "e\u{301}e\u{301}e\u{301}"])
    func truncationNeverExceedsTheWidth(text: String) {
        for width in 0...(DisplayWidth.of(text) + 2) {
            let cut = DisplayWidth.truncate(text, to: width)
            #expect(DisplayWidth.of(cut) <= width, "\(text) at \(width): \(cut)")
            if DisplayWidth.of(text) > width, width > 0 {
                #expect(cut.last == "…")
                #expect(text.hasPrefix(String(cut.dropLast())))
            }
            #expect(DisplayWidth.of(DisplayWidth.fit(text, to: width)) == width)
        }
    }

    @Test func paddingAligns() {
        #expect(DisplayWidth.pad("例", to: 4) == "例  ")
        #expect(DisplayWidth.pad("例", to: 4, alignment: .right) == "  例")
        #expect(DisplayWidth.pad("ab", to: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.pad("toolong", to: 3) == "toolong")
        #expect(DisplayWidth.fit("例え.jp", to: 4) == "例… ")
    }
}
