import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// What verifying in-flight intents settled.
struct VerifyOutcome: Sendable {
    /// Put back to pending: the remote still shows the base value.
    var requeued: Set<Int64> = []
    /// Left in flight: the read that would settle them failed; the next
    /// push verifies them again before anything is resent.
    var uncertain: Set<Int64> = []

    mutating func merge(_ other: VerifyOutcome) {
        requeued.formUnion(other.requeued)
        uncertain.formUnion(other.uncertain)
    }
}

extension SyncEngine {
    /// Settles in-flight intents whose answer was lost, against fresh remote
    /// state: already applied → done; still at the base value → back to the
    /// queue; anything else → conflict, shown to the user and never
    /// overwritten. A renewal counts as applied when the expiry moved.
    ///
    /// Reads run concurrently up to the account's concurrency; a read that
    /// fails leaves its intents uncertain instead of stopping the push.
    /// `afterInterruption`: a money intent that did not apply loses its
    /// approval (a crashed push's confirmation is not reused).
    func verify(_ intents: [OutboxIntent], client: DynadotClient, tally: PushTally,
                afterInterruption: Bool) async throws -> VerifyOutcome {
        let open = intents.filter { $0.state == .inflight }
        var units: [(key: String, intents: [OutboxIntent])] = []
        for intent in open where intent.field == IntentField.contact.rawValue || IntentField.addsDomain(intent.field)
            || intent.field == IntentField.folderSetting.rawValue
            || intent.field == IntentField.transfer.rawValue {
            units.append((key: "\(intent.field) \(intent.domain)", intents: [intent]))
        }
        // One backorder listing settles every backorder intent.
        let backorders = open.filter { $0.field == IntentField.backorder.rawValue }
        if !backorders.isEmpty { units.append((key: "backorders", intents: backorders)) }
        // One list of the account's bids settles every bid.
        let bids = open.filter { $0.field == IntentField.bid.rawValue }
        if !bids.isEmpty { units.append((key: "bids", intents: bids)) }
        let domainIntents = open.filter {
            $0.field != IntentField.contact.rawValue && !IntentField.addsDomain($0.field) && $0.field != IntentField.backorder.rawValue
                && $0.field != IntentField.folderSetting.rawValue
                && $0.field != IntentField.transfer.rawValue
                && $0.field != IntentField.bid.rawValue
        }
        for (domain, group) in Dictionary(grouping: domainIntents, by: \.domain).sorted(by: { $0.key < $1.key }) {
            units.append((key: domain, intents: group))
        }
        let limit = max(1, client.configuration.concurrency)
        return try await withThrowingTaskGroup(of: VerifyOutcome.self) { group in
            var outcome = VerifyOutcome()
            var running = 0
            for unit in units {
                if running >= limit, let one = try await group.next() {
                    outcome.merge(one)
                    running -= 1
                }
                group.addTask {
                    do {
                        return VerifyOutcome(requeued: try await self.verifyUnit(unit.intents, client: client, tally: tally,
                                                                                 afterInterruption: afterInterruption))
                    } catch let error as DynadotError {
                        // The read failed: these stay in flight, verified on the next push.
                        self.logger.warning("verification read failed", metadata: ["target": "\(unit.key)", "error": "\(error.code)"])
                        tally.update { $0.uncertain += unit.intents.count }
                        return VerifyOutcome(uncertain: Set(unit.intents.map(\.id)))
                    }
                }
                running += 1
            }
            for try await one in group { outcome.merge(one) }
            return outcome
        }
    }

