#ifndef CHILD_SPAWN_H
#define CHILD_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (NULL-terminated; `envp` NULL keeps
/// this process's environment) through posix_spawn, with `stdin_fd`,
/// `stdout_fd` and `stderr_fd` as its standard streams (-1 keeps this
/// process's) and every other descriptor closed in the child. Returns 0 and
/// sets `*pid`, or an errno value.
int child_spawn(const char *path, char *const argv[], char *const envp[],
                int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid);

#endif
