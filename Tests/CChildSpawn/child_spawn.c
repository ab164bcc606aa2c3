// posix_spawn for the tests' child processes. Foundation's Process (Swift
// 6.3.1 on Linux) scans /proc/self/fd with an over-read of each entry's name
// before it spawns, which sometimes crashes the whole test process
// (swift-corelibs-foundation PR #5472). posix_spawn with a closefrom file
// action closes the inherited descriptors in the child instead.
#define _GNU_SOURCE
#include "child_spawn.h"

#include <signal.h>
#include <spawn.h>
#include <unistd.h>

extern char **environ;

int child_spawn(const char *path, char *const argv[], char *const envp[],
                int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    int error = posix_spawn_file_actions_init(&actions);
    if (error != 0) return error;
    const int sources[3] = {stdin_fd, stdout_fd, stderr_fd};
    for (int target = 0; target < 3 && error == 0; target++) {
        if (sources[target] >= 0) error = posix_spawn_file_actions_adddup2(&actions, sources[target], target);
    }
    if (error == 0) error = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    // The child starts as from a shell: no signal blocked, none ignored
    // (the test process may ignore SIGPIPE, which the child must not inherit).
    posix_spawnattr_t attributes;
    if (error == 0) error = posix_spawnattr_init(&attributes);
    if (error != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return error;
    }
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    error = posix_spawnattr_setsigmask(&attributes, &none);
    if (error == 0) error = posix_spawnattr_setsigdefault(&attributes, &all);
    if (error == 0) error = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    if (error == 0) error = posix_spawn(pid, path, &actions, &attributes, argv, envp != NULL ? envp : environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return error;
}
