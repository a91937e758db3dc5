extension PostgresConnection {
    /// The most parameters one statement binds (PostgreSQL's protocol allows 65,535).
    static let parameterLimit = 60_000

    /// Inserts `rows` into `table` (its name and column list, `"t(a, b)"`) with as few
    /// multi-row statements as the parameter limit allows; with `returning` (integer columns),
    /// those columns of each inserted row, in no promised order (name a column that tells the
    /// rows apart).
    @discardableResult
    func insert(into table: String, rows: [[String?]], returning: String? = nil) throws -> [[Int64]] {
        guard let width = rows.first?.count, width > 0 else { return [] }
        var returned: [[Int64]] = []
        returned.reserveCapacity(rows.count)
        let batch = max(1, Self.parameterLimit / width)
        for start in stride(from: 0, to: rows.count, by: batch) {
            let part = rows[start..<min(start + batch, rows.count)]
            let values = (0..<part.count).map { row in
                "(" + (1...width).map { "$\(row * width + $0)" }.joined(separator: ", ") + ")"
            }
            let sql =
                "INSERT INTO \(table) VALUES \(values.joined(separator: ", "))"
                + (returning.map { " RETURNING \($0)" } ?? "")
            let result = try execute(sql, part.flatMap { $0 })
            returned += (0..<result.count).map { row in (0..<result.columns).map { result.int64(row, $0) } }
        }
        return returned
    }
}
