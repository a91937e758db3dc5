#ifndef SEMFIND_CSYSTEMCALLS_H
#define SEMFIND_CSYSTEMCALLS_H

#include <sys/types.h>

// The few system calls semfind needs that Swift's Glibc module does not reach: statfs(2) and
// posix_spawn's GNU extensions (POSIX_SPAWN_SETSID, closefrom).

/// Starts the program at `path` with `arguments` (NULL-terminated, program name first) and the
/// process's environment, detached: in a session of its own (no controlling terminal, no job of
/// the shell's), standard input, output and error on /dev/null, no other descriptor inherited,
/// the usual termination signals at their defaults and none blocked. Stores its pid in `pid`.
/// Returns 0, or the errno that says why it could not start. Where posix_spawn cannot close the
/// other descriptors itself (glibc before 2.34, other systems), they are marked close-on-exec
/// in this process first: call it only from a process about to exit.
int semfind_spawn_detached(const char *path, char *const arguments[], pid_t *pid);

/// Whether `path` lies on a network or otherwise remote file system (1), a local one (0), or
/// cannot be examined (-1). Linux: statfs's f_type is NFS, SMB/CIFS/SMB2, FUSE (sshfs, rclone,
/// s3fs and every other FUSE file system: which are remote cannot be told), 9P, Ceph, AFS,
/// Coda, GFS2, OCFS2, Lustre, GPFS or VirtualBox shared folders. Elsewhere: statfs's MNT_LOCAL
/// flag is not set.
int semfind_is_network_file_system(const char *path);

#endif
