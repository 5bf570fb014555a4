// qualdeid review: the page's behaviour. Plain JavaScript, no library, nothing fetched from elsewhere.
// Every request carries this run's token in a header; every text from the corpus goes into the page
// as text (textContent), never as markup.
"use strict";

const TOKEN = document.querySelector('meta[name="review-token"]').content;
const NAMES = {
  PERSON: "person", LOCATION: "place", ORGANIZATION: "organisation", DATE_TIME: "date",
  AGE: "age", CONTACT: "contact", ID: "ID", RARE_DETAIL: "detail",
};
const LABELS = Object.keys(NAMES);
const PAGE = 60;

const S = {
  which: "open", list: [], total: 0, index: -1,
  group: null, occ: -1, doc: null, state: null, people: null, panel: "group", busy: false,
};
const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- helpers

async function api(path, body) {
  const options = { headers: { "X-Review-Token": TOKEN } };
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch("/api/" + path, options);
  const data = await response.json().catch(() => ({ error: "the review stopped answering; is it still running?" }));
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function toast(message, ms = 2600) {
  const t = $("toast");
  t.textContent = message;
  t.classList.add("show");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.remove("show"), ms);
}

async function act(fn, done) {
  if (S.busy) return;
  S.busy = true;
  try {
    const result = await fn();
    if (done) toast(typeof done === "function" ? done(result) : done);
    return result;
  } catch (e) {
    toast("Not saved: " + e.message, 5000);
  } finally {
    S.busy = false;
  }
}

function plural(n, one, many) { return `${n} ${n === 1 ? one : many || one + "s"}`; }

function labelSelect(selected) {
  return h("select", { "aria-label": "label" },
    LABELS.map((l) => h("option", { value: l, selected: l === selected }, NAMES[l])));
}

// ---------------------------------------------------------------- progress and state

async function poll() {
  let state;
  try { state = await api("state"); } catch (e) { return banner("The review stopped answering: " + e.message, true); }
  S.state = state;
  showState();
  if (state.status === "ready") {
    await loadList(true);
    if (S.list.length) await selectGroup(0);
    else if (state.documents) await openDoc(0);
  } else if (state.status === "failed") {
    banner("The scan failed (" + state.failure + "). See the terminal; run qualdeid review again.", true);
  } else {
    setTimeout(poll, 400);
  }
}

function showState() {
  const s = S.state;
  const text = $("progress-text");
  const fill = $("bar-fill");
  if (s.status !== "ready") {
    const p = s.progress;
    const stage = p.stage === 2 ? "finishing" : "analysing";
    text.textContent = p.total ? `Scanning: ${p.done} of ${p.total} documents (${stage})` : `Scanning… ${p.done}`;
    fill.style.width = p.total ? `${Math.round((100 * p.done) / p.total)}%` : "0";
    return;
  }
  text.textContent = `${s.decided} of ${plural(s.groups, "group")} decided · ${plural(s.documents, "document")}`;
  fill.style.width = s.groups ? `${Math.round((100 * s.decided) / s.groups)}%` : "100%";
  $("count-open").textContent = String(s.groups - s.decided);
  $("count-stale").textContent = s.stale.length ? String(s.stale.length) : "";
  $("undo").disabled = !s.can_undo;
  $("undo").title = s.can_undo ? `Undo: ${s.can_undo} (u)` : "Nothing to undo";
  const notes = [];
  if (s.errors.length) notes.push(`${plural(s.errors.length, "input")} could not be read: ${s.errors.join("; ")}`);
  if (s.stale.length) notes.push(`${plural(s.stale.length, "earlier decision")} no longer match their text (edited documents): see Stale.`);
  banner(notes.join(" "), s.errors.length > 0);
}

function banner(message, error) {
  const b = $("banner");
  b.hidden = !message;
  b.textContent = message || "";
  b.classList.toggle("error", !!error);
}

async function refreshState() {
  S.state = await api("state");
  showState();
}

// ---------------------------------------------------------------- the queue

