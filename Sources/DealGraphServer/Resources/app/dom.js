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

/** A delete button that asks before it acts: the first press arms it ("Press again to delete"),
 *  a second press within five seconds runs `action`; leaving it disarms it. No modal dialog, so
 *  the keyboard, a screen reader (the label changes) and a test drive it alike. */
export function confirmButton(attributes, label, action) {
  const button = el("button", { type: "button", class: "danger", ...attributes }, [label]);
  const name = attributes["aria-label"] ?? label;
  let timer = null;
  const disarm = () => { clearTimeout(timer); timer = null; button.textContent = label; button.setAttribute("aria-label", name); button.classList.remove("armed"); };
  button.addEventListener("click", () => {
    if (!timer) {
      button.textContent = "Press again to delete";
      button.setAttribute("aria-label", `${name}: press again to confirm`);
      button.classList.add("armed");
      timer = setTimeout(disarm, 5000);
      return;
    }
    disarm();
    action();
  });
  button.addEventListener("blur", disarm);
  return button;
}

/** Whether `form` holds edits not yet submitted: a live update fills it only while this is false. */
export function edits(form) {
  let dirty = false;
  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("submit", () => { dirty = false; });
  return () => dirty;
}
