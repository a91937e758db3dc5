import ArgumentParser
import TextEncoder

/// `--encoder-precision` and `--int8-kernel`, for the commands that only embed (`embed`,
/// `bench embed`): float32 unless asked, the model's own arithmetic.
struct EncoderPrecisionOptions: ParsableArguments {
    @Option(name: .long, help: "Arithmetic of the encoder's dense layers.")
    var encoderPrecision: EncoderPrecision = .fp32

    @Option(
        name: .long,
        help: "With --encoder-precision int8: the kernel version (best: the fastest this processor runs).")
    var int8Kernel: Int8Kernel = .best
}

/// Read and listed in help by their raw values.
extension EncoderPrecision: ExpressibleByArgument {}
extension Int8Kernel: ExpressibleByArgument {}
