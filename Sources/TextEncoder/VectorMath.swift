/// Element-wise kernels of the forward pass (exp, erf, GELU, softmax, layer norm), written over
/// `SIMD8<Float>` so that they vectorize on any x86-64 or ARM64 target.
enum VectorMath {
    typealias Vector = SIMD8<Float>
    static let width = Vector.scalarCount

    /// e^x for each lane, relative error below 2e-7 over the whole float range.
    @inline(__always)
    static func exp(_ x: Vector) -> Vector {
        let clamped = x.clamped(lowerBound: Vector(repeating: -87.3), upperBound: Vector(repeating: 88.0))
        // n = round(x / ln 2) via the 1.5 * 2^23 trick: the sum's low mantissa bits hold n.
        let shifter = Vector(repeating: 12_582_912)
        let biased = clamped * Vector(repeating: 1.442_695_04) + shifter
        let n = biased - shifter
        let r = clamped - n * Vector(repeating: 0.693_145_751_953_125) - n * Vector(repeating: 1.428_606_765_330_187e-6)
        var p = Vector(repeating: 1.0 / 5040)
        p = p * r + Vector(repeating: 1.0 / 720)
        p = p * r + Vector(repeating: 1.0 / 120)
        p = p * r + Vector(repeating: 1.0 / 24)
        p = p * r + Vector(repeating: 1.0 / 6)
        p = p * r + Vector(repeating: 0.5)
        p = p * r + Vector(repeating: 1)
        p = p * r + Vector(repeating: 1)
        let bits = unsafeBitCast(biased, to: SIMD8<UInt32>.self) &- SIMD8<UInt32>(repeating: 0x4B40_0000)
        let scale = unsafeBitCast((bits &+ SIMD8<UInt32>(repeating: 127)) &<< SIMD8<UInt32>(repeating: 23), to: Vector.self)
        return p * scale
    }

    /// erf(x) for each lane, absolute error below 1.5e-7 (Abramowitz and Stegun 7.1.26).
    @inline(__always)
    static func erf(_ x: Vector) -> Vector {
        let magnitude = unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & SIMD8<UInt32>(repeating: 0x7FFF_FFFF), to: Vector.self)
        let one = Vector(repeating: 1)
        let t = one / (one + Vector(repeating: 0.327_591_1) * magnitude)
        var poly = Vector(repeating: 1.061_405_429)
        poly = poly * t + Vector(repeating: -1.453_152_027)
        poly = poly * t + Vector(repeating: 1.421_413_741)
        poly = poly * t + Vector(repeating: -0.284_496_736)
        poly = poly * t + Vector(repeating: 0.254_829_592)
        let y = one - poly * t * exp(-magnitude * magnitude)
        return y.replacing(with: -y, where: x .< 0)
    }

    /// Exact GELU, x · Φ(x) = x/2 · (1 + erf(x/√2)), in place.
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        let half = Vector(repeating: 0.5)
        let inverseSqrt2 = Vector(repeating: 0.707_106_781_186_547_5)
        while index + width <= count {
            let x = UnsafeRawPointer(values + index).loadUnaligned(as: Vector.self)
            let y = half * x * (Vector(repeating: 1) + erf(x * inverseSqrt2))
            UnsafeMutableRawPointer(values + index).storeBytes(of: y, as: Vector.self)
            index += width
        }
        if index < count {
            var tail = Vector(repeating: 0)
            for lane in 0..<(count - index) { tail[lane] = values[index + lane] }
            let y = half * tail * (Vector(repeating: 1) + erf(tail * inverseSqrt2))
            for lane in 0..<(count - index) { values[index + lane] = y[lane] }
        }
    }

    /// Softmax of one row of `count` scores, in place, after multiplying them by `scale`.
    static func softmax(_ row: UnsafeMutablePointer<Float>, count: Int, scale: Float) {
        var maximum = -Float.infinity
        for index in 0..<count { maximum = max(maximum, row[index]) }
        let shift = maximum * scale
        var sum: Float = 0
        var index = 0
        while index + width <= count {
            let x = UnsafeRawPointer(row + index).loadUnaligned(as: Vector.self)
            let e = exp(x * Vector(repeating: scale) - Vector(repeating: shift))
            UnsafeMutableRawPointer(row + index).storeBytes(of: e, as: Vector.self)
            sum += e.sum()
            index += width
        }
        if index < count {
            var tail = Vector(repeating: -Float.infinity)
            for lane in 0..<(count - index) { tail[lane] = row[index + lane] * scale - shift }
            let e = exp(tail)
            for lane in 0..<(count - index) {
                row[index + lane] = e[lane]
                sum += e[lane]
            }
        }
        let inverse = 1 / sum
        for index in 0..<count { row[index] *= inverse }
    }

    /// Layer normalization of each of `rows` rows of `width` values, in place.
    static func layerNorm(
        _ values: UnsafeMutablePointer<Float>, rows: Int, width: Int, gamma: UnsafePointer<Float>,
        beta: UnsafePointer<Float>, epsilon: Float
    ) {
        for rowIndex in 0..<rows {
            let row = values + rowIndex * width
            var sum: Float = 0
            for index in 0..<width { sum += row[index] }
            let mean = sum / Float(width)
            var squares: Float = 0
            for index in 0..<width {
                let centered = row[index] - mean
                squares += centered * centered
            }
            let inverseDeviation = 1 / (squares / Float(width) + epsilon).squareRoot()
            for index in 0..<width {
                row[index] = (row[index] - mean) * inverseDeviation * gamma[index] + beta[index]
            }
        }
    }
}
