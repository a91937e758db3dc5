import CKernels

extension FlatIndex {
    /// A query as the int8 scan reads it: its values quantized, and the float one step stands for.
    public struct QuantizedQuery: Sendable {
        let values: [Int8]
        let scale: Float
    }

    /// `query` quantized once for every part of a split scan; nil when its dimension is not
    /// the index's (`approximateScores` then scores every row 0).
    public func quantized(_ query: [Float]) -> QuantizedQuery? {
        guard query.count == dimension else { return nil }
        let (values, scale) = Quantizer.quantized(query)
        return QuantizedQuery(values: values, scale: scale)
    }

    /// `approximateScores` of the rows in `rows` alone, written to `scores` (one per row of the
    /// range, in order): the very values one pass over every row gives, so that a scan can be
    /// split across threads.
    public func approximateScores(
        _ query: QuantizedQuery, rows: Range<Int>, into scores: UnsafeMutableBufferPointer<Float>
    ) {
        guard !rows.isEmpty, rows.upperBound <= count, scores.count >= rows.count,
            let quantizedRows = snapshot.quantized.baseAddress
        else { return }
        var dots = [Int32](repeating: 0, count: rows.count)
        semfind_int8_scores(quantizedRows + rows.lowerBound * dimension, query.values, rows.count, dimension, &dots)
        let scales = snapshot.scales
        for offset in 0..<rows.count {
            scores[offset] = Float(dots[offset]) * scales[rows.lowerBound + offset] * query.scale
        }
    }
}
