extension ActionTable {
    /// The default bindings. Order is the order of help, footer and README.
    static let defaults: [ActionSpec] = [
        // Everywhere
        ActionSpec(.help, ["?"], .global, "show the keys", hint: "help"),
        ActionSpec(.quit, ["q"], .global, "quit (asks only while a push runs)", hint: "quit"),
        ActionSpec(.sync, ["r"], .global, "sync the cache from the account in the background", hint: "sync",
                   disabled: { state in
                       if !state.hasAccount { return "no account: the cache is read-only" }
                       if state.isSyncing { return "a sync is already running" }
                       return nil
                   }),
        ActionSpec(.commandLine, [":"], .global, "command line: set …, renew N, sort F, sync, push, quit", hint: "cmd"),
        ActionSpec(.showDomains, ["1"], .global, "Domains pane"),
        ActionSpec(.showExpiries, ["2"], .global, "Expiries pane"),
        ActionSpec(.showDNS, ["3"], .global, "DNS pane (records of the cursor domain)"),
        ActionSpec(.showListings, ["4"], .global, "Listings pane"),
        ActionSpec(.showContacts, ["5"], .global, "Contacts pane"),
        ActionSpec(.showOrders, ["6"], .global, "Orders pane"),
        ActionSpec(.showQueue, ["7"], .global, "Queue pane"),
        ActionSpec(.nextPane, ["Tab"], .global, "next pane"),
        ActionSpec(.previousPane, ["S-Tab"], .global, "previous pane"),
        ActionSpec(.down, ["j", "Down"], .global, "next row"),
        ActionSpec(.up, ["k", "Up"], .global, "previous row"),
        ActionSpec(.top, ["g", "Home"], .global, "first row"),
        ActionSpec(.bottom, ["G", "End"], .global, "last row"),
        ActionSpec(.pageDown, ["PgDn", "C-f"], .global, "next page"),
        ActionSpec(.pageUp, ["PgUp", "C-b"], .global, "previous page"),
        // Domains
        ActionSpec(.filter, ["/"], .domains, "filter with the query language (tld:com exp:<90d …)", hint: "filter"),
        ActionSpec(.toggleSelect, ["Space"], .domains, "select / unselect the cursor row", hint: "select"),
        ActionSpec(.rangeSelect, ["V"], .domains, "select from the last selected row to the cursor"),
        ActionSpec(.selectAll, ["*"], .domains, "select every domain that matches the filter", hint: "all"),
        ActionSpec(.invertSelection, ["!"], .domains, "invert the selection among matching domains"),
        ActionSpec(.clearSelection, ["Esc", "u"], .domains, "clear the selection"),
        ActionSpec(.reselect, ["gv"], .domains, "select the last selection again"),
        ActionSpec(.sortNext, ["s"], .domains, "sort by the next column"),
        ActionSpec(.sortReverse, ["S"], .domains, "reverse the sort"),
        ActionSpec(.toggleDetail, ["Enter"], .domains, "show / hide the detail panel", hint: "detail"),
        ActionSpec(.setNameServers, ["N"], .domains, "set name servers", hint: "ns"),
        ActionSpec(.setRenewOption, ["a"], .domains, "set the renew option (auto, donot, reset)"),
        ActionSpec(.setPrivacy, ["p"], .domains, "set WHOIS privacy (full, partial, off)"),
        ActionSpec(.setLock, ["L"], .domains, "lock"),
        ActionSpec(.setFolder, ["f"], .domains, "move to a folder"),
        ActionSpec(.setNote, ["c"], .domains, "set the note"),
        ActionSpec(.setForwarding, ["w"], .domains, "forward to a URL"),
        ActionSpec(.setStealth, ["W"], .domains, "stealth-forward to a URL"),
        ActionSpec(.setParking, ["P"], .domains, "park"),
        ActionSpec(.setForSale, ["$"], .domains, "list for sale at a price"),
        ActionSpec(.unlist, ["U"], .domains, "remove the sale listing"),
        ActionSpec(.renew, ["+"], .domains, "renew (shows the total cost first)", dangerous: true),
        // Expiries
        ActionSpec(.selectMonth, ["Space"], .expiries, "select / unselect every domain of the cursor month", hint: "select"),
        ActionSpec(.openMonth, ["Enter"], .expiries, "show the cursor month's domains in the Domains pane", hint: "domains"),
        ActionSpec(.renewMonths, ["+"], .expiries, "renew the selected months' domains (asks the years, shows the total cost)",
                   hint: "renew", dangerous: true),
        ActionSpec(.renewOptionMonths, ["a"], .expiries, "set the renew option of the selected months' domains", hint: "auto-renew"),
        ActionSpec(.clearMonths, ["Esc", "u"], .expiries, "clear the selection"),
        // DNS
        ActionSpec(.addRecord, ["a"], .dns, "add a record (form: host, type, value, priority)", hint: "add",
                   disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
        ActionSpec(.editRecord, ["e", "Enter"], .dns, "edit the cursor record", hint: "edit",
                   disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
        ActionSpec(.deleteRecord, ["x", "Del"], .dns, "delete the cursor record", hint: "delete",
                   disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
        ActionSpec(.revertRecords, ["u"], .dns, "drop the queued record set (back to the cached one)", hint: "revert"),
        ActionSpec(.fetchRecords, ["F"], .dns, "fetch the record set again (get_dns, in the background)",
                   disabled: { $0.hasAccount ? nil : "no account: the cache is read-only" }),
        ActionSpec(.copyRecords, ["C"], .dns, "copy this record set to the selected domains", hint: "copy", dangerous: true),
        ActionSpec(.switchToDNS, ["D"], .dns, "switch the domain to Dynadot DNS (an empty record set)", dangerous: true),
        // Queue
        ActionSpec(.push, ["p"], .queue, "push the plan (shows it first)", hint: "push", dangerous: true,
                   disabled: { state in
                       if !state.hasAccount { return "no account: nothing can be pushed" }
                       if state.isPushing { return "a push is already running" }
                       if state.queueSize == 0 { return "the queue is empty" }
                       return nil
                   }),
        ActionSpec(.dropDomain, ["x"], .queue, "drop the cursor domain's open intents", hint: "drop",
                   disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
        ActionSpec(.dropAll, ["X"], .queue, "drop every open intent", dangerous: true,
                   disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
        ActionSpec(.retryFailed, ["t"], .queue, "put failed intents back in the queue", hint: "retry",
                   disabled: { $0.failedCount == 0 ? "nothing failed" : nil }),
        ActionSpec(.keepRemote, ["K"], .queue, "conflict: keep the remote value", hint: "keep remote",
                   disabled: { $0.conflictCount == 0 ? "no conflicts" : nil }),
        ActionSpec(.reapplyMine, ["M"], .queue, "conflict: re-apply my value on the next push", hint: "mine",
                   disabled: { $0.conflictCount == 0 ? "no conflicts" : nil }),
        // Listings
        ActionSpec(.listingSelect, ["Space"], .listings, "select / unselect the cursor listing", hint: "select"),
        ActionSpec(.listingPrice, ["$"], .listings, "list or reprice the selection (price, type, minimum offer)", hint: "price"),
        ActionSpec(.listingUnlist, ["U"], .listings, "unlist the selection", hint: "unlist"),
        ActionSpec(.listingFetch, ["F"], .listings, "fetch prices of the visible listings, or the marketplace catalogue", hint: "fetch",
                   disabled: { $0.hasAccount ? nil : "no account: nothing can be fetched" }),
        ActionSpec(.marketplaceView, ["m"], .listings, "switch between your listings and the marketplace", hint: "market"),
        ActionSpec(.marketplaceFilter, ["/"], .listings, "filter the marketplace by name"),
        ActionSpec(.buyItNow, ["B"], .listings, "buy the cursor marketplace domain now (spends money)", dangerous: true),
        // Contacts
        ActionSpec(.editContact, ["e"], .contacts, "edit the cursor contact", hint: "edit"),
        ActionSpec(.assignContact, ["A"], .contacts, "assign the cursor contact to the selected domains (choose roles)",
                   hint: "assign", dangerous: true,
                   disabled: { $0.selection.isEmpty ? "select domains in 1 Domains first" : nil }),
        // Orders
        ActionSpec(.orderFilter, ["/"], .orders, "filter by date range and status", hint: "filter"),
        ActionSpec(.orderStatus, ["s"], .orders, "refresh the cursor order's status", hint: "status",
                   disabled: { $0.hasAccount ? nil : "no account: nothing can be fetched" }),
    ]
}
