import DynadotAPI
import Foundation
import PortfolioStore

extension SyncEngine {
    /// Settles in-flight intents whose answer was lost, against fresh remote
    /// state: already applied → done; still at the base value → back to the
    /// queue; anything else → conflict, shown to the user and never
    /// overwritten. A renewal counts as applied when the expiry moved.
    func verify(_ intents: [OutboxIntent], client: DynadotClient, tally: PushTally) async throws {
        let open = intents.filter { $0.state == .inflight }
        for intent in open where intent.field == IntentField.contact.rawValue {
            try await verifyContact(intent, client: client, tally: tally)
        }
        for intent in open where intent.field == IntentField.purchase.rawValue {
            try await verifyPurchase(intent, client: client, tally: tally)
        }
        let domainIntents = open.filter { $0.field != IntentField.contact.rawValue && $0.field != IntentField.purchase.rawValue }
        let byDomain = Dictionary(grouping: domainIntents, by: \.domain)
        for (domain, group) in byDomain.sorted(by: { $0.key < $1.key }) {
            tally.update { $0.calls += 1 }
            let info = try await client.send(APIRequest("domain_info", ["domain": domain]))
            let record = try DomainRecord(info)
            var dns: DnsSettings?
            let needsDNS = group.contains { intent in
                intent.field == IntentField.nameServerSetting.rawValue &&
                    (intent.value.contains(#""kind":"dns""#) || RecordMapping.nsType(record.nameServerSettings?.type) == .dynadotDNS)
            }
            if needsDNS {
                tally.update { $0.calls += 1 }
                dns = try DnsSettings(try await client.send(APIRequest("get_dns", ["domain": domain])))
            }
            for intent in group {
                try settle(intent, record: record, dns: dns, tally: tally)
            }
        }
    }

    private func settle(_ intent: OutboxIntent, record: DomainRecord, dns: DnsSettings?, tally: PushTally) throws {
        guard let field = IntentField(rawValue: intent.field) else {
            try store.failIntents(ids: [intent.id], message: "unknown field '\(intent.field)'")
            return
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
                // Not applied. A renewal is never resent blindly: it waits in
                // the queue for a fresh confirmation.
                try store.requeueInflight(ids: [intent.id])
                tally.update { $0.requeued += 1 }
            }
            return
        }
        let remote = FieldValues.remote(field, record: record, dns: dns)
        if FieldValues.applied(target: intent.value, remote: remote, field: field) {
            try complete(intentIDs: [intent.id], response: nil)
            tally.update { $0.done += 1 }
        } else if FieldValues.atBase(base: intent.baseValue, remote: remote, field: field) {
            try store.requeueInflight(ids: [intent.id])
            tally.update { $0.requeued += 1 }
        } else {
            try conflict(intent, remote: remote, tally: tally)
        }
    }

    /// A contact edit applied when `get_contact` shows every target field.
    private func verifyContact(_ intent: OutboxIntent, client: DynadotClient, tally: PushTally) async throws {
        guard case .editContact(let id, let target)? = Edit(field: .contact, encodedValue: intent.value),
              case .editContact(_, let base)? = Edit(field: .contact, encodedValue: intent.baseValue) else {
            try store.failIntents(ids: [intent.id], message: "unreadable contact edit; queue it again")
            return
        }
        tally.update { $0.calls += 1; $0.verified += 1 }
        let contact = try Contact(try await client.send(APIRequest("get_contact", ["contact_id": id])))
        let remote = Self.contactRow(contact).map(Self.contactFields) ?? [:]
        func same(_ fields: [String: String]) -> Bool {
            fields.allSatisfy { key, value in (remote[key] ?? "") == value }
        }
        if same(target) {
            try store.completeIntents(ids: [intent.id]) { _ in }
            tally.update { $0.done += 1 }
        } else if same(base) {
            try store.requeueInflight(ids: [intent.id])
            tally.update { $0.requeued += 1 }
        } else {
            try conflict(intent, remote: Edit.editContact(id: id, fields: remote).encodedValue, tally: tally)
        }
    }

    /// A purchase applied when the domain is now in the account. Never
    /// resent blindly: an unapplied purchase waits for a fresh confirmation.
    private func verifyPurchase(_ intent: OutboxIntent, client: DynadotClient, tally: PushTally) async throws {
        tally.update { $0.calls += 1; $0.verified += 1 }
        do {
            let record = try DomainRecord(try await client.send(APIRequest("domain_info", ["domain": intent.domain])))
            try store.completeIntents(ids: [intent.id]) { [store] db in
                _ = try PortfolioDatabase.upsertDomains([RecordMapping.row(record, syncedAtMs: store.nowMs)],
                                                        syncedAtMs: store.nowMs, in: db)
            }
            tally.update { $0.done += 1 }
        } catch DynadotError.providerRefused {
            try store.requeueInflight(ids: [intent.id])
            tally.update { $0.requeued += 1 }
        }
    }

    private func conflict(_ intent: OutboxIntent, remote: String, tally: PushTally) throws {
        let field = IntentField(rawValue: intent.field) ?? .note
        let shown = ValueDisplay.describe(field, remote)
        let message = "changed elsewhere: remote is now \(shown)"
        try store.markConflict(id: intent.id, remoteValue: remote, message: message)
        tally.update {
            $0.conflicts += 1
            $0.problems.append("\(intent.domain) \(intent.field): \(message)")
        }
    }
}
