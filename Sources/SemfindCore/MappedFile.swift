#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only memory map of a whole file, unmapped when the last reference goes away.
///
/// `@unchecked Sendable`: the mapping is created once, never written, and only unmapped in `deinit`,
/// so concurrent reads through `bytes` are safe.
public final class MappedFile: @unchecked Sendable {
    public let path: String
    public let bytes: UnsafeRawBufferPointer
    /// The file's status when it was mapped.
    public let status: FileStatus

    /// Maps `path`; a file that cannot be opened is reported with `missing` as the error code.
    public init(path: String, missing: SemfindError.Code = .io) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw SemfindError(missing, "cannot open \(path): \(reason)")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw SemfindError(.io, "cannot stat \(path): \(String(cString: strerror(errno)))")
        }
        status = FileStatus(info)
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw SemfindError(.io, "cannot map \(path) into memory: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    /// Reads in the pages of `range` now (Linux 5.14 and later; elsewhere nothing), so that a
    /// scan over them takes no page faults.
    public func populate(_ range: Range<Int>) {
        #if os(Linux)
            guard let base = bytes.baseAddress, !range.isEmpty, range.upperBound <= bytes.count else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = range.lowerBound / page * page
            let madvisePopulateRead: Int32 = 22  // MADV_POPULATE_READ
            _ = madvise(UnsafeMutableRawPointer(mutating: base + start), range.upperBound - start, madvisePopulateRead)
        #endif
    }

    /// Asks for the mapping to be made of small pages: a reader that touches a large file here
    /// and there (a query scanning a few IVF lists and rescoring a few hundred rows) would
    /// otherwise map, and count as resident, a whole 2 MB page for each touch wherever the page
    /// cache holds the file in huge folios. Nothing elsewhere than Linux.
    public func preferSmallPages() {
        #if os(Linux)
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            let madviseNoHugePage: Int32 = 15  // MADV_NOHUGEPAGE
            _ = madvise(UnsafeMutableRawPointer(mutating: base), bytes.count, madviseNoHugePage)
        #endif
    }

    /// Asks the kernel to map only the pages touched (`MADV_RANDOM`), not the 64 KB around each
    /// (fault-around): a reader that touches scattered rows of a large file would otherwise have
    /// most of the file resident after a few thousand touches.
    public func expectRandomAccess() {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), bytes.count, Int32(MADV_RANDOM))
    }

    /// The largest folio the page cache maps at once
    /// (a PMD: 2 MB on x86-64 and arm64 with 4 KB pages).
    static let releaseGranule = 2 << 20

    /// Gives back the pages around `range`: they stop counting as this process's memory (the
    /// page cache keeps them; touching them again maps them again, so giving back a page that
    /// also holds bytes outside `range` loses nothing). For a reader that walks a file larger
    /// than the memory it may hold.
    ///
    /// The range is widened to whole `releaseGranule` blocks of the file: the page cache holds a
    /// file in folios of up to 2 MB, and one touch maps the pages of its folio around it, before
    /// the touched bytes as well as after, even with `MADV_RANDOM`. Giving back only the pages
    /// read left about a third of a sweep's pages mapped (IVF training at 1,000,000 rows peaked
    /// at 480 MB, 320 MB of it snapshot pages).
    public func release(_ range: Range<Int>) {
        guard let base = bytes.baseAddress, !range.isEmpty, range.upperBound <= bytes.count else { return }
        let granule = Self.releaseGranule
        let start = range.lowerBound / granule * granule
        let end = min(bytes.count, (range.upperBound + granule - 1) / granule * granule)
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Int32(MADV_DONTNEED))
    }

    deinit {
        if let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }
}
