/// Rows of `dimension` floats read a block at a time, whatever form holds them: what training
/// and exact search walk over, so that a snapshot stored as int8 or float16 is decoded one block
/// at a time instead of all at once.
public protocol FloatRows {
    var rowCount: Int { get }
    var dimension: Int { get }
    /// Calls `body` with rows `first..<first + n` as `n × dimension` floats, block after block,
    /// each block at most `rows` rows.
    func forEachBlock(rows: Int, _ body: (_ first: Int, _ values: UnsafeBufferPointer<Float>) -> Void)
    /// Writes the floats of one row to `target`.
    func decode(row: Int, into target: UnsafeMutablePointer<Float>)
}

/// Float rows held in one buffer (benchmarks, tests, samples).
public struct FloatMatrix: FloatRows {
    public let values: UnsafeBufferPointer<Float>
    public let dimension: Int

    public init(_ values: UnsafeBufferPointer<Float>, dimension: Int) {
        self.values = values
        self.dimension = dimension
    }

    public var rowCount: Int { dimension > 0 ? values.count / dimension : 0 }

    public func forEachBlock(rows: Int, _ body: (Int, UnsafeBufferPointer<Float>) -> Void) {
        var first = 0
        while first < rowCount, let base = values.baseAddress {
            let height = min(rows, rowCount - first)
            body(first, UnsafeBufferPointer(start: base + first * dimension, count: height * dimension))
            first += height
        }
    }

    public func decode(row: Int, into target: UnsafeMutablePointer<Float>) {
        guard let base = values.baseAddress else { return }
        target.update(from: base + row * dimension, count: dimension)
    }
}

extension VectorSnapshot: FloatRows {
    public var rowCount: Int { count }

    /// Float32 rows are handed over in place; other forms are decoded into one block's buffer.
    /// The rows of a mapped snapshot are given back after each block (`releasePages`).
    public func forEachBlock(rows: Int, _ body: (Int, UnsafeBufferPointer<Float>) -> Void) {
        if precision == .f32, let base = rescoring.baseAddress?.assumingMemoryBound(to: Float.self) {
            FloatMatrix(UnsafeBufferPointer(start: base, count: count * dimension), dimension: dimension)
                .forEachBlock(rows: rows) { first, values in
                    body(first, values)
                    releasePages(ofRows: first..<(first + values.count / dimension))
                }
            return
        }
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: min(rows, count) * dimension)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else { return }
        var first = 0
        while first < count {
            let height = min(rows, count - first)
            for row in 0..<height { decode(row: first + row, into: base + row * dimension) }
            releasePages(ofRows: first..<(first + height))
            body(first, UnsafeBufferPointer(start: base, count: height * dimension))
            first += height
        }
    }
}