async function loadList(reset) {
  if (reset) S.list = [];
  const offset = S.list.length;
  if (S.which === "docs") {
    const page = await api(`documents?offset=${offset}&limit=${PAGE * 2}`);
    S.list = S.list.concat(page.documents.map((d) => ({ doc: d })));
    S.total = page.total;
  } else {
    const page = await api(`groups?offset=${offset}&limit=${PAGE}&which=${S.which}`);
    S.list = S.list.concat(page.groups);
    S.total = page.total;
  }
  renderList();
}

function renderList() {
  const ol = $("list");
  ol.replaceChildren();
  S.list.forEach((g, i) => {
    if (g.doc) {
      const d = g.doc;
      ol.append(h("li", { tabindex: 0, class: S.doc && S.doc.doc === d.doc ? "on" : "", onclick: () => openDoc(d.doc) },
        h("div", { class: "title" }, h("span", { class: "name" }, d.id)),
        h("div", { class: "meta" }, d.items ? `${d.open} of ${d.items} to decide` : "nothing to decide")));
      return;
    }
    const done = g.decided === g.occurrences;
    ol.append(h("li", { tabindex: 0, class: i === S.index ? "on" : "", dataset: { group: g.id }, onclick: () => selectGroup(i) },
      h("div", { class: "title" }, h("span", { class: "name" }, g.title), h("span", { class: `chip l-${g.label}` }, NAMES[g.label]),
        done ? h("span", { class: "done" }, "✓ decided") : null),
      h("div", { class: "meta" }, `${plural(g.occurrences, "occurrence")} in ${plural(g.documents, "document")}`),
      h("div", { class: "q" }, g.question)));
  });
  if (!S.list.length) {
    ol.append(h("li", { class: "hint" }, S.which === "open" ? "Nothing left to decide. ✓" : "Nothing here."));
  }
  $("more").hidden = S.list.length >= S.total;
}

async function selectGroup(i) {
  if (S.which === "docs" || i < 0 || i >= S.list.length) return;
  S.index = i;
  renderList();
  const li = $("list").children[i];
  if (li) li.scrollIntoView({ block: "nearest" });
  const group = await api("group?id=" + encodeURIComponent(S.list[i].id));
  S.group = group;
  showPanel("group");
  renderGroup();
  await showOccurrence(0);
}

async function showOccurrence(n) {
  const g = S.group;
  if (!g || !g.items.length) return;
  S.occ = (n + g.items.length) % g.items.length;
  const it = g.items[S.occ];
  await openDoc(it.doc, it);
  document.querySelectorAll(".occ li").forEach((li, k) => li.classList.toggle("on", k === S.occ));
}

// ---------------------------------------------------------------- the group panel

function renderGroup() {
  const g = S.group;
  const pane = $("panel-group");
  pane.replaceChildren();
  if (!g) return;
  const select = labelSelect(g.label);
  select.id = "group-label";
  pane.append(
    h("h2", {}, g.title),
    h("p", { class: "meta" }, `${plural(g.occurrences, "occurrence")} in ${plural(g.documents, "document")} · ${g.decided} decided`),
    h("p", { class: "question" }, g.question),
    h("div", { class: "actions" },
      h("button", { class: "primary", id: "accept", onclick: () => decideGroup("accept") }, "Accept proposal ", h("kbd", {}, "a"))),
    h("div", { class: "actions" },
      h("button", { class: "good", id: "all-replace", onclick: () => decideGroup("replace", select.value) }, "Identifier everywhere ", h("kbd", {}, "r")),
      select,
      h("button", { class: "bad", id: "all-keep", onclick: () => decideGroup("keep") }, "Not an identifier ", h("kbd", {}, "x"))),
    h("p", { class: "proposed" }, `Proposed: replace ${g.proposed.replace} · keep ${g.proposed.keep}. Click an occurrence to see it in its document.`),
    h("ol", { class: "occ" }, g.items.map((it, k) => occurrenceRow(it, k))));
}

