/// The 160×48 golden screens (see `Goldens`).
extension Goldens {
    static let domains160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue   8 History   9 Acquire   0 Account   Transfers
            Domain ▲          Expires          NS / DNS             Renew Lock Priv Folder   Sale     Note         ┌─ alpha.com ───────────────────────────────────────┐
            alpha.com         2026-11-13 12d   ns1.hostingco.net +1 auto  yes  full Clients           main site    │ expires     2026-11-13 12d                        │
            bravo.net         2026-10-29 -3d   parking              donot no   none                                │ registered  2025-09-27                            │
            charlie.com       2027-05-20 200d  forward              none  no   full                                │ renew       auto                                  │
            delta.io          2026-12-16 45d   dns1.cloudexample.c… auto  yes  none                                │ lock        locked                                │
            echo.com          2027-01-20 80d   stealth              none  no   full                   old campaign │ privacy     full                                  │
            bücher.de         2026-12-31 60d   Dynadot DNS          auto  yes  part For Sale $499.00               │ dns         ns1.hostingco.net +1                  │
            例え.jp           2028-03-15 500d  Dynadot DNS          auto  yes  full                                │             ns2.hostingco.net                     │
                                                                                                                   │ folder      Clients                               │
                                                                                                                   │ note        main site                             │
                                                                                                                   │ status      active                                │
                                                                                                                   │ registrant  Ada Lovelace <ada@example.org> #101   │
                                                                                                                   │ admin       Ada Lovelace <ada@example.org> #101   │
                                                                                                                   │ technical   Tech Desk <tech@example.org> #102     │
                                                                                                                   │ billing     Ada Lovelace <ada@example.org> #101   │
                                                                                                                   │ cached      5m ago                                │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   └───────────────────────────────────────────────────┘
         acme │ cache 5m │ no key │ $100.00                                                                                                  1/7 │ 0 selected │ queue 0
         / filter  Space select  * all  Enter detail  N ns  ? help  q quit  r sync  : cmd
        """#

    static let selection160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue   8 History   9 Acquire   0 Account   Transfers
            Domain ▲          Expires          NS / DNS             Renew Lock Priv Folder   Sale     Note         ┌─ delta.io ────────────────────────────────────────┐
        ●   alpha.com         2026-11-13 12d   ns1.hostingco.net +1 auto  yes  full Clients           main site    │ expires     2026-12-16 45d                        │
        ●   bravo.net         2026-10-29 -3d   parking              donot no   none                                │ renew       auto                                  │
        ●   charlie.com       2027-05-20 200d  forward              none  no   full                                │ lock        locked                                │
        ●   delta.io          2026-12-16 45d   dns1.cloudexample.c… auto  yes  none                                │ privacy     none                                  │
            echo.com          2027-01-20 80d   stealth              none  no   full                   old campaign │ dns         dns1.cloudexample.com +1              │
            bücher.de         2026-12-31 60d   Dynadot DNS          auto  yes  part For Sale $499.00               │             dns2.cloudexample.com                 │
            例え.jp           2028-03-15 500d  Dynadot DNS          auto  yes  full                                │ folder      (none)                                │
                                                                                                                   │ cached      5m ago                                │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   │                                                   │
                                                                                                                   └───────────────────────────────────────────────────┘
         acme │ cache 5m │ no key │ $100.00                                                                                                  4/7 │ 4 selected │ queue 0
         / filter  Space select  * all  Enter detail  N ns  ? help  q quit  r sync  : cmd
        """#

