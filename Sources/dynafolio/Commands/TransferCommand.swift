import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio transfer codes|authorize|in|ls|cancel|set-code|push|accept|decline`.
struct TransferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Move domains: auth codes and transfers away, transfers in, pushes between Dynadot accounts.",
        subcommands: [TransferCodes.self, TransferAuthorize.self, TransferIn.self, TransferList.self, TransferCancel.self,
                      TransferSetCode.self, TransferPush.self, TransferAnswerPush.self]
    )

    /// One domain name as typed, in the cache's form (punycode, lower case).
    static func domainName(_ text: String) throws -> String {
        do {
            guard let name = try SyncEngine.acquireNames([text]).first else { throw CLIFailure.usage("give a domain name") }
            return name
        } catch let error as SyncError {
            throw CLIFailure.usage(error.description)
        }
    }
}

/// `dynafolio transfer codes (--domains … | --query …) [--unlock] [--new] [--csv]`.
struct TransferCodes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "Fetch auth codes (secret) for domains you are moving away: one get_transfer_auth_code call per domain.",
        discussion: """
        Dynadot hands out codes only for unlocked domains. Locked ones are named and nothing is \
        sent unless you agree to unlock them: --unlock, or answer yes on a terminal (the code \
        request then unlocks them; the API cannot lock them again, `dynafolio set lock` can). \
        Codes are printed to standard output only: never logged, never written to the cache \
        or the history.
        """
    )

    @OptionGroup var selection: DomainSelection
    @Flag(help: "Agree to unlock locked domains to get their codes.") var unlock = false
    @Flag(name: .customLong("new"), help: "Ask for new codes (the old ones stop working).") var newCode = false
    @Flag(help: "Print CSV (domain,auth_code) for a spreadsheet or `transfer in` elsewhere.") var csv = false

    func run() async throws {
        let context = try AppContext.open()
        let names = try selection.resolve(in: context.store)
        try context.requireAccount()
        var agreed = unlock
        let locked = try context.engine.lockedDomains(names)
        if !locked.isEmpty && !agreed {
            let list = locked.prefix(5).joined(separator: ", ") + (locked.count > 5 ? ", …" : "")
            agreed = askYes("\(locked.count) domain\(locked.count == 1 ? " is" : "s are") locked (\(list)). Unlock \(locked.count == 1 ? "it" : "them") to get the code\(locked.count == 1 ? "" : "s")?")
            if !agreed && isInteractive {
                print("nothing was sent")
                return
            }
        }
        let printer = ProgressPrinter(quiet: csv || names.count < 5)
        let results: [AuthCodeResult]
        do {
            results = try await context.engine.fetchAuthCodes(names, unlock: agreed, newCode: newCode) { done, total in
                printer.update(step: "auth codes", done: done, total: total, secondsLeft: nil)
            }
        } catch {
            printer.finish()
            throw error
        }
        printer.finish()
        if csv {
            var out = "domain,auth_code\n"
            for result in results { out += DomainExport.csvField(result.domain) + "," + DomainExport.csvField(result.code ?? "") + "\n" }
            print(out, terminator: "")
        } else {
            let width = max(6, results.map { NameText.shown($0.domain).count }.max() ?? 6)
            for result in results {
                let shown = result.code.map { TerminalText.escaped($0) } ?? "— " + TerminalText.escaped(result.error ?? "no code")
                print("\(SearchCommand.padded(NameText.shown(result.domain), width))  \(shown)")
            }
        }
        let failed = results.filter { $0.code == nil }
        if !failed.isEmpty {
            throw CLIFailure("\(failed.count) of \(results.count) code\(results.count == 1 ? "" : "s") could not be fetched (reasons above)")
        }
    }
}

/// `dynafolio transfer authorize DOMAIN --order-id ID [--deny] [--yes]`.
struct TransferAuthorize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorize",
        abstract: "Approve (or --deny) a pending transfer away: one authorize_transfer_away call.",
        discussion: "The order id is listed by `dynafolio transfer ls`. An approved transfer cannot be taken back here."
    )

    @Argument(help: "The domain being transferred away.") var domain: String
    @Option(name: .customLong("order-id"), help: "The transfer-away order id (see `transfer ls`).") var orderId: String?
    @Flag(help: "Deny the transfer instead of approving it.") var deny = false
    @Flag(help: "Do not ask (needed off a terminal).") var yes = false

    func run() async throws {
        let name = try TransferCommand.domainName(domain)
        let context = try AppContext.open()
        try context.requireAccount()
        var order = orderId
        if order == nil {
            order = try context.store.transfers().first { $0.direction == .transferOut && $0.domain == name }?.orderId
        }
        guard let order, !order.isEmpty else {
            throw CLIFailure.usage("no transfer away of \(name) is known; run `dynafolio transfer ls`, or give --order-id")
        }
        let verb = deny ? "Deny" : "Approve"
        if !yes {
            guard isInteractive else { throw CLIFailure.usage("\(verb.lowercased())ing a transfer away needs --yes when not on a terminal") }
            guard askYes("\(verb) the transfer of \(NameText.shown(name)) away from Dynadot (order \(order))?") else {
                print("nothing was sent")
                return
            }
        }
        let result = try await context.engine.authorizeTransferAway(name, orderId: order, approve: !deny)
        print("\(NameText.shown(name)): \(TerminalText.escaped(result))")
    }
}

/// `dynafolio transfer in --file codes.csv [--max-cost AMOUNT]`.
struct TransferIn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "in",
        abstract: "Queue transfers in from a file of domain,auth code lines (money: each costs its TLD's transfer price).",
        discussion: """
        The file is CSV (`,`, `;` or tab): a domain column and an auth code column (headers \
        `domain` and `auth code`, or no header). Each transfer is one `transfer` call, sent by \
        `push`, which refreshes prices and the balance just before and sends only what you \
        confirmed (or what fits --max-cost with `push --yes`). The auth codes wait in the cache \
        until sent and are erased then; they never enter the queue, the history or a log.
        """
    )

    @Option(help: "The codes file (`-` for standard input).") var file: String
    @OptionGroup var maxCost: MaxCostOption

    func run() async throws {
        let limit = try maxCost.limit(refusal: "a transfer in is paid from the balance")
        let text: String
        do {
            text = file == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                : try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CLIFailure.usage("cannot read \(file): \(error.localizedDescription) — give a CSV file of domain,auth code lines")
        }
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        let summary: QueueSummary
        do {
            let entries = try SyncEngine.transferInEntries(text)
            summary = try context.engine.queueTransfersIn(entries, origin: .cli, maxCostCents: limit).summary
        } catch let error as SyncError {
            throw CLIFailure.usage(error.description)
        } catch let error as ImportError {
            throw CLIFailure.usage(error.description)
        }
        QueueReport.print(summary, what: "transfer in")
        print(try MaxCostOption.costLine("cost", costCents: summary.costCents, limit: limit, context: context))
    }
}

/// `dynafolio transfer ls [--json] [--cached]`.
struct TransferList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List transfers in and away and pushes with status and age (refreshed, or --cached)."
    )

    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @Flag(help: "Print the cached list without asking Dynadot.") var cached = false

    func run() async throws {
        let context = try AppContext.open()
        let rows: [TransferRow]
        if cached {
            rows = try context.store.transfers()
        } else {
            if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
            try context.requireAccount()
            rows = try await context.engine.pullTransfers()
        }
        let now = context.store.nowMs
        if json {
            try JSONOutput.emit(rows.map { JSONOutput.Transfer(row: $0, nowMs: now) })
            return
        }
        if rows.isEmpty {
            print("no transfers or pushes")
            return
        }
        let width = max(6, rows.map { NameText.shown($0.domain).count }.max() ?? 6)
        print("WAY       " + SearchCommand.padded("DOMAIN", width) + "  ORDER     STATUS                AGE")
        for row in rows {
            print(SearchCommand.padded(row.direction.rawValue, 8) + "  " + SearchCommand.padded(NameText.shown(row.domain), width) + "  "
                  + SearchCommand.padded(TerminalText.escaped(row.orderId.isEmpty ? "-" : row.orderId), 8) + "  "
                  + SearchCommand.padded(TerminalText.escaped(row.status), 20) + "  " + ValueDisplay.age(sinceMs: row.startedMs, nowMs: now))
        }
    }
}

/// `dynafolio transfer cancel DOMAIN [--yes]`.
struct TransferCancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a transfer in still at status none, approved or auth code needed: one cancel_transfer call."
    )

    @Argument(help: "The domain being transferred in.") var domain: String
    @Flag(help: "Do not ask (needed off a terminal).") var yes = false

    func run() async throws {
        let name = try TransferCommand.domainName(domain)
        let context = try AppContext.open()
        try context.requireAccount()
        if !yes {
            guard isInteractive else { throw CLIFailure.usage("cancelling a transfer needs --yes when not on a terminal") }
            guard askYes("Cancel the transfer of \(NameText.shown(name)) in to Dynadot?") else {
                print("nothing was sent")
                return
            }
        }
        try await context.engine.cancelTransfer(name)
        print("\(NameText.shown(name)): transfer cancelled")
    }
}

/// `dynafolio transfer set-code DOMAIN < code.txt`.
struct TransferSetCode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-code",
        abstract: "Resubmit the auth code of a transfer in at `auth code needed`: one set_transfer_auth_code call.",
        discussion: "The code is read from --file or standard input (first line), so it stays out of the shell history and the process list."
    )

    @Argument(help: "The domain being transferred in.") var domain: String
    @Option(help: "A file whose first line is the auth code (default: standard input).") var file: String?

    func run() async throws {
        let name = try TransferCommand.domainName(domain)
        var code: String?
        if let file {
            do {
                code = try String(contentsOfFile: file, encoding: .utf8).split(whereSeparator: \.isNewline).first.map(String.init)
            } catch {
                throw CLIFailure.usage("cannot read \(file): \(error.localizedDescription) — give a file whose first line is the auth code")
            }
        } else {
            if isInteractive {
                Swift.print("auth code for \(NameText.shown(name)): ", terminator: "")
                fflush(nil)
            }
            code = readLine()
        }
        guard let code, !code.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CLIFailure.usage("no auth code given; e.g. `dynafolio transfer set-code \(name) --file code.txt`")
        }
        let context = try AppContext.open()
        try context.requireAccount()
        let entry = try await context.engine.resubmitAuthCode(name, code: code)
        print("\(NameText.shown(name)): auth code resubmitted; status \(TerminalText.escaped(entry?.transferStatus ?? "unknown"))")
    }
}

/// `dynafolio transfer push (--domains … | --query …) --to USERNAME [--unlock] [--yes]`.
struct TransferPush: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Push domains to another Dynadot account: one push call per 100 domains (`;`-separated).",
        discussion: """
        The receiving account must accept. Locked domains are named and nothing is sent unless \
        you agree to unlock them (--unlock, which sends unlock_domain_for_push=1). A push \
        cannot be taken back from here once accepted.
        """
    )

    @OptionGroup var selection: DomainSelection
    @Option(name: .customLong("to"), help: "The receiving account's push username.") var receiver: String
    @Option(name: .customLong("email"), help: "The receiving account's push e-mail (optional).") var email: String?
    @Flag(help: "Agree to unlock locked domains for the push.") var unlock = false
    @Flag(help: "Do not ask (needed off a terminal).") var yes = false

    func run() async throws {
        let context = try AppContext.open()
        let names = try selection.resolve(in: context.store)
        try context.requireAccount()
        let locked = try context.engine.lockedDomains(names)
        if !locked.isEmpty && !unlock {
            let list = locked.prefix(5).joined(separator: ", ") + (locked.count > 5 ? ", …" : "")
            throw CLIFailure.usage("\(locked.count) of these domains \(locked.count == 1 ? "is" : "are") locked (\(list)); a push needs them unlocked — add --unlock to agree, or pick unlocked ones; nothing was sent")
        }
        let calls = (names.count + 99) / 100
        if !yes {
            guard isInteractive else { throw CLIFailure.usage("a push hands domains to another account; add --yes when not on a terminal") }
            let unlocking = locked.isEmpty ? "" : ", unlocking \(locked.count)"
            guard askYes("Push \(names.count) domain\(names.count == 1 ? "" : "s") to \(TerminalText.escaped(receiver)) (\(calls) call\(calls == 1 ? "" : "s")\(unlocking))?") else {
                print("nothing was sent")
                return
            }
        }
        try await context.engine.pushDomains(names, to: receiver, receiverEmail: email, unlock: unlock)
        print("pushed \(names.count) domain\(names.count == 1 ? "" : "s") to \(TerminalText.escaped(receiver)) in \(calls) call\(calls == 1 ? "" : "s"); they move when the receiver accepts")
    }
}

/// `dynafolio transfer accept|decline DOMAIN…`.
struct TransferAnswerPush: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Accept or decline domains other Dynadot accounts push to you: one set_domain_push_request call per 100."
    )

    enum Answer: String, ExpressibleByArgument, CaseIterable { case accept, decline }

    @Argument(help: "accept or decline.") var answer: Answer
    @Argument(help: "The pushed domains (see `transfer ls`).") var domains: [String] = []
    @Flag(help: "Do not ask (needed off a terminal).") var yes = false

    func run() async throws {
        guard !domains.isEmpty else { throw CLIFailure.usage("name the pushed domains; `dynafolio transfer ls` lists them") }
        let names = try domains.map(TransferCommand.domainName)
        let context = try AppContext.open()
        try context.requireAccount()
        if !yes {
            guard isInteractive else { throw CLIFailure.usage("answering a push needs --yes when not on a terminal") }
            guard askYes("\(answer == .accept ? "Accept" : "Decline") \(names.count) pushed domain\(names.count == 1 ? "" : "s")?") else {
                print("nothing was sent")
                return
            }
        }
        try await context.engine.answerPushRequests(names, accept: answer == .accept)
        print("\(answer == .accept ? "accepted" : "declined") \(names.count) pushed domain\(names.count == 1 ? "" : "s")")
    }
}
