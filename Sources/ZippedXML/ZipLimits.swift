/// How much of a zip archive semfind is willing to read: bounds that a zip bomb (a small file
/// that inflates to gigabytes) or an archive of countless entries runs into early.
public struct ZipLimits: Sendable, Equatable {
    /// Entries the archive may hold.
    public var maxEntries: Int
    /// Bytes one entry may inflate to.
    public var maxEntrySize: Int
    /// Bytes all the entries read from one archive may inflate to, together.
    public var maxTotalSize: Int
    /// How many times its compressed size an entry may inflate to once it is past
    /// `ratioFloor` bytes (XML usually inflates 5–20 times; a bomb of zeros, about 1,000).
    public var maxRatio: Int
    /// Bytes an entry may inflate to before its ratio is checked, so that a small, very
    /// repetitive part is never taken for a bomb.
    public var ratioFloor: Int

    public init(
        maxEntries: Int = 10_000, maxEntrySize: Int = 128 << 20, maxTotalSize: Int = 256 << 20, maxRatio: Int = 100,
        ratioFloor: Int = 1 << 20
    ) {
        self.maxEntries = maxEntries
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxRatio = maxRatio
        self.ratioFloor = ratioFloor
    }
}
