import CBLAS
import CKernels
import SemfindCore

extension VectorSnapshot {
    /// Writes the rows of a snapshot being built: each row's ids, its int8 row and scale, and its
    /// rescoring row in the snapshot's precision.
    public struct RowWriter {
        let dimension: Int
        let precision: VectorPrecision
        let chunkIDs: UnsafeMutablePointer<Int64>
        let fileIDs: UnsafeMutablePointer<Int64>
        let scales: UnsafeMutablePointer<Float>
        let quantized: UnsafeMutablePointer<Int8>
        let rescoring: UnsafeMutableRawPointer

        init(base: UnsafeMutableRawPointer, layout: Layout, dimension: Int, precision: VectorPrecision) {
            self.dimension = dimension
            self.precision = precision
            let rows = (layout.scales - layout.fileIDs) / 8
            chunkIDs = (base + layout.chunkIDs).bindMemory(to: Int64.self, capacity: rows)
            fileIDs = (base + layout.fileIDs).bindMemory(to: Int64.self, capacity: rows)
            scales = (base + layout.scales).bindMemory(to: Float.self, capacity: rows)
            quantized = (base + layout.quantized).bindMemory(to: Int8.self, capacity: rows * dimension)
            rescoring = base + layout.rescoring
        }

        /// Row `row` from its float values (`dimension` of them at `vector`).
        public func set(_ row: Int, chunkID: Int64, fileID: Int64, vector: UnsafePointer<Float>) {
            chunkIDs[row] = chunkID
            fileIDs[row] = fileID
            let values = UnsafeBufferPointer(start: vector, count: dimension)
            scales[row] = Quantizer.quantize(values, into: quantized + row * dimension)
            switch precision {
            case .f32:
                (rescoring + 4 * row * dimension).copyMemory(from: vector, byteCount: 4 * dimension)
            case .f16:
                let target = (rescoring + 2 * row * dimension).assumingMemoryBound(to: UInt16.self)
                for index in 0..<dimension { target[index] = Float16(values[index]).bitPattern }
            case .int8:
                break
            }
        }

        /// Row `row` from a vector as the database stores it (`VectorCodec`); false when the blob
        /// has no stored form's length. An int8 blob of an int8 snapshot is copied as it is.
        public func set(_ row: Int, chunkID: Int64, fileID: Int64, stored blob: UnsafeRawBufferPointer) -> Bool {
            guard let form = VectorPrecision.of(byteCount: blob.count, dimension: dimension) else { return false }
            if form == .int8 && precision == .int8, let values = blob.baseAddress {
                chunkIDs[row] = chunkID
                fileIDs[row] = fileID
                scales[row] = blob.loadUnaligned(as: Float.self)
                UnsafeMutableRawPointer(quantized + row * dimension).copyMemory(from: values + 4, byteCount: dimension)
                return true
            }
            withUnsafeTemporaryAllocation(of: Float.self, capacity: dimension) { values in
                guard let base = values.baseAddress else { return }
                VectorCodec.decode(blob, as: form, dimension: dimension, into: base)
                set(row, chunkID: chunkID, fileID: fileID, vector: base)
            }
            return true
        }

        /// Row `row` as a copy of `sourceRow` of `source`, which has this writer's dimension and
        /// precision.
        func copy(_ row: Int, from source: VectorSnapshot, row sourceRow: Int) {
            chunkIDs[row] = source.chunkIDs[sourceRow]
            fileIDs[row] = source.fileIDs[sourceRow]
            scales[row] = source.scales[sourceRow]
            if let from = source.quantized.baseAddress {
                (quantized + row * dimension).update(from: from + sourceRow * dimension, count: dimension)
            }
            let width = precision.rescoringBytesPerValue * dimension
            if width > 0, let from = source.rescoring.baseAddress {
                (rescoring + row * width).copyMemory(from: from + sourceRow * width, byteCount: width)
            }
        }
    }

    /// For a reader of scattered rows that gives them back as it goes (`releasePages`): only the
    /// pages touched are mapped. Nothing for a snapshot built in memory.
    public func expectRandomReads() {
        (storage as? MappedFile)?.expectRandomAccess()
    }

    /// Gives back the memory of rows `rows` (their int8 and rescoring rows) when the snapshot
    /// is a mapped file; nothing for one built in memory. Walking every row of a large mapped
    /// snapshot (training, measuring recall) would otherwise count the whole file as resident.
    public func releasePages(ofRows rows: Range<Int>) {
        guard let file = storage as? MappedFile, let fileBase = file.bytes.baseAddress, !rows.isEmpty else { return }
        let rowParts: [(UnsafeRawPointer?, Int)] = [
            (quantized.baseAddress.map(UnsafeRawPointer.init), dimension),
            (rescoring.baseAddress, precision.rescoringBytesPerValue * dimension),
        ]
        for (base, width) in rowParts where width > 0 {
            guard let base else { continue }
            let start = base - fileBase + rows.lowerBound * width
            file.release(start..<(start + rows.count * width))
        }
    }

    /// The similarity of `query` (`dimension` floats, a unit vector) with a row as the index
    /// stores it: the exact cosine for float32, the float16 or int8 row's value times the query
    /// for the others (the int8 row dequantized by its scale).
    public func similarity(_ query: UnsafePointer<Float>, row: Int) -> Float {
        guard row >= 0, row < count else { return 0 }
        switch precision {
        case .f32:
            guard let rows = rescoring.baseAddress?.assumingMemoryBound(to: Float.self) else { return 0 }
            return cblas_sdot(Int32(dimension), rows + row * dimension, 1, query, 1)
        case .f16:
            return withUnsafeTemporaryAllocation(of: Float.self, capacity: dimension) { values in
                guard let base = values.baseAddress else { return 0 }
                decode(row: row, into: base)
                return cblas_sdot(Int32(dimension), base, 1, query, 1)
            }
        case .int8:
            guard let rows = quantized.baseAddress else { return 0 }
            return semfind_dot_f32_i8(query, rows + row * dimension, dimension) * scales[row]
        }
    }

    /// Writes the float values of a row, as the index stores it, to `target`.
    public func decode(row: Int, into target: UnsafeMutablePointer<Float>) {
        switch precision {
        case .f32:
            guard let rows = rescoring.baseAddress?.assumingMemoryBound(to: Float.self) else { return }
            target.update(from: rows + row * dimension, count: dimension)
        case .f16:
            guard let rows = rescoring.baseAddress?.assumingMemoryBound(to: UInt16.self) else { return }
            for index in 0..<dimension { target[index] = Float(Float16(bitPattern: rows[row * dimension + index])) }
        case .int8:
            let scale = scales[row]
            for index in 0..<dimension { target[index] = Float(quantized[row * dimension + index]) * scale }
        }
    }

    /// The float values of a row, as the index stores it.
    public func vector(ofRow row: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: dimension) { values, initialized in
            if let base = values.baseAddress, row >= 0, row < count {
                decode(row: row, into: base)
                initialized = dimension
            } else {
                initialized = 0
            }
        }
    }
}

extension VectorPrecision {
    /// The precision's number in a snapshot's header.
    var headerCode: UInt64 {
        switch self {
        case .f32: 0
        case .f16: 1
        case .int8: 2
        }
    }

    init?(headerCode: UInt64) {
        guard let precision = Self.allCases.first(where: { $0.headerCode == headerCode }) else { return nil }
        self = precision
    }
}
