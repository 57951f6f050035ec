// The CRM app: log in or sign up, then the pipeline board. Talks only to the public GraphQL API
// and its subscriptions.
import { graphql, session, words } from "./api.js";
import { closeAll } from "./live.js";
import { el } from "./dom.js";
import { mountBoard } from "./board.js";
import { mountDeal } from "./deal.js";
import { mountList, mountRecord } from "./records.js";
import { mountWork } from "./work.js";

const view = document.getElementById("view");
const status = document.getElementById("status");
const who = document.getElementById("who");
const nav = document.getElementById("nav");
const logout = document.getElementById("logout");
let unmount = null;

function announce(message, isError = false) {
  status.textContent = message;
  status.classList.toggle("error", isError);
}

function field(label, attributes) {
  const id = `field-${attributes.name}`;
  return el("p", { class: "field" }, [el("label", { for: id }, [label]), el("input", { id, required: true, ...attributes })]);
}

function showLogin(message = "") {
  unmount?.();
  unmount = null;
  nav.hidden = true;
  logout.hidden = true;
  who.textContent = "";
  let signingUp = false;
  const email = field("Email", { name: "email", type: "email", autocomplete: "email" });
  email.hidden = true;
  email.querySelector("input").required = false;
  const submit = el("button", { type: "submit", id: "login-submit" }, ["Log in"]);
  const toggle = el("button", { type: "button", class: "link", id: "login-toggle" }, ["New here? Create an account"]);
  const heading = el("h1", {}, ["Log in to your pipeline"]);
  const form = el("form", { class: "login", id: "login-form", "aria-labelledby": "login-heading" }, [
    heading,
    field("Username", { name: "username", autocomplete: "username" }),
    field("Password", { name: "password", type: "password", autocomplete: "current-password" }),
    email, submit, toggle,
  ]);
  heading.id = "login-heading";
  toggle.addEventListener("click", () => {
    signingUp = !signingUp;
    email.hidden = !signingUp;
    heading.textContent = signingUp ? "Create your account" : "Log in to your pipeline";
    submit.textContent = signingUp ? "Sign up" : "Log in";
    toggle.textContent = signingUp ? "Have an account? Log in" : "New here? Create an account";
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    submit.disabled = true;
    announce(signingUp ? "Creating your account…" : "Logging in…");
    try {
      const data = signingUp
        ? (await graphql("mutation SignUp($fields: CreateUserFieldsInput) { signUp(input: {fields: $fields}) { viewer { sessionToken user { username } } } }",
          { fields: { username: values.username, password: values.password, ...(values.email ? { email: values.email } : {}) } })).signUp
        : (await graphql("mutation LogIn($username: String!, $password: String!) { logIn(input: {username: $username, password: $password}) { viewer { sessionToken user { username } } } }",
          { username: values.username, password: values.password })).logIn;
      session.save(data.viewer.sessionToken, data.viewer.user.username);
      announce("");
      route();
    } catch (error) {
      announce(words(error), true);
      submit.disabled = false;
    }
  });
  view.replaceChildren(form);
  if (message) announce(message, true);
  form.querySelector("input").focus();
}

function route() {
  const current = session.current;
  if (!current) return showLogin();
  nav.hidden = false;
  logout.hidden = false;
  who.textContent = current.username;
  unmount?.();
  unmount = null;
  // #/board, #/work, #/deal/<id or new>, #/contacts, #/contacts/<id>, #/companies, #/companies/<id>
  const [, page, id] = location.hash.split("/");
  for (const link of nav.querySelectorAll("a")) {
    link.toggleAttribute("aria-current", link.getAttribute("href") === `#/${page}`);
  }
  if (page === "deal" && id) unmount = mountDeal(view, decodeURIComponent(id), { announce });
  else if ((page === "contacts" || page === "companies") && id) unmount = mountRecord(view, page, decodeURIComponent(id), { announce });
  else if (page === "contacts" || page === "companies") unmount = mountList(view, page, { announce });
  else if (page === "work") unmount = mountWork(view, { announce });
  else unmount = mountBoard(view, { announce });
}

logout.addEventListener("click", async () => {
  try {
    await graphql("mutation LogOut { logOut(input: {}) { ok } }");
  } catch {
    // The session may already be gone; the browser forgets it either way.
  }
  closeAll();
  session.clear();
  announce("You are logged out.");
  showLogin();
});

window.addEventListener("session-ended", () => {
  closeAll();
  showLogin("Your session has ended. Please log in again.");
});
window.addEventListener("hashchange", route);
route();
