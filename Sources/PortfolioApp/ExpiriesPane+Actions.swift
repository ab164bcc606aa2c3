import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showExpiries = Action("pane-expiries")
    static let selectMonth = Action("select-month")
    static let openMonth = Action("open-month")
    static let renewMonths = Action("renew-months")
    static let renewOptionMonths = Action("renew-option-months")
    static let clearMonths = Action("clear-months")
}

extension ActionScope {
    static let expiries = ActionScope("expiries", title: "Expiries pane")
}

extension ExpiriesPane {
    /// The tab: its number key, its actions and their default keys.
    static let registration = PaneRegistration(
        scope: .expiries, showAction: .showExpiries, showDescription: "Expiries pane",
        actions: actions(.expiries)) { ExpiriesPane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.selectMonth, ["Space"], scope, "select / unselect every domain of the cursor month", hint: "select"),
            ActionSpec(.openMonth, ["Enter"], scope, "show the cursor month's domains in the Domains pane", hint: "domains"),
            ActionSpec(.renewMonths, ["+"], scope, "renew the selected months' domains (asks the years, shows the total cost)",
                       hint: "renew", dangerous: true),
            ActionSpec(.renewOptionMonths, ["a"], scope, "set the renew option of the selected months' domains", hint: "auto-renew"),
            ActionSpec(.clearMonths, ["Esc", "u"], scope, "clear the selection"),
        ]
    }
}
