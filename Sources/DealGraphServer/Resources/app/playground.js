// The playground: a query editor with highlighting and schema-aware completion, a docs explorer
// built from introspection, variables and headers editors, a log-in helper, history, prettify,
// and results with their errors' locations. It posts to this page's own /graphql.
import { el } from "./dom.js";
import { prettify, tokenize } from "./graphql-text.js";

const $ = (id) => document.getElementById(id);
const query = $("query"), highlight = $("highlight"), completions = $("completions");
const STORE = "dealgraph.playground.";
const HISTORY = STORE + "history";
let types = new Map(); // name -> introspected type
let roots = {};

// MARK: editing and highlighting

function paint() {
  highlight.replaceChildren(...tokenize(query.value).map((token) =>
    token.kind === "space" || token.kind === "other" ? document.createTextNode(token.text)
      : el("span", { class: `t-${token.kind}` }, [token.text])), document.createTextNode("\n"));
  highlight.scrollTop = query.scrollTop;
}

function save() {
  for (const id of ["query", "variables", "headers", "operation"]) localStorage.setItem(STORE + id, $(id).value);
}

function restore() {
  for (const id of ["query", "variables", "headers", "operation"]) {
    const saved = localStorage.getItem(STORE + id);
    if (saved !== null) $(id).value = saved;
  }
  if (!query.value) query.value = "{\n  health\n}\n";
  if (!$("variables").value) $("variables").value = "{}";
  if (!$("headers").value) $("headers").value = "{}";
}

// MARK: completion

const unwrap = (type) => { while (type && (type.kind === "NON_NULL" || type.kind === "LIST")) type = type.ofType; return type; };
const typeText = (type) => type.kind === "NON_NULL" ? `${typeText(type.ofType)}!` : type.kind === "LIST" ? `[${typeText(type.ofType)}]` : type.name;

const OPERATIONS = ["query", "mutation", "subscription"];

/** What may be typed at `offset`: the frame the cursor is in (a selection set, the arguments of a
 *  field, an input object, a list, variable definitions), the previous token, and the variables
 *  defined so far. A frame's `type` is a selection set's type, `defs` the argument or input field
 *  definitions, `key` the argument being given a value. */
function contextAt(offset) {
  const tokens = tokenize(query.value.slice(0, offset)).filter((t) => t.kind !== "space" && t.kind !== "comment");
  const frames = [];
  const variables = new Map(); // $name -> type text
  const top = () => frames[frames.length - 1];
  // The input type of the value being written in an arguments, input or list frame.
  const valueType = (frame) => frame?.kind === "list" ? frame.of : unwrap(frame?.defs?.find((d) => d.name === frame.key)?.type);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i], t = token.text, frame = top();
    const inValue = frame && frame.kind !== "selection";
    if (t === "{") {
      if (inValue) frames.push({ kind: "input", defs: types.get(valueType(frame)?.name)?.inputFields ?? [] });
      else frames.push({ kind: "selection", type: enclosing(tokens, i, frame?.type) });
    } else if (t === "(") {
      const before = tokens[i - 1];
      const field = frame?.kind === "selection" && before?.kind === "name" && tokens[i - 2]?.text !== "@" ? frame.type?.fields?.find((f) => f.name === before.text) : null;
      const definesVariables = !frame && (OPERATIONS.includes(before?.text) || OPERATIONS.includes(tokens[i - 2]?.text));
      frames.push(definesVariables ? { kind: "variables" } : { kind: "arguments", defs: field?.args ?? [] });
    } else if (t === "[") {
      // A list value takes its element type; a list type in variable definitions, or a stray
      // bracket, opens a frame only so that its "]" closes it.
      let of = inValue && frame.kind !== "variables" ? (frame.kind === "list" ? frame.of : frame.defs?.find((d) => d.name === frame.key)?.type) : null;
      while (of?.kind === "NON_NULL") of = of.ofType;
      frames.push(frame?.kind === "variables" ? { kind: "variables" } : inValue ? { kind: "list", of: unwrap(of?.kind === "LIST" ? of.ofType : of) } : { kind: "other" });
    } else if (t === "}" || t === ")" || t === "]") {
      frames.pop();
    } else if (t === ":" && frame && frame.kind !== "selection") {
      const key = tokens[i - 1];
      if (frame.kind === "variables" && key?.kind === "variable") {
        let end = i + 1; // the type text after the colon, up to the next variable, ")" or "="
        while (end < tokens.length && tokens[end].kind !== "variable" && tokens[end].text !== ")" && tokens[end].text !== "=") end++;
        variables.set(key.text, tokens.slice(i + 1, end).map((x) => x.text).join(""));
      } else frame.key = key?.text;
    }
  }
  return { frame: top(), previous: tokens[tokens.length - 1], variables, valueType };
}

