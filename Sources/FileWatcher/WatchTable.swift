/// The folders being watched: watch descriptor to path, kept right when a watched folder is
/// moved (inotify's watches follow the folder, so only the paths need changing).
struct WatchTable {
    private(set) var paths: [Int32: String] = [:]

    subscript(descriptor: Int32) -> String? { paths[descriptor] }

    mutating func set(_ descriptor: Int32, _ path: String) {
        paths[descriptor] = path
    }

    mutating func remove(_ descriptor: Int32) {
        paths[descriptor] = nil
    }

    /// The watches on `folder` and below it.
    func descriptors(atOrUnder folder: String) -> [Int32] {
        paths.filter { Self.isAtOrUnder($0.value, folder) }.map(\.key)
    }

    /// Renames `old` and everything below it to lie under `new`.
    mutating func move(_ old: String, to new: String) {
        for (descriptor, path) in paths where Self.isAtOrUnder(path, old) {
            paths[descriptor] = new + path.dropFirst(old.count)
        }
    }

    static func isAtOrUnder(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
