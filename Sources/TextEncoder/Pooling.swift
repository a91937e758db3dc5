/// Pools per-token hidden states into sentence vectors and, when the model says so, L2-normalizes them.
extension PoolingConfig {
    /// Writes one `width`-wide vector per sequence of `batch` into `output`.
    func pool(
        _ hidden: UnsafePointer<Float>, batch: PackedBatch, width: Int,
        into output: (Int) -> UnsafeMutablePointer<Float>
    ) {
        for sequence in 0..<batch.count {
            let range = batch.range(of: sequence)
            let vector = output(sequence)
            switch mode {
            case .cls:
                vector.update(from: hidden + range.lowerBound * width, count: width)
            case .mean, .meanSqrtLen:
                vector.update(repeating: 0, count: width)
                for token in range {
                    let row = hidden + token * width
                    for index in 0..<width { vector[index] += row[index] }
                }
                let count = Float(max(range.count, 1))
                let inverse = 1 / (mode == .mean ? count : count.squareRoot())
                for index in 0..<width { vector[index] *= inverse }
            case .max:
                vector.update(from: hidden + range.lowerBound * width, count: width)
                for token in range.dropFirst() {
                    let row = hidden + token * width
                    for index in 0..<width { vector[index] = max(vector[index], row[index]) }
                }
            }
            if normalize {
                var squares: Float = 0
                for index in 0..<width { squares += vector[index] * vector[index] }
                let inverse = 1 / max(squares.squareRoot(), 1e-12)
                for index in 0..<width { vector[index] *= inverse }
            }
        }
    }
}
