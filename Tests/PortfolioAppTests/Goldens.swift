/// Golden screens, reviewed by eye before being pinned here (80×24 and
/// 160×48, TZ=UTC, now = 2026-11-01T00:00:00Z). To update one, run the
/// test, read `$TMPDIR/portfolioapp-goldens/<name>.txt`, and paste it here.
enum Goldens {
    static let domains80 = #"""
         1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
            Domain ▲          Expires          NS / DNS         Renew Lock Priv Folder >
            alpha.com         2026-11-13 12d   ns1.hostingco.n… auto  yes  full Clients
            bravo.net         2026-10-29 -3d   parking          donot no   none
            charlie.com       2027-05-20 200d  forward          none  no   full
            delta.io          2026-12-16 45d   dns1.cloudexamp… auto  yes  none
            echo.com          2027-01-20 80d   stealth          none  no   full
            bücher.de         2026-12-31 60d   Dynadot DNS      auto  yes  part For Sale
            例え.jp           2028-03-15 500d  Dynadot DNS      auto  yes  full













         acme │ cache 5m │ no key │ $100.00                  1/7 │ 0 selected │ queue 0
         / filter  Space select  * all  Enter detail  N ns  ? help  q quit  r sync
        """#

    static let detail80 = #"""
         1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
        ┌─ alpha.com ─ Esc closes ─────────────────────────────────────────────────────┐
        │ expires     2026-11-13 12d                                                   │
        │ registered  2025-09-27                                                       │
        │ renew       auto                                                             │
        │ lock        locked                                                           │
        │ privacy     full                                                             │
        │ dns         ns1.hostingco.net +1                                             │
        │             ns2.hostingco.net                                                │
        │ folder      Clients                                                          │
        │ note        main site                                                        │
        │ status      active                                                           │
        │ registrant  Ada Lovelace <ada@example.org> #101                              │
        │ admin       Ada Lovelace <ada@example.org> #101                              │
        │ technical   Tech Desk <tech@example.org> #102                                │
        │ billing     Ada Lovelace <ada@example.org> #101                              │
        │ cached      5m ago                                                           │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        │                                                                              │
        └──────────────────────────────────────────────────────────────────────────────┘
         acme │ cache 5m │ no key │ $100.00                  1/7 │ 0 selected │ queue 0
         / filter  Space select  * all  Enter detail  N ns  ? help  q quit  r sync
        """#

    static let filter80 = #"""
         1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
        /tld:com                                                              3 matches
            Domain ▲          Expires          NS / DNS         Renew Lock Priv Folder >
            alpha.com         2026-11-13 12d   ns1.hostingco.n… auto  yes  full Clients
            charlie.com       2027-05-20 200d  forward          none  no   full
            echo.com          2027-01-20 80d   stealth          none  no   full
















         acme │ cache 5m │ no key │ $100.00                  1/3 │ 0 selected │ queue 0
         / filter  Space select  * all  Enter detail  N ns  ? help  q quit  r sync
        """#

    static let filterError80 = #"""
         1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
        /tld:com tdl:x    unknown key 'tdl' — did you mean 'tld'? Keys: tld:com,net, fo…
            Domain ▲              Expires          NS / DNS     Renew Lock Priv Folder >
         no domain matches the filter














