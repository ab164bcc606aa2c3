import DynadotAPI
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Acquire pane's background work for the watchlist, auctions and
/// closeouts: fetches into the cache, and the confirmed bid and purchase.
extension BackgroundJob {
    /// Refreshes every watched name (availability, auctions, closeouts).
    static var watchRefresh: BackgroundJob {
        var job = BackgroundJob(group: "acquire-watch", bar: (.sync, ProgressBar(done: 0, total: 0, label: "watch"))) { engine, progress in
            let rows = try await engine.refreshWatchlist { step, done, total in
                progress(ProgressBar(done: done, total: total, label: "watch \(step)"))
            }
            guard !rows.isEmpty else { return StatusMessage("the watchlist is empty — press a to add names") }
            let news = rows.filter { !$0.news.isEmpty }
            var text = "refreshed \(NumberText.count(rows.count, "watched name")): \(news.count) new"
            if !news.isEmpty {
                text += " — " + news.prefix(3).map { "\(TerminalText.escaped(Punycode.unicodeName($0.name))) \($0.news.words.joined(separator: ", "))" }
                    .joined(separator: "; ")
            }
            return StatusMessage(text)
        }
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
        }
        return job
    }

    /// `get_open_auctions` (every type) and your bids, into the cache.
    static var auctionList: BackgroundJob {
        var job = BackgroundJob(group: "acquire-auctions", startMessage: "fetching the open auctions…") { engine, _ in
            let rows = try await engine.pullAuctions(types: SyncEngine.auctionTypes)
            return StatusMessage("\(NumberText.count(rows.count, "open auction"))")
        }
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
        }
        return job
    }

    /// Every page of `get_expired_closeout_domains`, into the cache.
    static var closeoutList: BackgroundJob {
        var job = BackgroundJob(group: "acquire-closeouts", bar: (.sync, ProgressBar(done: 0, total: 0, label: "closeouts"))) { engine, progress in
            let rows = try await engine.pullCloseouts { read in progress(ProgressBar(done: read, total: 0, label: "closeouts")) }
            return StatusMessage("\(NumberText.count(rows.count, "closeout domain"))")
        }
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
        }
        return job
    }

    /// Reads one auction fresh (its minimum bid), then opens the bid form
    /// on it when the Acquire pane is still shown.
    static func auctionForBid(domain: String, backorder: Bool) -> BackgroundJob {
        let detail = Carried<AuctionDetail>()
        var job = BackgroundJob(group: "acquire-bid", startMessage: "reading the auction…") { engine, _ in
            let read = try await engine.auctionDetail(domain: domain, backorder: backorder)
            detail.value.withLock { $0 = read }
            return nil
        }
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
            guard case .success = result, let read = detail.value.withLock({ $0 }) else { return }
            guard host.isShown(AcquirePane.self), let pane = host.pane(AcquirePane.self), pane.view == .auctions else {
                host.state.message = StatusMessage("the auction was read; bid from the Acquire pane's auctions view")
                return
            }
            if let reason = read.auction.ended ? "the auction for \(read.auction.domain) has ended" : nil {
                host.state.message = StatusMessage(reason, isError: true)
                return
            }
            pane.openBidForm(read.auction, app: host.environment, balanceCents: host.state.balanceCents)
            host.state.message = StatusMessage("your bid: the most you pay if you win (Enter asks to confirm, Esc cancels)")
        }
        return job
    }

    /// Queues the bid the confirmation showed (approved for exactly its
    /// amount), then pushes that intent alone: the auction and the balance
    /// are read again first.
    static func placeBid(domain: String, amountCents: Int64) -> BackgroundJob {
        var job = BackgroundJob(bar: (.push, ProgressBar(done: 0, total: 1, label: "bidding")),
                                startMessage: "bidding \(Cents.dollars(amountCents))…") { engine, progress in
            let queued = try await engine.queueBid(domain: domain, amountCents: amountCents, origin: .tui, approve: true)
            guard !queued.intentIDs.isEmpty else { return StatusMessage("this bid is queued already — push it from the Queue pane") }
            let summary = try await engine.push(.confirmed(intentIDs: Set(queued.intentIDs), moneyCents: amountCents)) { step in
                progress(ProgressBar(done: step.batchesDone, total: step.batchesTotal, label: "bidding"))
            }
            var report = pushReport(summary, done: "bid placed on")
            if summary.done > 0, let row = try engine.store.auction(idOrDomain: queued.detail.auction.id) {
                report.text += row.highBidder ? " — you are the high bidder at \(row.currentCents.map { Cents.dollars($0) } ?? "—")"
                    : " — outbid: the current price is \(row.currentCents.map { Cents.dollars($0) } ?? "—")"
            }
            return report
        }
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
        }
        return job
    }

    /// Queues buying the closeouts the confirmation showed, at their price
    /// read fresh and approved up to the total it showed (refused, nothing
    /// queued, when dearer), then pushes exactly those intents.
    static func buyCloseouts(_ names: [String], totalCents: Int64) -> BackgroundJob {
        var job = BackgroundJob(bar: (.push, ProgressBar(done: 0, total: 1, label: "buying")),
                                startMessage: "buying \(NumberText.count(names.count, "closeout"))…") { engine, progress in
            let queued = try await engine.queueCloseoutPurchases(names, origin: .tui, maxCostCents: totalCents)
            let summary = try await engine.push(.confirmed(intentIDs: Set(queued.intentIDs), moneyCents: totalCents)) { step in
                progress(ProgressBar(done: step.batchesDone, total: step.batchesTotal, label: "buying"))
            }
            return pushReport(summary, done: "bought")
        }
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
        }
        return job
    }
}
