import Foundation
import TestSupport
import TextEncoder

/// A deliberately naive BERT or MPNet forward pass in Double, written straight from the
/// equations, to check the optimized encoder against: no BLAS, no batching, no approximations.
/// MPNet's differences: positions count from the padding id (1) + 1 over the ids that are not
/// padding, no token types, and a relative position bias added to every attention score.
struct ReferenceBert {
    let tensors: [String: (shape: [Int], values: [Float])]
    let family: BertConfig.Family
    let epsilon: Double
    let pooling: PoolingConfig
    let hidden = TinyBertModel.hidden
    let heads = TinyBertModel.heads

    init(_ model: TinyBertModel, pooling: PoolingConfig = PoolingConfig()) {
        tensors = model.tensors
        family = model.family
        epsilon = model.layerNormEpsilon
        self.pooling = pooling
    }

    func weight(_ name: String) -> [Double] {
        (tensors[name]?.values ?? []).map(Double.init)
    }

    /// The sentence vector of one id sequence, pooled and normalized as `pooling` says.
    func embed(_ ids: [Int32]) -> [Float] {
        let words = weight("embeddings.word_embeddings.weight")
        let positions = weight("embeddings.position_embeddings.weight")
        let types = family == .bert ? weight("embeddings.token_type_embeddings.weight") : []
        let positionIDs = family == .bert ? Array(ids.indices) : mpnetPositions(ids)
        var x: [[Double]] = zip(ids, positionIDs).map { id, position in
            (0..<hidden).map {
                words[Int(id) * hidden + $0] + positions[position * hidden + $0] + (types.isEmpty ? 0 : types[$0])
            }
        }
        x = x.map { layerNorm($0, "embeddings.LayerNorm") }
        let names = TinyBertModel.attentionNames(family)
        for layer in 0..<TinyBertModel.layers {
            let p = "encoder.layer.\(layer)"
            let q = x.map { linear($0, "\(p).\(names[0])") }
            let k = x.map { linear($0, "\(p).\(names[1])") }
            let v = x.map { linear($0, "\(p).\(names[2])") }
            let width = hidden / heads
            var context = [[Double]](repeating: [Double](repeating: 0, count: hidden), count: x.count)
            for head in 0..<heads {
                let columns = (head * width)..<((head + 1) * width)
                for i in 0..<x.count {
                    let scores = (0..<x.count).map { j in
                        columns.reduce(0.0) { $0 + q[i][$1] * k[j][$1] } / Double(width).squareRoot()
                            + relativeBias(query: i, key: j, head: head)
                    }
                    let top = scores.max() ?? 0
                    let exps = scores.map { Foundation.exp($0 - top) }
                    let total = exps.reduce(0, +)
                    for column in columns {
                        context[i][column] = (0..<x.count).reduce(0.0) { $0 + exps[$1] / total * v[$1][column] }
                    }
                }
            }
            let attended = context.map { linear($0, "\(p).\(names[3])") }
            x = zip(x, attended).map { layerNorm(zip($0, $1).map(+), "\(p).\(names[4])") }
            let expanded = x.map {
                linear($0, "\(p).intermediate.dense").map { $0 * 0.5 * (1 + Foundation.erf($0 / 2.0.squareRoot())) }
            }
            let projected = expanded.map { linear($0, "\(p).output.dense") }
            x = zip(x, projected).map { layerNorm(zip($0, $1).map(+), "\(p).output.LayerNorm") }
        }
        let pooled = pool(x)
        let norm = pooling.normalize ? pooled.reduce(0.0) { $0 + $1 * $1 }.squareRoot() : 1
        return pooled.map { Float($0 / norm) }
    }

    /// sentence-transformers' pooling modes, from their definitions.
    private func pool(_ x: [[Double]]) -> [Double] {
        let sums = (0..<hidden).map { column in x.reduce(0.0) { $0 + $1[column] } }
        switch pooling.mode {
        case .mean: return sums.map { $0 / Double(x.count) }
        case .meanSqrtLen: return sums.map { $0 / Double(x.count).squareRoot() }
        case .cls: return x[0]
        case .max: return (0..<hidden).map { column in x.map { $0[column] }.max() ?? 0 }
        }
    }

    /// RoBERTa's position ids: padding sits at the padding id, every other id one past the
    /// padding id plus the count of non-padding ids up to and including it.
    private func mpnetPositions(_ ids: [Int32]) -> [Int] {
        var counted = 0
        return ids.map { id in
            guard id != 1 else { return 1 }
            counted += 1
            return 1 + counted
        }
    }

    /// MPNet's bias for query position i and key position j: T5's bidirectional bucket of
    /// i − j (32 buckets, exact below 8, logarithmic up to distance 128), looked up per head.
    private func relativeBias(query i: Int, key j: Int, head: Int) -> Double {
        guard family == .mpnet else { return 0 }
        let n = i - j
        var bucket = n < 0 ? 16 : 0
        let distance = abs(n)
        if distance < 8 {
            bucket += distance
        } else {
            bucket += min(15, 8 + Int(Foundation.log(Double(distance) / 8) / Foundation.log(16.0) * 8))
        }
        return weight("encoder.relative_attention_bias.weight")[bucket * heads + head]
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
        return input.indices.map { (input[$0] - mean) / (variance + epsilon).squareRoot() * gamma[$0] + beta[$0] }
    }
}
