import SemfindCore

/// Types a file from its first bytes, for the walker, which reads them and hands them over.
///
/// The walker calls it from one thread at a time, so an implementation may hold a handle that
/// is not thread-safe, as libmagic's is (FileTyping's `FileTypeDetector`).
public protocol FileTyper {
    /// How many bytes from the start of a file are typed.
    var sampleSize: Int { get }

    /// The type of a file whose first bytes are `sample`; `isTruncated` says the file goes on.
    ///
    /// - Returns: the type, or `.failure` with a message that says why the file could not be typed.
    func type(ofSample sample: [UInt8], isTruncated: Bool) -> Result<FileType, SemfindError>
}
