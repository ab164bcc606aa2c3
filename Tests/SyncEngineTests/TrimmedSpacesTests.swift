import Foundation
import Testing
@testable import SyncEngine

/// The import's own trim must cut exactly what Foundation's would.
@Suite struct TrimmedSpacesTests {
    static let samples = ["", " ", "\t", "abc", " abc ", "\tabc\t", "a b", "\u{00A0}1,250\u{00A0}", "\u{3000}名前\u{3000}",
                          "\u{2003}x", "x\u{202F}", "\nnote\r\n", "\u{2028}line\u{2029}", "\u{85}x\u{85}", " \u{301}e ",
                          "  \n  ", "ü", " bücher.de ", "\r", "a\u{000B}", "\u{000C}b", "mid dle"]

    @Test(arguments: samples) func sameAsFoundation(_ text: String) {
        #expect(text.trimmedSpaces() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmedSpaces(andNewlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
