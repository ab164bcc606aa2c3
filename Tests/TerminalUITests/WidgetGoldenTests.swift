import Testing
@testable import TerminalUI

/// Each widget drawn headlessly into an 80×24 screen and compared as text.
@Suite struct WidgetGoldenTests {
    @Test func tabBarShortensAndKeepsTheActiveTabVisible() {
        var screen = TestScreen.make()
        let tabs: [TabBar.Tab] = [
            .init("1 Domains", short: "1"), .init("2 Expiries", short: "2"),
            .init("3 DNS", short: "3"), .init("7 Queue (3)", short: "7 (3)"),
        ]
        TabBar(tabs: tabs, active: 1).render(into: &screen, rect: screen.bounds.line(0))
        // Titles give way one tab at a time from the right, never the active one's.
        TabBar(tabs: (1...7).map { .init("\($0) A long tab title", short: "\($0)") }, active: 1)
            .render(into: &screen, rect: screen.bounds.line(2))
        TabBar(tabs: (1...7).map { .init("\($0) A very long tab title indeed") }, active: 6)
            .render(into: &screen, rect: screen.bounds.line(4))
        TabBar(tabs: (1...7).map { .init("\($0) Tab", short: "\($0)") } + [.init("8 Queue (12)", short: "8 (12)")], active: 0)
            .render(into: &screen, rect: Rect(row: 6, col: 0, width: 50, height: 1))
        // Titles that do not fit make the bar compact: inactive titles
        // unpadded and two blanks apart (the active one keeps its padding).
        #expect(TestScreen.text(screen) == """
             1 Domains   2 Expiries   3 DNS   7 Queue (3)

            1 A long tab title  2 A long tab title  3 A long tab title  4  5  6  7

            6 A very long tab title indeed  7 A very long tab title indeed

             1 Tab  2 Tab  3 Tab  4 Tab  5 Tab  6  7  8 (12)
            """)
        let styled = TestScreen.styled(TestScreen.make(Size(rows: 1, cols: 30)).drawn {
            TabBar(tabs: [.init("1 Domains"), .init("2 DNS")], active: 1).render(into: &$0, rect: $0.bounds)
        })
        #expect(styled.hasPrefix("⟦fg=250 bg=236⟧ 1 Domains  ⟦fg=231 bg=25 bold⟧ 2 DNS ⟦fg=250 bg=236⟧"))
    }

    @Test func statusBarDropsWholeSegmentsByPriority() {
        var screen = TestScreen.make()
        StatusBar(left: ["acme", "cache 2m ago", "online"], right: ["3 selected", "queue 12"])
            .render(into: &screen, rect: screen.bounds.line(0))
        StatusBar(
            left: ["a very long account name that goes on", "cache 2m ago", "online and more text here"],
            right: ["1,234 selected", "queue 12", "syncing 45%"]
        ).render(into: &screen, rect: screen.bounds.line(2))
        StatusBar(left: ["acme"]).render(into: &screen, rect: Rect(row: 4, col: 0, width: 20, height: 1))
        StatusBar(items: [.init("acme", priority: 1), .init("cache 2m ago", priority: 0), .init("offline", priority: 9)],
                  right: [.init("3 selected", priority: 5), .init("queue 12", priority: 8)])
            .render(into: &screen, rect: Rect(row: 6, col: 0, width: 40, height: 1))
        StatusBar(left: ["an account name far too long for the bar"]).render(into: &screen, rect: Rect(row: 8, col: 0, width: 20, height: 1))
        #expect(TestScreen.text(screen) == """
             acme │ cache 2m ago │ online                             3 selected │ queue 12

             a very long account name that goes on  1,234 selected │ queue 12 │ syncing 45%

             acme

             acme │ offline   3 selected │ queue 12

             an account name f…
            """)
    }

    @Test func statusBarSegmentsCarryTheirAccent() {
        var screen = TestScreen.make(Size(rows: 1, cols: 30))
        StatusBar(left: ["acme"], right: [Span("offline", style: Style(.statusBar, accent: .error))])
            .render(into: &screen, rect: screen.bounds)
        #expect(TestScreen.styled(screen) == "⟦fg=252 bg=238⟧ acme                 ⟦fg=196 bg=238 bold⟧offline⟦fg=252 bg=238⟧ ")
        #expect(TestScreen.styled(screen, mode: .monochrome) == "⟦reverse⟧ acme                 ⟦bold reverse underline⟧offline⟦reverse⟧ ")
    }

    @Test func keyFooterDropsHintsThatDoNotFit() {
        var screen = TestScreen.make()
        let hints: [KeyFooter.Hint] = [
            .init(key: "j/k", label: "move"), .init(key: "space", label: "select"), .init(key: "/", label: "filter"),
            .init(key: ":", label: "command"), .init(key: "r", label: "sync"), .init(key: "7", label: "queue"),
            .init(key: "?", label: "help"), .init(key: "q", label: "quit"), .init(key: "V", label: "range select"),
        ]
        KeyFooter(hints: hints).render(into: &screen, rect: screen.bounds.line(0))
        KeyFooter(hints: Array(hints.prefix(2)) + [hints[6]])
            .render(into: &screen, rect: Rect(row: 2, col: 0, width: 25, height: 1))
        #expect(TestScreen.text(screen) == """
             j/k move  space select  / filter  : command  r sync  7 queue  ? help  q quit

             j/k move  space select
            """)
    }

    @Test func progressBarUsesEighthBlocks() {
        var screen = TestScreen.make()
        for (line, done) in [0, 1, 37, 99, 100].enumerated() {
            ProgressBar(done: done, total: 100, label: "Syncing domains").render(into: &screen, rect: screen.bounds.line(line))
        }
        // No total known: a turning indicator and the running count, no bar.
        ProgressBar(done: 0, total: 0).render(into: &screen, rect: Rect(row: 6, col: 0, width: 30, height: 1))
        ProgressBar(done: 13000, total: 0, label: "sync domains").render(into: &screen, rect: Rect(row: 7, col: 0, width: 40, height: 1))
        #expect(TestScreen.text(screen) == """
            Syncing domains ▕                                                        ▏ 0/100
            Syncing domains ▕▌                                                       ▏ 1/100
            Syncing domains ▕████████████████████▎                                  ▏ 37/100
            Syncing domains ▕██████████████████████████████████████████████████████▍▏ 99/100
            Syncing domains ▕██████████████████████████████████████████████████████▏ 100/100

            | 0 so far
            sync domains / 13000 so far
            """)
        #expect(ProgressBar.bar(fraction: 0.5, width: 4) == "██  ")
        #expect(ProgressBar.bar(fraction: 1, width: 3) == "███")
        #expect(ProgressBar(done: 7, total: 0).fraction == 0)
    }

    static let nameServerDialog = ConfirmDialog(
        title: "Set name servers", summary: "Set name servers on 120 domains — 2 API calls",
        lines: (1...30).map {
            [Span("example\($0).com  "), Span("ns1.old.net → ns1.new.net", style: Style(.dialog, accent: .pending))]
        })

    @Test func confirmDialogShowsCountDiffAndButtons() {
        var screen = TestScreen.make()
        var dialog = Self.nameServerDialog
        dialog.render(into: &screen, area: screen.bounds)
        let top = """

                ┌─ Set name servers ───────────────────────────────────────────────────┐
                │ Set name servers on 120 domains — 2 API calls                        │
                │                                                                      │
            """
        let bottom = """
                │                           [ Yes ]   [ No ]                           │
                └──────────────────────────────────────────────────────────────────────┘
            """
        let rows = (1...16).map { "    │ example\($0).com  ns1.old.net → ns1.new.net" }
        func body(_ rows: [String]) -> String {
            rows.map { DisplayWidth.pad($0, to: 75) + "│" }.joined(separator: "\n")
        }
        #expect(TestScreen.text(screen) == top + "\n" + body(rows) + """

                │                                               1–16 of 30 · ↑↓ scroll │

            """ + bottom)

        #expect(dialog.handle(.pageDown, area: screen.bounds) == .none)
        screen.clear()
        dialog.render(into: &screen, area: screen.bounds)
        let scrolled = (15...30).map { "    │ example\($0).com  ns1.old.net → ns1.new.net" }
        #expect(TestScreen.text(screen) == top + "\n" + body(scrolled) + """

                │                                              15–30 of 30 · ↑↓ scroll │

            """ + bottom)
    }

    @Test func confirmDialogKeys() {
        let area = Rect(size: TestScreen.size)
        var dialog = Self.nameServerDialog
        #expect(dialog.focus == .confirm)
        #expect(dialog.handle(.enter, area: area) == .confirmed)
        #expect(dialog.handle(.tab, area: area) == .none)
        #expect(dialog.focus == .cancel)
        #expect(dialog.handle(.enter, area: area) == .cancelled)
        #expect(dialog.handle(.char("y"), area: area) == .confirmed)
        #expect(dialog.handle(.escape, area: area) == .cancelled)
        _ = dialog.handle(.char("G"), area: area)
        #expect(dialog.scrollOffset == 14)
        _ = dialog.handle(.down, area: area)
        #expect(dialog.scrollOffset == 14)
        _ = dialog.handle(.up, area: area)
        #expect(dialog.scrollOffset == 13)
        _ = dialog.handle(.home, area: area)
        #expect(dialog.scrollOffset == 0)
    }

    @Test func dangerousDialogStartsOnNoAndIsDrawnInTheErrorRole() {
        var screen = TestScreen.make()
        let dialog = ConfirmDialog(
            title: "Renew 3 domains", summary: "Total cost: $32.97",
            lines: [["bücher.de  1 year  $10.99"], ["例え.jp  1 year  $10.99"], ["example.com  1 year  $10.99"]],
            isDangerous: true, confirmLabel: "Renew", cancelLabel: "Cancel")
        #expect(dialog.focus == .cancel)
        dialog.render(into: &screen, area: screen.bounds)
        #expect(TestScreen.text(screen) == """







                ┌─ Renew 3 domains ────────────────────────────────────────────────────┐
                │ Total cost: $32.97                                                   │
                │                                                                      │
                │ bücher.de  1 year  $10.99                                            │
                │ 例え.jp  1 year  $10.99                                              │
                │ example.com  1 year  $10.99                                          │
                │                                                                      │
                │                        [ Renew ]   [ Cancel ]                        │
                └──────────────────────────────────────────────────────────────────────┘
            """)
        let styled = TestScreen.styled(screen).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(styled[7].hasPrefix("    ⟦fg=196 bg=237 bold⟧┌─ Renew 3 domains ─"))
        #expect(styled[8].contains("⟦fg=196 bg=237 bold⟧Total cost: $32.97"))
        #expect(styled[14].contains("⟦fg=252 bg=237⟧                        [ Renew ]   ⟦fg=231 bg=25 bold⟧[ Cancel ]⟦fg=252 bg=237⟧"))
    }

    static let help = HelpOverlay(sections: [
        .init(title: "Move", entries: [
            .init(keys: "j / Down", description: "next row"), .init(keys: "k / Up", description: "previous row"),
            .init(keys: "g / G", description: "first / last row"), .init(keys: "PgUp / PgDn", description: "page up / down"),
        ]),
        .init(title: "Select", entries: [
            .init(keys: "space", description: "toggle the cursor row"), .init(keys: "V", description: "select a range"),
            .init(keys: "*", description: "select all that match"), .init(keys: "!", description: "invert the selection"),
            .init(keys: "Esc / u", description: "clear the selection"),
        ]),
        .init(title: "Panes", entries: (1...7).map { .init(keys: "\($0)", description: "pane \($0)") }),
    ])

    @Test func helpOverlayListsKeysAndScrolls() {
        var screen = TestScreen.make()
        var help = Self.help
        help.render(into: &screen, area: screen.bounds)
        #expect(TestScreen.text(screen) == """

                                ┌─ Keys (1–20 of 21) ──────────────────┐
                                │ Move                                 │
                                │   j / Down     next row              │
                                │   k / Up       previous row          │
                                │   g / G        first / last row      │
                                │   PgUp / PgDn  page up / down        │
                                │                                      │
                                │ Select                               │
                                │   space        toggle the cursor row │
                                │   V            select a range        │
                                │   *            select all that match │
                                │   !            invert the selection  │
                                │   Esc / u      clear the selection   │
                                │                                      │
                                │ Panes                                │
                                │   1            pane 1                │
                                │   2            pane 2                │
                                │   3            pane 3                │
                                │   4            pane 4                │
                                │   5            pane 5                │
                                │   6            pane 6                │
                                └──────────────────────────────────────┘
            """)
        #expect(help.handle(.down, area: screen.bounds) == .scrolled)
        #expect(help.handle(.char("x"), area: screen.bounds) == .ignored)
        screen.clear()
        help.render(into: &screen, area: screen.bounds)
        let lines = TestScreen.text(screen).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].contains("Keys (2–21 of 21)"))
        #expect(lines[2].contains("│   j / Down     next row "))
        #expect(lines[21].contains("│   7            pane 7 "))
        #expect(help.handle(.char("?"), area: screen.bounds) == .closed)
        #expect(help.handle(.escape, area: screen.bounds) == .closed)
    }

    @Test func inputsScrollSidewaysToKeepTheCursorVisible() {
        var screen = TestScreen.make()
        TextInput(text: "tld:com exp:<90d").render(into: &screen, rect: screen.bounds.line(0), prompt: "/")
        #expect(screen.cursor == Point(row: 0, col: 17))
        var commandLine = CommandLineInput()
        for character in "set ns a.example b.example" { _ = commandLine.handle(.char(character)) }
        commandLine.render(into: &screen, rect: Rect(row: 2, col: 0, width: 20, height: 1))
        #expect(screen.cursor == Point(row: 2, col: 19))
        var wide = TextInput(text: "例え例え例え")
        _ = wide.handle(.home)
        wide.render(into: &screen, rect: Rect(row: 4, col: 0, width: 8, height: 1), prompt: "> ")
        #expect(screen.cursor == Point(row: 4, col: 2))
        #expect(TestScreen.text(screen) == """
            /tld:com exp:<90d

            :.example b.example

            > 例え例
            """)
    }
}

extension Screen {
    /// This screen after `draw` ran on it (for one-line styled checks).
    func drawn(_ draw: (inout Screen) -> Void) -> Screen {
        var copy = self
        draw(&copy)
        return copy
    }
}
