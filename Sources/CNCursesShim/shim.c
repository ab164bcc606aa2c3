// See include/dfc_shim.h for why each function exists.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#define _GNU_SOURCE 1

#include "dfc_shim.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// MARK: Locale and width

static int is_plain_c_locale(const char *name) {
    return name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

const char *dfc_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *ctype = setlocale(LC_CTYPE, NULL);
    if (is_plain_c_locale(ctype)) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
            setlocale(LC_CTYPE, "C.utf8");
        }
    }
    return setlocale(LC_CTYPE, NULL);
}

static locale_t utf8_locale(void) {
    // Created once and never freed: it lives as long as the process.
    static locale_t cached = (locale_t)0;
    if (cached == (locale_t)0) {
        locale_t made = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        if (made == (locale_t)0) made = newlocale(LC_CTYPE_MASK, "C.utf8", (locale_t)0);
        if (made == (locale_t)0) made = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
        cached = made;
    }
    return cached;
}

int dfc_wcwidth(wchar_t c) {
    locale_t utf8 = utf8_locale();
    if (utf8 == (locale_t)0) return wcwidth(c);
    locale_t previous = uselocale(utf8);
    int width = wcwidth(c);
    uselocale(previous);
    return width;
}

// MARK: Screen lifetime

static SCREEN *current_screen = NULL;

int dfc_newterm(const char *term) {
    if (current_screen != NULL) return 0;
    SCREEN *made = newterm(term, stdout, stdin);
    if (made == NULL) return -1;
    set_term(made);
    current_screen = made;
    return 0;
}

// A terminal without an alternate screen (vt100, some serial consoles)
// keeps whatever was drawn last once curses ends. Blank it first, as less
// and vim leave such a terminal, so no frame of ours stays on the shell's
// screen (the shell's own lines are on the alternate-screen terminals only).
static int has_alternate_screen(void) {
    const char *enter = tigetstr("smcup");
    return enter != NULL && enter != (const char *)-1 && enter[0] != '\0';
}

void dfc_end(void) {
    if (current_screen == NULL) return;
    if (!isendwin()) {
        if (!has_alternate_screen()) {
            clear();
            refresh();
        }
        endwin();
    }
    delscreen(current_screen);
    current_screen = NULL;
}

void dfc_endwin(void) {
    if (current_screen != NULL && !isendwin()) endwin();
}

int dfc_isendwin(void) { return isendwin() ? 1 : 0; }

void dfc_force_repaint(void) {
    if (current_screen != NULL) clearok(curscr, TRUE);
}

// MARK: Signals

static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV,
                                    SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};
#define FATAL_COUNT ((int)(sizeof(fatal_signals) / sizeof(fatal_signals[0])))
static struct sigaction previous_fatal[FATAL_COUNT];
static struct sigaction previous_tstp;
static int handlers_installed = 0;
static volatile sig_atomic_t resumed_flag = 0;

static void restore_and_reraise(int sig) {
    // endwin is what ncurses' own handlers call here too; it restores the
    // tty modes and leaves the alternate screen.
    if (current_screen != NULL && !isendwin()) endwin();
    for (int i = 0; i < FATAL_COUNT; i++) {
        if (fatal_signals[i] == sig) {
            sigaction(sig, &previous_fatal[i], NULL);
            break;
        }
    }
    raise(sig);
}

static volatile sig_atomic_t interrupt_flag = 0;

// Ctrl-C while the app runs is a key: the app asks before quitting during a
// push, as `q` does. A second Ctrl-C before the app took the first (a
// stuck loop) restores the terminal and ends the process as before.
static void on_interrupt(int sig) {
    if (interrupt_flag) {
        restore_and_reraise(sig);
        return;
    }
    interrupt_flag = 1;
}

int dfc_take_interrupt(void) {
    if (!interrupt_flag) return 0;
    interrupt_flag = 0;
    return 1;
}

static void on_tstp(int sig) {
    (void)sig;
    if (current_screen != NULL && !isendwin()) endwin();
    // SIGSTOP cannot be caught, so this stops us here; `fg` sends SIGCONT
    // and execution continues on the next line.
    kill(getpid(), SIGSTOP);
    resumed_flag = 1;
}

void dfc_install_signal_handlers(void) {
    if (handlers_installed) return;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    sigemptyset(&action.sa_mask);
    action.sa_handler = restore_and_reraise;
    struct sigaction interrupt;
    memset(&interrupt, 0, sizeof(interrupt));
    sigemptyset(&interrupt.sa_mask);
    interrupt.sa_handler = on_interrupt;  // no SA_RESTART: the key wait wakes
    for (int i = 0; i < FATAL_COUNT; i++) {
        sigaction(fatal_signals[i], fatal_signals[i] == SIGINT ? &interrupt : &action, &previous_fatal[i]);
    }
    struct sigaction tstp;
    memset(&tstp, 0, sizeof(tstp));
    sigemptyset(&tstp.sa_mask);
    tstp.sa_handler = on_tstp;
    tstp.sa_flags = SA_RESTART;
    sigaction(SIGTSTP, &tstp, &previous_tstp);
    handlers_installed = 1;
}

