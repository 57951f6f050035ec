import APICore
import CRMStore
import GraphQLEngine

/// `<class>Events(where, events)`: the source stream of a class's live events for the
/// subscriber, from the gateway's ``LiveHub`` (the change feed every transport shares). Each
/// event is a root value `{<class>Events: {event, node, original}}` that the executor runs the
/// subscription's selection on, so `node` nests like any object (pointers, reverse connections)
/// under the subscriber's access.
struct ClassSubscriptions {
    let api: APIClass

    static let eventShape = RecordShape(["event", "node", "original"])
    /// The root value's field that carries the delivery's ``LiveRound/Ticket`` (not in the schema,
    /// so no selection reaches it).
    static let ticketField = "_ticket"

    /// The ticket an event's root value carries, for the context it is executed with.
    static func ticket(of event: GraphQLValue) -> LiveRound.Ticket? {
        if case .host(let ticket as LiveRound.Ticket)? = event[ticketField] { return ticket }
        return nil
    }

    var events: SubscriptionResolver {
        let api = self.api
        let root = RecordShape([api.naming.eventsField, Self.ticketField])
        return { batch in
            let context = try ResolverContext.of(batch)
            let wanted = batch.arguments["events"]?.listValue.map { values in
                Set(values.compactMap { $0.stringValue.flatMap { LiveEvent(rawValue: $0.lowercased()) } })
            }
            let items: AsyncStream<LiveHub.Item>
            do {
                let clause = try context.clause(batch.arguments["where"], on: api)
                let filter = LiveFilter(className: api.className, clause: clause, context: context.access)
                items = try await context.live.subscribe(filter, sessionToken: context.sessionToken, events: wanted,
                                                         resolves: true)
            } catch {
                // Keeps the Parse code of a refusal (101, 102, 119) in the request error.
                throw GraphQLError.resolving(error)
            }
            let records = context.records
            return AsyncThrowingStream { continuation in
                let task = Task {
                    for await item in items {
                        switch item {
                        case .delivery(let delivery):
                            let event = Record(shape: ClassSubscriptions.eventShape, values: [
                                .string(delivery.event.rawValue.uppercased()), records.record(delivery.node),
                                delivery.original.map(records.record) ?? .null,
                            ])
                            let ticket: GraphQLValue = delivery.ticket.map { .host($0) } ?? .null
                            continuation.yield(.object(Record(shape: root, values: [.object(event), ticket])))
                        case .ended(let error):
                            continuation.finish(throwing: error)
                            return
                        }
                    }
                    // Cancelled by the subscriber, or ended without a reason: it fell too far behind.
                    if Task.isCancelled {
                        continuation.finish()
                    } else {
                        continuation.finish(throwing: ParseError.fellBehind)
                    }
                }
                continuation.onTermination = { _ in task.cancel() }
            }
        }
    }
}
