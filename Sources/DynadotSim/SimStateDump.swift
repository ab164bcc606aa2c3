import DynadotAPI

/// The whole account as one JSON document for `/_sim/state`. Lists keep
/// their account order and objects sort their keys, so equal accounts give
/// equal bytes (the determinism tests compare them).
enum SimStateDump {
    static func bytes(_ account: SimAccount) -> [UInt8] {
        let head: JSONValue = .object([
            "username": .string(account.username), "tier": .string(account.tier.rawValue),
            "balance_cents": .number(Double(account.balanceCents)),
            "customer_since_ms": .number(Double(account.customerSinceMs)),
            "tld_prices": .array(account.tldPrices.map {
                .object(["tld": .string($0.tld), "register": .number(Double($0.registerCents)),
                         "renew": .number(Double($0.renewCents)), "transfer": .number(Double($0.transferCents))])
            }),
            "contacts": .array(account.contacts.map(SimAccountHandlers.contactJSON)),
            "folders": .array(account.folders.map { .object(["id": .number(Double($0.id)), "name": .string($0.name)]) }),
            "name_servers": .array(account.nameServerHosts.map {
                .object(["id": .number(Double($0.id)), "host": .string($0.host), "ips": .array($0.ips.map { .string($0) })])
            }),
            "orders": .array(account.orders.map(SimOrderHandlers.orderJSON)),
            "listings": .array(account.listings.map {
                .object(["id": .number(Double($0.id)), "domain": .string($0.domain), "price_cents": .number(Double($0.priceCents))])
            }),
        ])
        var out = JSONBytes(capacity: 1024 + account.domains.count * 900)
        var headText = head.serialized()
        headText.removeLast()  // reopen the object to append the domains
        out.raw(headText)
        out.raw(",\"domains\":[")
        let context = DomainWriterContext(account)
        for (i, domain) in account.domains.enumerated() {
            if i > 0 { out.raw(",") }
            out.raw("{\"info\":")
            out.domain(domain, context)
            out.raw(",\"settings\":")
            out.nameServerSettings(domain.nameServers, context, records: true)
            out.raw(",\"sale_price_cents\":")
            out.raw(domain.salePriceCents.map(String.init) ?? "null")
            out.raw(",\"renewals\":")
            out.raw(String(domain.renewals))
            out.raw(",\"email_forward\":")
            out.value(domain.emailForward.map { .object(["type": .string($0.type), "entries": .array($0.entries.map { .string($0) })]) } ?? .null)
            out.raw("}")
        }
        out.raw("]}")
        return out.bytes
    }
}