    /// Verifies the intents of one target (a domain, a contact, a purchase);
    /// returns the ids put back in the queue.
    private func verifyUnit(_ intents: [OutboxIntent], client: DynadotClient, tally: PushTally,
                            afterInterruption: Bool) async throws -> Set<Int64> {
        guard let first = intents.first else { return [] }
        if first.field == IntentField.contact.rawValue {
            return try await verifyContact(first, client: client, tally: tally)
        }
        if first.field == IntentField.folderSetting.rawValue {
            // A folder setting is idempotent and folder_list does not show
            // whether a lost `sync=yes` ran: sending it again is safe.
            try store.requeueInflight(ids: intents.map(\.id))
            tally.update { $0.requeued += intents.count }
            return Set(intents.map(\.id))
        }
        if first.field == IntentField.backorder.rawValue {
            return try await verifyBackorders(intents, client: client, tally: tally, afterInterruption: afterInterruption)
        }
        if first.field == IntentField.transfer.rawValue {
            tally.update { $0.calls += 1; $0.verified += 1 }
            if try await transferApplied(first, client: client) {
                try store.completeIntents(ids: [first.id], writes: .none)
                tally.update { $0.done += 1 }
                return []
            }
            return try requeueMoney(first, tally: tally, afterInterruption: afterInterruption) ? [first.id] : []
        }
        if first.field == IntentField.bid.rawValue {
            return try await verifyBids(intents, client: client, tally: tally, afterInterruption: afterInterruption)
        }
        if IntentField.addsDomain(first.field) {
            return try await verifyPurchase(first, client: client, tally: tally, afterInterruption: afterInterruption)
        }
        tally.update { $0.calls += 1 }
        let record = try DomainRecord(try await client.send(APIRequest("domain_info", ["domain": first.domain])))
        var dns: DnsSettings?
        let needsDNS = intents.contains { intent in
            guard intent.field == IntentField.nameServerSetting.rawValue else { return false }
            if case .dns? = Edit(field: .nameServerSetting, encodedValue: intent.value) { return true }
            return RecordMapping.nsType(record.nameServerSettings?.type) == .dynadotDNS
        }
        if needsDNS {
            tally.update { $0.calls += 1 }
            dns = try DnsSettings(try await client.send(APIRequest("get_dns", ["domain": first.domain])))
        }
        var requeued = Set<Int64>()
        for intent in intents where try settle(intent, record: record, dns: dns, tally: tally, afterInterruption: afterInterruption) {
            requeued.insert(intent.id)
        }
        return requeued
    }

    /// Records the outcome of one intent; true when it went back to the queue.
    private func settle(_ intent: OutboxIntent, record: DomainRecord, dns: DnsSettings?, tally: PushTally,
                        afterInterruption: Bool) throws -> Bool {
        guard let field = IntentField(rawValue: intent.field) else {
            try store.failIntents(ids: [intent.id], message: "unknown field '\(intent.field)'")
            return false
        }
        tally.update { $0.verified += 1 }
        if field == .renew {
            let base = (try? JSONValue.parse(Data(intent.baseValue.utf8)))?["expires_ms"]?.int.map(Int64.init)
            let remote = record.expirationMs
            if let base, let remote, remote > base {
                try complete(intentIDs: [intent.id], response: nil, remoteExpiryMs: remote)
                tally.update { $0.done += 1 }
            } else if let base, let remote, remote < base {
                try conflict(intent, remote: "expires \(ValueDisplay.isoDate(remote))", tally: tally)
            } else {
                return try requeueMoney(intent, tally: tally, afterInterruption: afterInterruption)
            }
            return false
        }
        let remote = FieldValues.remote(field, record: record, dns: dns)
        if FieldValues.applied(target: intent.value, remote: remote, field: field) {
            try complete(intentIDs: [intent.id], response: nil)
            tally.update { $0.done += 1 }
        } else if FieldValues.atBase(base: intent.baseValue, remote: remote, field: field) {
            try store.requeueInflight(ids: [intent.id])
            tally.update { $0.requeued += 1 }
            return true
        } else {
            try conflict(intent, remote: remote, tally: tally)
        }
        return false
    }

    /// A money intent that did not apply: back to the queue. After an
    /// interruption it needs a fresh confirmation; within a live push its
    /// approval stands and the next round sends it again.
    func requeueMoney(_ intent: OutboxIntent, tally: PushTally, afterInterruption: Bool) throws -> Bool {
        try store.requeueInflight(ids: [intent.id], clearApproval: afterInterruption,
                                  reason: afterInterruption ? "not applied before an interrupted push ended; confirm it again" : "")
        tally.update { $0.requeued += 1 }
        return !afterInterruption
    }

