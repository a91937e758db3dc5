import ArgumentParser
import VectorIndex

/// `--precision f32|f16|int8`, read and listed in help by its raw values.
extension VectorPrecision: ExpressibleByArgument {}