function occurrenceRow(it, k) {
  const state = it.decision
    ? h("span", { class: "state decided" }, it.decision.action === "replace" ? `✓ ${NAMES[it.decision.label] || "identifier"}` : "✓ kept")
    : h("span", { class: `state ${it.action}` }, it.action === "replace" ? "proposed: replace" : "proposed: keep");
  return h("li", { class: k === S.occ ? "on" : "", onclick: () => showOccurrence(k) },
    h("div", { class: "where" }, h("span", {}, it.doc_id), state),
    h("div", { class: "kwic" }, "…" + it.before.replace(/\s+/g, " "), h("b", {}, it.text), it.after.replace(/\s+/g, " ") + "…"),
    h("div", { class: "row" },
      h("button", { class: "good", title: "This one is an identifier", onclick: (e) => { e.stopPropagation(); decideOne(it, "replace", it.label); } }, "identifier"),
      h("button", { class: "bad", title: "This one is not an identifier", onclick: (e) => { e.stopPropagation(); decideOne(it, "keep"); } }, "not")));
}

async function decideGroup(action, label) {
  const g = S.group;
  if (!g) return;
  const body = { group: g.id, action };
  if (action === "replace" && label) body.label = label;
  const said = { accept: "Accepted", replace: "Identifier everywhere", keep: "Kept everywhere" }[action];
  if (await act(() => api("decide_group", body), said)) await afterGroupDecision();
}

async function afterGroupDecision() {
  const index = S.index;
  await refreshState();
  await loadList(true);
  if (!S.list.length) { S.group = null; renderGroup(); toast("Everything in this list is decided. ✓"); return reopenDoc(); }
  const next = S.which === "open" ? Math.min(index, S.list.length - 1) : Math.min(index + 1, S.list.length - 1);
  await selectGroup(next);
}

async function decideOne(it, action, label) {
  const r = await act(() => api("decide", { doc: it.doc, start: it.start, end: it.end, action, label }), action === "keep" ? "Kept" : "Marked as an identifier");
  if (r) await refreshAll();
}

async function refreshAll() {
  await refreshState();
  const current = S.group && S.group.id;
  await loadList(true);
  if (current) {
    const i = S.list.findIndex((g) => g.id === current);
    S.index = i;
    try { S.group = await api("group?id=" + encodeURIComponent(current)); } catch { S.group = null; }
    renderList();
    renderGroup();
  }
  await reopenDoc();
  if (S.panel === "people") await showPeople(true);
}

// ---------------------------------------------------------------- the document

async function openDoc(index, focus) {
  if (index === null || index === undefined) return;
  const d = await api("document/" + index);
  S.doc = d;
  S.focus = focus || null;
  renderDoc();
  if (S.which === "docs") renderList();
}

async function reopenDoc() {
  if (S.doc) await openDoc(S.doc.doc, S.focus);
}

