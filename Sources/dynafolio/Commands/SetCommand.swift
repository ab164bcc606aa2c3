import ArgumentParser
import DynadotAPI
import Foundation
import SyncEngine

/// `dynafolio set <field> …`: queue one edit for many domains. Nothing is
/// sent until `push`; every subcommand works offline.
struct SetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Queue a change for the selected domains (sent by `push`).",
        discussion: "Each subcommand takes exactly one of --domains a,b,c or --query QUERY. Works offline.",
        subcommands: [
            SetNameServers.self, SetRenewOption.self, SetPrivacy.self, SetLock.self, SetFolder.self, SetNote.self,
            SetForward.self, SetStealth.self, SetParking.self, SetSale.self, SetUnsale.self, SetContacts.self,
        ]
    )
}

/// Shared body of every `set` subcommand: resolve the selection, queue, report.
protocol QueueingCommand: AsyncParsableCommand {
    var selection: DomainSelection { get }
    /// The edit to queue (validated by the engine before anything is written).
    func edit() throws -> Edit
    /// How the report names the change.
    var what: String { get }
    /// Whether a folder the account lacks may be created first (`--create-folder`).
    var createsFolder: Bool { get }
}

extension QueueingCommand {
    var createsFolder: Bool { false }

    func run() async throws {
        let edit = try edit()
        let context = try AppContext.open()
        let names = try selection.resolve(in: context.store)
        let summary = try context.engine.queue(edit, domains: names, origin: .cli, createFolder: createsFolder)
        QueueReport.print(summary, what: what)
    }
}

struct SetNameServers: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "ns", abstract: "Use these name servers (1 to 13).")
    @Argument(help: "Name server host names.") var servers: [String]
    @OptionGroup var selection: DomainSelection
    var what: String { "name servers" }
    func edit() throws -> Edit { .nameServers(servers) }
}

struct SetRenewOption: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "renew", abstract: "Set the renewal option: auto, donot or reset.")
    @Argument(help: "auto, donot or reset.") var option: String
    @OptionGroup var selection: DomainSelection
    var what: String { "renew option \(option)" }
    func edit() throws -> Edit { try sharedVerb(["renew", option]) }
}

struct SetPrivacy: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "privacy", abstract: "Set WHOIS privacy: full, partial or off.")
    @Argument(help: "full, partial or off.") var level: String
    @OptionGroup var selection: DomainSelection
    var what: String { "privacy \(level)" }
    func edit() throws -> Edit { try sharedVerb(["privacy", level]) }
}

struct SetLock: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "lock", abstract: "Lock the domains (API3 cannot unlock).")
    @OptionGroup var selection: DomainSelection
    var what: String { "lock" }
    func edit() throws -> Edit { .lock }
}

struct SetFolder: QueueingCommand {
    static let configuration = CommandConfiguration(
        commandName: "folder", abstract: "Move the domains to a folder (\"\" or --clear for none).",
        discussion: "The folder must exist in the account (the cached folder list); --create-folder queues create_folder first.")
    @Argument(help: "Folder name; \"\" takes the domains out of their folder.") var name: String?
    @Flag(help: "Take the domains out of their folder (same as \"\").") var clear = false
    @Flag(name: .customLong("create-folder"), help: "Create the folder first when the account lacks it.") var createFolder = false
    @OptionGroup var selection: DomainSelection
    var createsFolder: Bool { createFolder }
    var what: String { "folder \((name ?? "").isEmpty ? "(none)" : TerminalText.escaped(name ?? ""))" }
    func edit() throws -> Edit {
        if clear {
            guard name == nil || name == "" else { throw CLIFailure.usage("give a folder name or --clear, not both") }
            return .folder("")
        }
        guard let name else {
            throw CLIFailure.usage("set folder needs a folder name; to take the domains out of their folder say so: set folder \"\" or --clear")
        }
        return .folder(name.lowercased() == "default" ? "" : name)
    }
}

struct SetNote: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Set the domains' note (\"\" or --clear clears it).")
    @Argument(help: "Note text; \"\" clears the note.") var text: String?
    @Flag(help: "Clear the note (same as \"\").") var clear = false
    @OptionGroup var selection: DomainSelection
    var what: String { (text ?? "").isEmpty ? "note (cleared)" : "note" }
    func edit() throws -> Edit {
        if clear {
            guard text == nil || text == "" else { throw CLIFailure.usage("give the note text or --clear, not both") }
            return .note("")
        }
        guard let text else {
            throw CLIFailure.usage("set note needs the note text; to clear the note say so: set note \"\" or --clear")
        }
        return .note(text)
    }
}

