import Foundation
import TestSupport

/// A deliberately naive BERT forward pass in Double, written straight from the equations, to
/// check the optimized encoder against: no BLAS, no batching, no approximations.
struct ReferenceBert {
    let tensors: [String: (shape: [Int], values: [Float])]
    let hidden = TinyBertModel.hidden
    let heads = TinyBertModel.heads

    func weight(_ name: String) -> [Double] {
        (tensors[name]?.values ?? []).map(Double.init)
    }

    /// The normalized, mean-pooled sentence vector of one id sequence.
    func embed(_ ids: [Int32]) -> [Float] {
        let words = weight("embeddings.word_embeddings.weight")
        let positions = weight("embeddings.position_embeddings.weight")
        let types = weight("embeddings.token_type_embeddings.weight")
        var x: [[Double]] = ids.enumerated().map { position, id in
            (0..<hidden).map { words[Int(id) * hidden + $0] + positions[position * hidden + $0] + types[$0] }
        }
        x = x.map { layerNorm($0, "embeddings.LayerNorm") }
        for layer in 0..<TinyBertModel.layers {
            let p = "encoder.layer.\(layer)"
            let q = x.map { linear($0, "\(p).attention.self.query") }
            let k = x.map { linear($0, "\(p).attention.self.key") }
            let v = x.map { linear($0, "\(p).attention.self.value") }
            let width = hidden / heads
            var context = [[Double]](repeating: [Double](repeating: 0, count: hidden), count: x.count)
            for head in 0..<heads {
                let columns = (head * width)..<((head + 1) * width)
                for i in 0..<x.count {
                    let scores = (0..<x.count).map { j in
                        columns.reduce(0.0) { $0 + q[i][$1] * k[j][$1] } / Double(width).squareRoot()
                    }
                    let top = scores.max() ?? 0
                    let exps = scores.map { Foundation.exp($0 - top) }
                    let total = exps.reduce(0, +)
                    for column in columns {
                        context[i][column] = (0..<x.count).reduce(0.0) { $0 + exps[$1] / total * v[$1][column] }
                    }
                }
            }
            let attended = context.map { linear($0, "\(p).attention.output.dense") }
            x = zip(x, attended).map { layerNorm(zip($0, $1).map(+), "\(p).attention.output.LayerNorm") }
            let expanded = x.map {
                linear($0, "\(p).intermediate.dense").map { $0 * 0.5 * (1 + Foundation.erf($0 / 2.0.squareRoot())) }
            }
            let projected = expanded.map { linear($0, "\(p).output.dense") }
            x = zip(x, projected).map { layerNorm(zip($0, $1).map(+), "\(p).output.LayerNorm") }
        }
        let mean = (0..<hidden).map { column in x.reduce(0.0) { $0 + $1[column] } / Double(x.count) }
        let norm = mean.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        return mean.map { Float($0 / norm) }
    }

    private func linear(_ input: [Double], _ prefix: String) -> [Double] {
        let w = weight("\(prefix).weight")
        let b = weight("\(prefix).bias")
        return b.indices.map { row in b[row] + input.indices.reduce(0.0) { $0 + w[row * input.count + $1] * input[$1] }
        }
    }

    private func layerNorm(_ input: [Double], _ prefix: String) -> [Double] {
        let gamma = weight("\(prefix).weight")
        let beta = weight("\(prefix).bias")
        let mean = input.reduce(0, +) / Double(input.count)
        let variance = input.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(input.count)
        return input.indices.map { (input[$0] - mean) / (variance + 1e-12).squareRoot() * gamma[$0] + beta[$0] }
    }
}
