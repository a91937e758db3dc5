/// A dense layer, y = x·Wᵀ + b, in either precision.
protocol DenseLayer: Sendable {
    var outputs: Int { get }

    /// Applies the layer to `rows` rows of `input`, writing `rows` rows of `output` (stride
    /// `outputStride`, by default `outputs`); `team`'s threads may share the work, and an int8
    /// layer quantizes the input into `workspace`'s buffers.
    func forward(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>, outputStride: Int?,
        team: WorkerTeam?, workspace: BertWorkspace)
}

extension Linear: DenseLayer {
    func forward(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>, outputStride: Int?,
        team: WorkerTeam?, workspace: BertWorkspace
    ) {
        forward(input, rows: rows, into: output, outputStride: outputStride, team: team)
    }
}
