// The studio's forms: the entries (list, order, one entry's fields), the contacts, the categories,
// the synonyms and the unanswered topics. Each control's data-path is the place in faq.json it
// edits, the path the validator's findings name.

import { h } from "../src/dom.js";
import { entryLabel, freshId, getAt, linesToList, linesToSynonyms, listToLines, parsePath, setAt, synonymsToLines } from "./model.js";
import { button, field, select } from "./ui.js";

/** The form of a tab: "entries", "contacts", "categories", "synonyms" or "unanswered". */
export function editorPanel(app, tab) {
  if (tab === "contacts") return contactsForm(app);
  if (tab === "categories") return categoriesForm(app);
  if (tab === "synonyms") return synonymsForm(app);
  if (tab === "unanswered") return unansweredForm(app);
  return entriesForm(app);
}

/** A text field bound to `path` in the draft; `list` fields are one item a line. */
function bound(app, label, path, opts = {}) {
  const parts = parsePath(path);
  const value = getAt(app.faq, parts);
  return field({
    label,
    path,
    rows: opts.rows ?? (opts.list ? 4 : 0),
    help: opts.help,
    type: opts.type,
    value: opts.list ? listToLines(value) : (value ?? ""),
    onInput: (v) => app.change(path, (faq) => setAt(faq, parts, opts.list ? linesToList(v) : v)),
  });
}