function marksOf(d) {
  const marks = d.spans.map((s) => ({ start: s.start, end: s.end, label: s.label, span: s }));
  for (const it of d.items) {
    const m = marks.find((x) => x.span && x.start < it.end && it.start < x.end);
    if (m) { if (!m.item) m.item = it; } else marks.push({ start: it.start, end: it.end, label: it.label, item: it });
  }
  for (const k of d.kept) {
    if (!marks.some((x) => x.start < k.end && k.start < x.end)) marks.push({ start: k.start, end: k.end, label: null, kept: true });
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  for (const m of marks) if (!out.length || m.start >= out[out.length - 1].end) out.push(m);
  return out;
}

function renderDoc() {
  const d = S.doc;
  $("doc-title").textContent = d.id;
  $("prev-doc").disabled = d.previous === null;
  $("next-doc").disabled = d.next === null;
  const article = $("doc-text");
  article.replaceChildren();
  const group = S.group ? S.group.id : null;
  let at = 0;
  let focusEl = null;
  for (const m of marksOf(d)) {
    if (m.start > at) article.append(h("span", { dataset: { o: at } }, d.text.slice(at, m.start)));
    const it = m.item;
    const decidedKeep = m.kept || (it && it.decision && it.decision.action === "keep");
    const decided = decidedKeep || (m.span && m.span.decided) || (it && it.decision);
    let cls = "m";
    let tag;
    if (decidedKeep) { cls += " kept"; tag = "kept ✓"; }
    else if (m.span) { cls += ` l-${m.label}`; tag = NAMES[m.label] + (decided ? " ✓" : it ? " ?" : ""); if (it && !decided) cls += " maybe"; }
    else { cls += ` maybe l-${m.label}`; tag = NAMES[m.label] + " ?"; }
    if (it && it.group === group) cls += " here";
    const mark = h("mark", { class: cls, tabindex: -1, title: it ? it.reason : m.span ? `${NAMES[m.label]} (${m.span.detector || "found"})` : "kept as written",
      onclick: (e) => { e.stopPropagation(); markMenu(m, mark); } },
      h("span", { dataset: { o: m.start } }, d.text.slice(m.start, m.end)),
      h("span", { class: "tag", "aria-hidden": "true" }, tag));
    mark.setAttribute("aria-label", `${d.text.slice(m.start, m.end)}: ${tag}`);
    if (S.focus && m.start < S.focus.end && S.focus.start < m.end) focusEl = mark;
    article.append(mark);
    at = m.end;
  }
  if (at < d.text.length) article.append(h("span", { dataset: { o: at } }, d.text.slice(at)));
  if (focusEl) {
    focusEl.classList.add("flash");
    focusEl.scrollIntoView({ block: "center" });
  } else {
    article.scrollTop = 0;
  }
}

// ---------------------------------------------------------------- menus: a mark, a selection

function closeMenu() { $("popover").hidden = true; S.menu = null; }

function openMenu(anchorRect, content, kind) {
  const pop = $("popover");
  pop.replaceChildren(...content);
  pop.hidden = false;
  S.menu = kind;
  const w = pop.offsetWidth, hgt = pop.offsetHeight;
  let left = Math.min(anchorRect.left, window.innerWidth - w - 12);
  let top = anchorRect.bottom + 8;
  if (top + hgt > window.innerHeight - 8) top = Math.max(8, anchorRect.top - hgt - 8);
  pop.style.left = `${Math.max(8, left)}px`;
  pop.style.top = `${top}px`;
  const first = pop.querySelector("button, input, select");
  if (first) first.focus();
}

function markMenu(m, el) {
  const d = S.doc;
  const text = d.text.slice(m.start, m.end);
  const where = { doc: d.doc, start: m.start, end: m.end };
  const content = [h("h3", {}, `“${text}”` + (m.label ? ` · ${NAMES[m.label]}` : ""))];
  if (m.item) content.push(h("p", { class: "hint" }, m.item.reason));
  const select = labelSelect(m.label || "PERSON");
  content.push(h("div", { class: "actions" },
    h("button", { class: "good", onclick: () => one(where, "replace", select.value) }, "Identifier"), select),
    h("div", { class: "actions" },
      h("button", { class: "bad", onclick: () => one(where, "keep") }, "Not an identifier: keep as written")));
  if (m.label === "PERSON" && !m.kept) {
    const name = h("input", { type: "text", placeholder: "a name for the other person (optional)", "aria-label": "name for the other person" });
    content.push(h("h3", {}, "A different person with the same name?"), name,
      h("button", { onclick: () => split(where, name.value) }, "Split: another person"));
  }
  if (m.label === "RARE_DETAIL") content.push(...rareControls(where, text));
  openMenu(el.getBoundingClientRect(), content, "mark");
}

function rareControls(where, text) {
  const input = h("input", { type: "text", placeholder: "write instead, e.g. had an unusual hobby", "aria-label": "general text" });
  const sugg = h("div", { class: "sugg" });
  api("suggestions?text=" + encodeURIComponent(text)).then((r) => {
    for (const s of r.suggestions) sugg.append(h("button", { onclick: () => { input.value = s; input.focus(); } }, s));
  }).catch(() => {});
  return [
    h("h3", {}, "Rare detail"),
    h("div", { class: "actions" },
      h("button", { onclick: () => rare(where, "keep") }, "Keep as written"),
      h("button", { onclick: () => rare(where, "placeholder") }, "Placeholder")),
    input, sugg,
    h("button", { class: "primary", onclick: () => rare(where, "generalise", input.value) }, "Generalise"),
  ];
}

async function one(where, action, label) {
  closeMenu();
  const r = await act(() => api("decide", { ...where, action, label }), action === "keep" ? "Kept as written" : `Marked: ${NAMES[label]}`);
  if (r) await refreshAll();
}

async function split(where, name) {
  closeMenu();
  const r = await act(() => api("split", { ...where, name }), "Split off as another person");
  if (r) await refreshAll();
}

async function rare(where, choice, text) {
  closeMenu();
  const r = await act(() => api("rare", { ...where, choice, text: text || "" }), (x) => x.replace ? `Will be written as “${x.replace}”` : "Kept as written");
  if (r) await refreshAll();
}

function selectionOffsets() {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  const article = $("doc-text");
  if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end, rect: range.getBoundingClientRect() };
}