    static let help160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue   8 History   9 Acquire   0 Account   Transfers
            Domain ▲          Expires          NS / DNS             Renew Lock Priv Folder   Sale     Note         ┌─ alpha.com ───────────────────────────────────────┐
            alpha.com         2026-11-13 12d   ns1┌─ Keys — Domains (1–41 of 73) ────────────────────────────────────────────┐   2026-11-13 12d                        │
            bravo.net         2026-10-29 -3d   par│ Everywhere                                                               │d  2025-09-27                            │
            charlie.com       2027-05-20 200d  for│   ?                    show the keys                                     │   auto                                  │
            delta.io          2026-12-16 45d   dns│   q                    quit (asks only while a push runs)                │   locked                                │
            echo.com          2027-01-20 80d   ste│   r                    sync the cache from the account in the background │   full                                  │
            bücher.de         2026-12-31 60d   Dyn│   :                    commands: set, renew, sort, sync, push, messages… │   ns1.hostingco.net +1                  │
            例え.jp           2028-03-15 500d  Dyn│   @                    switch account (when several are configured)      │   ns2.hostingco.net                     │
                                                  │   1                    Domains pane                                      │   Clients                               │
                                                  │   2                    Expiries pane                                     │   main site                             │
                                                  │   3                    DNS pane (records of the cursor domain)           │   active                                │
                                                  │   4                    Listings pane                                     │t  Ada Lovelace <ada@example.org> #101   │
                                                  │   5                    Contacts pane                                     │   Ada Lovelace <ada@example.org> #101   │
                                                  │   6                    Orders pane                                       │   Tech Desk <tech@example.org> #102     │
                                                  │   7                    Queue pane                                        │   Ada Lovelace <ada@example.org> #101   │
                                                  │   8                    History pane                                      │   5m ago                                │
                                                  │   9                    Acquire pane                                      │                                         │
                                                  │   0                    Account pane (also :account)                      │                                         │
                                                  │                        Transfers pane (:transfers, or Tab)               │                                         │
                                                  │   Tab                  next pane                                         │                                         │
                                                  │   S-Tab                previous pane                                     │                                         │
                                                  │   j Down               next row                                          │                                         │
                                                  │   k Up                 previous row                                      │                                         │
                                                  │   g Home               first row                                         │                                         │
                                                  │   G End                last row                                          │                                         │
                                                  │   PgDn C-f             next page                                         │                                         │
                                                  │   PgUp C-b             previous page                                     │                                         │
                                                  │   z                    take back the last queued operation (its queued … │                                         │
                                                  │                                                                          │                                         │
                                                  │ Domains pane                                                             │                                         │
                                                  │   /                    filter with the query language (tld:com exp:<90d… │                                         │
                                                  │   Space                select / unselect the cursor row                  │                                         │
                                                  │   V                    select from the last selected row to the cursor   │                                         │
                                                  │   *                    select every domain that matches the filter       │                                         │
                                                  │   !                    invert the selection among matching domains       │                                         │
                                                  │   Esc u                clear the selection                               │                                         │
                                                  │   gv                   select the last selection again                   │                                         │
                                                  │   s                    sort by the next column                           │                                         │
                                                  │   S                    reverse the sort                                  │                                         │
                                                  │   Enter                show / hide the detail panel                      │                                         │
                                                  │   <                    scroll the columns that do not fit back to the l… │                                         │
                                                  │   >                    scroll in the columns that do not fit (on the ri… │                                         │
                                                  │   C                    choose the columns shown (kept in config.toml [c… │                                         │
                                                  └──────────────────────────────────────────────────────────────────────────┘                                         │
                                                                                                                   └───────────────────────────────────────────────────┘
         acme │ cache 5m │ no key │ $100.00                                                                                                  1/7 │ 0 selected │ queue 0
         / filter  Space select  * all  Enter detail  N ns  ? help  q quit  r sync  : cmd
        """#

    static let queue160 = #"""
         1 Domains   2 Expiries   3 DNS   4 Listings   5 Contacts   6 Orders   7 Queue (3)   8 History   9 Acquire   0 Account   Transfers
        Domain                     Field        Before                                   After
        Plan: 3 changes in 5 API calls
        first: add_ns dns1.cloudexample.com, add_ns dns2.cloudexample.com, server_list
        ▾ name servers → dns1.cloudexample.com, dns2.cloudexample.com · 2 domains · 1 call
          alpha.com                ns           ns1.hostingco.net, ns2.hostingco.net     → dns1.cloudexample.com, dns2.cloudexample.com
          bravo.net                ns           parking (ads)                            → dns1.cloudexample.com, dns2.cloudexample.com
        ▾ renew option → auto · 1 domain · 1 call
          bravo.net                renew_option donot                                    → auto





































         acme │ cache 5m │ no key │ $100.00                                                                                                        2 selected │ queue 3
         p push  Enter open  x drop  t retry  K keep remote  M mine  ? help  q quit  r sync  : cmd
        """#
}
