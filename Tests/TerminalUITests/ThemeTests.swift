import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    static let shipped = ["default", "light", "high-contrast", "mono"]

    @Test(arguments: shipped)
    func shippedThemesParseAndDefineEveryRole(name: String) throws {
        let path = TestScreen.themesFolder.appendingPathComponent("\(name).toml").path
        let theme = try Theme.loadFile(path)
        #expect(theme.name == name)
        for role in Role.all {
            #expect(theme.roles[role] != nil, "\(name) lacks \(role)")
        }
    }

    @Test func theBuiltInDefaultIsDefaultToml() throws {
        let url = TestScreen.themesFolder.appendingPathComponent("default.toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == BuiltinTheme.defaultTOML + "\n")
        #expect(try Theme.loadFile(url.path) == Theme.builtinDefault)
    }

    @Test func monoUsesNoColourAtAll() throws {
        let mono = try Theme.loadFile(TestScreen.themesFolder.appendingPathComponent("mono.toml").path)
        for role in Role.all {
            let resolved = mono.resolve(Style(role), mode: .colors256)
            #expect(resolved.foreground == nil && resolved.background == nil, "\(role)")
        }
        #expect(mono.resolve(Style(.cursor), mode: .colors256).attributes == .reverse)
    }

    @Test func coloursFallBackTo16And8Colours() {
        let theme = Theme.builtinDefault
        let cursor = Style(.cursor)
        #expect(theme.resolve(cursor, mode: .colors256) == ResolvedStyle(foreground: 231, background: 25, attributes: .bold))
        #expect(theme.resolve(cursor, mode: .colors16) == ResolvedStyle(foreground: 15, background: 4, attributes: .bold))
        #expect(theme.resolve(Style(.ok), mode: .colors8) == ResolvedStyle(foreground: 2))
        // Bright colours on an 8-colour terminal become the base colour in bold.
        #expect(theme.resolve(Style(.dim), mode: .colors8) == ResolvedStyle(foreground: 0, attributes: .bold))
    }

    @Test func accentsKeepTheBaseBackground() {
        let resolved = Theme.builtinDefault.resolve(Style(.cursor, accent: .expiryOverdue), mode: .colors256)
        #expect(resolved == ResolvedStyle(foreground: 196, background: 25, attributes: [.bold, .reverse]))
    }

    @Test func noColorTurnsColourOffAndUsesMonochromeAttributes() {
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .monochrome)
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": ""]) == .colors256)
        #expect(ColorMode.detect(colors: 256, environment: [:]) == .colors256)
        #expect(ColorMode.detect(colors: 16, environment: [:]) == .colors16)
        #expect(ColorMode.detect(colors: 8, environment: [:]) == .colors8)
        #expect(ColorMode.detect(colors: 256, hasColors: false, environment: [:]) == .monochrome)
        let theme = Theme.builtinDefault
        #expect(theme.resolve(Style(.cursor), mode: .monochrome) == ResolvedStyle(attributes: .reverse))
        #expect(theme.resolve(Style(.error), mode: .monochrome) == ResolvedStyle(attributes: [.bold, .underline]))
        #expect(theme.resolve(Style(.row), mode: .monochrome) == ResolvedStyle())
    }

    @Test func aSyntaxErrorNamesTheFileAndLine() throws {
        let folder = try TestScreen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("broken.toml").path
        try """
            name = "broken"

            [roles.header]
            fg = "red"
            attrs = ["bold"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: ThemeError.self) { try Theme.loadFile(path) }
        #expect(error?.file == path)
        #expect(error?.line == 5 || error?.line == 6)
        #expect(error?.description.hasPrefix("\(path):") == true)
    }

    @Test func unknownNamesAreReportedWithTheirLine() {
        func failure(_ text: String) -> ThemeError? {
            #expect(throws: ThemeError.self) { try Theme.parse(text, file: "themes/bad.toml") }
        }
        let role = failure("""
            name = "bad"

            [roles.header]
            fg = "red"

            [roles.heder]
            fg = "blue"
            """)
        #expect(role?.line == 6)
        #expect(role?.description.hasPrefix("themes/bad.toml:6: unknown role 'heder'") == true)

        let colour = failure("""
            [roles.header]
            fg = "red"
            [roles.cursor]
            bg = "blu"
            """)
        #expect(colour?.line == 4)
        #expect(colour?.message.hasPrefix("unknown colour 'blu'") == true)

        let attribute = failure("""
            [roles.ok]
            attrs = ["bold", "blink"]
            """)
        #expect(attribute?.line == 2)
        #expect(attribute?.message.hasPrefix("unknown attribute 'blink'") == true)

        let key = failure("""
            [roles.ok]

            colour = "red"
            """)
        #expect(key?.line == 3)

        let fallback = failure("""
            [roles.ok]
            fg = 100
            """)
        #expect(fallback?.line == 2)
        #expect(fallback?.message.contains("16-colour fallback") == true)
    }

    @Test func themesAreFoundByNameAndChosenByPrecedence() throws {
        let dataHome = try TestScreen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dataHome) }
        let folder = dataHome.appendingPathComponent("dynafolio/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "name = \"mine\"\n[roles.ok]\nfg = \"green\"\n"
            .write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let environment = ["XDG_DATA_HOME": dataHome.path]

        #expect(Theme.searchDirectories(environment: environment).contains(folder.path))
        #expect(try Theme.load("mine", environment: environment).name == "mine")
        // Shipped themes come from the source tree.
        #expect(try Theme.load("light", environment: environment).name == "light")
        #expect(Theme.availableNames(environment: environment).contains("mine"))

        var chooser = environment
        #expect(try Theme.choose(flag: nil, config: nil, environment: chooser).name == "default")
        #expect(try Theme.choose(flag: nil, config: "mine", environment: chooser).name == "mine")
        chooser[Theme.environmentVariable] = "light"
        #expect(try Theme.choose(flag: nil, config: "mine", environment: chooser).name == "light")
        #expect(try Theme.choose(flag: "mono", config: "mine", environment: chooser).name == "mono")
        let byPath = folder.appendingPathComponent("mine.toml").path
        #expect(try Theme.choose(flag: byPath, config: nil, environment: chooser).name == "mine")
    }

    @Test func anUnknownThemeNameSaysWhatExists() {
        let error = #expect(throws: ThemeError.self) {
            try Theme.load("nosuchtheme", environment: ["XDG_DATA_HOME": "/nonexistent-dir"])
        }
        #expect(error?.description.contains("no such theme") == true)
        #expect(error?.description.contains("high-contrast") == true)
    }
}
