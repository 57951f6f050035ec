// A search-as-you-type picker for a pointer field (contact, company, assignee): an input with a
// listbox of matches from the API; the chosen object's global id is the value.
import { graphql } from "./api.js";
import { el, literal } from "./dom.js";


/** `list`: the connection field (`contacts`) of `type`, `field`: the name field; `current`: {id, name} or null. */
export function picker({ label, id, type, list, field, current }) {
  const input = el("input", { id, type: "text", role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false",
    "aria-controls": `${id}-options`, autocomplete: "off", value: current?.[field] ?? "" });
  const options = el("ul", { id: `${id}-options`, role: "listbox", class: "options", hidden: true, "aria-label": `${label} matches` });
  const wrapper = el("p", { class: "field picker" }, [el("label", { for: id }, [label]), input, options]);
  let value = current?.id ?? null;
  let timer = null, shown = [];
  const close = () => { options.hidden = true; input.setAttribute("aria-expanded", "false"); };
  const choose = (item) => { value = item?.id ?? null; input.value = item?.[field] ?? ""; close(); };
  input.addEventListener("input", () => {
    value = input.value ? value : null;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim();
      if (!text) return close();
      try {
        const data = await graphql(`query Pick($w: ${type}WhereInput) { ${list}(where: $w, first: 8) { edges { node { id ${field} } } } }`,
          { w: { [field]: { matchesRegex: literal(text), options: "i" } } });
        shown = data[list].edges.map((edge) => edge.node);
      } catch {
        shown = [];
      }
      options.replaceChildren(...shown.map((item, index) => el("li", { role: "option", id: `${id}-option-${index}`, "data-id": item.id,
        onmousedown: (event) => { event.preventDefault(); choose(item); } }, [item[field]])));
      options.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", String(!options.hidden));
    }, 200);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !options.hidden && shown.length) { event.preventDefault(); choose(shown[0]); }
    if (event.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  return { element: wrapper, show: choose, get value() { return value; }, get text() { return input.value; } };
}
