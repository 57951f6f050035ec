// My work: open activities due today or overdue, across deals and contacts, soonest first,
// following teammates' changes live.
import { graphql, words } from "./api.js";
import { el, day } from "./dom.js";
import { reloadOn } from "./live.js";

/** The list; returns what ends its live updates. */
export function mountWork(view, { announce }) {
  const list = el("ol", { class: "timeline", id: "work" });
  let rendered = null;
  view.replaceChildren(el("h1", {}, ["My work: due today and overdue"]), list);

  async function load() {
    const end = new Date();
    end.setHours(23, 59, 59, 999);
    try {
      const data = await graphql(`query MyWork($w: ActivityWhereInput) { activities(where: $w, order: [dueDate_ASC], first: 100) { edges { node {
          id type subject dueDate relatedTo { ... on Deal { id title } ... on Contact { id name } } } } } }`,
        { w: { dueDate: { lessThanOrEqualTo: end.toISOString() }, completedAt: { exists: false } } });
      const items = data.activities.edges.map((edge) => edge.node);
      // A live reload that brings nothing new leaves the list (and a click in it) alone.
      const shown = JSON.stringify(items);
      if (shown === rendered) return;
      rendered = shown;
      const now = Date.now();
      list.replaceChildren(...items.map((activity) => {
        const done = el("input", { type: "checkbox", id: `work-${activity.id}` });
        done.addEventListener("change", async () => {
          try {
            await graphql("mutation Done($id: ID!, $at: Date) { updateActivity(input: {id: $id, fields: {completedAt: $at}}) { activity { id } } }",
              { id: activity.id, at: new Date().toISOString() });
            announce(`${activity.subject} completed.`);
            load();
          } catch (error) {
            done.checked = false;
            announce(`Could not complete ${activity.subject}: ${words(error)}`, true);
          }
        });
        const related = activity.relatedTo;
        const link = related?.title ? el("a", { href: `#/deal/${related.id}` }, [related.title])
          : related?.name ? el("a", { href: `#/contacts/${related.id}` }, [related.name]) : "";
        const overdue = new Date(activity.dueDate).getTime() < now - 86_400_000 / 2 && new Date(activity.dueDate).toDateString() !== new Date().toDateString();
        return el("li", { class: overdue ? "activity overdue" : "activity", "data-id": activity.id }, [
          done, el("label", { for: `work-${activity.id}` }, [`${activity.type ?? "note"}: ${activity.subject ?? ""}`]), link,
          el("span", { class: "due" }, [`${overdue ? "overdue since" : "due"} ${day(activity.dueDate)}`]),
        ]);
      }));
      if (!items.length) list.append(el("li", { class: "empty" }, ["Nothing due. Well done."]));
      list.dataset.loaded = String(Date.now());
    } catch (error) {
      announce(`Could not load your work: ${words(error)}`, true);
    }
  }
  load();
  // A teammate's new, moved or completed activity shows at once.
  return reloadOn("subscription WorkEvents { activityEvents { event node { id } } }", {}, load);
}