         filter: unknown key 'tdl' — did you mean 'tld'? Keys: tld:com,net,
         folder:client*, exp:<30d, days:<45, registered:<1y, renew:auto, lock:yes,
         privacy:full, ns:*.cloudflare.com, note:WORD, sale:yes, price:100..1000,
         selected:yes, pending:yes, failed:yes, gone:yes, changed:<7d
         acme │ cache 5m │ no key │ $100.00                  0/0 │ 0 selected │ queue 0
         / filter  Space select  * all  Enter detail  N ns  ? help  q quit  r sync
        """#

    static let renewDialog80 = #"""
         1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
            Domain ▲          Expires          NS / DNS         Renew Lock Priv Folder >
        ●   alpha.com         2026-11-13 12d   ns1.hostingco.n… auto  yes  full Clients
        ●   bravo.net         2026-10-29 -3d   parking          donot no   none
            charlie.com       2027-05-20 200d  forward          none  no   full
            delta.io          2026-12-16 45d   dns1.cloudexamp… auto  yes  none
            echo.com          2027-01-20 80d   stealth          none  no   full
            ┌─ Renew (spends money) ───────────────────────────────────────────────┐Sale
            │ 2 domains × 2 years — total $47.96                                   │
            │                                                                      │
            │ balance $100.00 → $52.04 once pushed                                 │
            │   alpha.com  $21.98                                                  │
            │   bravo.net  $25.98                                                  │
            │                                                                      │
            │                      [ Queue renewal ]   [ No ]                      │
            └──────────────────────────────────────────────────────────────────────┘






         acme │ cache 5m │ no key │ $100.00                  3/7 │ 2 selected │ queue 0
         / filter  Space select  * all  Enter detail  N ns  ? help  q quit  r sync
        """#

    static let help80 = #"""
         1 Domains  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Tra
            Domain ▲          Expires          NS / DNS         Renew Lock Priv Folder >
          ┌─ Keys — Domains (1–17 of 73) ────────────────────────────────────────────┐s
          │ Everywhere                                                               │
          │   ?                    show the keys                                     │
          │   q                    quit (asks only while a push runs)                │
          │   r                    sync the cache from the account in the background │
          │   :                    commands: set, renew, sort, sync, push, messages… │le
          │   @                    switch account (when several are configured)      │
          │   1                    Domains pane                                      │
          │   2                    Expiries pane                                     │
          │   3                    DNS pane (records of the cursor domain)           │
          │   4                    Listings pane                                     │
          │   5                    Contacts pane                                     │
          │   6                    Orders pane                                       │
          │   7                    Queue pane                                        │
          │   8                    History pane                                      │
          │   9                    Acquire pane                                      │
          │   0                    Account pane (also :account)                      │
          │                        Transfers pane (:transfers, or Tab)               │
          └──────────────────────────────────────────────────────────────────────────┘

         acme │ cache 5m │ no key │ $100.00                  1/7 │ 0 selected │ queue 0
         / filter  Space select  * all  Enter detail  N ns  ? help  q quit  r sync
        """#

    static let queue80 = #"""
        1 Domains  2 Ex  3 DN  4 Li  5 Co  6 Or  7 Queue (3)  8 Hi  9 Acq  0 Acc  Tr
        Domain                   Field       Before           After
        Plan: 3 changes in 5 API calls
        first: add_ns dns1.cloudexample.com, add_ns dns2.cloudexample.com, server_list
        ▾ name servers → dns1.cloudexample.com, dns2.cloudexample.… · 2 domains · 1 call
          alpha.com              ns          ns1.hostingco.n… → dns1.cloudexample.com, …
          bravo.net              ns          parking (ads)    → dns1.cloudexample.com, …
        ▾ renew option → auto · 1 domain · 1 call
          bravo.net              renew_opti… donot            → auto













         acme │ cache 5m │ no key │ $100.00                        2 selected │ queue 3
         p push  Enter open  x drop  t retry  K keep remote  M mine  ? help  q quit
        """#

    static let queuePushRefused80 = #"""
        1 Domains  2 Ex  3 DN  4 Li  5 Co  6 Or  7 Queue (3)  8 Hi  9 Acq  0 Acc  Tr
        Domain                   Field       Before           After
        Plan: 3 changes in 5 API calls
        first: add_ns dns1.cloudexample.com, add_ns dns2.cloudexample.com, server_list
        ▾ name servers → dns1.cloudexample.com, dns2.cloudexample.… · 2 domains · 1 call
          alpha.com              ns          ns1.hostingco.n… → dns1.cloudexample.com, …
          bravo.net              ns          parking (ads)    → dns1.cloudexample.com, …
        ▾ renew option → auto · 1 domain · 1 call
          bravo.net              renew_opti… donot            → auto













