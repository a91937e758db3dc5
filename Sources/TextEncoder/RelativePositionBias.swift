import Foundation

/// MPNet's relative position bias: a learned table (`encoder.relative_attention_bias`, one row
/// per bucket, one column per head) shared by every layer. The score of query i against key j
/// gains the table's entry for the bucket of j − i, from positions in the sequence (0, 1, …).
///
/// The bias depends on the distance alone, so it is expanded once at load: for each head, one
/// value per distance from −(span − 1) to span − 1, the layout `semfind_attention_small` and
/// `semfind_add_relative_bias` read.
struct RelativePositionBias: Sendable {
    /// Buckets the distances fall in, and the distance from which all share the outermost bucket;
    /// the reference computes with these whatever the table's size.
    static let buckets = 32
    static let maxDistance = 128

    /// `heads` runs of `headStride` values; run h, entry span − 1 + d, is the bias at distance d.
    let values: [Float]
    let span: Int
    var headStride: Int { 2 * span - 1 }

    /// Reads the table and expands it for sequences of up to `span` tokens.
    static func load(_ file: SafetensorsFile, _ name: String, heads: Int, span: Int) throws -> RelativePositionBias {
        let table = try file.tensor(name, shape: [buckets, heads])
        var values = [Float](repeating: 0, count: heads * (2 * span - 1))
        for head in 0..<heads {
            for distance in -(span - 1)...(span - 1) {
                values[head * (2 * span - 1) + span - 1 + distance] = table.pointer[bucket(distance) * heads + head]
            }
        }
        return RelativePositionBias(values: values, span: span)
    }

    /// The bucket of key-minus-query distance `distance`, bidirectional as in the reference
    /// (T5's scheme): keys after the query in the upper half; within each half, the first
    /// eighth of buckets one per distance, the rest logarithmic up to `maxDistance`. The
    /// logarithm is taken in float32, as the reference does, so that boundary distances (16,
    /// 32, 64) land in the same bucket.
    static func bucket(_ distance: Int) -> Int {
        let half = buckets / 2
        let exact = half / 2
        let offset = distance > 0 ? half : 0
        let magnitude = abs(distance)
        guard magnitude >= exact else { return offset + magnitude }
        let ratio = Float(magnitude) / Float(exact)
        let scaled = log(ratio) / Float(log(Double(maxDistance) / Double(exact))) * Float(half - exact)
        return offset + min(exact + Int(scaled), half - 1)
    }
}
