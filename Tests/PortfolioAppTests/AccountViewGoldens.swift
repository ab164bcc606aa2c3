/// Golden screens of the Account pane (TZ=UTC, now = 2026-11-01T00:00:00Z),
/// reviewed by eye before being pinned.
enum AccountViewGoldens {
    static let accountView80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Account  Tra
         acme · balance $100.00 · Bulk Pricing · API tier bulk · read 2026-10-31
         Defaults for new domains (d sets one):
           ns     Dynadot Parking (ads)
           renew  auto-renew
        Folder         Domains Settings (* = also for domains moved in later)
        Clients              1 renew auto-renew*
        For Sale             1














         acme │ cache 5m │ no key │ $100.00                  1/2 │ 0 selected │ queue 0
         s folder set  c folder clear  d default  ? help  q quit  r sync  : cmd
        """#

    static let accountFolderConfirm80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Account  Tra
         acme · balance $100.00 · Bulk Pricing · API tier bulk · read 2026-10-31
         Defaults for new domains (d sets one):
           ns     Dynadot Parking (ads)
           renew  auto-renew
        Folder         Domains Settings (* = also for domains moved in later)
        Clie┌─ Folder Clients ─────────────────────────────────────────────────────┐
        For │ Queue this folder-wide setting?                                      │
            │                                                                      │
            │   setting  renew option donot                                        │
            │   one set_folder_renew_option call, whatever the folder's size       │
            │   applies now to every domain in it (1 in the cache)                 │
            │   and to domains moved into it elsewhere since the last sync         │
            │                                                                      │
            │                           [ Yes ]   [ No ]                           │
            └──────────────────────────────────────────────────────────────────────┘






         acme │ cache 5m │ no key │ $100.00                  1/2 │ 0 selected │ queue 0
         s folder set  c folder clear  d default  ? help  q quit  r sync  : cmd
        """#

    static let accountFolderClear80 = #"""
        1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Account  Tra
         acme · balance $100.00 · Bulk Pricing · API tier bulk · read 2026-10-31
         Defaults for new domains (d sets one):
           ns     Dynadot Parking (ads)
           renew  auto-renew
        Folder         Domains Settings (* = also for domains moved in later)
        Clients              1 renew auto-renew*
        For ┌─ Folder Clients ─────────────────────────────────────────────────────┐
            │ Queue clearing this folder setting?                                  │
            │                                                                      │
            │   clears  the folder's forward setting                               │
            │   the folder holds 1 domain in the cache                             │
            │   one set_clear_folder_setting call, sent by push                    │
            │                                                                      │
            │                           [ Yes ]   [ No ]                           │
            └──────────────────────────────────────────────────────────────────────┘






         acme │ cache 5m │ no key │ $100.00                  1/2 │ 0 selected │ queue 0
         s folder set  c folder clear  d default  ? help  q quit  r sync  : cmd
        """#
}
