import Synchronization

/// A write that runs every rule and changes nothing (`?dryRun=true`): the store runs it, keeps what
/// it would have changed (``before`` and ``after``) and rolls it back.
///
/// The HTTP layer binds one to ``current`` around a dry-run request; the store fills it in the
/// write's own transaction, so both states are exact: no other write commits between them.
public final class DryRun: Sendable {
    /// What a change touches, read in one state: the APIs whose templates it can change (its API;
    /// the APIs using a VPC link; the APIs mapped on a domain name) and, for a domain name's change,
    /// the domain name (a write of several streams, an import, touches the union).
    public struct State: Sendable, Hashable {
        /// Each touched API's snapshot; an id missing from the map had no API in this state.
        public var apis: [APIID: APISnapshot]
        /// The touched APIs' ids, sorted (including those without an API in this state).
        public var apiIDs: [APIID]
        /// The domain names a domain name's change touches that exist in this state, by name.
        public var domainNames: [DomainName]

        /// Creates a state.
        public init(apis: [APIID: APISnapshot], apiIDs: [APIID], domainNames: [DomainName]) {
            self.apis = apis
            self.apiIDs = apiIDs
            self.domainNames = domainNames
        }
    }

    private let states = Mutex<(before: State?, after: State?, streams: [ChangeStream], revision: Int?)>(
        (nil, nil, [], nil))

    /// Creates an empty dry run.
    public init() {}

    /// The dry run the current task's writes make, if any.
    @TaskLocal public static var current: DryRun?

    /// The state before the write, once the store has run it.
    public var before: State? { states.withLock { $0.before } }
    /// The state the write would have left, once the store has run it.
    public var after: State? { states.withLock { $0.after } }

    /// The streams the write's changes would have counted towards (one, but for an import of a
    /// template), once the store has run it.
    public var streams: [ChangeStream] { states.withLock { $0.streams } }
    /// The revision of the one stream the write would have made, once the store has run it (`nil`
    /// for a write of several streams).
    public var revision: Int? { states.withLock { $0.revision } }

    /// Keeps what the write would have done (called by the store).
    public func keep(before: State, after: State, streams: [ChangeStream], revision: Int?) {
        states.withLock { $0 = (before, after, streams, revision) }
    }

    /// The APIs a change of `stream` can change the templates of, as `registry` reads them now.
    /// - Throws: storage failures.
    public static func touchedAPIs(
        by stream: ChangeStream, in registry: any RegistryReadTransaction
    ) throws(RegistryError) -> Set<APIID> {
        switch stream {
        case .api(let id): [id]
        case .vpcLink(let id): Set(try registry.apis(usingVpcLink: id))
        case .domainName(let name): Set(try registry.apiMappings(on: name).map(\.apiID))
        }
    }

    /// Reads the state of `apis` (and of the domain names among `streams`) from `registry`.
    /// - Throws: storage failures.
    public static func state(
        of apis: Set<APIID>, streams: [ChangeStream], in registry: any RegistryReadTransaction
    ) throws(RegistryError) -> State {
        var snapshots: [APIID: APISnapshot] = [:]
        for id in apis where try registry.untaggedAPI(id) != nil {
            snapshots[id] = try RegistryService.snapshot(of: id, in: registry)
        }
        var domainNames: [DomainName] = []
        for stream in streams {
            if case .domainName(let name) = stream, let domainName = try registry.domainName(name) {
                domainNames.append(domainName)
            }
        }
        return State(
            apis: snapshots, apiIDs: apis.sorted(),
            domainNames: domainNames.sorted { $0.name.rawValue < $1.name.rawValue })
    }
}
