import Foundation
import Testing
@testable import TerminalUI

/// Every shipped theme (and the compiled-in one) tells the roles a row can
/// be in apart at every colour depth, and keeps expiry urgency in order.
@Suite struct ThemeRoleLookTests {
    static let themes: [String] = ["builtin"] + ThemeTests.shipped
    static let modes: [ColorMode] = [.colors256, .colors16, .colors8, .monochrome]
    /// The roles that must never look alike.
    static let distinct: [Role] = [.selected, .pending, .error, .expiry30d, .expiry90d]

    static func theme(_ name: String) throws -> Theme {
        name == "builtin" ? .builtinDefault
            : try Theme.loadFile(TestScreen.themesFolder.appendingPathComponent("\(name).toml").path)
    }

    @Test(arguments: themes)
    func selectedPendingErrorAndExpiriesNeverShareAStyle(name: String) throws {
        let theme = try Self.theme(name)
        for mode in Self.modes {
            // On their own, and as an accent in plain and alternate rows.
            for base in [nil, Role.row, Role.rowAlt] {
                let looks = Self.distinct.map { role in
                    (role, theme.resolve(base.map { Style($0, accent: role) } ?? Style(role), mode: mode))
                }
                for (i, a) in looks.enumerated() {
                    for b in looks[(i + 1)...] {
                        #expect(a.1 != b.1, "\(name) \(mode) on \(base?.rawValue ?? "-"): \(a.0) and \(b.0) are both \(a.1)")
                    }
                }
            }
        }
    }

    /// In the cursor row each of those roles (and none) still has a look of
    /// its own, and the bare cursor row looks like no role elsewhere: a
    /// ≤ 30 day date under the cursor must not read as a selected or queued
    /// cell.
    @Test(arguments: themes)
    func theCursorRowKeepsEveryRoleApart(name: String) throws {
        let theme = try Self.theme(name)
        for mode in Self.modes {
            let roles: [Role?] = [nil] + Self.distinct.map { $0 } + [.expiryOverdue]
            let looks = roles.map { role in (role, theme.resolve(Style(.cursor, accent: role), mode: mode)) }
            for (i, a) in looks.enumerated() {
                for b in looks[(i + 1)...] {
                    #expect(a.1 != b.1, "\(name) \(mode) cursor row: \(a.0?.rawValue ?? "plain") and \(b.0?.rawValue ?? "plain") are both \(a.1)")
                }
            }
            let bare = theme.resolve(Style(.cursor), mode: mode)
            for base in [Role.row, .rowAlt] {
                for role in roles {
                    let elsewhere = theme.resolve(Style(base, accent: role), mode: mode)
                    #expect(bare != elsewhere, "\(name) \(mode): the cursor row looks like \(role?.rawValue ?? "plain") on \(base.rawValue)")
                }
            }
        }
    }

    /// Overdue looks louder than ≤ 30 days, which looks louder than ≤ 90
    /// days: reverse weighs most, then bold, then underline.
    @Test(arguments: themes)
    func expiryUrgencyIsOrdered(name: String) throws {
        let theme = try Self.theme(name)
        func weight(_ role: Role, _ mode: ColorMode) -> Int {
            let attributes = theme.resolve(Style(.row, accent: role), mode: mode).attributes
            return (attributes.contains(.reverse) ? 4 : 0) + (attributes.contains(.bold) ? 2 : 0)
                + (attributes.contains(.underline) ? 1 : 0)
        }
        for mode in Self.modes {
            #expect(weight(.expiryOverdue, mode) > weight(.expiry30d, mode), "\(name) \(mode): overdue vs ≤ 30 days")
            #expect(weight(.expiry30d, mode) > weight(.expiry90d, mode), "\(name) \(mode): ≤ 30 days vs ≤ 90 days")
        }
    }
}

@Suite struct GlyphSetTests {
    @Test func theLocaleChoosesTheSet() {
        #expect(GlyphSet.forLocale(["LANG": "C"]) == .ascii)
        #expect(GlyphSet.forLocale(["LANG": "en_US.UTF-8"]) == .unicode)
        #expect(GlyphSet.forLocale(["LANG": "en_US.UTF-8", "LC_ALL": "C"]) == .ascii)
        #expect(GlyphSet.forLocale(["LC_ALL": "", "LC_CTYPE": "C.utf8", "LANG": "C"]) == .unicode)
        #expect(GlyphSet.forLocale(["LANG": "de_DE.ISO-8859-1"]) == .ascii)
        #expect(GlyphSet.forLocale([:]) == .ascii)
    }

    /// Every glyph the interface draws has a one-column ASCII stand-in, and
    /// text without one keeps its width in `?`.
    @Test func asciiStandInsKeepTheWidth() {
        let glyphs = "─│┌┐└┘…▲▼█▉▏░●•◦✓→←·—×≤≥"
        for glyph in glyphs {
            let shown = GlyphSet.ascii.displayed(glyph)
            #expect(shown.unicodeScalars.allSatisfy(\.isASCII) && shown != "?", "\(glyph) → \(shown)")
            #expect(DisplayWidth.of(shown) == DisplayWidth.of(glyph), "\(glyph)")
            #expect(GlyphSet.unicode.displayed(glyph) == String(glyph))
        }
        #expect(GlyphSet.ascii.displayed("例") == "??")
        #expect(GlyphSet.ascii.displayed("ü") == "?")
        #expect(GlyphSet.ascii.displayed("e\u{301}") == "e")
        #expect(GlyphSet.ascii.displayed("a") == "a")
        #expect(GlyphSet.ascii.displayed("●") != GlyphSet.ascii.displayed("•"), "selected and queued markers differ")
    }
}
