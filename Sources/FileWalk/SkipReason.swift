/// Why the walker reported an entry instead of yielding it; the raw value is the text users see.
public enum SkipReason: String, Sendable {
    /// The walker's typer (libmagic) says the content is binary and not text.
    case binary
    /// The file is larger than `WalkOptions.maxFileSize`.
    case tooLarge = "too large"
    /// The entry could not be listed, opened or read (permissions, dangling link, path too long).
    case unreadable
    /// A folder that links back to one already walked; it is not followed.
    case symlinkLoop = "symlink loop"
    /// The name's bytes are not UTF-8, so no path string can name it faithfully.
    case invalidName = "name is not valid UTF-8"
    /// A socket, FIFO or device: never opened.
    case notRegular = "not a regular file"
    /// The entry was listed but disappeared (or was replaced) before it could be read.
    case vanished
    /// A symbolic link whose target is outside its root (not followed without `--follow`) or in
    /// /proc, /sys or /dev (never followed).
    case linkLeavesRoot = "link leaves the folder"
}