function fold(s) {
  return String(s).toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

function entriesForm(app) {
  const entries = app.faq.entries;
  if (app.selected >= entries.length) app.selected = Math.max(0, entries.length - 1);
  const list = h("ul", { class: "entry-list", "aria-label": app.t("entriesList") });
  const fill = () => {
    const q = fold(app.filter.trim());
    list.replaceChildren();
    entries.forEach((e, i) => {
      const text = fold([e.id, e.question, ...(e.phrasings || [])].join(" "));
      if (q && !text.includes(q)) return;
      const b = button(entryLabel(e, i), () => app.selectEntry(i), { "data-entry-index": i, "aria-current": i === app.selected ? "true" : null });
      list.append(h("li", null, b));
    });
  };
  fill();
  const search = field({
    label: app.t("filter"),
    type: "search",
    value: app.filter,
    path: null,
    onInput: (v) => {
      app.filter = v;
      fill();
    },
  });
  const move = (d) => {
    const i = app.selected;
    const j = i + d;
    if (j < 0 || j >= entries.length) return;
    app.change(
      null,
      (faq) => {
        const [e] = faq.entries.splice(i, 1);
        faq.entries.splice(j, 0, e);
      },
      false,
    );
    app.selected = j;
    app.renderPanel();
    app.panel.querySelector(`[data-move="${d}"]`)?.focus();
  };
  const tools = h(
    "div",
    { class: "toolbar" },
    button(app.t("add"), () => {
      app.change(
        null,
        (faq) => {
          const at = Math.min(app.selected + 1, faq.entries.length);
          const category = faq.entries[app.selected]?.category ?? faq.categories[0]?.id ?? "";
          faq.entries.splice(at, 0, { id: freshId(faq.entries), category, question: "", answer: "", phrasings: [], keywords: [] });
          app.selected = at;
        },
        true,
      );
      app.panel.querySelector(`[data-path="entries[${app.selected}].question"]`)?.focus();
    }),
    button(app.t("up"), () => move(-1), { "data-move": "-1", disabled: app.selected <= 0 || !entries.length }),
    button(app.t("down"), () => move(1), { "data-move": "1", disabled: app.selected >= entries.length - 1 }),
    button(
      app.t("del"),
      () => {
        const id = entries[app.selected]?.id;
        app.change(null, (faq) => faq.entries.splice(app.selected, 1), true);
        app.say("info", app.t("deleted", { id }));
      },
      { class: "danger", disabled: !entries.length },
    ),
  );
  const e = entries[app.selected];
  const form = e ? entryForm(app, e, app.selected) : h("p", null, app.t("noEntries"));
  return h("div", { class: "entries" }, h("div", { class: "entry-nav" }, search, tools, list), h("div", { class: "entry-form" }, form));
}

function entryForm(app, e, i) {
  const p = `entries[${i}]`;
  const known = app.faq.categories.map((c) => [c.id, c.name || c.id]);
  const options = [...(app.faq.categories.length ? [] : [["", app.t("noCategory")]]), ...known];
  if (!options.some(([v]) => v === e.category)) options.unshift([e.category, e.category ? app.t("unknownCategory", { id: e.category }) : app.t("noCategory")]);
  return h(
    "form",
    { class: "entry", "aria-labelledby": "entry-title", onsubmit: (ev) => ev.preventDefault() },
    h("h2", { id: "entry-title" }, app.t("entryHeading", { n: i + 1, total: app.faq.entries.length })),
    h(
      "div",
      { class: "row" },
      bound(app, app.t("id"), `${p}.id`, { help: app.t("idHelp") }),
      select({
        label: app.t("category"),
        value: e.category,
        path: `${p}.category`,
        options,
        onChange: (v) => app.change(`${p}.category`, (faq) => setAt(faq, parsePath(`${p}.category`), v)),
      }),
    ),
    bound(app, app.t("question"), `${p}.question`),
    bound(app, app.t("answer"), `${p}.answer`, { rows: 7, help: app.t("answerHelp") }),
    bound(app, app.t("phrasings"), `${p}.phrasings`, { list: true, rows: 8 }),
    bound(app, app.t("keywords"), `${p}.keywords`, { list: true, rows: 3 }),
    h(
      "fieldset",
      null,
      h("legend", null, app.t("english")),
      bound(app, app.t("enQuestion"), `${p}.en.question`),
      bound(app, app.t("enAnswer"), `${p}.en.answer`, { rows: 5 }),
      bound(app, app.t("enPhrasings"), `${p}.en.phrasings`, { list: true, rows: 4 }),
    ),
  );
}

/**
 * Rows of objects (extensions, WhatsApp numbers, e-mail addresses, categories): a fieldset each,
 * with its fields and a remove button, then an add button.
 */
function rows(app, { path, legend, fields, make, addLabel }) {
  const parts = parsePath(path);
  const list = getAt(app.faq, parts) || [];
  const box = h("div", { class: "rows" });
  list.forEach((_, k) => {
    box.append(
      h(
        "fieldset",
        { class: "row-set" },
        h("legend", null, `${legend} ${k + 1}`),
        h(
          "div",
          { class: "row" },
          fields.map(([key, label, opts]) => bound(app, label, `${path}[${k}].${key}`, opts)),
        ),
        button(app.t("remove"), () => app.change(null, (faq) => getAt(faq, parts).splice(k, 1), true), {
          "aria-label": app.t("removeRow", { what: legend, n: k + 1 }),
          class: "danger",
        }),
      ),
    );
  });
  box.append(
    button(addLabel, () =>
      app.change(
        null,
        (faq) => {
          if (!getAt(faq, parts)) setAt(faq, parts, []);
          getAt(faq, parts).push(make());
        },
        true,
      ),
    ),
  );
  return box;
}

function contactsForm(app) {
  const c = app.faq.contact || {};
  const pbx = c.pbx
    ? h(
        "fieldset",
        null,
        h("legend", null, app.t("pbx")),
        h(
          "div",
          { class: "row" },
          bound(app, app.t("label"), "contact.pbx.label"),
          bound(app, app.t("number"), "contact.pbx.number"),
          bound(app, app.t("tel"), "contact.pbx.tel"),
        ),
        h("h3", null, app.t("extensions")),
        rows(app, {
          path: "contact.pbx.extensions",
          legend: app.t("ext"),
          fields: [
            ["ext", app.t("ext")],
            ["label", app.t("extLabel")],
            ["label_en", app.t("extLabelEn")],
          ],
          make: () => ({ ext: "", label: "", label_en: "" }),
          addLabel: app.t("addExtension"),
        }),
        button(app.t("pbxRemove"), () => app.change(null, (faq) => delete faq.contact.pbx, true), { class: "danger" }),
      )
    : button(app.t("pbxAdd"), () => app.change(null, (faq) => (faq.contact.pbx = { label: "PBX", number: "", tel: "", extensions: [] }), true));
  const office = c.address
    ? h(
        "fieldset",
        null,
        h("legend", null, app.t("office")),
        bound(app, app.t("officeText"), "contact.address.text"),
        bound(app, app.t("officeMap"), "contact.address.map", { type: "url" }),
        button(app.t("officeRemove"), () => app.change(null, (faq) => delete faq.contact.address, true), { class: "danger" }),
      )
    : button(app.t("officeAdd"), () => app.change(null, (faq) => (faq.contact.address = { text: "", map: "" }), true));
  return h(
    "form",
    { class: "contacts", onsubmit: (ev) => ev.preventDefault() },
    h("h2", null, app.t("general")),
    h("div", { class: "row" }, bound(app, app.t("organization"), "organization"), bound(app, app.t("language"), "language")),
    h("h2", null, app.t("tabContacts")),
    bound(app, app.t("contactIntro"), "contact.intro"),
    bound(app, app.t("contactIntroEn"), "contact.intro_en"),
    pbx,
    h("h3", null, app.t("whatsapp")),
    rows(app, {
      path: "contact.whatsapp",
      legend: app.t("whatsapp"),
      fields: [
        ["number", app.t("number"), { type: "tel" }],
        ["label", app.t("label")],
        ["label_en", app.t("labelEn")],
      ],
      make: () => ({ number: "", label: "", label_en: "" }),
      addLabel: app.t("addWhatsapp"),
    }),
    h("h3", null, app.t("email")),
    rows(app, {
      path: "contact.email",
      legend: app.t("address"),
      fields: [
        ["address", app.t("address"), { type: "email" }],
        ["label", app.t("label")],
        ["label_en", app.t("labelEn")],
      ],
      make: () => ({ address: "", label: "", label_en: "" }),
      addLabel: app.t("addEmail"),
    }),
    office,
  );
}

function categoriesForm(app) {
  return h(
    "form",
    { class: "categories", onsubmit: (ev) => ev.preventDefault() },
    h("h2", null, app.t("categories")),
    rows(app, {
      path: "categories",
      legend: app.t("category"),
      fields: [
        ["id", app.t("catId")],
        ["name", app.t("catName")],
        ["name_en", app.t("catNameEn")],
      ],
      make: () => ({ id: "", name: "", name_en: "" }),
      addLabel: app.t("addCategory"),
    }),
  );
}

function synonymsForm(app) {
  return h(
    "form",
    { class: "synonyms", onsubmit: (ev) => ev.preventDefault() },
    h("h2", null, app.t("tabSynonyms")),
    field({
      label: app.t("synonyms"),
      path: "synonyms",
      rows: 24,
      value: synonymsToLines(app.faq.synonyms),
      onInput: (v) =>
        app.change("synonyms", (faq) => {
          faq.synonyms = linesToSynonyms(v);
        }),
    }),
  );
}

function unansweredForm(app) {
  if (!app.faq.unanswered) app.faq.unanswered = { note: "", phrasings: [], keywords: [] };
  return h(
    "form",
    { class: "unanswered", onsubmit: (ev) => ev.preventDefault() },
    h("h2", null, app.t("tabUnanswered")),
    h("p", { class: "help" }, app.t("unansweredHelp")),
    bound(app, app.t("unansweredNote"), "unanswered.note"),
    bound(app, app.t("unansweredPhrasings"), "unanswered.phrasings", { list: true, rows: 14 }),
    bound(app, app.t("unansweredKeywords"), "unanswered.keywords", { list: true, rows: 6 }),
  );
}
