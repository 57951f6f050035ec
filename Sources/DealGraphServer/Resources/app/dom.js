// Small DOM helpers: elements from a tag, attributes and children; amounts and dates in words.

export function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, "");
    else if (value !== false && value != null) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

const currency = new Intl.NumberFormat(undefined, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
export const money = (amount) => currency.format(amount ?? 0);
export const day = (iso) => new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });

/** A user's text as a regular expression that matches it literally (for `matchesRegex`). */
export const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
