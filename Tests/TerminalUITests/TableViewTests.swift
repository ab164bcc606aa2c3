import Testing
@testable import TerminalUI

@Suite struct TableViewTests {
    static let names = [
        "example.com", "bücher.de", "例え.jp", "münchen-straße.de",
        "日本語ドメイン名例えばとても長い名前.jp", "zoo.io", "e\u{301}cole.fr", "😀.ws",
    ]

    static let columns = [
        TableColumn("Domain", minWidth: 12, maxWidth: 30, flex: 1),
        TableColumn("Expires", minWidth: 10),
        TableColumn("Days", minWidth: 4, alignment: .right),
        TableColumn("Note", minWidth: 4, flex: 1),
    ]

    static func row(_ index: Int) -> TableRow {
        TableRow(
            [
                TableCell(names[index % names.count]),
                "2027-01-\(10 + index % 20)",
                TableCell("\(index * 3)", accent: index % 4 == 0 ? .expiryOverdue : nil),
                "n\(index)",
            ],
            isSelected: index % 5 == 0, role: index == 24 ? .pending : nil)
    }

    @Test func rendersAt80x24WithWideNamesLinedUp() {
        var screen = TestScreen.make()
        let table = TableView(columns: Self.columns, rowCount: 1000, state: TableState(cursor: 25))
        let state = table.render(into: &screen, rect: screen.bounds) { Self.row($0) }
        #expect(state == TableState(cursor: 25, scrollOffset: 3))
        #expect(TestScreen.text(screen) == """
            Domain                         Expires    Days Note
            münchen-straße.de              2027-01-13    9 n3
            日本語ドメイン名例えばとても…  2027-01-14   12 n4
            zoo.io                         2027-01-15   15 n5
            école.fr                       2027-01-16   18 n6
            😀.ws                          2027-01-17   21 n7
            example.com                    2027-01-18   24 n8
            bücher.de                      2027-01-19   27 n9
            例え.jp                        2027-01-20   30 n10
            münchen-straße.de              2027-01-21   33 n11
            日本語ドメイン名例えばとても…  2027-01-22   36 n12
            zoo.io                         2027-01-23   39 n13
            école.fr                       2027-01-24   42 n14
            😀.ws                          2027-01-25   45 n15
            example.com                    2027-01-26   48 n16
            bücher.de                      2027-01-27   51 n17
            例え.jp                        2027-01-28   54 n18
            münchen-straße.de              2027-01-29   57 n19
            日本語ドメイン名例えばとても…  2027-01-10   60 n20
            zoo.io                         2027-01-11   63 n21
            école.fr                       2027-01-12   66 n22
            😀.ws                          2027-01-13   69 n23
            example.com                    2027-01-14   72 n24
            bücher.de                      2027-01-15   75 n25
            """)
    }

    @Test func styledRowsShowCursorSelectionPendingAndAccents() {
        var screen = TestScreen.make(Size(rows: 6, cols: 40))
        let table = TableView(
            columns: [TableColumn("Domain", minWidth: 12, flex: 1), TableColumn("Days", minWidth: 4, alignment: .right)],
            rowCount: 100, state: TableState(cursor: 25, scrollOffset: 21))
        table.render(into: &screen, rect: screen.bounds) { index in
            let row = Self.row(index)
            return TableRow([row.cells[0], row.cells[2]], isSelected: row.isSelected, role: row.role)
        }
        // Rows 21–25: alt, plain, alt, pending (24, overdue accent), cursor+selected (25).
        // Trailing blanks of coloured rows are real cells, so lines end with `|` here.
        let lines = TestScreen.styled(screen).split(separator: "\n").map { $0 + "|" }.joined(separator: "\n")
        #expect(lines == """
            ⟦fg=153 bg=236 bold⟧Domain                              Days|
            ⟦bg=234⟧zoo.io                                63|
            école.fr                              66|
            ⟦bg=234⟧😀.ws                                 69|
            ⟦fg=141 italic⟧example.com                         ⟦fg=196 bold reverse italic⟧  72|
            ⟦fg=81 bg=25 bold⟧bücher.de                             75|
            """)
    }

    @Test func onlyVisibleRowsAreAskedFor() {
        var screen = TestScreen.make()
        var asked: [Int] = []
        let table = TableView(columns: Self.columns, rowCount: 100_000, state: TableState(cursor: 50_000))
        let state = table.render(into: &screen, rect: screen.bounds) { index in
            asked.append(index)
            return Self.row(index)
        }
        #expect(asked == Array(49_978...50_000))
        #expect(asked.count == table.visibleRows(in: screen.bounds))
        #expect(state.scrollOffset == 49_978)
    }

    @Test func theCursorStaysVisible() {
        var state = TableState()
        let visible = 10
        let rows = 50
        for _ in 0..<15 { state.moveCursor(by: 1, rowCount: rows) }
        state = state.keepingCursorVisible(visibleRows: visible, rowCount: rows)
        #expect(state == TableState(cursor: 15, scrollOffset: 6))
        state.moveCursor(by: -10, rowCount: rows)
        state = state.keepingCursorVisible(visibleRows: visible, rowCount: rows)
        #expect(state == TableState(cursor: 5, scrollOffset: 5))
        state.page(by: 1, visibleRows: visible, rowCount: rows)
        #expect(state == TableState(cursor: 15, scrollOffset: 15))
        state.page(by: 10, visibleRows: visible, rowCount: rows)
        #expect(state == TableState(cursor: 49, scrollOffset: 40))
        state.moveCursor(by: 5, rowCount: rows)
        #expect(state.cursor == 49)
        // A taller window shows more rows above instead of blanks below.
        #expect(state.keepingCursorVisible(visibleRows: 20, rowCount: rows) == TableState(cursor: 49, scrollOffset: 30))
        // Rows went away: the cursor follows.
        #expect(state.keepingCursorVisible(visibleRows: 10, rowCount: 3) == TableState(cursor: 2, scrollOffset: 0))
        #expect(state.keepingCursorVisible(visibleRows: 10, rowCount: 0) == TableState(cursor: 0, scrollOffset: 0))
    }

    @Test func columnsGrowToContentThenShareSpareWidthByFlex() {
        let columns = [
            TableColumn("A", minWidth: 4, flex: 1),
            TableColumn("B", minWidth: 4, maxWidth: 6),
            TableColumn("C", minWidth: 4, flex: 2),
        ]
        #expect(TableView.columnWidths(columns, available: 30, gap: 1, natural: [5, 10, 4]) == [10, 6, 12])
        // Too narrow for every minimum: columns are dropped from the right.
        #expect(TableView.columnWidths(columns, available: 9, gap: 1, natural: [5, 10, 4]) == [4, 4, 0])
        #expect(TableView.columnWidths(columns, available: 3, gap: 1, natural: [5, 10, 4]) == [3, 0, 0])
        // Content wider than the room: columns grow round-robin toward it.
        #expect(TableView.columnWidths(columns, available: 20, gap: 1, natural: [20, 20, 20]) == [6, 6, 6])
    }

    /// A priority column takes its content width before any other column
    /// shows; the others drop from the right and scroll in sideways.
    @Test func priorityColumnsTakeTheirContentWidthFirst() {
        let columns = [
            TableColumn("Name", minWidth: 6, maxWidth: 12, priority: 2),
            TableColumn("A", minWidth: 4), TableColumn("B", minWidth: 4), TableColumn("C", minWidth: 4),
        ]
        // Without a priority the name would stay at 6 while A, B and C show.
        #expect(TableView.columnWidths(columns, available: 21, gap: 1, natural: [10, 4, 4, 4]) == [10, 4, 4, 0])
        #expect(TableView.columnWidths(columns, available: 40, gap: 1, natural: [20, 4, 4, 4]) == [12, 4, 4, 4])
        // Scrolled by one: A goes out on the left, C comes in.
        #expect(TableView.columnWidths(columns, available: 21, gap: 1, natural: [10, 4, 4, 4], scrolled: 1) == [10, 0, 4, 4])
        // Too narrow for the content: the minimum.
        #expect(TableView.columnWidths(columns, available: 8, gap: 1, natural: [10, 4, 4, 4]) == [8, 0, 0, 0])
    }

    @Test func selectedRowsCarryAMarkerAndHiddenColumnsAnArrow() {
        var screen = TestScreen.make(Size(rows: 4, cols: 20))
        let columns = [TableColumn("Name", minWidth: 4, maxWidth: 12, priority: 1), TableColumn("Aaaa", minWidth: 4),
                       TableColumn("Bbbb", minWidth: 4)]
        let names = ["alpha.com", "beta.net", "gamma.org"]
        var view = TableView(columns: columns, rowCount: 3, showsCursor: false, marksSelection: true, scrollsColumns: true)
        var state = view.render(into: &screen, rect: screen.bounds) { TableRow([TableCell(names[$0]), "a", "b"], isSelected: $0 == 1) }
        #expect(TestScreen.text(screen) == """
              Name      Aaaa   >
              alpha.com a
            ● beta.net  a
              gamma.org a
            """)
        #expect(state.hasColumnsRight)
        state.scrollColumns(by: 1)
        view.state = state
        state = view.render(into: &screen, rect: screen.bounds) { TableRow([TableCell(names[$0]), "a", "b"], isSelected: $0 == 1) }
        #expect(TestScreen.text(screen) == """
            < Name      Bbbb
              alpha.com b
            ● beta.net  b
              gamma.org b
            """)
        #expect(!state.hasColumnsRight)
        state.scrollColumns(by: 1)
        #expect(state.columnScroll == 1)
        #expect(GlyphSet.ascii.displayed(Character(TableView.selectionMarker)) == "*")
    }

    @Test func anEmptyTableShowsItsMessage() {
        var screen = TestScreen.make()
        TableView(columns: [TableColumn("Domain")], rowCount: 0, emptyText: "No domains match “tld:xyz”")
            .render(into: &screen, rect: Rect(row: 0, col: 0, width: 40, height: 4)) { _ in TableRow([]) }
        #expect(TestScreen.text(screen) == """
            Domain
             No domains match “tld:xyz”
            """)
    }
}
