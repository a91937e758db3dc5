#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ChildProcess {
    /// The path of `program`: itself when it names a path, else the first executable file of
    /// that name in a folder of `PATH` (a child is started by path; PATH is not searched).
    public static func executablePath(named program: String) -> String? {
        if program.contains("/") { return program }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/" + program }.first { access($0, X_OK) == 0 }
    }
}
