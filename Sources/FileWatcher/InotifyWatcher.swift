#if os(Linux)
    import FileWalk
    import Glibc

    /// Linux's change source: one inotify watch per folder the walk would enter (so ignore
    /// rules apply and ignored trees cost no watches), new folders watched as they appear,
    /// moved folders followed (`IN_MOVED_FROM`/`IN_MOVED_TO` paired by cookie), and a lost
    /// event queue (`IN_Q_OVERFLOW`) answered by a rescan. A root folder that is deleted is
    /// looked for once a second, and when it is back it is watched again and named in a batch,
    /// so that the update walks it whole. Events are debounced into batches.
    public final class InotifyWatcher: ChangeSource {
        let roots: [String]
        let walk: WalkOptions
        let stop: StopRequest
        private let descriptor: Int32
        private var table = WatchTable()
        private var debouncer: Debouncer
        private var pending = ChangeBatch()
        /// Folders moved away, by cookie, until their `IN_MOVED_TO` arrives (or the batch ends).
        private var movedFolders: [UInt32: String] = [:]
        private let underRoots: WalkFocus
        /// Root folders deleted while watched, looked for again at `nextRootCheck`.
        private var missingRoots: Set<String> = []
        private var nextRootCheck: UInt64 = 0
        /// How often a missing root is looked for.
        static let rootCheckInterval: UInt64 = 1_000_000_000

        /// What a folder's watch reports: entries created, changed, moved in or out, deleted.
        /// (A watch's own end, `IN_IGNORED`, always comes.)
        static let mask = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)

        /// Starts watching every folder under `roots` (for a root that is a file, its folder).
        public init(roots: [String], walk: WalkOptions, stop: StopRequest, debouncer: Debouncer = Debouncer()) throws {
            self.roots = roots
            self.walk = walk
            self.stop = stop
            self.debouncer = debouncer
            underRoots = WalkFocus(paths: roots)
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { throw WatchError.system("inotify_init1", errno) }
            try watchFolders(focus: nil)
        }

        deinit {
            close(descriptor)
        }

        /// Folders being watched.
        public var watchCount: Int { table.paths.count }

        /// Folders that could not be watched (the first error's text), e.g. past the system's
        /// limit on watches (`fs.inotify.max_user_watches`).
        public private(set) var unwatched: (count: Int, reason: String) = (0, "")

        public func next(wakingBy deadline: UInt64?) throws -> ChangeBatch? {
            try EventWait.next(
                descriptor: descriptor, stop: stop, deadline: deadline,
                settledAt: {
                    [debouncer.deadline, missingRoots.isEmpty ? nil : nextRootCheck].compactMap { $0 }.min()
                },
                takeBatch: {
                    watchReturnedRoots()
                    return takeBatch()
                }, readEvents: readEvents)
        }

        /// Watches again the missing roots that exist again, and names each in the pending batch;
        /// one that cannot be walked yet is looked for again later.
        private func watchReturnedRoots() {
            guard !missingRoots.isEmpty, EventWait.now() >= nextRootCheck else { return }
            nextRootCheck = EventWait.now() + Self.rootCheckInterval
            let returned = missingRoots.filter { root in
                var status = stat()
                return stat(root, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            guard !returned.isEmpty, (try? watchFolders(focus: Array(returned))) != nil else { return }
            missingRoots.subtract(returned)
            pending.paths.formUnion(returned)
        }

        /// Hands out what is pending: paths under the roots; folders moved out of the tree
        /// stop being watched.
        private func takeBatch() -> ChangeBatch {
            for folder in movedFolders.values { unwatch(atOrUnder: folder) }
            movedFolders.removeAll()
            var batch = pending
            batch.paths = batch.paths.filter(underRoots.covers)
            pending = ChangeBatch()
            debouncer.reset()
            return batch
        }

        private func readEvents() throws {
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            var newFolders: [String] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK { break }
                    throw WatchError.system("read", errno)
                }
                guard count > 0 else { break }
                let events = buffer.withUnsafeBytes {
                    InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[..<count]))
                }
                for event in events { handle(event, newFolders: &newFolders) }
            }
            debouncer.note(at: EventWait.now())
            if pending.rescan {
                try watchFolders(focus: nil)
            } else if !newFolders.isEmpty {
                try watchFolders(focus: newFolders)
            }
        }

        private func handle(_ event: InotifyEvent, newFolders: inout [String]) {
            let mask = event.mask
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                pending.rescan = true
                return
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                if let folder = table[event.descriptor], roots.contains(folder) {
                    missingRoots.insert(folder)
                    nextRootCheck = EventWait.now()
                }
                table.remove(event.descriptor)
                return
            }
            guard let folder = table[event.descriptor], !event.name.isEmpty else { return }
            let path = folder == "/" ? "/" + event.name : folder + "/" + event.name
            pending.paths.insert(path)
            guard mask & UInt32(IN_ISDIR) != 0 else {
                // A changed ignore file changes what its whole folder holds.
                if Walker.ignoreFileNames.contains(event.name) {
                    pending.paths.insert(folder)
                    newFolders.append(folder)
                }
                return
            }
            if mask & UInt32(IN_MOVED_FROM) != 0 {
                movedFolders[event.cookie] = path
            } else if mask & UInt32(IN_MOVED_TO) != 0, let old = movedFolders.removeValue(forKey: event.cookie) {
                table.move(old, to: path)
            } else if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                newFolders.append(path)
            }
        }

        /// Adds watches to every folder the walk would enter under `focus` (everything when nil).
        private func watchFolders(focus: [String]?) throws {
            var options = walk
            options.focus = focus.map { WalkFocus(paths: $0) }
            var existing: [String] = []
            for root in roots {
                var status = stat()
                guard stat(root, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    existing.append(root)
                } else if focus == nil {
                    add(watchOn: EventWait.folder(of: root))
                }
            }
            guard !existing.isEmpty else { return }
            try Walker(roots: existing, options: options, typer: nil).walkFolders { add(watchOn: $0) }
        }

        private func add(watchOn folder: String) {
            let watch = inotify_add_watch(descriptor, folder, Self.mask)
            if watch >= 0 {
                table.set(watch, folder)
            } else if errno != ENOENT {
                let reason =
                    errno == ENOSPC ? "the limit fs.inotify.max_user_watches" : String(cString: strerror(errno))
                unwatched = (unwatched.count + 1, unwatched.count == 0 ? reason : unwatched.reason)
            }
        }

        private func unwatch(atOrUnder folder: String) {
            for watch in table.descriptors(atOrUnder: folder) {
                inotify_rm_watch(descriptor, watch)
                table.remove(watch)
            }
        }

    }
#endif
