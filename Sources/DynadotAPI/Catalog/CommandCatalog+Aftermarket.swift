import Foundation

// Backorders, auctions, closeouts and the marketplace
// (reference: Add Backorder Request … Set Sedo Confirm Action).
extension CommandCatalog {
    static let aftermarketCommands: [CommandSpec] = [
        CommandSpec(
            name: "add_backorder_request",
            summary: "Backorder up to 100 domains, agreeing to pay if Dynadot catches them.",
            parameters: [.required("domain")],
            domainParameter: .commaList(), domainLimit: .upTo(100),
            effect: .spendsMoney
        ),
        CommandSpec(
            name: "delete_backorder_request",
            summary: "Remove up to 100 domains from the backorder list.",
            parameters: [.required("domain")],
            domainParameter: .commaList(), domainLimit: .upTo(100),
            effect: .unsafeWrite
        ),
        read("backorder_request_list", "List the account's backorder requests by drop date.", dateRangeEitherSpelling),
        read("get_open_auctions", "List auctions in progress of the given types.", [currency, .required("type")]),
        CommandSpec(
            name: "get_auction_details",
            summary: "Read the details of auctions for the given domains.",
            parameters: [.required("domain"), currency],
            // The reference gives no maximum for the comma list.
            domainParameter: .commaList(), domainLimit: .upTo(100),
            effect: .read
        ),
        read("get_auction_bids", "List the auctions this account has bid on.", [currency]),
        CommandSpec(
            name: "place_auction_bid",
            summary: "Bid on one domain's auction.",
            parameters: [.required("domain"), .required("bid_amount"), currency],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .spendsMoney
        ),
        read("get_closed_auctions", "List this account's closed auctions in a date range.", dateRangeEitherSpelling + [currency]),
        read(
            "get_open_backorder_auctions",
            "List backorder auctions in progress (deprecated; use get_open_auctions).",
            [currency]
        ),
        CommandSpec(
            name: "get_backorder_auction_details",
            summary: "Read the details of one domain's backorder auction.",
            parameters: [.required("domain"), currency],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .read
        ),
        CommandSpec(
            name: "place_backorder_auction_bid",
            summary: "Bid on one domain's backorder auction.",
            parameters: [.required("domain"), .required("bid_amount"), currency],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .spendsMoney
        ),
        read(
            "get_closed_backorder_auctions", "List this account's closed backorder auctions in a date range.",
            dateRangeEitherSpelling + [currency]
        ),
        CommandSpec(
            name: "get_expired_closeout_domains",
            summary: "List expired domains on closeout sale, or look one up.",
            parameters: [currency, .optional("domain")] + paging,
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .read
        ),
        CommandSpec(
            name: "buy_expired_closeout_domain",
            summary: "Buy one expired closeout domain, paid from the account balance.",
            parameters: [.required("domain"), currency],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .spendsMoney
        ),
        read(
            "get_listings", "List the provider's public marketplace listings.",
            [currency, .optional("exclude_pending_sale"), .optional("show_other_registrar")]
        ),
        CommandSpec(
            name: "get_listing_item",
            summary: "Read one marketplace listing.",
            parameters: [.required("domain"), currency],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .read
        ),
        CommandSpec(
            name: "buy_it_now",
            summary: "Buy one marketplace domain at its listed price.",
            parameters: [.required("domain"), currency],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .spendsMoney
        ),
        CommandSpec(
            name: "set_for_sale",
            summary: "List, reprice or unlist one domain in the marketplace.",
            parameters: [
                .required("domains"), .required("for_sale_type"),
                // Mandatory only when for_sale_type is marketplace.
                .optional("listing_type"), .optional("price"), .optional("minimum_offer"),
                .optional("installment"), .optional("maximum_installments"),
                // The table titles these rows "Sub-category" and "Description".
                .optional("category"), .optional("sub_category"), .optional("description"),
            ],
            domainParameter: .single("domains"), domainLimit: .one,
            effect: .idempotentWrite
        ),
        CommandSpec(
            name: "set_afternic_confirm_action",
            summary: "Confirm or refuse one domain's Afternic fast transfer.",
            parameters: [.required("domain"), .required("action")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "set_sedo_confirm_action",
            summary: "Confirm or refuse one domain's Sedo fast transfer.",
            parameters: [.required("domain"), .required("action")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .unsafeWrite
        ),
    ]
}