function offsetOf(node, offset) {
  if (node.nodeType === Node.TEXT_NODE) {
    const el = node.parentElement;
    if (el && el.dataset.o !== undefined) return Number(el.dataset.o) + offset;
    const mark = el && el.closest("mark");  // inside a label tag: the end of the mark's text
    const inner = mark && mark.querySelector("[data-o]");
    return inner ? Number(inner.dataset.o) + inner.textContent.length : null;
  }
  const child = node.childNodes[offset];
  const el = child && (child.dataset && child.dataset.o !== undefined ? child : child.querySelector && child.querySelector("[data-o]"));
  if (el) return Number(el.dataset.o);
  const last = node.querySelectorAll ? [...node.querySelectorAll("[data-o]")].pop() : null;
  return last ? Number(last.dataset.o) + last.textContent.length : null;
}

function selectionMenu() {
  const s = selectionOffsets();
  if (!s) return;
  const text = S.doc.text.slice(s.start, s.end);
  if (!text.trim() || text.length > 300) return;
  S.selection = s;
  openMenu(s.rect, [
    h("h3", {}, `Mark “${text.trim()}” as`),
    h("div", { class: "grid" }, LABELS.map((l, k) =>
      h("button", { class: `add-${l}`, onclick: () => addSelected(l) }, h("kbd", {}, String(k + 1)), " ", NAMES[l]))),
    h("p", { class: "hint" }, "The same text elsewhere in the corpus is then offered for review."),
  ], "selection");
}

async function addSelected(label) {
  const s = S.selection;
  closeMenu();
  if (!s) return;
  window.getSelection().removeAllRanges();
  const r = await act(() => api("add", { doc: S.doc.doc, start: s.start, end: s.end, label }),
    (x) => x.offered ? `Added. ${plural(x.offered, "more occurrence")} offered for review` : "Added");
  if (!r) return;
  S.focus = { start: r.start, end: r.end };
  await refreshAll();
  if (r.group) {
    const i = S.list.findIndex((g) => g.id === r.group);
    if (i >= 0) { S.index = i; renderList(); }
  }
}

// ---------------------------------------------------------------- people and stale decisions

function showPanel(name) {
  S.panel = name;
  for (const p of ["group", "people", "stale"]) $("panel-" + p).hidden = p !== name;
  document.querySelectorAll(".panel .tabs button").forEach((b) => b.classList.toggle("on", b.dataset.panel === name));
  if (name === "people") showPeople(false);
  if (name === "stale") showStale();
}

async function showPeople(fresh) {
  if (!S.people || fresh) S.people = (await api("people")).people;
  const pane = $("panel-people");
  pane.replaceChildren(h("p", { class: "hint" }, "People as scrub will tell them apart. Merge two that are one person; split a mention that is someone else."));
  const shown = S.people.slice(0, 300);
  for (const p of shown) {
    const target = h("select", { "aria-label": "merge into" }, h("option", { value: "" }, "merge into…"),
      shown.filter((q) => q.id !== p.id).map((q) => h("option", { value: q.id }, q.name)));
    pane.append(h("div", { class: "person", dataset: { person: p.id } },
      h("div", { class: "pname" }, p.name, p.decided ? h("span", { class: "state decided" }, " ✓ decided") : null),
      h("div", { class: "forms" }, `${p.forms.join(", ")} · ${plural(p.mentions, "mention")} in ${plural(p.documents, "document")}`),
      h("div", { class: "actions" }, target, h("button", { onclick: () => merge(p.id, target.value) }, "Merge")),
      mentionsOf(p)));
  }
  if (S.people.length > shown.length) pane.append(h("p", { class: "hint" }, `and ${S.people.length - shown.length} more`));
}

