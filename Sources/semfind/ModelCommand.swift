import ArgumentParser
import Foundation
import TextEncoder

/// `semfind model …`: what the encoder is and where it comes from.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Show the sentence encoder.", subcommands: [Info.self],
        defaultSubcommand: Info.self)

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "info",
            abstract: "Print the model's name, folder, dimension, maximum length and fingerprint.")

        @Flag(name: .long, help: "Print one JSON object.")
        var json = false

        @OptionGroup var encoderOptions: EncoderOptions

        func run() throws {
            let encoder = try encoderOptions.loadEncoder()
            let config = encoder.config
            let fields: [(String, Any)] = [
                ("name", encoder.name), ("path", encoder.folder.path), ("dimension", encoder.dimension),
                ("max_length", encoder.maxLength), ("fingerprint", encoder.fingerprint()),
                ("layers", config.numHiddenLayers), ("heads", config.numAttentionHeads),
                ("vocabulary", encoder.tokenizer.vocabulary.count), ("pooling", encoder.pooling.mode.rawValue),
                ("normalize", encoder.pooling.normalize),
            ]
            if json {
                let object = Dictionary(uniqueKeysWithValues: fields)
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                for (key, value) in fields {
                    print("\(key.padding(toLength: 12, withPad: " ", startingAt: 0)) \(value)")
                }
            }
        }
    }
}
