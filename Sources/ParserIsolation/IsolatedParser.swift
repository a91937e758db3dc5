import ChildProcess
import FileWalk
import Indexer
import SemfindCore

/// Parses binary formats (`readsBinary`: PDF, office files) in a parse worker, a child process
/// under CPU, memory and wall-clock limits, and text formats in this process (they are Swift and
/// bounded). One worker serves a whole run; one that crashes, hangs, runs out of memory or
/// answers garbage costs its file — reported with the reason — and the next file starts another.
///
/// Made and dropped on the producer thread (`IndexOptions.parser`): the worker is killed when
/// this parser goes away, and (Linux) when that thread ends. Once the run's `stop` is requested,
/// a parse in progress gives up at once (its worker killed) instead of waiting for its deadline.
public final class IsolatedParser: DocumentParser {
    let launch: WorkerLaunch
    let stop: StopRequest?
    private var worker: ChildProcess?

    public init(launch: WorkerLaunch, stop: StopRequest? = nil) {
        self.launch = launch
        self.stop = stop
    }

    deinit {
        _ = worker?.finish(deadline: .now + .seconds(1))
    }

    public func parse(_ bytes: [UInt8], decoded: DecodedText?, with plugin: any FormatPlugin) throws -> ParsedDocument {
        guard plugin.readsBinary else { return try plugin.parse(bytes, decoded: decoded) }
        switch ask(ParseRequest(plugin: plugin.name, bytes: bytes)) {
        case .success(.document(let document)): return document
        case .success(.failure(let message)): throw SemfindError(.invalidInput, message)
        case .failure(let failure):
            throw SemfindError(.invalidInput, failure.message(plugin: plugin.name, launch: launch))
        }
    }

    /// Sends one request to the worker (started first if none runs) and waits for its reply; on
    /// any failure the worker is killed and forgotten.
    private func ask(_ request: ParseRequest) -> Result<ParseReply, WorkerFailure> {
        let child: ChildProcess
        if let worker {
            child = worker
        } else {
            do {
                child = try ChildProcess(
                    executable: launch.executable, arguments: launch.arguments, environment: launch.environment,
                    limits: launch.limits)
            } catch {
                return .failure(.couldNotStart(error.message))
            }
            worker = child
        }
        let (end, output) = child.exchange(
            WorkerFrame.frame(request.encoded), deadline: .now + launch.timeout, outputLimit: launch.replyLimit,
            stopDescriptor: stop?.wakeDescriptor ?? -1, answerLength: WorkerFrame.length(atStartOf:))
        let failure: WorkerFailure
        switch end {
        case .answered:
            if let reply = ParseReply(decoding: WorkerFrame.payload(of: output)) { return .success(reply) }
            failure = .unreadableReply
        case .timedOut: failure = .timedOut
        case .stopped: failure = .stopped
        case .outputTooLarge: failure = .unreadableReply
        case .outputEnded:
            failure = .ended(child.finish(deadline: .now + .seconds(2)), errorTail: child.errorTail)
        }
        child.kill()
        worker = nil
        return .failure(failure)
    }
}
