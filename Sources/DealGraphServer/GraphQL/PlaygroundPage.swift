import HTTPTypes
import Hummingbird

/// The query playground: one self-contained HTML page (no CDN, no external script) served on
/// GET /graphql to browsers. It posts to the page's own URL with the headers typed in its box.
enum PlaygroundPage {
    static var response: Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: "no-store",
                // The page runs only its own inline script and talks only to this origin.
                .contentSecurityPolicy: "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static let html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>DealGraph playground</title>
        <style>
        body{font:14px system-ui,sans-serif;margin:0;display:flex;flex-direction:column;height:100vh}
        header{padding:8px 12px;background:#1f2937;color:#fff;display:flex;gap:12px;align-items:center}
        main{flex:1;display:grid;grid-template-columns:1fr 1fr;gap:8px;padding:8px;min-height:0}
        section{display:flex;flex-direction:column;gap:6px;min-height:0}
        textarea,pre{font:13px ui-monospace,monospace;border:1px solid #ccc;border-radius:4px;padding:8px;margin:0}
        textarea{resize:none}#query{flex:3}#variables,#headers{flex:1}
        pre{flex:1;overflow:auto;background:#f8f8f8;white-space:pre-wrap}
        button{padding:6px 16px;font-weight:600}label{font-weight:600}
        </style></head><body>
        <header><strong>DealGraph</strong><button id="run">Run (Ctrl+Enter)</button><span id="status"></span></header>
        <main><section>
        <label for="query">Query</label>
        <textarea id="query" spellcheck="false">mutation LogIn {
          logIn(input: {username: "alice", password: "see the server log"}) {
            viewer { sessionToken user { username } }
          }
        }

        query Deals {
          deals(first: 5, order: [amount_DESC]) {
            count
            edges { node { title amount stage company { name } contact { firstName lastName } } }
          }
        }</textarea>
        <label for="operation">Operation name (when the document has several)</label>
        <input id="operation" value="LogIn">
        <label for="variables">Variables (JSON)</label>
        <textarea id="variables" spellcheck="false">{}</textarea>
        <label for="headers">Headers (JSON): put the sessionToken from logIn here</label>
        <textarea id="headers" spellcheck="false">{"X-Parse-Session-Token": ""}</textarea>
        </section><section><label>Response</label><pre id="result"></pre></section></main>
        <script>
        const $ = (id) => document.getElementById(id);
        for (const id of ["query", "variables", "headers", "operation"]) {
          const saved = localStorage.getItem("dealgraph." + id);
          if (saved !== null) $(id).value = saved;
        }
        async function run() {
          let variables, headers;
          try { variables = JSON.parse($("variables").value || "{}"); headers = JSON.parse($("headers").value || "{}"); }
          catch (e) { $("result").textContent = "Variables and headers must be JSON: " + e.message; return; }
          for (const id of ["query", "variables", "headers", "operation"]) localStorage.setItem("dealgraph." + id, $(id).value);
          for (const k of Object.keys(headers)) if (!headers[k]) delete headers[k];
          const body = {query: $("query").value, variables, operationName: $("operation").value || null};
          const started = performance.now();
          try {
            const r = await fetch(location.pathname, {method: "POST", body: JSON.stringify(body),
              headers: {...headers, "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json;q=0.9"}});
            const text = await r.text();
            $("status").textContent = r.status + " in " + Math.round(performance.now() - started) + " ms";
            try {
              const json = JSON.parse(text);
              const token = json && json.data && json.data.logIn && json.data.logIn.viewer && json.data.logIn.viewer.sessionToken;
              if (token) { headers["X-Parse-Session-Token"] = token; $("headers").value = JSON.stringify(headers, null, 2); }
              $("result").textContent = JSON.stringify(json, null, 2);
            } catch { $("result").textContent = text; }
          } catch (e) { $("result").textContent = "Request failed: " + e.message; }
        }
        $("run").onclick = run;
        document.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
        </script></body></html>
        """
}
