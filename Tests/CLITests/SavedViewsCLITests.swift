import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// Issue 16: `dynafolio ls --view NAME` and `dynafolio views` read
/// `[views]` from config.toml; an unknown view exits 2 listing the views.
@Suite("CLI saved views")
struct SavedViewsCLITests {
    @Test("ls --view applies the view's filter and sort (extra terms narrow it); views lists them, also as JSON")
    func lsViewAndViews() async throws {
        try await withSimWorld(simConfiguration(domains: 300)) { server, world in
            try await world.ok("sync")
            try FileManager.default.createDirectory(atPath: (world.configPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let config = """
            # views for the weekly review
            [views]
            coms = { query = "tld:com", sort = "expires:desc" }
            either = "tld:net OR tld:org"

            """
            #expect(FileManager.default.createFile(atPath: world.configPath, contents: Data(config.utf8), attributes: [.posixPermissions: 0o600]))
            let names = server.state.read { $0.domains.map(\.name) }
            let coms = try await world.ok("ls", "--view", "coms", "--json")
            let rows = coms.json?.list ?? []
            #expect(rows.count == names.filter { $0.hasSuffix(".com") }.count)
            let expires = rows.compactMap { $0["expires"]?.text }
            #expect(!expires.isEmpty && expires == expires.sorted(by: >))
            // The view's OR stays grouped: extra terms narrow the whole view.
            let narrowed = try await world.ok("ls", "--view", "either", "tld:org", "--json")
            let orgs = names.filter { $0.hasSuffix(".org") }.count
            #expect(narrowed.json?.list.count == orgs)
            #expect(orgs > 0)
            // --sort wins over the view's sort.
            let byName = try await world.ok("ls", "--view", "coms", "--sort", "name", "--json").json?.list.compactMap { $0["name"]?.text } ?? []
            #expect(byName == byName.sorted() && byName.count == rows.count)

            let listed = try await world.ok("views")
            #expect(listed.stdout == "coms    tld:com  sort expires:desc\neither  tld:net OR tld:org\n")
            let json = try await world.ok("views", "--json")
            #expect(json.stdout == """
            [{"name":"coms","query":"tld:com","sort":"expires:desc"},{"name":"either","query":"tld:net OR tld:org","sort":null}]

            """)
            let unknown = try await world.run("ls", "--view", "nope")
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("no view named 'nope'; saved views: coms, either"), "\(unknown.stderr)")
        }
    }

    @Test("a config with no views: views says how to save one; ls --view exits 2; a bad [views] entry is refused")
    func noViewsAndBadEntries() async throws {
        let world = try CLIWorld()
        world.key = nil
        let none = try await world.ok("views")
        #expect(none.stdout.contains("no saved views; add one to [views]"))
        let missing = try await world.run("ls", "--view", "x")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no views are saved yet"), "\(missing.stderr)")
        try FileManager.default.createDirectory(atPath: (world.configPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: world.configPath, contents: Data("[views]\nx = 3\n".utf8), attributes: [.posixPermissions: 0o600]))
        let bad = try await world.run("views")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("views.x must be a query string"), "\(bad.stderr)")
    }
}
