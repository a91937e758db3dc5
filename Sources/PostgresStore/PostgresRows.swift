import CPostgres

/// The rows a statement returned, in PostgreSQL's text format, read by row and column.
final class PostgresRows {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) {
        self.result = result
    }

    deinit {
        PQclear(result)
    }

    var count: Int { Int(PQntuples(result)) }

    func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(result, Int32(row), Int32(column)) == 1
    }

    func text(_ row: Int, _ column: Int) -> String {
        String(cString: PQgetvalue(result, Int32(row), Int32(column)))
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
