import CRMStore

/// One event for one subscriber, with the states it may see: `node` is the object after the
/// write (create, enter, update) or the last state the subscriber could read (leave, delete);
/// `original` is the state before an update. An enter has no original: before it, the subscriber
/// may not have been allowed to read the object at all. Both are stripped of the subscriber's
/// protected fields.
public struct LiveDelivery: Sendable {
    public let event: LiveEvent
    public let sequence: Int64
    public let node: StoredObject
    public let original: StoredObject?
    /// The subscriber's access when the event was matched (for resolving what the event's
    /// selection reads beyond the object).
    public let access: AccessContext
    /// The subscriber's share in the reads of the change's other deliveries, when it resolves a
    /// selection on the event (``LiveRound``); release it when the event is done with.
    public let ticket: LiveRound.Ticket?

    /// The delivery of `change` as `event` to a subscriber with `access`; nil when the change
    /// lacks the state the event shows.
    init?(_ event: LiveEvent, _ change: Change, access: AccessContext, store: CRMStore, ticket: LiveRound.Ticket?) {
        let shown: StoredObject?
        var original: StoredObject?
        switch event {
        case .create, .enter:
            shown = change.after
        case .update:
            shown = change.after
            original = change.before
        case .leave, .delete:
            shown = change.before
        }
        guard let shown else { return nil }
        self.event = event
        self.sequence = change.sequence
        self.node = store.visible(shown, to: access)
        self.original = original.map { store.visible($0, to: access) }
        self.access = access
        self.ticket = ticket
    }
}