    /// A backorder intent applied when the listing shows the name on the
    /// list (an add) or off it (a removal). An add not applied goes back to
    /// the queue like any money intent (without its approval after an
    /// interruption); a removal not applied is simply sent again.
    private func verifyBackorders(_ intents: [OutboxIntent], client: DynadotClient, tally: PushTally,
                                  afterInterruption: Bool) async throws -> Set<Int64> {
        tally.update { $0.calls += 1 }
        let listed = Set(try await pullBackorders(client: client).filter { $0.status.lowercased() == "active" }.map(\.domain))
        var requeued = Set<Int64>()
        for intent in intents {
            tally.update { $0.verified += 1 }
            guard case .backorder(let add)? = Edit(field: .backorder, encodedValue: intent.value) else {
                try store.failIntents(ids: [intent.id], message: "unreadable backorder intent; queue it again")
                continue
            }
            if listed.contains(intent.domain) == add {
                try store.completeIntents(ids: [intent.id], writes: .none)
                tally.update { $0.done += 1 }
            } else if add {
                if try requeueMoney(intent, tally: tally, afterInterruption: afterInterruption) { requeued.insert(intent.id) }
            } else {
                try store.requeueInflight(ids: [intent.id])
                tally.update { $0.requeued += 1 }
                requeued.insert(intent.id)
            }
        }
        return requeued
    }

    /// A contact edit applied when `get_contact` shows every target field.
    private func verifyContact(_ intent: OutboxIntent, client: DynadotClient, tally: PushTally) async throws -> Set<Int64> {
        guard case .editContact(let id, let target)? = Edit(field: .contact, encodedValue: intent.value),
              case .editContact(_, let base)? = Edit(field: .contact, encodedValue: intent.baseValue) else {
            try store.failIntents(ids: [intent.id], message: "unreadable contact edit; queue it again")
            return []
        }
        tally.update { $0.calls += 1; $0.verified += 1 }
        let contact = try Contact(try await client.send(APIRequest("get_contact", ["contact_id": id])))
        let remote = Self.contactRow(contact).map(Self.contactFields) ?? [:]
        func same(_ fields: [String: String]) -> Bool {
            fields.allSatisfy { key, value in (remote[key] ?? "") == value }
        }
        if same(target) {
            try store.completeIntents(ids: [intent.id], writes: .none)
            tally.update { $0.done += 1 }
        } else if same(base) {
            try store.requeueInflight(ids: [intent.id])
            tally.update { $0.requeued += 1 }
            return [intent.id]
        } else {
            try conflict(intent, remote: Edit.editContact(id: id, fields: remote).encodedValue, tally: tally)
        }
        return []
    }

    /// A purchase or registration applied when the domain is now in the
    /// account (`domain_info` finds it). Never resent blindly after an
    /// interruption: it waits for a fresh confirmation.
    private func verifyPurchase(_ intent: OutboxIntent, client: DynadotClient, tally: PushTally,
                                afterInterruption: Bool) async throws -> Set<Int64> {
        tally.update { $0.calls += 1; $0.verified += 1 }
        do {
            let record = try DomainRecord(try await client.send(APIRequest("domain_info", ["domain": intent.domain])))
            try store.completeIntents(ids: [intent.id], writes: CacheWrites(rows: [RecordMapping.row(record, syncedAtMs: store.nowMs)]))
            tally.update { $0.done += 1 }
            return []
        } catch DynadotError.providerRefused {
            return try requeueMoney(intent, tally: tally, afterInterruption: afterInterruption) ? [intent.id] : []
        }
    }

    private func conflict(_ intent: OutboxIntent, remote: String, tally: PushTally) throws {
        let field = IntentField(rawValue: intent.field) ?? .note
        let shown = ValueDisplay.describe(field, remote)
        let message = "changed elsewhere: remote is now \(shown)"
        try store.markConflict(id: intent.id, remoteValue: remote, message: message)
        tally.update {
            $0.conflicts += 1
            $0.problems.append(PushProblem(domain: intent.domain, what: intent.field, reason: message))
        }
    }
}
