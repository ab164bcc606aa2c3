import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// Growing the portfolio: availability (`search`) and registrations
/// (`register`, `bulk_register`) as money intents.
extension SyncEngine {
    /// Names per `search` call for the account: 1 on a regular account, 100
    /// on bulk and super bulk. The tier `account_info` reported (cached by a
    /// sync) wins over `configured` (the config's `tier`).
    public func searchBatchSize(configured: AccountTier?) throws -> Int {
        let cached = try store.account().flatMap { AccountTier(rawValue: $0.tier) }
        switch cached ?? configured ?? .regular {
        case .regular: return 1
        case .bulk, .superBulk: return 100
        }
    }

    /// The ASCII (punycode) form of each name the user typed, lower case,
    /// once each, in order; blank lines and `#` comments are skipped. A name
    /// that cannot be a domain is refused with the reason.
    public static func acquireNames(_ lines: [String]) throws -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for line in lines {
            for word in line.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
                if word.hasPrefix("#") { break }
                var text = String(word).lowercased()
                while text.hasSuffix(".") { text.removeLast() }
                if let control = TerminalText.firstControl(in: text) {
                    throw SyncError.invalidEdit("'\(TerminalText.escaped(text))' contains the control character \(control); give domain names, one per line")
                }
                let ascii = Punycode.asciiName(text)
                let labels = ascii.split(separator: ".", omittingEmptySubsequences: false)
                guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }), ascii.count <= 253,
                      ascii.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else {
                    throw SyncError.invalidEdit("'\(TerminalText.escaped(text))' is not a domain name; give names like example.com, one per line")
                }
                if seen.insert(ascii).inserted { names.append(ascii) }
            }
        }
        return names
    }

    /// Asks `search` (with prices) about `names` (ASCII), batched by the
    /// account's tier, and caches each answer with its time. Names already
    /// in the account are `yours` without asking. `progress` hears (done,
    /// total) names.
    @discardableResult
    public func searchAvailability(_ names: [String], configuredTier: AccountTier? = nil,
                                   progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws -> [AvailabilityRow] {
        let client = try requireClient()
        let owned = Set(try store.domains(named: names).filter { !$0.gone }.map(\.name))
        var rows: [AvailabilityRow] = names.filter(owned.contains).map {
            AvailabilityRow(name: $0, status: .yours, checkedAtMs: store.nowMs)
        }
        let asked = names.filter { !owned.contains($0) }
        var size = try searchBatchSize(configured: configuredTier)
        var start = 0
        progress(rows.count, names.count)
        while start < asked.count {
            let chunk = Array(asked[start..<min(start + size, asked.count)])
            let results: [SearchResult]
            do {
                results = try SearchResults(try await client.send(APIRequest.make("search", domains: chunk, [("show_price", "1"), ("currency", "usd")]))).results
            } catch DynadotError.providerRefused where chunk.count > 1 {
                // The account searches one name per call after all (its tier
                // is not what was cached or configured): go on one by one.
                size = 1
                continue
            } catch let error as DynadotError {
                if case .transport = error { throw SyncError.offline(error.message) }
                if case .outage(_, let message) = error { throw SyncError.outage(message) }
                throw error
            }
            let now = store.nowMs
            let answered = Dictionary(results.map { (Punycode.asciiName($0.domain), $0) }, uniquingKeysWith: { a, _ in a })
            let batch = chunk.compactMap { name -> AvailabilityRow? in
                guard let result = answered[name] else { return nil }
                let status: AvailabilityStatus = !result.available ? .taken : (result.premium ? .premium : .available)
                return AvailabilityRow(name: name, status: status, priceCents: result.available ? result.price?.cents : nil, checkedAtMs: now)
            }
            try store.saveAvailability(batch)
            rows += batch
            start += chunk.count
            progress(rows.count, names.count)
        }
        try store.saveAvailability(rows.filter { $0.status == .yours })
        let byName = Dictionary(rows.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return names.compactMap { byName[$0] }
    }

    /// Queues registering `names` (ASCII) for `years` as money intents at the
    /// price their cached `search` answer quoted (`push` sends them only when
    /// confirmed, or within `maxCostCents`, after searching again). A name
    /// not searched yet, taken or already yours is refused with nothing
    /// queued. Returns the summary and the new intents' ids (what a
    /// confirmation approves).
    @discardableResult
    public func queueRegistrations(_ names: [String], years: Int, origin: OperationOrigin,
                                   maxCostCents: Int64? = nil) throws -> (summary: QueueSummary, intentIDs: [Int64]) {
        guard (1...10).contains(years) else { throw SyncError.invalidEdit("years must be from 1 to 10 (got \(years))") }
        let answers = Dictionary(try store.availability(of: names).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var intents: [NewIntent] = []
        var total: Int64 = 0
        for name in names {
            guard let answer = answers[name] else {
                throw SyncError.invalidEdit("\(name) has not been searched; search it first to see its price")
            }
            guard answer.registrable, let price = answer.priceCents else {
                throw SyncError.invalidEdit("\(name) is \(answer.status.rawValue), not available to register")
            }
            let cost = price * Int64(years)
            total += cost
            intents.append(NewIntent(domain: name, field: IntentField.registration.rawValue,
                                     value: Edit.register(years: years, priceCents: price, premium: answer.status == .premium).encodedValue,
                                     baseValue: JSONValue.null.serialized(), money: true, costCents: cost,
                                     valueVersion: Edit.valueVersion))
        }
        if let maxCostCents, total > maxCostCents {
            throw SyncError.invalidEdit("registering costs \(Cents.dollars(total)), more than the \(Cents.dollars(maxCostCents)) allowed; nothing was queued")
        }
        let label = Edit.register(years: years, priceCents: nil, premium: false).label(domains: intents.count)
            + " for \(Cents.dollars(total))"
        let result = try store.enqueue(NewOperation(origin: origin, label: label, approvedCents: maxCostCents), intents: intents)
        return (QueueSummary(added: result.added.count, superseded: result.superseded, cancelled: result.cancelled,
                             unchanged: result.unchanged, costCents: total, operationID: result.operationID), result.added)
    }

    /// Just before registrations are paid: searches their names again (the
    /// fresh price is what `moneyCosts` then charges) and fails those no
    /// longer available. Returns the failed intents' ids.
    func recheckRegistrations(_ money: [OutboxIntent], client: DynadotClient, tally: PushTally) async throws -> Set<Int64> {
        let registering = money.filter { $0.field == IntentField.registration.rawValue }
        guard !registering.isEmpty else { return [] }
        let size = try searchBatchSize(configured: nil)
        tally.update { $0.calls += (registering.count + size - 1) / size }
        let rows: [AvailabilityRow]
        do {
            rows = try await searchAvailability(registering.map(\.domain))
        } catch let error as DynadotError {
            throw SyncError.aborted("could not check registration prices before spending: \(error.message)")
        }
        let now = Dictionary(rows.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var gone = Set<Int64>()
        for intent in registering {
            guard let row = now[intent.domain], !row.registrable else { continue }
            let reason = row.status == .yours ? "already in your account" : "no longer available (searched just before paying)"
            try store.failIntents(ids: [intent.id], message: reason)
            tally.update {
                $0.failed += 1
                $0.problems.append(PushProblem(domain: intent.domain, what: "register", reason: reason))
            }
            gone.insert(intent.id)
        }
        return gone
    }

    /// Records a `bulk_register` answer name by name: registered → done,
    /// refused → failed with the provider's reason. A name the answer does
    /// not mention is verified (`domain_info`) instead of guessed; returns
    /// the ids verification put back to send again.
    func completeBulkRegistration(_ batch: PlannedBatch, response: APIResponse, client: DynadotClient,
                                  tally: PushTally) async throws -> Set<Int64> {
        let items = (try? BulkRegisterResults(response).items) ?? []
        let byName = Dictionary(items.map { ($0.domain, $0) }, uniquingKeysWith: { a, _ in a })
        var done: [Int64] = []
        var unknown: [Int64] = []
        for (domain, id) in zip(batch.domains, batch.intentIDs) {
            guard let item = byName[domain] else {
                unknown.append(id)
                continue
            }
            if item.registered {
                done.append(id)
            } else {
                let reason = item.message.isEmpty ? "refused" : item.message
                try store.failIntents(ids: [id], message: reason)
                tally.update {
                    $0.failed += 1
                    $0.problems.append(PushProblem(domain: domain, what: "bulk_register", reason: reason))
                }
            }
        }
        if !done.isEmpty {
            try complete(intentIDs: done, response: nil)
            tally.update { $0.done += done.count }
        }
        guard !unknown.isEmpty else { return [] }
        let outcome = try await verify(try store.intents(ids: unknown), client: client, tally: tally, afterInterruption: false)
        return outcome.requeued
    }
}

extension ValueDisplay {
    /// `45s`, `12m`, `3h`, `2d` from `sinceMs` to `nowMs`.
    public static func age(sinceMs: Int64, nowMs: Int64) -> String {
        let seconds = max(0, (nowMs - sinceMs) / 1000)
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }
}