struct SetForward: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "forward", abstract: "Forward the domains to a URL.")
    @Argument(help: "Target URL (http:// or https://).") var url: String
    @Flag(help: "Send a permanent (301) redirect instead of 302.") var permanent = false
    @OptionGroup var selection: DomainSelection
    var what: String { "forwarding" }
    func edit() throws -> Edit { .forwarding(url: url, permanent: permanent) }
}

struct SetStealth: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "stealth", abstract: "Stealth-forward (frame) the domains to a URL.")
    @Argument(help: "Target URL (http:// or https://).") var url: String
    @Option(help: "Page title shown in the browser.") var title: String = ""
    @OptionGroup var selection: DomainSelection
    var what: String { "stealth forwarding" }
    func edit() throws -> Edit { .stealth(url: url, title: title) }
}

struct SetParking: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "parking", abstract: "Park the domains with Dynadot.")
    @Flag(name: .customLong("no-ads"), help: "Park without third-party ads.") var noAds = false
    @OptionGroup var selection: DomainSelection
    var what: String { "parking" }
    func edit() throws -> Edit { .parking(withAds: !noAds) }
}

struct SetSale: QueueingCommand {
    static let configuration = CommandConfiguration(
        commandName: "sale", abstract: "List the domains for sale in the marketplace.",
        discussion: "Amounts are USD with at most two decimals, from 0 to \(Cents.ceilingText); the minimum offer may not exceed the price.")
    /// The price words as typed: taken unconditionally, so `-5` reaches the
    /// range check instead of being read as a flag.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Price in USD, e.g. 120 or 99.50.", valueName: "price")) var priceWords: [String] = []
    @Option(help: "buy_now, make_offer or buy_now_and_make_offer.") var type: String = "buy_now"
    @Option(name: .customLong("min-offer"), parsing: .unconditional, help: "Minimum offer in USD.") var minOffer: String?
    @OptionGroup var selection: DomainSelection
    var price: String { priceWords.first ?? "" }
    var what: String { "for sale at $\(price)" }

    func validate() throws {
        if let flag = priceWords.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("Unknown option '\(flag)'")
        }
        guard priceWords.count == 1 else {
            throw ValidationError(priceWords.isEmpty ? "give the price, e.g. set sale 120 --domains a.com"
                                  : "give one price (got \(priceWords.count): \(priceWords.joined(separator: " ")))")
        }
    }

    func edit() throws -> Edit {
        do {
            let cents = try Cents.parse(price, what: "price")
            let minimum = try minOffer.map { text throws(MoneyInputError) in try Cents.parse(text, what: "--min-offer") }
            let terms = SaleTerms(listingType: type, priceCents: cents, minimumOfferCents: minimum)
            try terms.checkAmounts()
            return .forSale(terms)
        } catch {
            throw CLIFailure.usage(error.description)
        }
    }
}

struct SetUnsale: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "unsale", abstract: "Remove the domains' marketplace listing.")
    @OptionGroup var selection: DomainSelection
    var what: String { "not for sale" }
    func edit() throws -> Edit { .unlist }
}

struct SetContacts: QueueingCommand {
    static let configuration = CommandConfiguration(commandName: "contacts", abstract: "Assign WHOIS contacts by contact id.")
    @Option(help: "Registrant contact id.") var registrant: String?
    @Option(help: "Admin contact id.") var admin: String?
    @Option(help: "Technical contact id.") var technical: String?
    @Option(help: "Billing contact id.") var billing: String?
    @OptionGroup var selection: DomainSelection
    var what: String { "contacts" }
    func edit() throws -> Edit {
        guard registrant != nil || admin != nil || technical != nil || billing != nil else {
            throw CLIFailure.usage("give at least one of --registrant, --admin, --technical, --billing (contact ids from your account)")
        }
        return .contacts(registrant: registrant, admin: admin, technical: technical, billing: billing)
    }
}

/// The TUI's `:set` vocabulary, so both front ends accept the same words;
/// a refusal is a usage error here.
func sharedVerb(_ words: [String]) throws -> Edit {
    do {
        return try EditVerbParser.parse(words: words)
    } catch let error as SyncError {
        throw CLIFailure.usage("\(error)")
    }
}
