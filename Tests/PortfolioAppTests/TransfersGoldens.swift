/// Golden screens of the Transfers pane's forms and confirmations at 80×24.
enum TransfersGoldens {
    static let transfersInForm80 = #"""
    1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Transfers
     in 1 · away 1 · pushes 1 · checked 0s ago · s refreshes
    Way      Domain                        Order   Status                        Age
    push in  gift.org                      —       awaiting your answer           1m
    away     alpha.com                     77      Pending                        3h
    in       incoming.net                  78      auth code needed               2d


        ┌─ Transfer in from a file ────────────────────────────────────────────┐
        │ a CSV of domain,auth code lines; the codes are not shown             │
        │                                                                      │
        │ File  e.g. ~/codes.csv                                               │
        │                                                                      │
        │ Tab next field · Enter save · Esc cancel                             │
        └──────────────────────────────────────────────────────────────────────┘







     acme │ cache 5m │ online │ $100.00                  1/3 │ 0 selected │ queue 0
     s check  c code  a approve  d deny  x cancel  e new code  i transfer in  p push
    """#

    static let transfersInConfirm80 = #"""
    1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Transfers
     in 1 · away 1 · pushes 1 · checked 0s ago · s refreshes
    Way      Domain                        Order   Status                        Age
    push in  gift.org                      —       awaiting your answer           1m
    away     alpha.com                     77      Pending                        3h
    in       incoming.net                  78      auth code needed               2d
        ┌─ Transfer in from codes.csv (spends money) ──────────────────────────┐
        │ Transfer in 2 domains for $19.98?                                    │
        │                                                                      │
        │ balance $100.00 → $80.02 after the transfers                         │
        │   Prices and balance are read again first; a higher price is held.   │
        │   One transfer call each, its auth code sent unseen, then erased.    │
        │   moving-in.com  $8.99                                               │
        │   also-moving.net  $10.99                                            │
        │                                                                      │
        │                       [ Transfer in ]   [ No ]                       │
        └──────────────────────────────────────────────────────────────────────┘





     acme │ cache 5m │ online │ $100.00                  1/3 │ 0 selected │ queue 0
     s check  c code  a approve  d deny  x cancel  e new code  i transfer in  p push
    """#

    static let transfersCodeForm80 = #"""
    1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Transfers
     in 1 · away 1 · pushes 1 · checked 0s ago · s refreshes
    Way      Domain                        Order   Status                        Age
    push in  gift.org                      —       awaiting your answer           1m
    away     alpha.com                     77      Pending                        3h
    in       incoming.net                  78      auth code needed               2d


        ┌─ New auth code for incoming.net ─────────────────────────────────────┐
        │ the code the current registrar issued; shown as •                    │
        │                                                                      │
        │ Auth code  ••••••••••••••                                            │
        │                                                                      │
        │ Tab next field · Enter save · Esc cancel                             │
        └──────────────────────────────────────────────────────────────────────┘







     acme │ cache 5m │ online │ $100.00                  3/3 │ 0 selected │ queue 0
     s check  c code  a approve  d deny  x cancel  e new code  i transfer in  p push
    """#

    static let transfersPushConfirm80 = #"""
    1 Dom  2 Exp  3 DNS  4 Lis  5 Con  6 Ord  7 Que  8 His  9 Acq  0 Acc  Transfers
     in 1 · away 1 · pushes 1 · checked 0s ago · s refreshes
    Way      Domain                        Order   Status                        Age
    push in  gift.org                      —       awaiting your answer           1m
    away     alpha.com                     77      Pending                        3h
    in  ┌─ Push to another account ────────────────────────────────────────────┐  2d
        │ Push 2 domains to buyer-account?                                     │
        │                                                                      │
        │ 1 push call (100 domains each); the receiver must accept.            │
        │ Once accepted, it cannot be taken back here.                         │
        │ 1 locked: the push unlocks it (unlock_domain_for_push=1):            │
        │   alpha.com                                                          │
        │ Pushed:                                                              │
        │   alpha.com                                                          │
        │   bravo.net                                                          │
        │                                                                      │
        │                   [ Unlock and push ]   [ Cancel ]                   │
        └──────────────────────────────────────────────────────────────────────┘




     acme │ cache 5m │ online │ $100.00                  1/3 │ 2 selected │ queue 0
     s check  c code  a approve  d deny  x cancel  e new code  i transfer in  p push
    """#
}
