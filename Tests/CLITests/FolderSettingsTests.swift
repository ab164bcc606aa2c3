import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// Folder-wide settings, folders and account defaults through the CLI
/// against the simulator (issue 19).
@Suite struct FolderSettingsTests {
    /// Moves the first `count` domains into a new folder `name` at the
    /// simulator (as the web panel would); returns the folder's id.
    @discardableResult
    func fill(_ server: SimServer, folder name: String, count: Int) -> Int {
        server.state.mutate { account in
            let id = account.nextFolderId
            account.nextFolderId += 1
            account.folders.append(SimFolder(id: id, name: name))
            for i in account.domains.indices.prefix(count) { account.domains[i].folderId = id }
            return id
        }
    }

    func members(_ server: SimServer, folder id: Int) -> [SimDomain] {
        server.state.read { account in account.domains.filter { $0.folderId == id } }
    }

    @Test func aNameServerChangeOverAThreeThousandDomainFolderIsOneCallAndEveryMemberShowsIt() async throws {
        try await withSimWorld(simConfiguration(domains: 3_100)) { server, world in
            let id = fill(server, folder: "Big", count: 3_000)
            try await world.ok("sync", "--quiet")
            let hosts = Array(server.registeredHosts.prefix(2))
            try #require(hosts.count == 2)
            let queued = try await world.ok(arguments: ["folder", "set", "Big", "ns"] + hosts + ["--apply-now"])
            #expect(queued.stdout.contains("3,000 domains in the cache"), "\(queued.stdout)")
            #expect(queued.stdout.contains("moved into the folder elsewhere"), "\(queued.stdout)")
            #expect(server.requests("set_folder_ns").isEmpty, "queueing sends nothing")
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["calls"]?.int == 1)
            let text = try await world.ok("plan").stdout
            #expect(text.contains("in one call"), "\(text)")
            let push = try await world.ok("push", "--yes")
            #expect(push.stdout.contains("1 applied"), "\(push.stdout)")
            #expect(push.stdout.contains("folder Big: 3,000 of 3,000 domains show name servers"), "\(push.stdout)")
            let calls = server.requests("set_folder_ns")
            #expect(calls.count == 1)
            #expect(calls.first?.parameters["folder_id"] == String(id))
            #expect(calls.first?.parameters["sync"] == "yes")
            #expect(calls.first?.parameters["enable"] == nil)
            #expect(server.requests("set_ns").isEmpty)
            // At the provider and in the cache after the verifying sync.
            let atSim = members(server, folder: id)
            #expect(atSim.count == 3_000)
            #expect(atSim.allSatisfy { $0.nameServers == .nameServers(hosts, slots: false) })
            #expect(!server.requests("list_domain").isEmpty)
            let listed = try #require(try await world.ok("ls", "folder:Big", "--json").json).list
            #expect(listed.count == 3_000)
            #expect(listed.allSatisfy { $0["nameservers"]?.list.compactMap(\.text) == hosts })
            let history = try await world.ok("history").stdout
            #expect(history.contains("folder Big"), "\(history)")
        }
    }

    @Test func aFutureSettingAppliesToDomainsMovedInLaterAndShowsInTheFolderList() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            let id = fill(server, folder: "Renewing", count: 5)
            try server.editDomain(server.state.read { $0.domains[10].name }) { $0.renewOption = .doNotRenew }
            try await world.ok("sync", "--quiet")
            try await world.ok("folder", "set", "Renewing", "renew", "auto", "--future")
            try await world.ok("push", "--yes")
            let call = try #require(server.requests("set_folder_renew_option").first)
            #expect(call.parameters["enable"] == "yes")
            #expect(call.parameters["sync"] == nil)
            let listed = try #require(try await world.ok("folder", "ls", "--json").json).list
            let folder = try #require(listed.first { $0["name"]?.text == "Renewing" })
            #expect(folder["domains"]?.int == 5)
            let renew = folder["settings"]?.list.first { $0["kind"]?.text == "renew" }
            #expect(renew?["value"]?.text == "auto-renew")
            #expect(renew?["enabled"]?.bool == true)
            // A domain moved in later gets the folder's renew option.
            let newcomer = server.state.read { $0.domains[10].name }
            try await world.ok("set", "folder", "Renewing", "--domains", newcomer)
            try await world.ok("push", "--yes")
            #expect(server.domain(newcomer)?.folderId == id)
            #expect(server.domain(newcomer)?.renewOption == .autoRenew)
        }
    }

    @Test func createRenameClearAndRemoveAreOneCallEachAndRemoveAsksFirst() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            try await world.ok("sync", "--quiet")
            try await world.ok("folder", "create", "Fresh")
            #expect(server.requests("create_folder").count == 1)
            try await world.ok("folder", "rename", "Fresh", "Renamed")
            #expect(server.requests("set_folder_name").count == 1)
            #expect(server.state.read { $0.folders.contains { $0.name == "Renamed" } })
            try await world.ok("folder", "set", "Renamed", "forward", "https://example.com/x", "--future")
            try await world.ok("folder", "clear", "Renamed", "forward")
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["calls"]?.int == 1, "the clear replaces the queued forward setting of the same folder")
            try await world.ok("push", "--yes")
            #expect(server.requests("set_clear_folder_setting").first?.parameters["service"] == "forward")
            // A folder holding domains is deleted only when the user says so.
            let names = server.state.read { Array($0.domains.prefix(2).map(\.name)) }
            try await world.ok("set", "folder", "Renamed", "--domains", names.joined(separator: ","))
            try await world.ok("push", "--yes")
            let refused = try await world.run("folder", "rm", "Renamed")
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("--yes"), "\(refused.stderr)")
            #expect(server.requests("delete_folder").isEmpty)
            try await world.ok("folder", "rm", "Renamed", "--yes")
            #expect(server.requests("delete_folder").count == 1)
            #expect(names.allSatisfy { server.domain($0)?.folderId == -1 })
            let rows = domainsByName(try await world.ok("ls", "--json").json)
            #expect(names.allSatisfy { rows[$0]?["folder"]?.text == "" })
        }
    }

    /// A queued folder setting reads `folder NAME: …` with the name the
    /// cache has now (renamed since: the new name; gone: its id), in `plan`,
    /// `plan --json` (the target stays the `domain`) and `history show`.
    @Test func queuedFolderSettingsShowTheFolderByItsCachedName() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            let id = fill(server, folder: "Parking Lot", count: 3)
            try await world.ok("sync", "--quiet")
            try await world.ok("folder", "set", "Parking Lot", "renew", "auto", "--future")
            try await world.ok("folder", "rename", "Parking Lot", "Lot Renamed")
            let text = try await world.ok("plan").stdout
            #expect(text.contains("    folder Lot Renamed: renew option auto; kept for domains moved in later"), "\(text)")
            #expect(!text.contains("folder:\(id):"), "\(text)")
            let plan = try #require(try await world.ok("plan", "--json").json)
            let change = try #require(plan["batches"]?.list.first?["changes"]?.list.first)
            #expect(change["domain"]?.text == "folder:\(id):renew")
            #expect(change["after"]?.text == "folder Lot Renamed: renew option auto; kept for domains moved in later")
            #expect(change["folder_name"]?.text == "Lot Renamed")
            let entries = try await world.ok("history", "--json").json?.list ?? []
            let entry = try #require(entries.first { $0["label"]?.text?.hasPrefix("folder Parking Lot: renew") == true }?["id"]?.int)
            let shown = try await world.ok("history", "show", String(entry)).stdout
            #expect(shown.contains("  folder Lot Renamed  folder_setting: the folder's current setting → renew option auto"), "\(shown)")
            // Gone from the cache: the id stands in for the name.
            try await world.ok("folder", "rm", "Lot Renamed", "--yes")
            let gone = try await world.ok("plan").stdout
            #expect(gone.contains("    folder id \(id): renew option auto"), "\(gone)")
            let after = try #require(try await world.ok("plan", "--json").json?["batches"]?.list.first?["changes"]?.list.first)
            #expect(after["folder_name"] == nil)
        }
    }

    @Test func badFolderInputIsRefusedWithWhatToDoAndQueuesNothing() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            fill(server, folder: "Clients", count: 3)
            try await world.ok("sync", "--quiet")
            let nowhere = try await world.run("folder", "set", "Clients", "renew", "auto")
            #expect(nowhere.status == 2)
            #expect(nowhere.stderr.contains("--apply-now"), "\(nowhere.stderr)")
            let typo = try await world.run("folder", "set", "Client", "renew", "auto", "--apply-now")
            #expect(typo.status == 2)
            #expect(typo.stderr.contains("did you mean 'Clients'"), "\(typo.stderr)")
            let whois = try await world.run("folder", "set", "Clients", "whois", "--registrant", "0", "--apply-now")
            #expect(whois.status == 2)
            #expect(whois.stderr.contains("all four contacts"), "\(whois.stderr)")
            let hosting = try await world.run("folder", "set", "Clients", "hosting", "fancy", "--apply-now")
            #expect(hosting.status == 2)
            #expect(hosting.stderr.contains("basic, advanced"), "\(hosting.stderr)")
            let service = try await world.run("folder", "clear", "Clients", "mail")
            #expect(service.status == 2)
            #expect(service.stderr.contains("forward, stealth, email, dns, ns"), "\(service.stderr)")
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["calls"]?.int == 0)
        }
    }

    @Test func accountDefaultsAreShownSetAndClearedWithOneCallEach() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let shown = try #require(try await world.ok("defaults", "show", "--json").json)
            #expect(shown["price_level"]?.text == "Regular Pricing")
            #expect(shown["tier"]?.text == "regular")
            #expect(shown["balance"]?.text != nil)
            let hosts = Array(server.registeredHosts.prefix(2))
            try await world.ok(arguments: ["defaults", "set", "ns"] + hosts)
            #expect(server.requests("set_default_ns").count == 1)
            #expect(server.state.read { $0.defaultNameServers } == .nameServers(hosts, slots: false))
            try await world.ok("defaults", "set", "renew", "auto")
            #expect(server.state.read { $0.defaultRenewOption } == .autoRenew)
            let after = try #require(try await world.ok("defaults", "show", "--json").json)
            let ns = after["defaults"]?.list.first { $0["kind"]?.text == "ns" }?["value"]?.text ?? ""
            #expect(hosts.allSatisfy { ns.contains($0) }, "\(ns)")
            try await world.ok("defaults", "clear", "ns")
            #expect(server.requests("set_clear_default_setting").first?.parameters["service"] == "nameservers")
            #expect(server.state.read { $0.defaultNameServers } == .parking(withAds: true))
            let bad = try await world.run("defaults", "set", "renew", "sometimes")
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("auto, donot, reset"), "\(bad.stderr)")
        }
    }

    @Test func dnssecSendsEitherOptionAndRefusesMalformedKeyMaterial() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = try #require(server.state.read { $0.domains.first?.name })
            let digest = String(repeating: "ab", count: 32)
            try await world.ok("dns", "dnssec", name, "--key-tag", "12345", "--digest-type", "2", "--digest", digest, "--algorithm", "13")
            #expect(server.domain(name)?.dnssec["digest"] == digest.uppercased())
            #expect(server.domain(name)?.dnssec["key_tag"] == "12345")
            let key = Data((0..<32).map { UInt8($0) }).base64EncodedString()
            try await world.ok("dns", "dnssec", name, "--flags", "257", "--public-key", key, "--algorithm", "15")
            #expect(server.domain(name)?.dnssec["public_key"] == key)
            #expect(server.requests("set_dnssec").count == 2)
            let short = try await world.run("dns", "dnssec", name, "--key-tag", "1", "--digest-type", "2", "--digest", "abcd", "--algorithm", "13")
            #expect(short.status == 2)
            #expect(short.stderr.contains("64 hex digits"), "\(short.stderr)")
            let notBase64 = try await world.run("dns", "dnssec", name, "--flags", "257", "--public-key", "not*base64", "--algorithm", "8")
            #expect(notBase64.status == 2)
            #expect(notBase64.stderr.contains("base64"), "\(notBase64.stderr)")
            let both = try await world.run("dns", "dnssec", name, "--flags", "257", "--digest", digest, "--algorithm", "8")
            #expect(both.status == 2)
            #expect(both.stderr.contains("not both"), "\(both.stderr)")
            let algorithm = try await world.run("dns", "dnssec", name, "--flags", "256", "--public-key", key, "--algorithm", "99")
            #expect(algorithm.status == 2)
            #expect(algorithm.stderr.contains("13 (ECDSA P-256"), "\(algorithm.stderr)")
            #expect(server.requests("set_dnssec").count == 2, "refused input sends nothing")
        }
    }
}