/** The type a `{` at index `i` opens: an operation's root, a fragment's or inline fragment's type
 *  condition, or the type of the field before it. */
function enclosing(tokens, i, parent) {
  let j = i - 1;
  if (tokens[j]?.text === ")") { // skip arguments or variable definitions
    let depth = 0;
    for (; j >= 0; j--) { if (tokens[j].text === ")") depth++; if (tokens[j].text === "(") { depth--; if (!depth) break; } }
    j--;
  }
  while (tokens[j]?.text === ")" || tokens[j]?.kind === "name" && tokens[j - 1]?.text === "@") j -= 2; // directives
  const before = tokens[j];
  if (!before) return types.get(roots.query) ?? null;
  if (before.kind === "keyword" && OPERATIONS.includes(before.text)) return types.get(roots[before.text]) ?? null;
  if (tokens[j - 1]?.text === "on") return types.get(before.text) ?? null;
  if (OPERATIONS.includes(tokens[j - 1]?.text)) return types.get(roots[tokens[j - 1].text]) ?? null;
  if (before.kind === "name" && parent) {
    const field = parent.fields?.find((f) => f.name === before.text);
    return field ? types.get(unwrap(field.type).name) ?? null : null;
  }
  return null;
}

let choices = [], chosen = 0;

function wordBefore(offset) {
  const match = /\$?[_A-Za-z][_0-9A-Za-z]*$|\$$/.exec(query.value.slice(0, offset));
  return match ? match[0] : "";
}

/** The names that fit at `offset`, each `{name, detail}`: fields in a selection set, argument and
 *  input field names, and in a value position the operation's variables, enum values and
 *  booleans; input types where a variable's type is written. */
function candidates(offset, word) {
  const { frame, previous, variables, valueType } = contextAt(offset - word.length);
  if (!frame || frame.kind === "other") return [];
  if (frame.kind === "selection") return (frame.type?.fields ?? []).map((f) => ({ name: f.name, detail: typeText(f.type) }));
  if (frame.kind === "variables") {
    if (previous?.text !== ":" && previous?.text !== "[") return [];
    return [...types.values()].filter((t) => ["SCALAR", "ENUM", "INPUT_OBJECT"].includes(t.kind) && !t.name.startsWith("__"))
      .map((t) => ({ name: t.name, detail: t.kind.toLowerCase().replace("_", " ") }));
  }
  const naming = frame.kind !== "list" && previous?.text !== ":";
  if (naming) return word.startsWith("$") ? [] : frame.defs.map((d) => ({ name: d.name, detail: typeText(d.type) }));
  const expected = valueType(frame);
  const values = [...variables].map(([name, type]) => ({ name, detail: type }));
  if (word.startsWith("$")) return values;
  const named = types.get(expected?.name);
  if (named?.kind === "ENUM") values.push(...named.enumValues.map((v) => ({ name: v.name, detail: named.name })));
  if (expected?.name === "Boolean") values.push({ name: "true", detail: "Boolean" }, { name: "false", detail: "Boolean" });
  return values;
}

function suggest(force = false) {
  const offset = query.selectionStart;
  const word = wordBefore(offset);
  if (!word && !force) return close();
  choices = candidates(offset, word).filter((c) => c.name.startsWith(word) && c.name !== word).slice(0, 12);
  if (!choices.length) return close();
  chosen = 0;
  completions.replaceChildren(...choices.map((choice, index) => el("li", {
    role: "option", id: `completion-${index}`, "aria-selected": String(index === chosen), onmousedown: (e) => { e.preventDefault(); accept(index); },
  }, [choice.name, el("span", { class: "type" }, [choice.detail])])));
  const lines = query.value.slice(0, offset).split("\n");
  completions.style.top = `${Math.min(lines.length * 19 + 8, query.clientHeight - 40)}px`;
  completions.style.left = `${Math.min(lines[lines.length - 1].length * 7.8 + 8, query.clientWidth - 160)}px`;
  completions.hidden = false;
  query.setAttribute("aria-activedescendant", "completion-0");
}

