// Contacts and companies: a searchable, sortable list with create and delete, and a page per
// record with its fields editable, its deals and (contacts) its activities, all following
// teammates' changes live. One module for both classes; what differs is the description below.
import { graphql, words } from "./api.js";
import { el, money, literal, confirmButton, edits } from "./dom.js";
import { reloadOn, lifetime } from "./live.js";
import { picker } from "./picker.js";
import { timeline } from "./deal.js";

export const KINDS = {
  contacts: {
    type: "Contact", one: "contact", list: "contacts", title: "Contacts",
    fields: [["name", "Name", "text"], ["email", "Email", "email"], ["phone", "Phone", "tel"], ["notes", "Notes", "textarea"]],
    columns: ["name", "email", "phone"], select: "id name email phone notes company { id name }",
    company: true, activities: true,
  },
  companies: {
    type: "Company", one: "company", list: "companies", title: "Companies",
    fields: [["name", "Name", "text"], ["industry", "Industry", "text"], ["website", "Website", "url"], ["address", "Address", "text"], ["notes", "Notes", "textarea"]],
    columns: ["name", "industry", "website"], select: "id name industry website address notes",
    company: false, activities: false,
  },
};

/** The list; returns what ends its live updates. */
export function mountList(view, kindName, { announce }) {
  const kind = KINDS[kindName];
  let order = "name_ASC", search = "", timer = null, rendered = null;
  const searchBox = el("input", { type: "search", id: "records-search", placeholder: `Search ${kind.list}`, "aria-label": `Search ${kind.list}` });
  const table = el("table", { class: "records", id: "records" });
  const form = createForm();
  view.replaceChildren(el("h1", {}, [kind.title]), el("div", { class: "filters" }, [searchBox]), table, form);
  searchBox.addEventListener("input", () => { search = searchBox.value.trim(); clearTimeout(timer); timer = setTimeout(load, 200); });

  function header(field) {
    const sorted = order.startsWith(`${field}_`);
    const button = el("button", { type: "button", class: "link" }, [field, sorted ? (order.endsWith("ASC") ? " ▲" : " ▼") : ""]);
    button.addEventListener("click", () => { order = order === `${field}_ASC` ? `${field}_DESC` : `${field}_ASC`; load(); });
    return el("th", { scope: "col", "aria-sort": sorted ? (order.endsWith("ASC") ? "ascending" : "descending") : "none" }, [button]);
  }

  async function load() {
    const where = search ? { name: { matchesRegex: literal(search), options: "i" } } : {};
    try {
      const data = await graphql(`query List($w: ${kind.type}WhereInput, $o: [${kind.type}Order!]) { ${kind.list}(where: $w, order: $o, first: 50) { count edges { node { id ${kind.columns.join(" ")} } } } }`,
        { w: where, o: [order] });
      const rows = data[kind.list].edges.map((edge) => edge.node);
      // A live reload that brings nothing new leaves the table (and a press in it) alone.
      const shown = JSON.stringify([order, data]);
      if (shown === rendered) return;
      rendered = shown;
      table.replaceChildren(
        el("caption", {}, [`${data[kind.list].count} ${kind.list}`]),
        el("thead", {}, [el("tr", {}, [...kind.columns.map(header), el("th", { scope: "col" }, ["Actions"])])]),
        el("tbody", {}, rows.map((row) => el("tr", { "data-id": row.id }, [
          el("td", {}, [el("a", { href: `#/${kindName}/${row.id}` }, [row.name])]),
          ...kind.columns.slice(1).map((column) => el("td", {}, [row[column] ?? ""])),
          el("td", {}, [confirmButton({ "aria-label": `Delete ${row.name}` }, "Delete", () => remove(row))]),
        ]))));
      table.dataset.loaded = String(Date.now());
    } catch (error) {
      announce(`Could not load the ${kind.list}: ${words(error)}`, true);
    }
  }

  async function remove(row) {
    try {
      await graphql(`mutation Delete($id: ID!) { delete${kind.type}(input: {id: $id}) { ${kind.one} { id } } }`, { id: row.id });
      announce(`${row.name} deleted.`);
      load();
    } catch (error) {
      announce(`Could not delete ${row.name}: ${words(error)}`, true);
    }
  }

  function createForm() {
    const inputs = kind.fields.filter(([, , type]) => type !== "textarea").map(([name, label, type]) =>
      el("p", { class: "field" }, [el("label", { for: `new-${name}` }, [label]), el("input", { id: `new-${name}`, name, type, required: name === "name" })]));
    const form = el("form", { class: "record", id: "create-form", "aria-labelledby": "create-heading" },
      [el("h2", { id: "create-heading" }, [`New ${kind.one}`]), ...inputs, el("button", { type: "submit", id: "create-submit" }, [`Create ${kind.one}`])]);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const fields = {};
      for (const [name] of kind.fields) { const value = form.elements[name]?.value.trim(); if (value) fields[name] = value; }
      try {
        await graphql(`mutation Create($fields: Create${kind.type}FieldsInput) { create${kind.type}(input: {fields: $fields}) { ${kind.one} { id } } }`, { fields });
        announce(`${fields.name} created.`);
        form.reset();
        load();
      } catch (error) {
        announce(`Could not create the ${kind.one}: ${words(error)}`, true);
      }
    });
    return form;
  }

  load();
  return reloadOn(`subscription ListEvents { ${kind.one}Events { event node { id } } }`, {}, load);
}

