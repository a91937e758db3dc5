import IndexStorage

extension IndexStore {
    /// The arithmetic of the encoder that embedded this index's vectors ("fp32", "int8"), as
    /// recorded beside the model fingerprint; "fp32" for an index from before it was recorded
    /// that holds vectors, nil for one that holds none yet.
    public func encoderPrecision() throws -> String? {
        try encoderPrecision(try meta())
    }

    /// `encoderPrecision()` with what `meta` records.
    func encoderPrecision(_ meta: IndexMeta) throws -> String? {
        if let recorded = meta.encoderPrecision { return recorded }
        return try database.integer("SELECT EXISTS (SELECT 1 FROM chunks)") == 1 ? "fp32" : nil
    }

    /// Records the encoder precision of an index's first vectors, or checks that an existing
    /// index's vectors came from the same one: like two models, two precisions never mix.
    public func bindEncoderPrecision(_ precision: String) throws {
        let meta = try meta()
        guard let stored = try encoderPrecision(meta) else {
            try setMeta(.encoderPrecision, precision)
            return
        }
        try EncoderRecord.checkPrecision(stored: stored, given: precision, index: path)
        if meta.encoderPrecision == nil { try setMeta(.encoderPrecision, stored) }
    }
}