function close() {
  completions.hidden = true;
  choices = [];
  query.removeAttribute("aria-activedescendant");
}

function accept(index) {
  const offset = query.selectionStart;
  const word = wordBefore(offset);
  const name = choices[index].name;
  query.setRangeText(name, offset - word.length, offset, "end");
  close();
  paint();
  save();
  query.focus();
}

function choose(step) {
  chosen = (chosen + step + choices.length) % choices.length;
  [...completions.children].forEach((item, index) => item.setAttribute("aria-selected", String(index === chosen)));
  query.setAttribute("aria-activedescendant", `completion-${chosen}`);
  completions.children[chosen]?.scrollIntoView({ block: "nearest" });
}

// MARK: running

function headers() {
  const extra = JSON.parse($("headers").value || "{}");
  for (const key of Object.keys(extra)) if (!extra[key]) delete extra[key];
  return { ...extra, "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json;q=0.9" };
}

async function post(body) {
  const response = await fetch("/graphql", { method: "POST", headers: headers(), body: JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* shown as text */ }
  return { response, text, json };
}

function moveTo(line, column) {
  const lines = query.value.split("\n");
  const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  query.focus();
  query.setSelectionRange(offset, offset);
}

async function run() {
  let variables;
  try {
    variables = JSON.parse($("variables").value || "{}");
    headers();
  } catch (error) {
    $("status").textContent = `Variables and headers must be JSON: ${error.message}`;
    return;
  }
  save();
  remember();
  const started = performance.now();
  $("status").textContent = "Running…";
  try {
    const { response, text, json } = await post({ query: query.value, variables, operationName: $("operation").value || null });
    $("status").textContent = `${response.status} in ${Math.round(performance.now() - started)} ms`;
    $("result").textContent = json ? JSON.stringify(json, null, 2) : text;
    $("errors").replaceChildren(...(json?.errors ?? []).map((error) => el("li", {}, [
      ...(error.locations ?? []).map((at) => el("button", { type: "button", onclick: () => moveTo(at.line, at.column) }, [`${at.line}:${at.column}`])),
      ` ${error.message}`,
    ])));
  } catch (error) {
    $("status").textContent = `Request failed: ${error.message}`;
  }
}

// MARK: history and examples

function remember() {
  const entry = { query: query.value, variables: $("variables").value, operation: $("operation").value };
  const list = (JSON.parse(localStorage.getItem(HISTORY) ?? "[]")).filter((e) => e.query !== entry.query);
  list.unshift(entry);
  localStorage.setItem(HISTORY, JSON.stringify(list.slice(0, 20)));
  showHistory();
}

function load(entry) {
  query.value = entry.query;
  $("variables").value = typeof entry.variables === "string" ? entry.variables : JSON.stringify(entry.variables ?? {}, null, 2);
  $("operation").value = entry.operation ?? "";
  paint();
  save();
}

function showHistory() {
  const list = JSON.parse(localStorage.getItem(HISTORY) ?? "[]");
  $("history").replaceChildren(...list.map((entry) => el("li", {}, [
    el("button", { type: "button", onclick: () => load(entry) }, [entry.query.replace(/\s+/g, " ").slice(0, 80)]),
  ])));
}

async function examples() {
  const list = await (await fetch("/app/examples.json")).json();
  const select = $("examples");
  list.forEach((example, index) => select.append(el("option", { value: String(index) }, [example.name])));
  select.addEventListener("change", () => {
    const example = list[Number(select.value)];
    if (example) load({ query: example.query, variables: example.variables, operation: "" });
  });
}

// MARK: docs

async function introspect() {
  const { json } = await post({ query: `{ __schema { queryType { name } mutationType { name } subscriptionType { name }
    types { kind name description fields { name description args { name type { ...T } } type { ...T } }
      inputFields { name type { ...T } } enumValues { name } } } }
    fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }` });
  const schema = json?.data?.__schema;
  if (!schema) return;
  types = new Map(schema.types.map((type) => [type.name, type]));
  roots = { query: schema.queryType?.name, mutation: schema.mutationType?.name, subscription: schema.subscriptionType?.name };
  showType(null);
}

function typeLink(type) {
  const named = unwrap(type);
  return el("button", { type: "button", class: "link", onclick: () => showType(named.name) }, [typeText(type)]);
}

function showType(name) {
  const docs = $("docs");
  if (!name) {
    const search = el("input", { type: "search", "aria-label": "Search types", placeholder: "Search types" });
    const list = el("ul");
    const fill = () => list.replaceChildren(...[...types.values()]
      .filter((t) => !t.name.startsWith("__") && t.name.toLowerCase().includes(search.value.toLowerCase()))
      .map((t) => el("li", {}, [el("button", { type: "button", class: "link", onclick: () => showType(t.name) }, [t.name])])));
    search.addEventListener("input", fill);
    fill();
    docs.replaceChildren(el("h2", {}, ["Schema"]),
      el("p", {}, Object.entries(roots).filter(([, n]) => n).flatMap(([k, n]) => [`${k}: `, el("button", { type: "button", class: "link", onclick: () => showType(n) }, [n]), " "])),
      search, list);
    return;
  }
  const type = types.get(name);
  const items = (type.fields ?? type.inputFields ?? []).map((field) => el("li", {}, [
    el("strong", {}, [field.name]),
    ...(field.args?.length ? [el("span", { class: "args" }, [`(${field.args.map((a) => `${a.name}: ${typeText(a.type)}`).join(", ")})`])] : []),
    ": ", typeLink(field.type),
    ...(field.description ? [el("div", { class: "args" }, [field.description])] : []),
  ]));
  const values = (type.enumValues ?? []).map((value) => el("li", {}, [value.name]));
  docs.replaceChildren(
    el("button", { type: "button", class: "link", onclick: () => showType(null) }, ["← Schema"]),
    el("h2", {}, [`${type.name} (${type.kind.toLowerCase().replace("_", " ")})`]),
    ...(type.description ? [el("p", {}, [type.description])] : []),
    el("ul", {}, [...items, ...values]));
}

// MARK: wiring

restore();
paint();
showHistory();
query.addEventListener("input", () => { paint(); save(); suggest(); });
query.addEventListener("scroll", () => { highlight.scrollTop = query.scrollTop; });
query.addEventListener("blur", () => setTimeout(close, 100));
query.addEventListener("keydown", (event) => {
  if (!completions.hidden) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") { event.preventDefault(); return choose(event.key === "ArrowDown" ? 1 : -1); }
    if (event.key === "Enter" || event.key === "Tab") { event.preventDefault(); return accept(chosen); }
    if (event.key === "Escape") { event.preventDefault(); return close(); }
  }
  if (event.key === " " && event.ctrlKey) { event.preventDefault(); suggest(true); }
});
for (const id of ["variables", "headers", "operation"]) $(id).addEventListener("input", save);
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  if (event.key.toLowerCase() === "p" && event.ctrlKey && event.shiftKey) { event.preventDefault(); $("prettify").click(); }
});
$("run").addEventListener("click", run);
$("prettify").addEventListener("click", () => { query.value = prettify(query.value); paint(); save(); });
$("docs-toggle").addEventListener("click", () => {
  const docs = $("docs");
  docs.hidden = !docs.hidden;
  $("docs-toggle").setAttribute("aria-expanded", String(!docs.hidden));
});
$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const { json } = await post({
    query: "mutation LogIn($username: String!, $password: String!) { logIn(input: {username: $username, password: $password}) { viewer { sessionToken } } }",
    variables: { username: $("login-username").value, password: $("login-password").value },
  });
  const token = json?.data?.logIn?.viewer?.sessionToken;
  if (!token) { $("status").textContent = `Log-in failed: ${json?.errors?.[0]?.message ?? "no answer"}`; return; }
  const current = JSON.parse($("headers").value || "{}");
  current["X-Parse-Session-Token"] = token;
  $("headers").value = JSON.stringify(current, null, 2);
  $("login-password").value = "";
  $("status").textContent = `Logged in as ${$("login-username").value}: the session header is filled.`;
  save();
  introspect();
});
examples();
introspect();
