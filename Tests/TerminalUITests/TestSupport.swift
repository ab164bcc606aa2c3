import Foundation
@testable import TerminalUI

/// Test helpers: a fresh 80×24 screen and text dumps without the blank
/// lines below the last drawn one (so goldens stay short).
enum TestScreen {
    static let size = Size(rows: 24, cols: 80)

    static func make(_ size: Size = TestScreen.size) -> Screen {
        Screen(size: size)
    }

    /// `plainText()` minus trailing empty lines.
    static func text(_ screen: Screen) -> String {
        trimBottom(screen.plainText())
    }

    /// `styledText(theme:)` minus trailing empty lines.
    static func styled(_ screen: Screen, theme: Theme = .builtinDefault, mode: ColorMode = .colors256) -> String {
        trimBottom(screen.styledText(theme: theme, mode: mode))
    }

    private static func trimBottom(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The package's `themes/` folder.
    static let themesFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    /// A new empty temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("terminalui-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
