/// The rows a statement returned, in PostgreSQL's text format, read by row and column.
final class PostgresRows {
    private let result: OpaquePointer
    private let libpq: LibPQ

    init(_ result: OpaquePointer, _ libpq: LibPQ) {
        self.result = result
        self.libpq = libpq
    }

    deinit {
        libpq.clear(result)
    }

    var count: Int { Int(libpq.ntuples(result)) }

    var columns: Int { Int(libpq.nfields(result)) }

    func isNull(_ row: Int, _ column: Int) -> Bool {
        libpq.getisnull(result, Int32(row), Int32(column)) == 1
    }

    func text(_ row: Int, _ column: Int) -> String {
        libpq.getvalue(result, Int32(row), Int32(column)).map { String(cString: $0) } ?? ""
    }

    func int64(_ row: Int, _ column: Int) -> Int64 {
        Int64(text(row, column)) ?? 0
    }

    func int(_ row: Int, _ column: Int) -> Int {
        Int(int64(row, column))
    }

    func double(_ row: Int, _ column: Int) -> Double {
        Double(text(row, column)) ?? 0
    }

    /// A `vector` value ("[0.5,1,-2]") as floats.
    func vector(_ row: Int, _ column: Int) -> [Float] {
        text(row, column).dropFirst().dropLast().split(separator: ",").compactMap { Float($0) }
    }

    /// A `bigint` in binary form (big-endian).
    func binaryInt64(_ row: Int, _ column: Int) -> Int64 {
        var value: Int64 = 0
        withBytes(row, column) { bytes in
            for byte in bytes.prefix(8) { value = value << 8 | Int64(byte) }
        }
        return value
    }

    /// A `vector` in pgvector's binary form: its dimension (16 bits), 16 unused bits, then each
    /// float32, all big-endian.
    func binaryVector(_ row: Int, _ column: Int) -> [Float] {
        var vector: [Float] = []
        withBytes(row, column) { bytes in
            guard bytes.count >= 4 else { return }
            let dimension = Int(bytes[0]) << 8 | Int(bytes[1])
            guard bytes.count >= 4 + 4 * dimension else { return }
            vector = (0..<dimension).map { index in
                let offset = 4 + 4 * index
                let bits = (offset..<offset + 4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[$1]) }
                return Float(bitPattern: bits)
            }
        }
        return vector
    }

    private func withBytes(_ row: Int, _ column: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        guard let value = libpq.getvalue(result, Int32(row), Int32(column)) else { return }
        body(UnsafeRawBufferPointer(start: value, count: Int(libpq.getlength(result, Int32(row), Int32(column)))))
    }

    /// The rows' values in one column, as text.
    func texts(_ column: Int) -> [String] {
        (0..<count).map { text($0, column) }
    }
}
