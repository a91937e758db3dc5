#include "CSystemCalls.h"

#if defined(__linux__)
#include <stdint.h>
#include <sys/vfs.h>

int semfind_is_network_file_system(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    switch ((uint32_t)info.f_type) {
    case 0x6969:      // NFS
    case 0x517B:      // SMB (smbfs)
    case 0xFF534D42:  // CIFS
    case 0xFE534D42:  // SMB2/3
    case 0x65735546:  // FUSE: sshfs, rclone, s3fs, … (local FUSE file systems too)
    case 0x01021997:  // 9P (v9fs)
    case 0x00C36400:  // Ceph
    case 0x5346414F:  // AFS (OpenAFS)
    case 0x6B414653:  // AFS (kAFS)
    case 0x73757245:  // Coda
    case 0x01161970:  // GFS2
    case 0x7461636F:  // OCFS2
    case 0x0BD00BD0:  // Lustre
    case 0x47504653:  // GPFS
    case 0x786F4256:  // VirtualBox shared folders
        return 1;
    default:
        return 0;
    }
}
#else
#include <sys/mount.h>
#include <sys/param.h>

int semfind_is_network_file_system(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    return (info.f_flags & MNT_LOCAL) ? 0 : 1;
}
#endif
