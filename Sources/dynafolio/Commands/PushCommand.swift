import ArgumentParser
import DynadotAPI
import Foundation
import SyncEngine

/// `dynafolio push [--yes] [--dry-run]`: send the queue as the fewest calls.
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send the queued changes to Dynadot.",
        discussion: """
        On a terminal without --yes it shows the plan, its cost and the balance, and asks; confirming \
        sends exactly what was shown. --yes sends every queued change, and money intents (renewals, \
        purchases) only when they were queued with --max-cost and their cost at fresh prices stays \
        within it. Before spending, prices and the balance are fetched again; what no longer fits is \
        held. Exit 3 when some changes failed or conflicted, 4 when money intents are held, 1 when \
        changes could not be sent or verified (they stay queued).
        """
    )

    @Flag(name: .shortAndLong, help: "Do not ask; money intents go only within their recorded --max-cost.") var yes = false
    @Flag(name: .customLong("dry-run"), help: "Show the plan only; send nothing.") var dryRun = false
    @Flag(help: "Print nothing but the result and errors.") var quiet = false
    @Flag(name: .customLong("all-accounts"), help: "Push every configured account's queue at once, each under its own limits (needs --yes or --dry-run).")
    var allAccounts = false

    func validate() throws {
        if allAccounts && !yes && !dryRun {
            throw ValidationError("--all-accounts pushes without asking: add --yes (money only within its recorded --max-cost), or --dry-run to see each account's plan")
        }
    }

    func run() async throws {
        if allAccounts { return try await pushAll() }
        let context = try AppContext.open()
        let plan = try context.engine.plan()
        if dryRun {
            print(PlanText.render(plan, targets: try context.engine.targetNames()))
            return
        }
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        try context.requireAccount()
        let inflight = try context.store.inflightBatches()
        if plan.isEmpty && inflight.isEmpty {
            print("nothing to push")
            return
        }
        // With several accounts, a key pointed at the wrong cache would send
        // one account's queue to another: ask Dynadot whose key it is first.
        if context.configuration.accountNames.count > 1 { try await context.engine.verifyAccount() }
        var approval: PushApproval = .none
        if yes {
            approval = .recorded
        } else if isInteractive && !plan.isEmpty {
            print(PlanText.render(plan, targets: try context.engine.targetNames()))
            var cost = ""
            if !plan.moneyIntents.isEmpty {
                let balance = try context.store.account()?.balanceCents
                print(balance.map { "balance \(Cents.dollars($0)) (as last fetched; checked again before spending)" }
                      ?? "balance unknown (checked before spending)")
                cost = ", spending up to \(Cents.dollars(plan.moneyCostCents))"
            }
            Swift.print("Push \(plan.calls) call\(plan.calls == 1 ? "" : "s")\(cost)? [y/N] ", terminator: "")
            fflush(nil)
            guard let answer = readLine()?.lowercased(), answer == "y" || answer == "yes" else {
                print("not pushed; the queue is unchanged")
                return
            }
            // Exactly what was shown: anything queued meanwhile waits.
            approval = plan.confirmation
        }
        let printer = ProgressPrinter(quiet: quiet)
        let summary: PushSummary
        do {
            summary = try await context.engine.push(approval) { event in
                printer.update(step: "push", done: event.batchesDone, total: event.batchesTotal, secondsLeft: event.secondsLeft)
            }
        } catch {
            printer.finish()
            throw error
        }
        printer.finish()
        try Self.report(summary)
    }

    /// `bücher.de set_ns: could not find domain` — the name as the locale
    /// shows names (Unicode under UTF-8, else punycode).
    static func line(_ problem: PushProblem) -> String {
        guard let domain = problem.domain else { return problem.reason }
        return "\(NameText.shown(domain)) \(problem.what): \(problem.reason)"
    }

    /// Every account's queue, concurrently: each account has its own
    /// client (its tier's limits), cache, lock and outbox, so one failing
    /// leaves the others' results recorded. Each line starts with the
    /// account; the exit code is the most serious one any account ended with.
    private func pushAll() async throws {
        let contexts = try AllAccounts.openCaches()
        if dryRun {
            for context in contexts {
                print("\(context.configuration.accountName):")
                print(PlanText.render(try context.engine.plan(), targets: try context.engine.targetNames()))
            }
            return
        }
        let board = AccountProgressBoard(accounts: contexts.map(\.configuration.accountName), quiet: quiet)
        let outcomes = await withTaskGroup(of: (String, Result<PushSummary?, Error>).self) { group in
            for context in contexts {
                let name = context.configuration.accountName
                group.addTask {
                    do {
                        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
                        if try context.engine.plan().isEmpty && context.store.inflightBatches().isEmpty { return (name, .success(nil)) }
                        try context.requireAccount()
                        if context.configuration.accountNames.count > 1 { try await context.engine.verifyAccount() }
                        let summary = try await context.engine.push(.recorded) { event in
                            board.update(name, "push \(event.batchesDone)/\(event.batchesTotal)")
                        }
                        return (name, .success(summary))
                    } catch {
                        return (name, .failure(error))
                    }
                }
            }
            var outcomes: [String: Result<PushSummary?, Error>] = [:]
            for await (name, outcome) in group { outcomes[name] = outcome }
            return outcomes
        }
        var codes: [Int32] = []
        for context in contexts {
            let name = context.configuration.accountName
            switch outcomes[name] {
            case .success(let summary?)?:
                do { try Self.report(summary, account: name) } catch let exit as ExitCode { codes.append(exit.rawValue) }
            case .success(nil)?:
                print("\(name): nothing to push")
            case .failure(let error)?:
                printError("\(name): \(ErrorReport.classify(error)?.message ?? "\(error)")")
                codes.append(Exit.failure)
            case nil:
                break
            }
        }
        // Problems (3) and held money (4) say more than a plain failure (1).
        if let code = [Exit.pushProblems, Exit.moneyHeld, Exit.failure].first(where: codes.contains) { throw ExitCode(code) }
    }

    /// Prints the outcome and exits with the code scripts rely on; with
    /// `account`, every line starts with its name.
    static func report(_ summary: PushSummary, account: String? = nil) throws {
        let print = { (line: String) in Swift.print((account.map { "\($0): " } ?? "") + line) }
        let printError = { (line: String) in dynafolio.printError((account.map { "\($0): " } ?? "") + line) }
        var parts = ["pushed: \(summary.done) applied", "\(summary.failed) failed", "\(summary.conflicts) conflicts",
                     "\(summary.calls) calls"]
        if summary.verified > 0 { parts.append("\(summary.verified) verified after an interrupted push") }
        print(parts.joined(separator: ", "))
        for check in summary.folderChecks {
            let shown = check.members - check.mismatchCount
            print(TerminalText.escaped("folder \(check.folderName): \(NumberText.grouped(shown)) of \(NumberText.count(check.members, "domain")) show \(check.setting) after the verifying sync"))
        }
        for held in summary.held { printError(held.description) }
        if summary.unsent > 0 {
            printError("\(summary.unsent) change\(summary.unsent == 1 ? " was" : "s were") not sent: Dynadot stayed busy; \(summary.unsent == 1 ? "it stays" : "they stay") queued — push again later")
        }
        if summary.uncertain > 0 {
            printError("\(summary.uncertain) change\(summary.uncertain == 1 ? "" : "s") could not be verified after a lost answer; the next push checks \(summary.uncertain == 1 ? "it" : "them") with Dynadot before resending anything")
        }
        for problem in summary.problems { printError(Self.line(problem)) }
        if !summary.clean {
            printError("some changes failed or conflict with a remote change; list them with `dynafolio ls failed:yes`, then queue a fix or `dynafolio queue drop --domains …`")
            throw ExitCode(Exit.pushProblems)
        }
        if !summary.held.isEmpty { throw ExitCode(Exit.moneyHeld) }
        if summary.unsent > 0 || summary.uncertain > 0 { throw ExitCode(Exit.failure) }
    }
}