void dfc_remove_signal_handlers(void) {
    if (!handlers_installed) return;
    for (int i = 0; i < FATAL_COUNT; i++) {
        sigaction(fatal_signals[i], &previous_fatal[i], NULL);
    }
    sigaction(SIGTSTP, &previous_tstp, NULL);
    handlers_installed = 0;
}

int dfc_take_resumed(void) {
    if (!resumed_flag) return 0;
    resumed_flag = 0;
    return 1;
}

// MARK: Input modes

void dfc_cbreak(void) { cbreak(); }
void dfc_noecho(void) { noecho(); }
void dfc_nonl(void) { nonl(); }
void dfc_keypad(int on) { keypad(stdscr, on ? TRUE : FALSE); }
void dfc_timeout(int ms) { timeout(ms); }
void dfc_set_escdelay(int ms) { set_escdelay(ms); }
int dfc_curs_set(int visibility) { return curs_set(visibility); }

// MARK: Globals

void *dfc_stdscr(void) { return (void *)stdscr; }
void dfc_getmaxyx(int *y, int *x) {
    int rows = 0, cols = 0;
    if (stdscr != NULL) getmaxyx(stdscr, rows, cols);
    *y = rows;
    *x = cols;
}
int dfc_cols(void) { return COLS; }
int dfc_lines(void) { return LINES; }
int dfc_colors(void) { return COLORS; }
int dfc_color_pairs(void) { return COLOR_PAIRS; }

// MARK: Colour

int dfc_has_colors(void) { return has_colors() ? 1 : 0; }
int dfc_start_color(void) { return start_color() == OK ? 0 : -1; }
int dfc_use_default_colors(void) { return use_default_colors() == OK ? 0 : -1; }
int dfc_init_pair(int pair, int fg, int bg) {
    return init_pair((short)pair, (short)fg, (short)bg) == OK ? 0 : -1;
}
unsigned dfc_color_pair(int n) { return (unsigned)COLOR_PAIR(n); }

// MARK: Attributes

unsigned dfc_a_normal(void) { return (unsigned)A_NORMAL; }
unsigned dfc_a_bold(void) { return (unsigned)A_BOLD; }
unsigned dfc_a_dim(void) { return (unsigned)A_DIM; }
unsigned dfc_a_reverse(void) { return (unsigned)A_REVERSE; }
unsigned dfc_a_underline(void) { return (unsigned)A_UNDERLINE; }
unsigned dfc_a_italic(void) { return (unsigned)A_ITALIC; }

// MARK: Drawing

int dfc_put_cluster(int y, int x, const wchar_t *chars, int count, unsigned attrs, int pair) {
    wchar_t buffer[CCHARW_MAX + 1];
    if (count < 1) return -1;
    if (count > CCHARW_MAX) count = CCHARW_MAX;
    memcpy(buffer, chars, (size_t)count * sizeof(wchar_t));
    buffer[count] = L'\0';
    cchar_t cell;
    // setcchar takes the attributes without the colour bits and the pair
    // separately.
    attr_t plain = (attr_t)attrs & ~A_COLOR;
    if (setcchar(&cell, buffer, plain, (short)pair, NULL) != OK) {
        buffer[1] = L'\0';
        if (setcchar(&cell, buffer, plain, (short)pair, NULL) != OK) return -1;
    }
    // Writing the bottom-right cell returns ERR after drawing it (the cursor
    // cannot advance), which is harmless here.
    return mvadd_wch(y, x, &cell) == OK ? 0 : -1;
}

int dfc_put_wch(int y, int x, wchar_t ch, unsigned attrs, int pair) {
    return dfc_put_cluster(y, x, &ch, 1, attrs, pair);
}

int dfc_move(int y, int x) { return move(y, x) == OK ? 0 : -1; }
int dfc_erase(void) { return erase() == OK ? 0 : -1; }
int dfc_refresh(void) { return refresh() == OK ? 0 : -1; }

// MARK: Input

int dfc_get_wch(wint_t *out) {
    int result = get_wch(out);
    if (result == KEY_CODE_YES) return DFC_GOT_KEY;
    if (result == OK) return DFC_GOT_CHAR;
    return DFC_GOT_NOTHING;
}

int dfc_key_resize(void) { return KEY_RESIZE; }
int dfc_key_up(void) { return KEY_UP; }
int dfc_key_down(void) { return KEY_DOWN; }
int dfc_key_left(void) { return KEY_LEFT; }
int dfc_key_right(void) { return KEY_RIGHT; }
int dfc_key_home(void) { return KEY_HOME; }
int dfc_key_end(void) { return KEY_END; }
int dfc_key_npage(void) { return KEY_NPAGE; }
int dfc_key_ppage(void) { return KEY_PPAGE; }
int dfc_key_backspace(void) { return KEY_BACKSPACE; }
int dfc_key_dc(void) { return KEY_DC; }
int dfc_key_ic(void) { return KEY_IC; }
int dfc_key_enter(void) { return KEY_ENTER; }
int dfc_key_btab(void) { return KEY_BTAB; }
int dfc_key_f(int n) { return KEY_F(n); }
