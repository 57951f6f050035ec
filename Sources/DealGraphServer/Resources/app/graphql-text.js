// GraphQL text in the browser: tokens for highlighting and completion, and a prettifier.

const KEYWORDS = new Set(["query", "mutation", "subscription", "fragment", "on", "true", "false", "null"]);
const PATTERN = /(#[^\n\r]*)|("""[\s\S]*?(?:"""|$)|"(?:[^"\\\n]|\\.)*"?)|(\$[_A-Za-z][_0-9A-Za-z]*)|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z][_0-9A-Za-z]*)|(\.\.\.|[!$&()\[\]{}:=@|,])|(\s+)|(.)/g;

/** The tokens of `text`, each `{kind, text, start}`; whitespace is kind "space". */
export function tokenize(text) {
  const tokens = [];
  for (const match of text.matchAll(PATTERN)) {
    const [all, comment, string, variable, number, name, punct, space] = match;
    const kind = comment ? "comment" : string ? "string" : variable ? "variable" : number ? "number"
      : name ? (KEYWORDS.has(name) ? "keyword" : "name") : punct ? "punct" : space ? "space" : "other";
    tokens.push({ kind, text: all, start: match.index });
  }
  return tokens;
}

/** `text` re-indented: one field per line, two spaces per selection level. */
export function prettify(text) {
  const tokens = tokenize(text).filter((token) => token.kind !== "space");
  let out = "";
  let depth = 0, parens = 0, brackets = 0;
  let previous = null;
  const newline = () => { out = out.replace(/[ ]+$/, "") + "\n" + "  ".repeat(depth); };
  for (const token of tokens) {
    const t = token.text;
    if (token.kind === "comment") { if (out && !out.endsWith("\n" + "  ".repeat(depth))) newline(); out += t; newline(); previous = null; continue; }
    if (t === "{") {
      if (parens || brackets) { out += (previous && needsSpace(previous, token) ? " {" : "{"); }
      else { out = out.replace(/[ ]+$/, "") + (out && !out.endsWith("\n") ? " {" : "{"); depth++; newline(); }
    } else if (t === "}") {
      if (parens || brackets) { out += "}"; }
      else { depth = Math.max(0, depth - 1); newline(); out += "}"; if (depth === 0) out += "\n"; }
    } else if (t === ",") {
      // Commas separate arguments and list items; between fields a new line does.
      if (parens || brackets) out += ",";
      else continue;
    } else {
      const startsField = depth > 0 && !parens && !brackets && previous
        && (token.kind === "name" || token.kind === "keyword" || t === "...")
        && previous.text !== ":" && previous.text !== "@" && previous.text !== "..." && previous.text !== "on"
        && !(previous.kind === "keyword" && previous.text === "on") && previous.text !== "{";
      const definitionStart = depth === 0 && !parens && previous?.text === "}";
      if (definitionStart) out += "\n";
      if (startsField) newline();
      else if (previous && !/\n *$/.test(out) && needsSpace(previous, token)) out += " ";
      out += t;
      if (t === "(") parens++;
      if (t === ")") parens--;
      if (t === "[") brackets++;
      if (t === "]") brackets--;
    }
    previous = token;
  }
  return out.replace(/\s+$/, "") + "\n";
}

function needsSpace(previous, token) {
  const p = previous.text, t = token.text;
  if (p === "(" || p === "[" || p === "{" || p === "@" || p === "..." && t !== "on" || p === "$") return false;
  if (t === ")" || t === "]" || t === ":" || t === "!" || t === "(" && previous.kind !== "keyword") return false;
  if (t === "=" || p === "=" || p === ":" || p === "," ) return true;
  return true;
}
