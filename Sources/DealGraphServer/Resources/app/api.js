// The app's one way to DealGraph: the public GraphQL API over HTTP, with the session kept in
// the browser, and API errors put in words a salesperson understands.

const SESSION_KEY = "dealgraph.session";

export const session = {
  get current() {
    try { return JSON.parse(localStorage.getItem(SESSION_KEY)); } catch { return null; }
  },
  save(token, username) { localStorage.setItem(SESSION_KEY, JSON.stringify({ token, username })); },
  clear() { localStorage.removeItem(SESSION_KEY); },
};

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

// Parse error codes the app can explain; anything else keeps the server's words.
const WORDS = {
  101: "That record does not exist, or you may not see it.",
  119: "You are not allowed to do that.",
  137: "That value is already used by another record.",
  202: "That username is already taken.",
  203: "That email address is already used.",
  209: "Your session has ended. Please log in again.",
};

export function words(error) {
  if (error instanceof ApiError) return error.message;
  return "Cannot reach the server. Check your connection and try again.";
}

/** Runs a GraphQL operation; resolves to its data, rejects with an ApiError. */
export async function graphql(query, variables = {}) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const current = session.current;
  if (current) headers["X-Parse-Session-Token"] = current.token;
  let response;
  try {
    response = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError("Cannot reach the server. Check your connection and try again.", 0);
  }
  let body;
  try { body = await response.json(); } catch { body = null; }
  const error = body?.errors?.[0];
  if (error || !body?.data) {
    // A request refused before GraphQL runs (keys, session) answers in Parse's form: {code, error}.
    const code = error?.extensions?.code ?? body?.code ?? response.status;
    if (code === 209) {
      session.clear();
      // After the caller has reported its own failure, so that the login form's words are last.
      setTimeout(() => window.dispatchEvent(new CustomEvent("session-ended")));
    }
    if (code === 101 && /username\/password/i.test(error?.message ?? "")) {
      throw new ApiError("Wrong username or password.", code);
    }
    throw new ApiError(WORDS[code] ?? error?.message ?? body?.error ?? `The server answered ${response.status}.`, code);
  }
  return body.data;
}
