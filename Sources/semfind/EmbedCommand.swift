import ArgumentParser
import ResultOutput
import TextEncoder

/// `semfind embed`: texts on stdin, one `{"embedding": […]}` JSON line per text on stdout.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed texts from standard input; write one JSON line of floats per text, in input order.")

    @Flag(name: .long, help: "Read one JSON object {\"text\": …} per line instead of one text per line.")
    var jsonl = false

    @Option(name: .long, help: "Texts per forward pass.")
    var batchSize = SentenceEncoder.defaultBatchSize

    @OptionGroup var encoderOptions: EncoderOptions

    @OptionGroup var precisionOptions: EncoderPrecisionOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        var input = TextInput(jsonl: jsonl)
        let encoder = try encoderOptions.loadEncoder(
            precision: precisionOptions.encoderPrecision, int8Kernel: precisionOptions.int8Kernel)
        var output = OutputWriter()
        while case let texts = try input.next(limit: 4096), !texts.isEmpty {
            for vector in encoder.encode(texts, batchSize: batchSize) {
                output.write("{\"embedding\":[")
                output.write(vector.map { "\($0)" }.joined(separator: ","))
                output.write("]}\n")
            }
            output.flush()
        }
    }
}