const DEALS = "deals(first: 50, order: [updatedAt_DESC]) { count edges { node { id title stage amount } } }";

/** A record's page; returns what ends its live updates. */
export function mountRecord(view, kindName, id, options) {
  return lifetime((keep) => showRecord(view, kindName, id, options, keep));
}

async function showRecord(view, kindName, id, { announce }, keep) {
  const kind = KINDS[kindName];
  let record;
  try {
    record = (await graphql(`query One($id: ID!) { ${kind.one}(id: $id) { objectId ${kind.select} ${DEALS} } }`, { id }))[kind.one];
  } catch (error) {
    view.replaceChildren(el("p", {}, [`This ${kind.one} cannot be shown: ${words(error)}`]), el("a", { href: `#/${kindName}` }, [`Back to ${kind.list}`]));
    return;
  }
  const inputs = kind.fields.map(([name, label, type]) => el("p", { class: "field" }, [el("label", { for: `record-${name}` }, [label]),
    type === "textarea" ? el("textarea", { id: `record-${name}`, name, rows: "3" }, [record[name] ?? ""])
      : el("input", { id: `record-${name}`, name, type, value: record[name] ?? "", required: name === "name" })]));
  const company = kind.company ? picker({ label: "Company", id: "record-company", type: "Company", list: "companies", field: "name", current: record.company }) : null;
  const form = el("form", { class: "record", id: "record-form", "aria-labelledby": "record-heading" }, [
    el("h1", { id: "record-heading" }, [record.name]), ...inputs, ...(company ? [company.element] : []),
    el("p", { class: "actions" }, [el("button", { type: "submit" }, ["Save"]), el("a", { href: `#/${kindName}` }, [`Back to ${kind.list}`])]),
  ]);
  const editing = edits(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = {};
    for (const [name] of kind.fields) fields[name] = form.elements[name].value.trim();
    if (company?.value) fields.company = { link: company.value };
    try {
      await graphql(`mutation Save($id: ID!, $fields: Update${kind.type}FieldsInput) { update${kind.type}(input: {id: $id, fields: $fields}) { ${kind.one} { id } } }`, { id, fields });
      announce(`${fields.name} saved.`);
      form.querySelector("h1").textContent = fields.name;
    } catch (error) {
      announce(`Could not save: ${words(error)}`, true);
    }
  });
  const deals = el("section", { class: "related", id: "record-deals", "aria-labelledby": "deals-heading" });
  let shownDeals = null;
  function showDeals(connection) {
    const shown = JSON.stringify(connection);
    if (shown === shownDeals) return;
    shownDeals = shown;
    deals.replaceChildren(el("h2", { id: "deals-heading" }, [`Deals (${connection.count})`]),
      el("ul", {}, connection.edges.map(({ node }) => el("li", {}, [el("a", { href: `#/deal/${node.id}` }, [node.title]), ` ${node.stage ?? ""} ${money(node.amount)}`]))));
  }
  showDeals(record.deals);
  view.replaceChildren(form, deals, ...(kind.activities ? [timeline(id, announce, keep)] : []));

  // A teammate's change to this record fills the form unless it is being edited; any deal change
  // may move a deal onto or off this record, so its deals are read again (and redrawn only if
  // they differ).
  keep(reloadOn(`subscription RecordEvents($w: ${kind.type}WhereInput) { ${kind.one}Events(where: $w) { event node { id } } }`,
    { w: { objectId: { equalTo: record.objectId } } }, async () => {
      try {
        const fresh = (await graphql(`query One($id: ID!) { ${kind.one}(id: $id) { ${kind.select} } }`, { id }))[kind.one];
        if (editing()) return announce(`Someone else changed this ${kind.one}; save to keep your version, or reload to see theirs.`);
        for (const [name] of kind.fields) form.elements[name].value = fresh[name] ?? "";
        company?.show(fresh.company);
        form.querySelector("h1").textContent = fresh.name;
      } catch (error) {
        announce(`This ${kind.one} was deleted or is no longer shared with you.`, true);
      }
    }));
  keep(reloadOn("subscription RecordDeals { dealEvents { event node { id } } }", {}, async () => {
    try {
      showDeals((await graphql(`query Deals($id: ID!) { ${kind.one}(id: $id) { ${DEALS} } }`, { id }))[kind.one].deals);
    } catch (error) {
      announce(`Could not load the deals: ${words(error)}`, true);
    }
  }));
}
