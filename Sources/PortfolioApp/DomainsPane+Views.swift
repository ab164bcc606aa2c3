import PortfolioStore
import TerminalUI

/// Saved views in the Domains pane: `:view NAME` applies one, `:save-view
/// NAME` keeps the filter and sort shown (config.toml `[views]`).
extension DomainsPane {
    /// The saved views by name (read from the settings on first use).
    func savedViews(_ app: AppEnvironment) -> [String: SavedView] {
        if let sessionViews { return sessionViews }
        sessionViews = app.views.views
        return app.views.views
    }

    /// The view in force: the last one applied or saved, while its filter
    /// and sort are still those shown.
    public var activeViewName: String? {
        guard let appliedView, appliedView.view.query == queryText, appliedView.sort == sort else { return nil }
        return appliedView.name
    }

    /// `:view NAME`: shows the saved view's rows (its filter, and its sort
    /// when it has one) from the top. Without a name, lists the views.
    func applyView(_ words: [String], _ host: any PaneHost) {
        let views = savedViews(host.environment)
        guard words.count == 1, let name = words.first else {
            host.state.message = words.isEmpty && !views.isEmpty
                ? StatusMessage("views: \(views.keys.sorted().joined(separator: ", ")) — :view NAME applies one")
                : StatusMessage(words.isEmpty ? SavedViews.unknown("", among: views).description : "use :view NAME, e.g. :view expiring-com",
                                isError: true)
            return
        }
        guard let view = views[name] else {
            host.state.message = StatusMessage(SavedViews.unknown(name, among: views).description, isError: true)
            return
        }
        var newSort = sort
        if let text = view.sort {
            do throws(QueryError) { newSort = try DomainSort(parsing: text) } catch {
                host.state.message = StatusMessage("view \(name): \(error.message)", isError: true)
                return
            }
        }
        showFilter(view.query)
        setSort(newSort)
        appliedView = (name, view, newSort)
        host.show(DomainsPane.self)
        host.refreshAll()
        host.state.message = queryError.map { StatusMessage("view \(name): \($0.message)", isError: true) }
            ?? StatusMessage("view \(name): \(view.query.isEmpty ? "every domain" : view.query)")
    }

    /// `:save-view NAME`: keeps the filter (and a sort other than by name)
    /// under NAME in config.toml `[views]`, replacing a view of that name.
    func saveView(_ words: [String], _ host: any PaneHost) {
        guard words.count == 1, let name = words.first else {
            host.state.message = StatusMessage("use :save-view NAME, e.g. :save-view expiring-com (saves the filter and sort shown)", isError: true)
            return
        }
        do throws(SavedViewError) { try SavedViews.check(name: name) } catch {
            host.state.message = StatusMessage(error.description, isError: true)
            return
        }
        if let queryError {
            host.state.message = StatusMessage("the filter has an error (\(queryError.message)); fix it with / before saving the view", isError: true)
            return
        }
        let view = SavedView(query: queryText, sort: SavedView.sortText(sort))
        var views = savedViews(host.environment)
        views[name] = view
        sessionViews = views
        appliedView = (name, view, sort)
        guard let save = host.environment.views.save else {
            host.state.message = StatusMessage("view \(name) kept for this session (the demo keeps no configuration)")
            return
        }
        do {
            try save(name, view)
            host.state.message = StatusMessage("view \(name) saved in config.toml [views]")
        } catch {
            host.state.message = StatusMessage("view \(name) kept for this session, but config.toml could not be written: \(error)", isError: true)
        }
    }
}
