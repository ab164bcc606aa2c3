/// Golden screens of the Acquire pane's watchlist, auctions and closeouts views.
enum AcquireViewGoldens {
    static let acquireWatch80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acquire  0 Acc  Tra
         Watchlist · 4 names · 2 new · checked 3m ago · r refresh
          Domain             Status     Price/yr Market   New       Checked Note
          auctioned-name.net taken               auction  auction        3m for the shop
          dream-name.com     available    $10.99 —        available      3m for the shop
          later-name.io      unchecked           —                    never
          bücher.de          taken               —                       3m for the shop















         acme │ cache 5m │ no key │ $100.00   watch: 2 new │ 1/4 │ 0 selected │ queue 0
         a add  Space select  x remove  Y years  s search  R register  B backorder
        """#

    static let acquireWatch160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue   8 History   9 Acquire   0 Account   Transfers
         Watchlist · 4 names · 2 new · checked 3m ago · r refresh
          Domain                                   Status     Price/yr Market   New       Checked Note
          auctioned-name.net                       taken               auction  auction        3m for the shop
          dream-name.com                           available    $10.99 —        available      3m for the shop
          later-name.io                            unchecked           —                    never
          bücher.de                                taken               —                       3m for the shop







































         acme │ cache 5m │ no key │ $100.00                                                                                   watch: 2 new │ 1/4 │ 0 selected │ queue 0
         a add  Space select  x remove  Y years  s search  R register  B backorder  o backorders  w watch  A auctions  C closeouts  ? help  q quit  r sync  : cmd
        """#

    static let acquireAuctions80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acquire  0 Acc  Tra
         Auctions · 2 open auctions · fetched 2m ago · b bid · r fetch
        Type     Domain                           Current Bids Ends in Your bid
        expired  auctioned-name.net                $45.99    3   3h 5m
        user     münchen.de                       $120.00    1   1d 2h $150.00 high

















         acme │ cache 5m │ no key │ $100.00                  1/2 │ 0 selected │ queue 0
         a add  Space select  x remove  Y years  s search  R register  B backorder
        """#

    static let acquireCloseouts80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acquire  0 Acc  Tra
         Closeouts · 2 names · fetched 2m ago · P buy · r fetch
        Domain                                               Price   Renewal Ends
        another-find.net                                    $12.99    $12.99 2026-11-10
        cheap-find.com                                       $4.99    $10.99 2026-11-06

















         acme │ cache 5m │ no key │ $100.00                  1/2 │ 0 selected │ queue 0
         a add  Space select  x remove  Y years  s search  R register  B backorder
        """#
}
