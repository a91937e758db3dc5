import ArgumentParser
import ResultOutput
import TextEncoder

/// `semfind tokenize`: texts on stdin, one `{"ids": […]}` JSON line per text on stdout.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Write the model's word-piece ids ([CLS] … [SEP], truncated) for each text on standard input.")

    @Flag(name: .long, help: "Read one JSON object {\"text\": …} per line instead of one text per line.")
    var jsonl = false

    @OptionGroup var encoderOptions: EncoderOptions

    func run() throws {
        var input = TextInput(jsonl: jsonl)
        let encoder = try encoderOptions.loadEncoder()
        var output = OutputWriter()
        while case let texts = try input.next(limit: 4096), !texts.isEmpty {
            for ids in encoder.tokenizeAll(texts) {
                output.write("{\"ids\":[" + ids.map { "\($0)" }.joined(separator: ",") + "]}\n")
            }
            output.flush()
        }
    }
}
