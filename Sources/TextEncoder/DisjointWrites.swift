/// A raw pointer handed to concurrent workers that each write a region of their own.
///
/// `@unchecked Sendable`: callers split the memory so that no two workers touch the same
/// element, and the memory outlives the `concurrentPerform` that shares it; read-only
/// pointers (weights, inputs) are never written while shared.
struct DisjointWrites<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>

    init(_ pointer: UnsafeMutablePointer<Element>) {
        self.pointer = pointer
    }

    init(_ pointer: UnsafePointer<Element>) {
        self.pointer = UnsafeMutablePointer(mutating: pointer)
    }
}
