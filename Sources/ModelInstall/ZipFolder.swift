import Foundation
import SemfindCore
import ZIPFoundation

/// Extracts the files of a zip (a wheel, a joined archive) that lie under one folder.
enum ZipFolder {
    /// Writes each file of the zip at `archiveURL` under `folder` into `destination`, at its
    /// path below `folder`. A damaged or truncated archive, a path that climbs out, or no file
    /// under `folder` is an error that names the archive.
    static func extract(_ folder: String, of archiveURL: URL, into destination: URL) throws {
        let name = archiveURL.lastPathComponent
        let archive: Archive
        do {
            archive = try Archive(url: archiveURL, accessMode: .read)
        } catch {
            throw SemfindError(.invalidModel, "\(name) is truncated or not a zip; download it again")
        }
        var extracted = 0
        for entry in archive where entry.type == .file && entry.path.hasPrefix(folder) {
            let relative = String(entry.path.dropFirst(folder.count))
            guard !relative.split(separator: "/").contains("..") else {
                throw SemfindError(.invalidModel, "\(name) holds an unsafe path: \(entry.path)")
            }
            do {
                _ = try archive.extract(entry, to: destination.appendingPathComponent(relative), skipCRC32: false)
            } catch {
                throw SemfindError(.invalidModel, "\(name) is truncated or damaged at \(entry.path); download it again")
            }
            extracted += 1
        }
        guard extracted > 0 else { throw SemfindError(.invalidModel, "\(name) holds nothing under \(folder)") }
    }
}
