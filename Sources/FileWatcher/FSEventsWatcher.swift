#if canImport(CoreServices)
    import CoreServices
    import Dispatch
    import FileWalk
    import SemfindCore
    import Synchronization

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// macOS's change source: one FSEvents stream over the roots (for a root that is a file, its
    /// folder) with an event per file; each path an event names is looked at again, and lost
    /// events (`MustScanSubDirs`, events dropped, a root moved or deleted) ask for a rescan.
    /// Events are debounced into batches.
    public final class FSEventsWatcher: ChangeSource {
        let roots: [String]
        let stop: StopRequest
        private let inbox: FSEventsInbox
        private let queue: DispatchQueue
        private let stream: FSEventStreamRef
        private var debouncer: Debouncer
        private var pending = ChangeBatch()
        private let underRoots: WalkFocus
        /// Each watched folder as FSEvents spells it (links resolved: `/private/var` for `/var`)
        /// and as it was given, to turn event paths back into the given spelling.
        private let spellings: [(resolved: String, given: String)]

        /// Event flags that mean events were lost, or a root itself moved: walk everything again.
        static let lostEvents = FSEventStreamEventFlags(
            kFSEventStreamEventFlagMustScanSubDirs | kFSEventStreamEventFlagUserDropped
                | kFSEventStreamEventFlagKernelDropped | kFSEventStreamEventFlagRootChanged)

        /// An event per file (not per folder); the first event after a quiet spell delivered at once
        /// (later ones gathered for the 0.05 s latency); an event when a root itself moves; none for
        /// this process's own writes (its index may lie under a root: each batch would cause the next).
        static let streamFlags = FSEventStreamCreateFlags(
            kFSEventStreamCreateFlagFileEvents | kFSEventStreamCreateFlagNoDefer | kFSEventStreamCreateFlagWatchRoot
                | kFSEventStreamCreateFlagIgnoreSelf)

        /// Starts the stream over `roots` (absolute paths).
        public init(roots: [String], stop: StopRequest, debouncer: Debouncer = Debouncer()) throws {
            self.roots = roots
            self.stop = stop
            self.debouncer = debouncer
            underRoots = WalkFocus(paths: roots)
            var folders: [String] = []
            for root in roots {
                let folder = FSEventsWatcher.isFolder(root) ? root : EventWait.folder(of: root)
                if !folders.contains(folder) { folders.append(folder) }
            }
            let spellings = folders.map { (resolved: FSEventsWatcher.resolved($0), given: $0) }
            let inbox = try FSEventsInbox()
            let queue = DispatchQueue(label: "semfind.fsevents")
            self.spellings = spellings
            self.inbox = inbox
            self.queue = queue
            var watched: [String] = []
            for folder in spellings where !watched.contains(folder.resolved) { watched.append(folder.resolved) }
            // Last, so that nothing throws once the stream exists and `deinit` would release it.
            stream = try FSEventsWatcher.startStream(over: watched, inbox: inbox, queue: queue)
        }

        deinit {
            FSEventStreamStop(stream)
            FSEventStreamInvalidate(stream)
            FSEventStreamRelease(stream)
            // A callback already running on the queue finishes before the inbox can go.
            queue.sync {}
        }

        public func next(wakingBy deadline: UInt64?) throws -> ChangeBatch? {
            try EventWait.next(
                descriptor: inbox.readDescriptor, stop: stop, deadline: deadline, settledAt: { debouncer.deadline },
                takeBatch: takeBatch, readEvents: collect)
        }

        /// Hands out what is pending.
        private func takeBatch() -> ChangeBatch {
            let batch = pending
            pending = ChangeBatch()
            debouncer.reset()
            return batch
        }

        /// Moves what the callback delivered into the pending batch: paths under the roots, in
        /// the roots' spelling.
        private func collect() {
            let events = inbox.take()
            let before = pending
            pending.rescan = pending.rescan || events.rescan
            for path in events.paths {
                for given in givenSpellings(of: path) where underRoots.covers(given) {
                    pending.paths.insert(given)
                    // A changed ignore file changes what its whole folder holds.
                    let folder = EventWait.folder(of: given)
                    if let name = given.split(separator: "/").last, Walker.ignoreFileNames.contains(String(name)),
                        underRoots.covers(folder)
                    {
                        pending.paths.insert(folder)
                    }
                }
            }
            if pending != before { debouncer.note(at: EventWait.now()) }
        }

        /// `path`, as FSEvents spells it, under each watched folder it lies in, spelled as given.
        private func givenSpellings(of path: String) -> [String] {
            var path = path
            while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
            return spellings.compactMap { folder in
                if path == folder.resolved { return folder.given }
                let prefix = folder.resolved == "/" ? "/" : folder.resolved + "/"
                guard path.hasPrefix(prefix) else { return nil }
                return (folder.given == "/" ? "/" : folder.given + "/") + path.dropFirst(prefix.count)
            }
        }

        /// Creates and starts a stream over `paths` that hands its events to `inbox` on `queue`.
        private static func startStream(
            over paths: [String], inbox: FSEventsInbox, queue: DispatchQueue
        ) throws -> FSEventStreamRef {
            // The stream does not retain the inbox: the watcher outlives the stream.
            var context = FSEventStreamContext(
                version: 0, info: Unmanaged.passUnretained(inbox).toOpaque(), retain: nil, release: nil,
                copyDescription: nil)
            let array = try cfArray(of: paths)
            let created = FSEventStreamCreate(
                nil,
                { _, info, count, paths, flags, _ in
                    guard let info else { return }
                    // Without kFSEventStreamCreateFlagUseCFTypes the paths are a C `char **`.
                    let names = paths.assumingMemoryBound(to: UnsafePointer<CChar>.self)
                    var events = FSEventsInbox.Events()
                    for index in 0..<count {
                        events.paths.append(String(cString: names[index]))
                        if flags[index] & FSEventsWatcher.lostEvents != 0 { events.rescan = true }
                    }
                    Unmanaged<FSEventsInbox>.fromOpaque(info).takeUnretainedValue().add(events)
                },
                &context, array, FSEventStreamEventId(kFSEventStreamEventIdSinceNow), 0.05, streamFlags)
            guard let stream = created else {
                throw SemfindError(.io, "watch: FSEventStreamCreate failed (use --poll)")
            }
            FSEventStreamSetDispatchQueue(stream, queue)
            guard FSEventStreamStart(stream) else {
                FSEventStreamInvalidate(stream)
                FSEventStreamRelease(stream)
                throw SemfindError(.io, "watch: FSEventStreamStart failed (use --poll)")
            }
            return stream
        }

        /// `paths` as the CFArray of CFStrings that FSEventStreamCreate takes.
        private static func cfArray(of paths: [String]) throws -> CFArray {
            var strings: [CFString] = []
            for path in paths {
                guard let string = CFStringCreateWithCString(nil, path, CFStringBuiltInEncodings.UTF8.rawValue) else {
                    throw SemfindError(.io, "watch: cannot make a CFString of \(path)")
                }
                strings.append(string)
            }
            var values: [UnsafeRawPointer?] = strings.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) }
            var callBacks = kCFTypeArrayCallBacks
            // The array retains its strings (kCFTypeArrayCallBacks) while `strings` still holds them.
            let array = withExtendedLifetime(strings) { CFArrayCreate(nil, &values, values.count, &callBacks) }
            guard let array else { throw SemfindError(.io, "watch: cannot make the CFArray of watched folders") }
            return array
        }

        static func isFolder(_ path: String) -> Bool {
            guard case .success(let status) = FileStatus.ofTarget(path) else { return false }
            return status.kind == .directory
        }

        /// `path` with symbolic links resolved, as FSEvents reports it; itself when it cannot be.
        static func resolved(_ path: String) -> String {
            guard let resolved = realpath(path, nil) else { return path }
            defer { free(resolved) }
            return String(cString: resolved)
        }

    }

    /// Where the FSEvents callback, on the stream's queue, leaves events for `next`, on the
    /// watching thread: a mutex guards them, and a pipe becomes readable when some arrive, so
    /// that `next` waits in `poll(2)` on it and on the stop request together.
    final class FSEventsInbox: Sendable {
        struct Events: Sendable {
            var paths: [String] = []
            var rescan = false
        }

        private let events = Mutex(Events())
        let readDescriptor: Int32
        private let writeDescriptor: Int32

        init() throws {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw WatchError.system("pipe", errno) }
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, O_NONBLOCK)
            }
            readDescriptor = ends[0]
            writeDescriptor = ends[1]
        }

        deinit {
            close(readDescriptor)
            close(writeDescriptor)
        }

        /// Called by the callback.
        func add(_ new: Events) {
            events.withLock {
                $0.paths += new.paths
                $0.rescan = $0.rescan || new.rescan
            }
            // One byte per callback; when the pipe is full it is readable anyway.
            var byte: UInt8 = 1
            _ = write(writeDescriptor, &byte, 1)
        }

        /// Empties the pipe, then hands out what has arrived (an event added in between leaves
        /// a byte behind, so the next `poll` wakes for it).
        func take() -> Events {
            var bytes = [UInt8](repeating: 0, count: 512)
            while bytes.withUnsafeMutableBytes({ read(readDescriptor, $0.baseAddress, $0.count) }) > 0 {}
            return events.withLock {
                let taken = $0
                $0 = Events()
                return taken
            }
        }
    }
#endif