function mentionsOf(p) {
  const list = h("ol", { class: "occ" });
  const details = h("details", {}, h("summary", {}, "mentions"), list);
  details.addEventListener("toggle", async () => {
    if (!details.open || list.childElementCount) return;
    const person = await api("person?id=" + p.id);
    list.append(...person.mentions.map((m) => h("li", { onclick: () => openDoc(m.doc, m) },
      h("div", { class: "where" }, m.doc_id),
      h("div", { class: "kwic" }, "…" + m.before.replace(/\s+/g, " "), h("b", {}, m.text), m.after.replace(/\s+/g, " ") + "…"),
      h("div", { class: "row" }, h("button", { onclick: (e) => { e.stopPropagation(); split(m, ""); } }, "split: another person")))));
  });
  return details;
}

async function merge(person, into) {
  if (into === "") return toast("Choose who to merge into");
  const r = await act(() => api("merge", { person, into: Number(into) }), "Merged");
  if (r) { S.people = null; await refreshAll(); await showPeople(true); }
}

function showStale() {
  const pane = $("panel-stale");
  const stale = (S.state && S.state.stale) || [];
  pane.replaceChildren(h("p", { class: "hint" }, stale.length
    ? "These decisions were made on text that has changed since (the document was edited). They are not applied; decide again where needed."
    : "No stale decisions."));
  pane.append(h("ol", { class: "occ" }, stale.map((s) => h("li", {},
    h("div", { class: "where" }, s.doc), h("div", { class: "kwic" }, h("b", {}, s.text), ` — was: ${s.decision}`)))));
}

// ---------------------------------------------------------------- wiring

function setWhich(which) {
  S.which = which;
  S.index = -1;
  document.querySelectorAll(".queue .tabs button").forEach((b) => b.classList.toggle("on", b.dataset.which === which));
  loadList(true);
}

async function undo() {
  const r = await act(() => api("undo", {}), (x) => `Undone: ${x.undone}`);
  if (r) await refreshAll();
}

function onKey(e) {
  const typing = e.target.closest && e.target.closest("input, select, textarea");
  if (e.key === "Escape") { closeMenu(); if ($("help").open) $("help").close(); return; }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (S.menu === "selection" && /^[1-8]$/.test(e.key)) { e.preventDefault(); return addSelected(LABELS[Number(e.key) - 1]); }
  const keys = {
    j: () => selectGroup(S.index + 1), ArrowDown: () => selectGroup(S.index + 1),
    k: () => selectGroup(S.index - 1), ArrowUp: () => selectGroup(S.index - 1),
    a: () => decideGroup("accept"), x: () => decideGroup("keep"),
    r: () => decideGroup("replace", $("group-label") && $("group-label").value),
    n: () => showOccurrence(S.occ + 1), p: () => showOccurrence(S.occ - 1),
    u: undo, "?": () => $("help").showModal(), d: () => setWhich("docs"), m: () => showPanel("people"),
    "[": () => S.doc && openDoc(S.doc.previous), "]": () => S.doc && openDoc(S.doc.next),
  };
  const fn = keys[e.key];
  if (fn && (S.state && S.state.status === "ready")) { e.preventDefault(); closeMenu(); fn(); }
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".queue .tabs button").forEach((b) => b.addEventListener("click", () => setWhich(b.dataset.which)));
  document.querySelectorAll(".panel .tabs button").forEach((b) => b.addEventListener("click", () => showPanel(b.dataset.panel)));
  $("more").addEventListener("click", () => loadList(false));
  $("undo").addEventListener("click", undo);
  $("help-button").addEventListener("click", () => $("help").showModal());
  $("help-close").addEventListener("click", () => $("help").close());
  $("prev-doc").addEventListener("click", () => S.doc && openDoc(S.doc.previous));
  $("next-doc").addEventListener("click", () => S.doc && openDoc(S.doc.next));
  $("doc-text").addEventListener("mouseup", () => setTimeout(selectionMenu, 0));
  document.addEventListener("keydown", onKey);
  document.addEventListener("mousedown", (e) => { if (!$("popover").contains(e.target)) closeMenu(); });
  poll();
});
