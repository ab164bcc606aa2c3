#ifndef DYNAFOLIO_DFC_SHIM_H
#define DYNAFOLIO_DFC_SHIM_H

// The only door between Swift and ncurses.
//
// Why a shim at all: ncurses exposes much of its API as C macros
// (getmaxyx, COLOR_PAIR, A_BOLD, KEY_F(n), mvadd_wch) and mutable globals
// (stdscr, COLS, LINES, COLORS, COLOR_PAIRS). Swift cannot call function-like
// macros and, in Swift 6 mode, refuses to read mutable C globals. Every such
// name we use becomes a small prefixed function here, so no macro and no bit
// layout (attribute masks, colour-pair packing) is written in Swift.
//
// This header deliberately uses only plain C types (int, unsigned, wchar_t,
// wint_t) so Swift code needs to import this module alone.

#include <stddef.h>
#include <wchar.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Locale and width

// setlocale(LC_ALL, "") and, when LC_CTYPE is then "C"/"POSIX" (or unset),
// switch LC_CTYPE to C.UTF-8: without a UTF-8 ctype, ncurses draws non-ASCII
// as blank cells and get_wch jams on multi-byte input. Returns the LC_CTYPE
// in force afterwards (static storage, do not free).
const char *dfc_setup_locale(void);

// wcwidth() evaluated in a private C.UTF-8 locale (uselocale, per thread),
// so widths are the same whatever the process locale is (tests run in "C").
// Returns -1 for control characters, 0 for combining marks, 2 for wide.
int dfc_wcwidth(wchar_t c);

// MARK: Screen lifetime

// newterm(term, stdout, stdin) + set_term. `term` NULL means $TERM.
// Returns 0 on success, -1 when the terminal type is unknown or unusable
// (newterm returns NULL instead of exiting like initscr would).
int dfc_newterm(const char *term);
// endwin() + delscreen() of the screen made by dfc_newterm. Idempotent.
void dfc_end(void);
// endwin() only (leave curses mode, keep the screen for a later refresh).
void dfc_endwin(void);
int dfc_isendwin(void);
// Forget what ncurses believes is on the terminal, so the next refresh
// repaints everything (after a suspend or an outside program).
void dfc_force_repaint(void);

// MARK: Signals

// Restore the terminal on SIGINT, SIGTERM, SIGHUP, SIGQUIT and fatal signals
// (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP): the handler calls
// endwin(), puts back the previous handler (e.g. Swift's backtracer) and
// re-raises. SIGTSTP (Ctrl-Z): endwin(), stop ourselves with SIGSTOP, and on
// SIGCONT note that a repaint is due. Installed before newterm so ncurses
// keeps our handlers (it only installs its own where none is set).
void dfc_install_signal_handlers(void);
void dfc_remove_signal_handlers(void);
// SIGINT (Ctrl-C) is recorded instead: dfc_take_interrupt returns 1 once
// per Ctrl-C, which the terminal reads as the key C-c; a second SIGINT
// before it was taken restores the terminal and re-raises, as above.
int dfc_take_interrupt(void);
// Returns 1 once after the process was continued from a Ctrl-Z stop.
int dfc_take_resumed(void);

// MARK: Input modes

void dfc_cbreak(void);
void dfc_noecho(void);
void dfc_nonl(void);
void dfc_keypad(int on);
void dfc_timeout(int ms);
void dfc_set_escdelay(int ms);
int dfc_curs_set(int visibility);

// MARK: Globals that Swift 6 cannot read

void *dfc_stdscr(void);
void dfc_getmaxyx(int *y, int *x);
int dfc_cols(void);
int dfc_lines(void);
int dfc_colors(void);
int dfc_color_pairs(void);

// MARK: Colour

int dfc_has_colors(void);
int dfc_start_color(void);
int dfc_use_default_colors(void);
// init_pair; colour -1 is the terminal's default (after use_default_colors).
int dfc_init_pair(int pair, int fg, int bg);
// COLOR_PAIR(n): the attribute bits selecting pair n.
unsigned dfc_color_pair(int n);

// MARK: Attributes (A_* macros)

unsigned dfc_a_normal(void);
unsigned dfc_a_bold(void);
unsigned dfc_a_dim(void);
unsigned dfc_a_reverse(void);
unsigned dfc_a_underline(void);
unsigned dfc_a_italic(void);

// MARK: Drawing

// One spacing character at (y, x) with attributes and colour pair, through
// setcchar + mvadd_wch (wide characters occupy two columns).
int dfc_put_wch(int y, int x, wchar_t ch, unsigned attrs, int pair);
// A grapheme cluster: a spacing character followed by combining ones. When
// ncurses refuses the cluster (more than one spacing character, e.g. an emoji
// with a skin-tone modifier), only the first character is drawn.
int dfc_put_cluster(int y, int x, const wchar_t *chars, int count, unsigned attrs, int pair);
int dfc_move(int y, int x);
int dfc_erase(void);
int dfc_refresh(void);

// MARK: Input

enum dfc_get_result {
    DFC_GOT_NOTHING = -1, // ERR: timeout or no input
    DFC_GOT_CHAR = 0,     // OK: *out is a character
    DFC_GOT_KEY = 1       // KEY_CODE_YES: *out is a KEY_* code
};
// get_wch on stdscr.
int dfc_get_wch(wint_t *out);

// KEY_* codes.
int dfc_key_resize(void);
int dfc_key_up(void);
int dfc_key_down(void);
int dfc_key_left(void);
int dfc_key_right(void);
int dfc_key_home(void);
int dfc_key_end(void);
int dfc_key_npage(void);
int dfc_key_ppage(void);
int dfc_key_backspace(void);
int dfc_key_dc(void);
int dfc_key_ic(void);
int dfc_key_enter(void);
int dfc_key_btab(void);
// KEY_F(n)
int dfc_key_f(int n);

#ifdef __cplusplus
}
#endif

#endif
