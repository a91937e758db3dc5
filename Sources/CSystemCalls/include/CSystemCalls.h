#ifndef SEMFIND_CSYSTEMCALLS_H
#define SEMFIND_CSYSTEMCALLS_H

#include <sys/types.h>

// The few system calls semfind needs that Swift's Glibc module does not reach: statfs(2) and
// posix_spawn's GNU extensions (POSIX_SPAWN_SETSID, closefrom), and what a child must do
// between fork and exec (resource limits, the parent-death signal).

/// The resource limits of a child that `semfind_spawn_limited` starts; 0 leaves one unset.
struct semfind_limits {
    /// RLIMIT_CPU's soft limit (SIGXCPU when reached); the hard limit stays unlimited, so that
    /// the child may move its own soft limit on (a worker, per request).
    long long cpu_seconds;
    /// RLIMIT_AS, soft and hard: allocations past it fail.
    long long address_space_bytes;
};

/// Starts the program at `path` with `arguments` (NULL-terminated, program name first) and the
/// process's environment, detached: in a session of its own (no controlling terminal, no job of
/// the shell's), standard input, output and error on /dev/null, no other descriptor inherited,
/// the usual termination signals at their defaults and none blocked. Stores its pid in `pid`.
/// Returns 0, or the errno that says why it could not start. Where posix_spawn cannot close the
/// other descriptors itself (glibc before 2.34, other systems), they are marked close-on-exec
/// in this process first: call it only from a process about to exit.
int semfind_spawn_detached(const char *path, char *const arguments[], pid_t *pid);

/// Starts the program at `path` (no shell, no search of PATH) with `arguments` (NULL-terminated,
/// program name first) and `environment` (NULL-terminated), its standard input, output and error
/// on `streams`, no other descriptor inherited, in a process group of its own (so that a kill of
/// the group reaches its children too, and the terminal's Ctrl-C does not), with no core dumps,
/// `limits` applied, signals at their defaults and none blocked. On Linux the child is killed
/// (SIGKILL) when the thread that started it ends (PR_SET_PDEATHSIG): start it from a thread
/// that outlives it. Stores its pid in `pid`; returns 0, or the errno that says why it could not
/// start (exec's own included).
int semfind_spawn_limited(const char *path, char *const arguments[], char *const environment[], const int streams[3],
                          const struct semfind_limits *limits, pid_t *pid);

/// Whether `path` lies on a network or otherwise remote file system (1), a local one (0), or
/// cannot be examined (-1). Linux: statfs's f_type is NFS, SMB/CIFS/SMB2, FUSE (sshfs, rclone,
/// s3fs and every other FUSE file system: which are remote cannot be told), 9P, Ceph, AFS,
/// Coda, GFS2, OCFS2, Lustre, GPFS or VirtualBox shared folders. Elsewhere: statfs's MNT_LOCAL
/// flag is not set.
int semfind_is_network_file_system(const char *path);

#endif
