#define _GNU_SOURCE
#include "CSystemCalls.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

// Runs in the forked child before exec: only async-signal-safe calls. Returns only on failure,
// with errno set.
static void become_limited_child(const char *path, char *const arguments[], char *const environment[],
                                 const int streams[3], const struct semfind_limits *limits, pid_t parent,
                                 int report) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    int defaults[] = {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGXCPU, SIGSEGV, SIGBUS, SIGABRT};
    struct sigaction by_default = {0};
    by_default.sa_handler = SIG_DFL;
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) sigaction(defaults[i], &by_default, NULL);
    if (setpgid(0, 0) != 0) return;
#if defined(__linux__)
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return;
    // The parent may have died between fork and prctl: then nobody would kill this child.
    if (getppid() != parent) _exit(127);
#else
    (void)parent;
#endif
    for (int target = 0; target < 3; target++) {
        if (dup2(streams[target], target) < 0) return;
    }
    // Every other descriptor is closed but the report pipe, which exec closes.
#if defined(__linux__) && defined(SYS_close_range)
    bool closed = syscall(SYS_close_range, 3, (unsigned)report - 1, 0) == 0
                  && syscall(SYS_close_range, (unsigned)report + 1, ~0U, 0) == 0;
#else
    bool closed = false;
#endif
    if (!closed) {
        for (int descriptor = 3; descriptor < 65536; descriptor++) {
            if (descriptor != report) close(descriptor);
        }
    }
    struct rlimit none_at_all = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none_at_all) != 0) return;
    if (limits->cpu_seconds > 0) {
        struct rlimit cpu = {(rlim_t)limits->cpu_seconds, RLIM_INFINITY};
        if (setrlimit(RLIMIT_CPU, &cpu) != 0) return;
    }
    if (limits->address_space_bytes > 0) {
        struct rlimit space = {(rlim_t)limits->address_space_bytes, (rlim_t)limits->address_space_bytes};
        if (setrlimit(RLIMIT_AS, &space) != 0) return;
    }
    execve(path, arguments, environment);
}

int semfind_spawn_limited(const char *path, char *const arguments[], char *const environment[], const int streams[3],
                          const struct semfind_limits *limits, pid_t *pid) {
    // A close-on-exec pipe carries the child's errno back if exec fails; it closes unread on success.
    int report[2];
    if (pipe(report) != 0) return errno;
    if (fcntl(report[0], F_SETFD, FD_CLOEXEC) != 0 || fcntl(report[1], F_SETFD, FD_CLOEXEC) != 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return error;
    }
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return error;
    }
    if (child == 0) {
        close(report[0]);
        // dup2 clears close-on-exec on the copies only; the report pipe keeps it.
        become_limited_child(path, arguments, environment, streams, limits, parent, report[1]);
        int error = errno;
        ssize_t ignored = write(report[1], &error, sizeof error);
        (void)ignored;
        _exit(127);
    }
    close(report[1]);
    int error = 0;
    ssize_t got;
    do {
        got = read(report[0], &error, sizeof error);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof error) {
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        return error;
    }
    *pid = child;
    return 0;
}
