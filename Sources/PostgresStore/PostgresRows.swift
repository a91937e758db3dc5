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

    /// The rows' values in one column, as text.
    func texts(_ column: Int) -> [String] {
        (0..<count).map { text($0, column) }
    }
}
