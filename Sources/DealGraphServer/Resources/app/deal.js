// One deal: every field editable, contact, company and assignee picked by searching, and its
// activity timeline (calls, emails, meetings, notes) with add, complete and delete. `id` "new"
// creates a deal.
import { graphql, words } from "./api.js";
import { el, money, day, confirmButton, edits } from "./dom.js";
import { picker } from "./picker.js";
import { subscribe, reloadOn, lifetime } from "./live.js";
import { STAGES } from "./board.js";

const FIELDS = "id objectId title amount stage expectedCloseDate notes contact { id name } company { id name } assignedTo { id username }";
const ACTIVITY = "id type subject description dueDate completedAt";
const TYPES = ["call", "email", "meeting", "note"];

const dateInput = (iso) => (iso ? new Date(iso).toISOString().slice(0, 10) : "");

/** Shows the deal; returns what ends its live updates. */
export function mountDeal(view, id, options) {
  return lifetime((keep) => show(view, id, options, keep));
}

async function show(view, id, { announce }, keep) {
  const creating = id === "new";
  let deal = { title: "", amount: null, stage: "lead", expectedCloseDate: null, notes: "", contact: null, company: null, assignedTo: null };
  if (!creating) {
    try {
      deal = (await graphql(`query Deal($id: ID!) { deal(id: $id) { ${FIELDS} } }`, { id })).deal;
    } catch (error) {
      view.replaceChildren(el("p", {}, [`This deal cannot be shown: ${words(error)}`]), el("a", { href: "#/board" }, ["Back to the pipeline"]));
      return;
    }
  }
  const input = (label, name, attributes) => el("p", { class: "field" }, [el("label", { for: `deal-${name}` }, [label]),
    el(attributes.tag ?? "input", { id: `deal-${name}`, name, ...attributes, tag: null })]);
  const title = input("Title", "title", { required: true, value: deal.title });
  const amount = input("Amount", "amount", { type: "number", min: "0", step: "100", value: deal.amount ?? "" });
  const stage = el("p", { class: "field" }, [el("label", { for: "deal-stage" }, ["Stage"]),
    el("select", { id: "deal-stage", name: "stage" }, STAGES.map((s) => el("option", { value: s, selected: s === deal.stage }, [s])))]);
  const closes = input("Expected close date", "expectedCloseDate", { type: "date", value: dateInput(deal.expectedCloseDate) });
  const notes = el("p", { class: "field" }, [el("label", { for: "deal-notes" }, ["Notes"]), el("textarea", { id: "deal-notes", name: "notes", rows: "4" }, [deal.notes ?? ""])]);
  const contact = picker({ label: "Contact", id: "deal-contact", type: "Contact", list: "contacts", field: "name", current: deal.contact });
  const company = picker({ label: "Company", id: "deal-company", type: "Company", list: "companies", field: "name", current: deal.company });
  const assignee = picker({ label: "Assigned to", id: "deal-assignee", type: "User", list: "users", field: "username", current: deal.assignedTo });
  const save = el("button", { type: "submit", id: "deal-save" }, [creating ? "Create deal" : "Save"]);
  const form = el("form", { class: "record", id: "deal-form", "aria-labelledby": "deal-heading" }, [
    el("h1", { id: "deal-heading" }, [creating ? "New deal" : deal.title]),
    title, amount, stage, closes, contact.element, company.element, assignee.element, notes,
    el("p", { class: "actions" }, [save, el("a", { href: "#/board" }, ["Back to the pipeline"]),
      ...(creating ? [] : [confirmButton({ id: "deal-delete" }, "Delete deal", remove)])]),
  ]);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = (name) => form.elements[name].value;
    const fields = { title: value("title").trim(), stage: value("stage"), notes: value("notes") };
    if (value("amount") !== "") fields.amount = Number(value("amount"));
    if (value("expectedCloseDate")) fields.expectedCloseDate = new Date(value("expectedCloseDate")).toISOString();
    if (contact.value) fields.contact = { link: contact.value };
    if (company.value) fields.company = { link: company.value };
    if (assignee.value) fields.assignedTo = { link: assignee.value };
    if (!fields.title) return announce("A deal needs a title.", true);
    save.disabled = true;
    try {
      if (creating) {
        const created = await graphql(`mutation CreateDeal($fields: CreateDealFieldsInput) { createDeal(input: {fields: $fields}) { deal { id } } }`, { fields });
        announce(`Deal "${fields.title}" created.`);
        location.hash = `#/deal/${created.createDeal.deal.id}`;
      } else {
        await graphql(`mutation SaveDeal($id: ID!, $fields: UpdateDealFieldsInput) { updateDeal(input: {id: $id, fields: $fields}) { deal { id } } }`, { id, fields });
        announce(`Deal "${fields.title}" saved.`);
        form.querySelector("h1").textContent = fields.title;
      }
    } catch (error) {
      announce(`Could not save the deal: ${words(error)}`, true);
    } finally {
      save.disabled = false;
    }
  });

  async function remove() {
    try {
      await graphql("mutation DeleteDeal($id: ID!) { deleteDeal(input: {id: $id}) { deal { id } } }", { id });
      announce(`Deal "${deal.title}" deleted.`);
      location.hash = "#/board";
    } catch (error) {
      announce(`Could not delete the deal: ${words(error)}`, true);
    }
  }

  view.replaceChildren(form);
  if (creating) return form.elements.title.focus();
  view.append(timeline(id, announce, keep));
  // Someone else's change to this deal or its activities shows at once; fields being edited here
  // are not overwritten, the status line says the deal changed instead.
  const editing = edits(form);
  keep(subscribe("subscription DealWatch($w: DealWhereInput) { dealEvents(where: $w) { event node { " + FIELDS + " } } }",
    { w: { objectId: { equalTo: deal.objectId } } }, (payload) => {
      const event = payload?.data?.dealEvents;
      if (!event) return;
      if (event.event === "DELETE" || event.event === "LEAVE") return announce("This deal was deleted or is no longer shared with you.", true);
      if (editing()) return announce("Someone else changed this deal; save to keep your version, or reload to see theirs.");
      const fresh = event.node;
      for (const name of ["title", "amount", "stage", "notes"]) form.elements[name].value = fresh[name] ?? "";
      form.elements.expectedCloseDate.value = dateInput(fresh.expectedCloseDate);
      form.querySelector("h1").textContent = fresh.title;
    }));
}

