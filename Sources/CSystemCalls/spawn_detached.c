#define _GNU_SOURCE
#include "CSystemCalls.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>

extern char **environ;

#if !(defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34)))
// Marks every descriptor above standard error close-on-exec, so that a program started next
// inherits none of them (a pipe whose reader waits for its end, for one).
static void close_above_standard_error_on_exec(void) {
    DIR *folder = opendir("/dev/fd");
    if (folder == NULL) return;
    int own = dirfd(folder);
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        char *end;
        long descriptor = strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || descriptor <= 2 || descriptor == own) continue;
        int flags = fcntl((int)descriptor, F_GETFD);
        if (flags >= 0) fcntl((int)descriptor, F_SETFD, flags | FD_CLOEXEC);
    }
    closedir(folder);
}
#endif

int semfind_spawn_detached(const char *path, char *const arguments[], pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int status = posix_spawn_file_actions_init(&actions);
    if (status != 0) return status;
    status = posix_spawnattr_init(&attributes);
    if (status != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return status;
    }
    sigset_t defaults, none;
    sigemptyset(&defaults);
    int signals[] = {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&defaults, signals[i]);
    sigemptyset(&none);
    status = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    if (status == 0) status = posix_spawnattr_setsigdefault(&attributes, &defaults);
    if (status == 0) status = posix_spawnattr_setsigmask(&attributes, &none);
    if (status == 0) status = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDWR, 0);
    if (status == 0) status = posix_spawn_file_actions_adddup2(&actions, 0, 1);
    if (status == 0) status = posix_spawn_file_actions_adddup2(&actions, 0, 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    if (status == 0) status = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#else
    close_above_standard_error_on_exec();
#endif
    if (status == 0) status = posix_spawn(pid, path, &actions, &attributes, arguments, environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return status;
}