         acme │ cache 5m │ no key │ $100.00                        2 selected │ queue 3
         push needs an API key: set DYNADOT_API_KEY or api_key in config.toml
        """#

    static let domainsStyled80 = #"""
        ⟦fg=231 bg=25 bold⟧ 1 Domains ⟦fg=250 bg=236⟧ 2 Expiries  3 DN  4 Li  5 Co  6 Or  7 Qu (1)  8 Hi  9 Acq  0 Acc  Tr
        ⟦fg=153 bg=236 bold⟧    Domain ▲          Expires          NS / DNS         Renew Lock Priv Folder >
        ⟦fg=81 bold⟧● ⟦fg=141 bold italic⟧•⟦fg=81 bold⟧ alpha.com         ⟦fg=208 bold underline⟧2026-11-13 12d  ⟦fg=81 bold⟧ ns1.hostingco.n… auto  yes  full Clients 
        ⟦fg=231 bg=25 bold⟧    bravo.net         ⟦fg=196 bg=25 bold reverse⟧2026-10-29 -3d  ⟦fg=231 bg=25 bold⟧ parking          donot no   none         
            charlie.com       2027-05-20 200d  forward          none  no   full
        ⟦bg=234⟧    delta.io          ⟦fg=186 bg=234⟧2026-12-16 45d  ⟦bg=234⟧ dns1.cloudexamp… auto  yes  none         
            echo.com          ⟦fg=186⟧2027-01-20 80d  ⟦plain⟧ stealth          none  no   full
        ⟦bg=234⟧    bücher.de         ⟦fg=186 bg=234⟧2026-12-31 60d  ⟦bg=234⟧ Dynadot DNS      auto  yes  part For Sale
            例え.jp           2028-03-15 500d  Dynadot DNS      auto  yes  full













        ⟦fg=252 bg=238⟧ acme │ cache 5m │ ⟦fg=244 bg=238⟧no key⟦fg=252 bg=238⟧ │ $100.00                  2/7 │ 1 selected │ ⟦fg=141 bg=238 italic⟧queue 1⟦fg=252 bg=238⟧ 
        ⟦fg=78⟧ queued note on 1 domain — press 7 (Queue) to review and push⟦fg=248⟧                   
        """#

    static let queuePushDialog80 = #"""
        1 Domains  2 Ex  3 DN  4 Li  5 Co  6 Or  7 Queue (2)  8 Hi  9 Acq  0 Acc  Tr
        Domain                     Field Before             After
        Plan: 2 changes in 4 API calls
        first: add_ns dns1.cloudexample.com, add_ns dns2.cloudexample.com, server_list
        ▾ name servers → dns1.cloudexample.com, dns2.cloudexample.… · 2 domains · 1 call
          alpha.com                ns    ns1.hostingco.net… → dns1.cloudexample.com, dn…
          bravo.net                ns    parking (ads)      → dns1.cloudexample.com, dn…
            ┌─ Push ───────────────────────────────────────────────────────────────┐
            │ 2 changes in 4 API calls                                             │
            │                                                                      │
            │ name servers → dns1.cloudexample.com, dns2.clo… · 2 domains · 1 call │
            │   alpha.com: ns1.hostingco.net, ns2.hostingco.net → dns1.cloudexamp… │
            │   bravo.net: parking (ads) → dns1.cloudexample.com, dns2.cloudexamp… │
            │                                                                      │
            │                          [ Push ]   [ No ]                           │
            └──────────────────────────────────────────────────────────────────────┘






         acme │ cache 5m │ online │ $100.00                        2 selected │ queue 2
         p push  Enter open  x drop  t retry  K keep remote  M mine  ? help  q quit
        """#
}
