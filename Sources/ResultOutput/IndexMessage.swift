/// One JSON Lines message of `index --json` and `watch --json`: `{"type": …, "data": …}`.
public struct IndexMessage<Payload: Encodable>: Encodable {
    public let type: String
    public let data: Payload

    public init(_ type: String, _ data: Payload) {
        self.type = type
        self.data = data
    }
}

/// An index run's summary with more fields in the same object: a progress message's phase, the
/// final summary's index, a watch batch's kind.
public struct SummaryWith<Extra: Encodable>: Encodable {
    public let summary: IndexSummaryReport
    public let extra: Extra

    public init(_ summary: IndexSummaryReport, _ extra: Extra) {
        self.summary = summary
        self.extra = extra
    }

    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        try extra.encode(to: encoder)
    }
}
