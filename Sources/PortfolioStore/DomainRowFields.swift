/// The outbox fields of a domain row: which columns each intent field
/// (`ns`, `renew_option`, …, as the outbox names them) covers.
extension DomainRow {
    /// Copies the columns of the outbox field `field` from `source` into
    /// `row`, leaving every other column as it is. Unknown fields change
    /// nothing.
    public static func keep(field: String, from source: DomainRow, in row: inout DomainRow) {
        switch field {
        case "ns":
            row.nsType = source.nsType
            row.nameservers = source.nameservers
            row.withAds = source.withAds
        case "renew_option":
            row.renewOption = source.renewOption
        case "privacy":
            row.privacy = source.privacy
        case "lock":
            row.locked = source.locked
        case "folder":
            row.folderID = source.folderID
            row.folderName = source.folderName
        case "note":
            row.note = source.note
        case "sale":
            row.forSale = source.forSale
            row.salePriceCents = source.salePriceCents
            row.saleType = source.saleType
            row.saleMinOfferCents = source.saleMinOfferCents
        case "contacts":
            row.registrantID = source.registrantID
            row.adminID = source.adminID
            row.technicalID = source.technicalID
            row.billingID = source.billingID
        case "renew":
            row.expiresMs = source.expiresMs
        default:
            break
        }
    }
}
