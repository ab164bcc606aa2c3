import Testing
import TerminalUI
@testable import PortfolioApp

/// The pane keys: no key means two things in a pane.
@Suite struct PaneKeysTests {
    @Test(arguments: PaneRegistry.all.map(\.scope))
    func keysAreUniqueWithinThePaneAndTheGlobalKeys(scope: ActionScope) throws {
        let table = try ActionTable()
        let specs = table.specs.filter { $0.scope == scope || $0.scope == .global }
        var seen: [String: Action] = [:]
        for spec in specs {
            for key in spec.keys {
                #expect(seen[key] == nil, "\(key) is bound to both \(seen[key]?.rawValue ?? "") and \(spec.action.rawValue)")
                seen[key] = spec.action
            }
        }
        #expect(!table.hints(scope: scope).isEmpty)
        #expect(table.helpSections(scope: scope).map(\.title) == ["Everywhere", scope.title])
    }

    @Test func theFirstTenPanesHaveANumberKeyInTabOrder() throws {
        let table = try ActionTable()
        #expect(PaneRegistry.all.map(\.scope) == [.domains, .expiries, .dns, .listings, .contacts, .orders, .queue, .history, .acquire,
                                                   .account, .transfers])
        // 1…9, then 0 for the tenth pane.
        for (index, pane) in PaneRegistry.all.prefix(10).enumerated() {
            let key = try #require(PaneRegistry.numberKey(index))
            #expect(key == (index < 9 ? "\(index + 1)" : "0"))
            #expect(table.action(for: [.char(Character(key))], scope: pane.scope) == pane.showAction)
        }
        // Later panes have no number key (one key press cannot be 11): Tab or their `:` verb shows them.
        for (index, pane) in PaneRegistry.all.enumerated().dropFirst(10) {
            #expect(PaneRegistry.numberKey(index) == nil)
            #expect(table.specs.first { $0.action == pane.showAction }?.keys == [])
        }
        #expect(table.scopes == [.global] + PaneRegistry.all.map(\.scope))
    }

    @Test func paneKeysDispatchInTheirScope() throws {
        let table = try ActionTable()
        #expect(table.action(for: [.char("3")], scope: .domains) == .showDNS)
        #expect(table.action(for: [.char("a")], scope: .dns) == .addRecord)
        #expect(table.action(for: [.enter], scope: .dns) == .editRecord)
        #expect(table.action(for: [.delete], scope: .dns) == .deleteRecord)
        #expect(table.action(for: [.char("a")], scope: .expiries) == .renewOptionMonths)
        #expect(table.action(for: [.enter], scope: .expiries) == .openMonth)
        #expect(table.action(for: [.char(" ")], scope: .expiries) == .selectMonth)
    }
}
