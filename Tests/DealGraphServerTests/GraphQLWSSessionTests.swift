import APICore
import Testing
@testable import DealGraphServer

/// The graphql-transport-ws state machine, without sockets.
@Suite struct GraphQLWSSessionTests {
    @Test("connection_init authenticates with the payload's Parse keys, then the ack; ping is answered")
    func handshake() {
        var session = GraphQLWSSession(maxSubscriptions: 2)
        let actions = session.receive(#"{"type":"connection_init","payload":{"X-Parse-Session-Token":"r:abc","x-parse-application-id":"app"}}"#)
        #expect(actions == [.authenticate(Credentials(applicationId: "app", sessionToken: "r:abc"))])
        #expect(session.receive(#"{"type":"subscribe","id":"1","payload":{"query":"{ health }"}}"#) == [.close(4401, "Unauthorized")])
        #expect(session.accepted() == [.send(#"{"type":"connection_ack"}"#)])
        #expect(session.receive(#"{"type":"ping"}"#) == [.send(#"{"type":"pong"}"#)])
        #expect(session.receive(#"{"type":"pong"}"#) == [])
        #expect(session.receive(#"{"type":"connection_init"}"#) == [.close(4429, "Too many initialisation requests")])
    }

    @Test("subscribe, duplicate ids 4409, complete, limits, and the end of a stream")
    func subscriptions() {
        var session = GraphQLWSSession(maxSubscriptions: 2)
        _ = session.receive(#"{"type":"connection_init"}"#)
        _ = session.accepted()
        let start = session.receive(#"{"type":"subscribe","id":"a","payload":{"query":"subscription { dealEvents { event } }","variables":{"x":1},"operationName":"S"}}"#)
        guard case .start(let id, let request)? = start.first else {
            Issue.record("expected a start: \(start)")
            return
        }
        #expect(id == "a")
        #expect(request.operationName == "S")
        #expect(request.variables?["x"]?.intValue == 1)
        #expect(session.receive(#"{"type":"subscribe","id":"a","payload":{"query":"{ health }"}}"#) == [.close(4409, "Subscriber for a already exists")])
        _ = session.receive(#"{"type":"subscribe","id":"b","payload":{"query":"{ health }"}}"#)
        #expect(session.receive(#"{"type":"subscribe","id":"c","payload":{"query":"{ health }"}}"#)
            == [.send(#"{"id":"c","type":"error","payload":[{"message":"Too many subscriptions on this connection (at most 2)."}]}"#)])
        #expect(session.receive(#"{"type":"complete","id":"a"}"#) == [.stop(id: "a")])
        #expect(session.receive(#"{"type":"complete","id":"a"}"#) == [])
        #expect(session.finished(id: "b") == [.send(#"{"id":"b","type":"complete"}"#)])
        #expect(session.finished(id: "b") == [])
        #expect(GraphQLWSSession.next(id: "b", body: Array(#"{"data":{}}"#.utf8)) == #"{"id":"b","type":"next","payload":{"data":{}}}"#)
        #expect(GraphQLWSSession.error(id: "b", body: Array(#"{"errors":[{"message":"x"}]}"#.utf8))
            == #"{"id":"b","type":"error","payload":[{"message":"x"}]}"#)
    }

    @Test("anything that is not a valid message closes with 4400")
    func invalid() {
        for text in ["", "nope", "[]", #"{"type":1}"#, #"{"type":"bogus"}"#, #"{"no":"type"}"#,
                     #"{"type":"connection_init","payload":"x"}"#] {
            var session = GraphQLWSSession(maxSubscriptions: 2)
            #expect(session.receive(text).first.map { if case .close(4400, _) = $0 { true } else { false } } == true, "\(text)")
        }
        var ready = GraphQLWSSession(maxSubscriptions: 2)
        _ = ready.receive(#"{"type":"connection_init"}"#)
        _ = ready.accepted()
        for text in [#"{"type":"subscribe"}"#, #"{"type":"subscribe","id":"1"}"#, #"{"type":"subscribe","id":"1","payload":{}}"#,
                     #"{"type":"subscribe","id":"","payload":{"query":"{ health }"}}"#,
                     #"{"type":"subscribe","id":"1","payload":{"query":"{ health }","variables":[1]}}"#, #"{"type":"complete"}"#] {
            var session = ready
            #expect(session.receive(text).first.map { if case .close(4400, _) = $0 { true } else { false } } == true, "\(text)")
        }
    }
}