/** The activities of a deal or contact (`relatedTo`), newest due last, with add, complete, delete;
 *  a teammate's change to one of them shows at once. */
export function timeline(parentId, announce, keep) {
  const list = el("ol", { class: "timeline", id: "timeline" });
  const type = el("select", { id: "activity-type", "aria-label": "Activity type" }, TYPES.map((t) => el("option", { value: t }, [t])));
  const subject = el("input", { id: "activity-subject", "aria-label": "Activity subject", placeholder: "Subject", required: true });
  const due = el("input", { id: "activity-due", type: "date", "aria-label": "Due date" });
  const add = el("form", { class: "add-activity", id: "activity-form", "aria-label": "Add an activity" },
    [type, subject, due, el("button", { type: "submit" }, ["Add activity"])]);
  const section = el("section", { class: "activities", "aria-labelledby": "activities-heading" },
    [el("h2", { id: "activities-heading" }, ["Activities"]), add, list]);

  let rendered = null;
  async function load() {
    try {
      const data = await graphql(`query Timeline($id: ID!) { node(id: $id) { ... on Deal { activities(first: 100, order: [dueDate_ASC]) { edges { node { ${ACTIVITY} } } } }
        ... on Contact { activities(first: 100, order: [dueDate_ASC]) { edges { node { ${ACTIVITY} } } } } } }`, { id: parentId });
      const activities = data.node?.activities.edges.map((edge) => edge.node) ?? [];
      // A live reload that brings nothing new leaves the list (and the focus or click in it) alone.
      const shown = JSON.stringify(activities);
      if (shown === rendered) return;
      rendered = shown;
      list.replaceChildren(...activities.map(item));
      if (!activities.length) list.append(el("li", { class: "empty" }, ["No activities yet."]));
    } catch (error) {
      announce(`Could not load the activities: ${words(error)}`, true);
    }
  }

  function item(activity) {
    const done = el("input", { type: "checkbox", id: `done-${activity.id}`, checked: Boolean(activity.completedAt) });
    done.addEventListener("change", async () => {
      try {
        await graphql("mutation Complete($id: ID!, $fields: UpdateActivityFieldsInput) { updateActivity(input: {id: $id, fields: $fields}) { activity { id } } }",
          { id: activity.id, fields: { completedAt: done.checked ? new Date().toISOString() : null } });
        announce(`${activity.subject} ${done.checked ? "completed" : "reopened"}.`);
        load();
      } catch (error) {
        done.checked = !done.checked;
        announce(`Could not update the activity: ${words(error)}`, true);
      }
    });
    const remove = el("button", { type: "button", class: "danger", "aria-label": `Delete ${activity.subject}` }, ["Delete"]);
    remove.addEventListener("click", async () => {
      try {
        await graphql("mutation DeleteActivity($id: ID!) { deleteActivity(input: {id: $id}) { activity { id } } }", { id: activity.id });
        announce(`${activity.subject} deleted.`);
        load();
      } catch (error) {
        announce(`Could not delete the activity: ${words(error)}`, true);
      }
    });
    return el("li", { class: activity.completedAt ? "activity done" : "activity", "data-id": activity.id }, [
      done, el("label", { for: `done-${activity.id}` }, [`${activity.type ?? "note"}: ${activity.subject ?? ""}`]),
      el("span", { class: "due" }, [activity.dueDate ? `due ${day(activity.dueDate)}` : ""]), remove,
    ]);
  }

  add.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = { type: type.value, subject: subject.value.trim(), relatedTo: { link: parentId } };
    if (due.value) fields.dueDate = new Date(due.value).toISOString();
    try {
      await graphql("mutation AddActivity($fields: CreateActivityFieldsInput) { createActivity(input: {fields: $fields}) { activity { id } } }", { fields });
      announce(`${fields.type} "${fields.subject}" added.`);
      subject.value = "";
      load();
    } catch (error) {
      announce(`Could not add the activity: ${words(error)}`, true);
    }
  });
  load();
  const related = "relatedTo { ... on Deal { id } ... on Contact { id } }";
  keep(reloadOn(`subscription ActivityWatch { activityEvents { event node { ${related} } original { ${related} } } }`, {}, load,
    (data) => data?.activityEvents?.node?.relatedTo?.id === parentId || data?.activityEvents?.original?.relatedTo?.id === parentId));
  return section;
}

export { money };
