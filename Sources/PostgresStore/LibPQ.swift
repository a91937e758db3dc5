import CPostgres
import SemfindCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libpq's functions, loaded when the first PostgreSQL index is opened rather than linked.
///
/// Debian's libpq brings some twenty libraries of its own (OpenSSL, Kerberos, LDAP, GnuTLS);
/// linked into the executable, the loader would map and relocate them at the start of every
/// command, about 15 ms on this machine where a query starts in 3 (`docs/PERFORMANCE.md`).
/// Loaded here, only a command that opens a PostgreSQL index pays for them.
///
/// `@unchecked Sendable`: it holds only C function pointers, set once at loading and never
/// changed, into a library that is never unloaded.
struct LibPQ: @unchecked Sendable {
    typealias Connect = @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    typealias Status = @convention(c) (OpaquePointer?) -> ConnStatusType
    typealias Message = @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    typealias Release = @convention(c) (OpaquePointer?) -> Void
    typealias Exec = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    typealias ExecParams =
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
            UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
        ) -> OpaquePointer?
    typealias ResultStatus = @convention(c) (OpaquePointer?) -> ExecStatusType
    typealias ErrorField = @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>?
    typealias Count = @convention(c) (OpaquePointer?) -> Int32
    typealias Value = @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    typealias IsNull = @convention(c) (OpaquePointer?, Int32, Int32) -> Int32
    typealias Length = @convention(c) (OpaquePointer?, Int32, Int32) -> Int32

    let connectdb: Connect
    let status: Status
    let errorMessage: Message
    let finish: Release
    let exec: Exec
    let execParams: ExecParams
    let resultStatus: ResultStatus
    let resultErrorField: ErrorField
    let ntuples: Count
    let nfields: Count
    let getvalue: Value
    let getisnull: IsNull
    let getlength: Length
    let clear: Release

    #if os(macOS)
        static let libraryName = "libpq.5.dylib"
    #else
        static let libraryName = "libpq.so.5"
    #endif

    /// The library, loaded on first use, or why it could not be.
    static let shared: Result<LibPQ, SemfindError> = {
        do throws(SemfindError) {
            return .success(try LibPQ())
        } catch {
            return .failure(error)
        }
    }()

    private init() throws(SemfindError) {
        guard let library = dlopen(Self.libraryName, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            throw SemfindError(
                .io,
                "PostgreSQL indexes need libpq (\(reason)); install it (apt-get install libpq5, brew install libpq)")
        }
        func load<Function>(_ name: String, as type: Function.Type) throws(SemfindError) -> Function {
            guard let symbol = dlsym(library, name) else {
                throw SemfindError(.io, "\(Self.libraryName) has no \(name); install libpq 10 or later")
            }
            return unsafeBitCast(symbol, to: type)
        }
        connectdb = try load("PQconnectdb", as: Connect.self)
        status = try load("PQstatus", as: Status.self)
        errorMessage = try load("PQerrorMessage", as: Message.self)
        finish = try load("PQfinish", as: Release.self)
        exec = try load("PQexec", as: Exec.self)
        execParams = try load("PQexecParams", as: ExecParams.self)
        resultStatus = try load("PQresultStatus", as: ResultStatus.self)
        resultErrorField = try load("PQresultErrorField", as: ErrorField.self)
        ntuples = try load("PQntuples", as: Count.self)
        nfields = try load("PQnfields", as: Count.self)
        getvalue = try load("PQgetvalue", as: Value.self)
        getisnull = try load("PQgetisnull", as: IsNull.self)
        getlength = try load("PQgetlength", as: Length.self)
        clear = try load("PQclear", as: Release.self)
    }
}
