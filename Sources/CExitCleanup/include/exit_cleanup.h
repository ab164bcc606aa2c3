#ifndef DYNAFOLIO_EXIT_CLEANUP_H
#define DYNAFOLIO_EXIT_CLEANUP_H

// Why this shim exists: `dynafolio demo` keeps its cache in a temporary
// folder that must go when the process goes, including when a signal ends
// it (Ctrl-C, SIGTERM, SIGHUP from a dropped SSH session, a crash). A
// signal handler may only call async-signal-safe functions, which Swift
// code cannot promise, so the removal runs here: unlinkat/rmdir on a folder
// opened in advance, then the signal is re-raised with its previous action.
// The terminal's own handlers (CNCursesShim) chain to these: they restore
// the tty and re-raise, which runs this cleanup next.

// Removes `path` (a folder of plain files) if a fatal signal ends the
// process. Replaces any earlier registration. Returns 0, or -1 with errno
// when the folder cannot be opened. Signals already ignored stay ignored.
int dfx_remove_on_fatal_signal(const char *path);

// Removes the folder now (its files, then the folder) and forgets it.
void dfx_remove_now(void);

#endif
