import TerminalUI

extension TableState {
    /// The cursor actions every table pane shares: row, first / last, page.
    mutating func move(_ action: Action, rowCount: Int, visibleRows: Int) {
        switch action {
        case .down: moveCursor(by: 1, rowCount: rowCount)
        case .up: moveCursor(by: -1, rowCount: rowCount)
        case .top: moveCursor(to: 0, rowCount: rowCount)
        case .bottom: moveCursor(to: rowCount - 1, rowCount: rowCount)
        case .pageDown: page(by: 1, visibleRows: visibleRows, rowCount: rowCount)
        case .pageUp: page(by: -1, visibleRows: visibleRows, rowCount: rowCount)
        default: break
        }
    }
}
