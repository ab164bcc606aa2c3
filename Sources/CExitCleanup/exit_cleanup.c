#define _GNU_SOURCE
#include "exit_cleanup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV,
                                    SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};
#define FATAL_COUNT ((int)(sizeof(fatal_signals) / sizeof(fatal_signals[0])))
static struct sigaction previous[FATAL_COUNT];
static int installed[FATAL_COUNT];
static int folder_fd = -1;
static char folder_path[4096];

// Unlinks every entry of the folder. Only async-signal-safe calls on Linux
// (getdents64 into a stack buffer); elsewhere readdir, which is not
// promised safe but is what the platform offers.
static void unlink_entries(void) {
#ifdef __linux__
    for (int pass = 0; pass < 4; pass++) {
        char buffer[4096] __attribute__((aligned(8)));
        int removed = 0;
        lseek(folder_fd, 0, SEEK_SET);
        for (;;) {
            long count = syscall(SYS_getdents64, folder_fd, buffer, sizeof(buffer));
            if (count <= 0) break;
            for (long offset = 0; offset < count;) {
                // struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name.
                unsigned short length;
                memcpy(&length, buffer + offset + 16, sizeof(length));
                const char *name = buffer + offset + 19;
                if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0 && unlinkat(folder_fd, name, 0) == 0) removed++;
                offset += length;
            }
        }
        if (removed == 0) break;
    }
#else
    int copy = dup(folder_fd);
    DIR *dir = copy < 0 ? NULL : fdopendir(copy);
    if (dir == NULL) return;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0) unlinkat(folder_fd, entry->d_name, 0);
    }
    closedir(dir);
#endif
}

static void remove_folder(void) {
    if (folder_fd < 0) return;
    int saved = errno;
    unlink_entries();
    rmdir(folder_path);
    close(folder_fd);
    folder_fd = -1;
    errno = saved;
}

static void on_fatal_signal(int sig) {
    remove_folder();
    for (int i = 0; i < FATAL_COUNT; i++) {
        if (fatal_signals[i] == sig) {
            sigaction(sig, &previous[i], NULL);
            installed[i] = 0;
            break;
        }
    }
    // Blocked until this handler returns; then the previous action (the
    // default: end the process) runs.
    raise(sig);
}

int dfx_remove_on_fatal_signal(const char *path) {
    size_t length = strlen(path);
    if (length >= sizeof(folder_path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    if (folder_fd >= 0) close(folder_fd);
    memcpy(folder_path, path, length + 1);
    folder_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_fatal_signal;
    for (int i = 0; i < FATAL_COUNT; i++) {
        if (installed[i]) continue;
        struct sigaction old;
        if (sigaction(fatal_signals[i], NULL, &old) != 0) continue;
        // A signal the process ignores (nohup's SIGHUP) does not end it.
        if (old.sa_handler == SIG_IGN) continue;
        if (sigaction(fatal_signals[i], &action, &previous[i]) == 0) installed[i] = 1;
    }
    return 0;
}

void dfx_remove_now(void) {
    // A signal arriving mid-removal must not run the removal twice at once.
    sigset_t all, before;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &before);
    remove_folder();
    sigprocmask(SIG_SETMASK, &before, NULL);
}
