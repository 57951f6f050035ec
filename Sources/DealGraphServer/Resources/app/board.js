// The pipeline board: one column per stage with its count and total (dealPipeline), a page of
// cards per column with "Show more", filters, moving a card by dragging it, by its stage menu or
// with Alt+Arrow keys, and live updates from the deal subscription.
import { graphql, words } from "./api.js";
import { reloadOn } from "./live.js";
import { el, money, day, literal } from "./dom.js";

export const STAGES = ["lead", "qualified", "proposal", "negotiation", "won", "lost"];
const PAGE = 20;
const CARD = "id objectId title amount stage expectedCloseDate company { name } contact { name } assignedTo { username }";


export function mountBoard(view, { announce }) {
  const filters = { assignee: "", company: "", text: "" };
  const columns = new Map(); // stage -> { list, heading, more, deals, cursor }

  function where(stage) {
    const parts = [];
    if (stage) parts.push({ stage: { equalTo: stage } });
    if (filters.assignee) parts.push({ assignedTo: { have: { username: { equalTo: filters.assignee } } } });
    if (filters.company) parts.push({ company: { have: { name: { matchesRegex: literal(filters.company), options: "i" } } } });
    if (filters.text) parts.push({ title: { matchesRegex: literal(filters.text), options: "i" } });
    return parts.length ? { AND: parts } : {};
  }

  const assignee = el("select", { id: "filter-assignee", "aria-label": "Filter by assignee" }, [el("option", { value: "" }, ["Everyone"])]);
  const company = el("input", { id: "filter-company", type: "search", placeholder: "Company", "aria-label": "Filter by company" });
  const text = el("input", { id: "filter-text", type: "search", placeholder: "Search deals", "aria-label": "Search deal titles" });
  let typing = null;
  for (const [input, key] of [[assignee, "assignee"], [company, "company"], [text, "text"]]) {
    input.addEventListener("input", () => {
      filters[key] = input.value.trim();
      clearTimeout(typing);
      typing = setTimeout(load, 250);
    });
  }
  const board = el("div", { class: "board", id: "board" });
  const create = el("a", { class: "button", id: "new-deal", href: "#/deal/new" }, ["New deal"]);
  view.replaceChildren(el("form", { class: "filters", role: "search", onsubmit: (e) => e.preventDefault() }, [assignee, company, text, create]), board);

  for (const stage of STAGES) {
    const heading = el("h2", { id: `stage-${stage}` }, [stage]);
    const list = el("ol", { class: "cards", "aria-labelledby": `stage-${stage}` });
    const more = el("button", { type: "button", class: "more", hidden: true, onclick: () => loadMore(stage) }, ["Show more"]);
    const column = el("section", { class: "column", "data-stage": stage }, [heading, list, more]);
    board.append(column);
    columns.set(stage, { column, list, heading, more, deals: [], cursor: null });
  }

  function card(deal) {
    const select = el("select", { "aria-label": `Stage of ${deal.title}`, class: "stage-menu" },
      STAGES.map((stage) => el("option", { value: stage, selected: stage === deal.stage }, [stage])));
    select.addEventListener("change", () => move(deal, select.value));
    const item = el("li", { class: "card", tabindex: "0", "data-id": deal.id, "aria-label": `${deal.title}, ${money(deal.amount)}` }, [
      el("a", { class: "title", href: `#/deal/${deal.id}` }, [deal.title]),
      el("span", { class: "amount" }, [money(deal.amount)]),
      el("span", { class: "company" }, [deal.company?.name ?? ""]),
      el("span", { class: "contact" }, [deal.contact?.name ?? ""]),
      el("span", { class: "assignee" }, [deal.assignedTo?.username ? `@${deal.assignedTo.username}` : "unassigned"]),
      el("span", { class: "close" }, [deal.expectedCloseDate ? `closes ${day(deal.expectedCloseDate)}` : ""]),
      select,
    ]);
    item.addEventListener("keydown", (event) => {
      if (!event.altKey || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return;
      event.preventDefault();
      const next = STAGES[STAGES.indexOf(deal.stage) + (event.key === "ArrowRight" ? 1 : -1)];
      if (next) move(deal, next);
    });
    item.addEventListener("pointerdown", (event) => drag(event, deal, item));
    return item;
  }

  // Dragging with pointer events (mouse, touch and pen alike): the card follows the pointer and
  // lands in the column under it.
  function drag(event, deal, item) {
    if (event.button !== 0 || event.target.closest("select, a")) return;
    const start = { x: event.clientX, y: event.clientY };
    let moving = false;
    const onMove = (e) => {
      if (!moving && Math.hypot(e.clientX - start.x, e.clientY - start.y) < 6) return;
      moving = true;
      item.classList.add("dragging");
      item.style.transform = `translate(${e.clientX - start.x}px, ${e.clientY - start.y}px)`;
      for (const { column } of columns.values()) column.classList.toggle("drop", column.contains(under(e)));
    };
    const under = (e) => {
      item.style.pointerEvents = "none";
      const target = document.elementFromPoint(e.clientX, e.clientY);
      item.style.pointerEvents = "";
      return target;
    };
    const onUp = (e) => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      item.classList.remove("dragging");
      item.style.transform = "";
      for (const { column } of columns.values()) column.classList.remove("drop");
      if (!moving) return;
      const stage = under(e)?.closest(".column")?.dataset.stage;
      if (stage && stage !== deal.stage) move(deal, stage);
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
  }

  async function move(deal, stage) {
    const from = deal.stage;
    announce(`Moving ${deal.title} to ${stage}…`);
    try {
      await graphql("mutation Move($id: ID!, $stage: String!) { updateDeal(input: {id: $id, fields: {stage: $stage}}) { deal { id stage } } }",
        { id: deal.id, stage });
      deal.stage = stage;
      announce(`${deal.title} moved from ${from} to ${stage}.`);
      await load();
      columns.get(stage)?.list.querySelector(`[data-id="${deal.id}"]`)?.focus();
    } catch (error) {
      announce(`Could not move ${deal.title}: ${words(error)}`, true);
      // The card's menu shows the refused stage: draw every column again.
      for (const column of columns.values()) column.shown = null;
      await load();
    }
  }

  function show(stage, totals) {
    const column = columns.get(stage);
    const { heading, list, more, deals, cursor } = column;
    // A reload that changes nothing in a column leaves it (and a drag or focus in it) alone.
    const shown = JSON.stringify([totals, deals, cursor]);
    if (shown === column.shown) return;
    column.shown = shown;
    heading.replaceChildren(el("span", {}, [stage]),
      el("span", { class: "count", "data-count": String(totals?.count ?? 0) }, [String(totals?.count ?? 0)]),
      el("span", { class: "total" }, [money(totals?.totalAmount ?? 0)]));
    // A keyboard user's focused card keeps the focus across a redraw (a teammate's change).
    const focused = list.contains(document.activeElement) ? document.activeElement.closest(".card")?.dataset.id : null;
    list.replaceChildren(...deals.map(card));
    if (focused) list.querySelector(`[data-id="${focused}"]`)?.focus();
    more.hidden = !cursor;
  }

  let totals = new Map();
  async function load() {
    const aliases = STAGES.map((stage, index) =>
      `s${index}: deals(where: $w${index}, first: ${PAGE}, order: [updatedAt_DESC]) { edges { node { ${CARD} } } pageInfo { hasNextPage endCursor } }`);
    const variables = { all: where(null) };
    STAGES.forEach((stage, index) => { variables[`w${index}`] = where(stage); });
    const declarations = ["$all: DealWhereInput", ...STAGES.map((_, index) => `$w${index}: DealWhereInput`)].join(", ");
    try {
      const data = await graphql(`query Board(${declarations}) { dealPipeline(where: $all) { stage count totalAmount } ${aliases.join(" ")} }`, variables);
      totals = new Map(data.dealPipeline.map((row) => [row.stage, row]));
      STAGES.forEach((stage, index) => {
        const page = data[`s${index}`];
        const column = columns.get(stage);
        column.deals = page.edges.map((edge) => edge.node);
        column.cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        show(stage, totals.get(stage));
      });
      board.dataset.loaded = String(Date.now());
      // Milliseconds from the page's start to the first complete board (the first-paint figure).
      board.dataset.firstPaint ??= String(Math.round(performance.now()));
    } catch (error) {
      announce(`Could not load the pipeline: ${words(error)}`, true);
    }
  }

  async function loadMore(stage) {
    const column = columns.get(stage);
    try {
      const data = await graphql(`query More($w: DealWhereInput, $after: String) { deals(where: $w, first: ${PAGE}, after: $after, order: [updatedAt_DESC]) { edges { node { ${CARD} } } pageInfo { hasNextPage endCursor } } }`,
        { w: where(stage), after: column.cursor });
      column.deals.push(...data.deals.edges.map((edge) => edge.node));
      column.cursor = data.deals.pageInfo.hasNextPage ? data.deals.pageInfo.endCursor : null;
      show(stage, totals.get(stage));
    } catch (error) {
      announce(`Could not load more ${stage} deals: ${words(error)}`, true);
    }
  }

  async function loadAssignees() {
    try {
      const data = await graphql("{ users(first: 100, order: [username_ASC]) { edges { node { username } } } }");
      for (const edge of data.users.edges) assignee.append(el("option", { value: edge.node.username }, [edge.node.username]));
    } catch {
      // Without the list the board still works; the filter offers "Everyone" only.
    }
  }

  loadAssignees();
  load();
  // Another user's change arrives as an event; the board reloads once for a burst of them.
  return reloadOn("subscription BoardEvents { dealEvents { event node { id } } }", {}, load);
}
