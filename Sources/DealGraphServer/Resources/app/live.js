// GraphQL subscriptions over one WebSocket (graphql-transport-ws), reconnecting with backoff.
import { session } from "./api.js";

let socket = null;
let acknowledged = false;
let nextId = 1;
let retry = 0;
const active = new Map(); // id -> { payload, onEvent }

function send(message) { socket.send(JSON.stringify(message)); }

function open() {
  const current = session.current;
  if (!current || socket) return;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/graphql`, "graphql-transport-ws");
  acknowledged = false;
  socket.onopen = () => send({ type: "connection_init", payload: { "X-Parse-Session-Token": current.token } });
  socket.onmessage = (message) => {
    const data = JSON.parse(message.data);
    if (data.type === "connection_ack") {
      acknowledged = true;
      retry = 0;
      for (const [id, subscription] of active) send({ id, type: "subscribe", payload: subscription.payload });
    } else if (data.type === "next") {
      active.get(data.id)?.onEvent(data.payload);
    } else if (data.type === "ping") {
      send({ type: "pong" });
    }
  };
  socket.onclose = (event) => {
    socket = null;
    // 4403: the session is gone; 4429: too many sockets. Neither gets better by retrying.
    if (event.code === 4403 || event.code === 4429 || !session.current || active.size === 0) return;
    retry = Math.min(retry + 1, 6);
    setTimeout(open, 250 * 2 ** retry);
  };
}

/** Subscribes; returns a function that ends the subscription. */
export function subscribe(query, variables, onEvent) {
  const id = String(nextId++);
  const payload = { query, variables };
  active.set(id, { payload, onEvent });
  if (!socket) open();
  else if (acknowledged) send({ id, type: "subscribe", payload });
  return () => {
    active.delete(id);
    if (socket && acknowledged) send({ id, type: "complete" });
    if (active.size === 0 && socket) { socket.close(1000); socket = null; }
  };
}

/** Ends every subscription and the socket (log out). */
export function closeAll() {
  active.clear();
  if (socket) { socket.close(1000); socket = null; }
}

/** Subscribes and calls `reload` once per burst of events that `accept` takes (150 ms apart);
 *  returns what ends it. Pages that show query results follow changes this way. */
export function reloadOn(query, variables, reload, accept = () => true) {
  let timer = null;
  const stop = subscribe(query, variables, (payload) => {
    if (!accept(payload?.data)) return;
    clearTimeout(timer);
    timer = setTimeout(reload, 150);
  });
  return () => { stop(); clearTimeout(timer); };
}

/** Runs a page's body, which may register what ends its subscriptions through `keep` (also after
 *  an await); returns what ends them all, including any registered after the page was left. */
export function lifetime(body) {
  const stops = [];
  let gone = false;
  body((stop) => (gone ? stop() : stops.push(stop)));
  return () => { gone = true; stops.splice(0).forEach((stop) => stop()); };
}
