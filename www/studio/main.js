// The FAQ studio (dist/studio.html): the office's editor of faq.json, opened from disk with no
// network. It keeps the draft (the FAQ being edited, a plain object in faq.json's shape) and its
// history, checks it on every change with the `faq validate` rules (Rust, in the studio's
// WebAssembly), answers test questions and measures question lists with the real engine compiled
// from the draft, imports the kiosk's counts, and publishes faq.json, faq-widget.js and
// kiosk.html, the last two byte for byte what `make dist` makes of the same faq.json.

import { h } from "../src/dom.js";
import { fillScript, kioskPage } from "../src/publish.js";
import { bundledFaqText, studioWasm, templates } from "./bundled.js";
import { editorPanel } from "./forms.js";
import { entryIndexOf, entryLabel, focusCandidates, History, lineRange, MAX_FAQ_BYTES, parsePath, preview, sizeText } from "./model.js";
import { t } from "./strings.js";
import { importKiosk, kioskPanel, loadTsv, measurePanel, publishPanel, renderChecks, renderResults } from "./tools.js";
import { button, download, readFile } from "./ui.js";

const DRAFT_KEY = "faq-studio:draft";
const LANG_KEY = "faq-studio:lang";
const TABS = ["entries", "contacts", "categories", "synonyms", "unanswered", "measure", "kiosk", "publish"];
const TAB_LABEL = {
  entries: "tabEntries",
  contacts: "tabContacts",
  categories: "tabCategories",
  synonyms: "tabSynonyms",
  unanswered: "tabUnanswered",
  measure: "tabMeasure",
  kiosk: "tabKiosk",
  publish: "tabPublish",
};
// Where a finding outside the entries is edited: the first part of its path names the tab.
const TAB_OF = {
  contact: "contacts",
  organization: "contacts",
  language: "contacts",
  categories: "categories",
  synonyms: "synonyms",
  unanswered: "unanswered",
};
const encoder = new TextEncoder();

function storage() {
  try {
    return window.localStorage;
  } catch (_) {
    return null; // storage off (a file:// policy, a private window): the draft lives in memory
  }
}

/** The studio's state and its page. */
class Studio {
  constructor(root, api) {
    this.root = root;
    this.api = api;
    this.store = storage();
    this.lang = this.store?.getItem(LANG_KEY) === "en" ? "en" : "es";
    this.history = new History();
    this.tab = "entries";
    this.selected = 0;
    this.filter = "";
    this.check = null;
    this.engine = null;
    this.engineStale = false;
    this.kiosk = null;
    this.measure = { text: "", result: null, error: null };
    this.notice = null; // {kind: "info" | "error", text, file?: text shown as text}
    this.timers = {};
    this.savedAt = null;
  }

  /** `key` in the studio's language. */
  t(key, vars) {
    return t(this.lang, key, vars);
  }

  // --- the draft ---------------------------------------------------------------------------------

  /** The draft as the bytes of a faq.json, which the WebAssembly reads. */
  bytes() {
    return encoder.encode(JSON.stringify(this.faq));
  }

  /** The FAQ of a file's bytes in its written form (formatFaq), as an object; throws the parse error. */
  normalized(bytes) {
    return JSON.parse(this.api.formatFaq(bytes));
  }

  /** Starts with the draft kept in this browser, else the bundled FAQ. */
  start() {
    let kept = null;
    try {
      kept = JSON.parse(this.store?.getItem(DRAFT_KEY) || "null");
    } catch (_) {
      kept = null;
    }
    if (kept && typeof kept === "object" && kept.faq && Array.isArray(kept.faq.entries) && typeof kept.baseline === "string") {
      this.faq = kept.faq;
      this.baseline = kept.baseline;
      this.notice = { kind: "info", text: this.t("restored", { time: new Date(kept.saved).toLocaleString(this.lang) }) };
    } else {
      this.faq = this.normalized(encoder.encode(bundledFaqText));
      this.baseline = JSON.stringify(this.faq);
    }
    window.addEventListener("beforeunload", (e) => {
      if (this.dirty()) {
        e.preventDefault();
        e.returnValue = this.t("unsavedLeave");
      }
    });
    this.listenForDrops();
    this.render();
    this.runCheck();
  }

  /** Whether the draft has changes not downloaded as faq.json (nor opened). */
  dirty() {
    return JSON.stringify(this.faq) !== this.baseline;
  }

  /**
   * Changes the draft: `mutate(faq)` edits it in place after its previous state went into the
   * history. Typing in one field (the same `key`) is one undo step. `structural` changes (an entry
   * added, moved, removed) render the forms again; typing does not, so the caret stays.
   */
  change(key, mutate, structural = false) {
    this.history.record(JSON.stringify(this.faq), key);
    mutate(this.faq);
    this.changed(structural);
  }

  changed(structural) {
    if (structural) this.renderPanel();
    this.updateUndo();
    this.updateEntryLabels();
    this.later("check", 150, () => this.runCheck());
    this.later("save", 300, () => this.save());
  }

  /** Replaces the whole draft (a file opened, the bundled FAQ), undoably. */
  replace(faq, text) {
    this.history.record(JSON.stringify(this.faq), null);
    this.history.cut();
    this.faq = faq;
    this.baseline = JSON.stringify(faq);
    this.selected = 0;
    this.filter = "";
    this.notice = { kind: "info", text };
    this.render();
    this.runCheck();
    this.save();
  }

  undo() {
    const snapshot = this.history.undo();
    if (snapshot === null) {
      this.say("info", this.t("nothingToUndo"));
      return;
    }
    this.faq = JSON.parse(snapshot);
    this.selected = Math.min(this.selected, Math.max(0, this.faq.entries.length - 1));
    this.notice = { kind: "info", text: this.t("undone") };
    this.render();
    this.runCheck();
    this.save();
  }

  save() {
    if (!this.store) return;
    try {
      const saved = new Date().toISOString();
      this.store.setItem(DRAFT_KEY, JSON.stringify({ version: 1, saved, faq: this.faq, baseline: this.baseline }));
      this.savedAt = saved;
      this.updateSaved();
    } catch (_) {
      this.savedAt = null;
      this.say("error", this.t("notSaved"));
    }
  }

  /** Runs `fn` once, `ms` after the last call with this `name`. */
  later(name, ms, fn) {
    clearTimeout(this.timers[name]);
    this.timers[name] = setTimeout(fn, ms);
  }

  // --- opening files -----------------------------------------------------------------------------

  /** Opens a faq.json the staff chose or dropped; a file that cannot be an FAQ leaves the draft alone. */
  async openFaq(file) {
    if (file.size > MAX_FAQ_BYTES) {
      this.say("error", this.t("refusedBig", { name: file.name, size: sizeText(file.size), max: sizeText(MAX_FAQ_BYTES) }));
      return;
    }
    let bytes;
    try {
      bytes = await readFile(file);
    } catch (e) {
      this.say("error", this.t("refusedRead", { name: file.name, message: e.message }));
      return;
    }
    const report = this.api.checkFaq(bytes);
    const parseError = report.errors.find((f) => f.path === "" && f.place === "faq.json");
    if (parseError) {
      this.say("error", this.t("refusedParse", { name: file.name, message: parseError.message }), preview(bytes));
      return;
    }
    let faq;
    try {
      faq = this.normalized(bytes);
    } catch (e) {
      this.say("error", this.t("refusedParse", { name: file.name, message: String(e.message || e) }), preview(bytes));
      return;
    }
    this.replace(faq, this.t("opened", { name: file.name, entries: faq.entries.length }));
  }

  openBundled() {
    const faq = this.normalized(encoder.encode(bundledFaqText));
    this.replace(faq, this.t("openedBundled", { entries: faq.entries.length }));
  }

  /** Files dropped on the window: a question list (.tsv), the kiosk's export, or a faq.json. */
  listenForDrops() {
    window.addEventListener("dragover", (e) => {
      e.preventDefault();
      this.root.classList.add("dropping");
    });
    window.addEventListener("dragleave", () => this.root.classList.remove("dropping"));
    window.addEventListener("drop", async (e) => {
      e.preventDefault();
      this.root.classList.remove("dropping");
      const file = e.dataTransfer?.files?.[0];
      if (!file) return;
      if (/\.(tsv|txt)$/i.test(file.name)) {
        this.showTab("measure");
        await loadTsv(this, file);
        return;
      }
      if (file.size <= MAX_FAQ_BYTES) {
        const head = new TextDecoder().decode((await readFile(file.slice(0, 4096))).subarray(0, 4096));
        if (head.includes('"faq-widget-kiosk-export"')) {
          this.showTab("kiosk");
          await importKiosk(this, file);
          return;
        }
      }
      await this.openFaq(file);
    });
  }

  // --- checks and the engine -----------------------------------------------------------------------

  /** Checks the draft (checkFaq: `faq validate --json`), then compiles the engine when it has no errors. */
  runCheck() {
    clearTimeout(this.timers.check);
    const bytes = this.bytes();
    this.check = this.api.checkFaq(bytes);
    renderChecks(this);
    this.updatePublish();
    if (this.check.ok) {
      this.later("engine", 250, () => this.buildEngine(bytes));
    } else {
      clearTimeout(this.timers.engine);
      this.engineStale = true;
      this.runTry();
    }
  }

  buildEngine(bytes) {
    try {
      const engine = new this.api.StudioEngine(bytes);
      this.engine?.free();
      this.engine = engine;
      this.engineStale = false;
    } catch (_) {
      this.engineStale = true;
    }
    this.runTry();
    this.root.dispatchEvent(new CustomEvent("studio-engine"));
  }

  /** Answers the question in "Pruebe una pregunta" with the current engine. */
  runTry() {
    const q = this.tryInput?.value ?? "";
    renderResults(this, q.trim() && this.engine ? this.engine.ask(q, 5) : null, q);
  }

  // --- moving around -------------------------------------------------------------------------------

  showTab(tab, focus = false) {
    this.tab = tab;
    for (const b of this.tabButtons) {
      const on = b.dataset.tab === tab;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
    }
    this.renderPanel();
  }

  selectEntry(i) {
    this.selected = i;
    this.history.cut();
    if (this.tab !== "entries") this.showTab("entries");
    else this.renderPanel();
  }

  /** Takes the staff to the field a finding names (its path): the tab, the entry, the field, the line. */
  goTo(path) {
    const i = entryIndexOf(path);
    const parts = parsePath(path) || [];
    if (i !== null && i < this.faq.entries.length) {
      this.selected = i;
      this.filter = "";
      this.showTab("entries");
    } else {
      this.showTab(TAB_OF[parts[0]] || "entries");
    }
    const fields = [...this.panel.querySelectorAll("[data-path]")];
    for (const c of focusCandidates(path)) {
      const el = fields.find((f) => f.dataset.path === c.path);
      if (!el) continue;
      el.focus();
      if (c.line !== null && el.tagName === "TEXTAREA") el.setSelectionRange(...lineRange(el.value, c.line));
      el.scrollIntoView({ block: "center" });
      return;
    }
  }

  // --- the page --------------------------------------------------------------------------------------

  say(kind, text, file = null) {
    this.notice = { kind, text, file };
    this.renderNotice();
  }

  renderNotice() {
    const n = this.notice;
    this.noticeBox.replaceChildren();
    this.noticeBox.className = `notice ${n ? n.kind : ""}`;
    if (!n) return;
    this.noticeBox.append(h("p", null, n.text));
    if (n.file !== null && n.file !== undefined)
      this.noticeBox.append(h("details", null, h("summary", null, this.t("showText")), h("pre", { class: "file-text" }, n.file)));
  }

  updateUndo() {
    if (this.undoButton) this.undoButton.disabled = !this.history.canUndo;
  }

  updateSaved() {
    if (this.savedBox) this.savedBox.textContent = this.savedAt ? this.t("saved", { time: new Date(this.savedAt).toLocaleTimeString(this.lang) }) : "";
  }

  updateEntryLabels() {
    for (const b of this.root.querySelectorAll("[data-entry-index]")) {
      const e = this.faq.entries[Number(b.dataset.entryIndex)];
      if (e) b.textContent = entryLabel(e, Number(b.dataset.entryIndex));
    }
  }

  updatePublish() {
    this.tools?.updatePublish?.();
  }

  render() {
    document.documentElement.lang = this.lang;
    document.title = this.t("title");
    const fileInput = h("input", { type: "file", accept: ".json,application/json", hidden: true, "data-role": "open-faq" });
    fileInput.addEventListener("change", () => {
      const f = fileInput.files?.[0];
      fileInput.value = "";
      if (f) this.openFaq(f);
    });
    this.undoButton = button(this.t("undo"), () => this.undo(), { "aria-keyshortcuts": "Control+Z" });
    this.noticeBox = h("div", { class: "notice", role: "status" });
    this.savedBox = h("p", { class: "saved", role: "status" });
    const header = h(
      "header",
      { class: "top" },
      h("div", { class: "brand" }, h("h1", null, this.t("title")), h("p", null, this.t("subtitle"))),
      h(
        "div",
        { class: "actions" },
        button(this.t("open"), () => fileInput.click()),
        fileInput,
        h("span", { class: "hint" }, this.t("dropHint")),
        this.undoButton,
        button(this.t("reset"), () => this.openBundled()),
        button(this.t("lang"), () => this.setLang(this.lang === "es" ? "en" : "es"), {
          title: this.t("langName"),
          lang: this.lang === "es" ? "en" : "es",
        }),
      ),
    );
    const tablist = h("div", { class: "tabs", role: "tablist", "aria-label": this.t("tabs") });
    this.tabButtons = TABS.map((tab) => {
      const b = h(
        "button",
        {
          type: "button",
          role: "tab",
          id: `tab-${tab}`,
          "aria-controls": "panel",
          "aria-selected": String(tab === this.tab),
          "data-tab": tab,
          tabindex: tab === this.tab ? 0 : -1,
        },
        this.t(TAB_LABEL[tab]),
      );
      b.addEventListener("click", () => this.showTab(tab));
      b.addEventListener("keydown", (e) => {
        const k = TABS.indexOf(tab);
        const to = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: TABS.length - 1 }[e.key];
        if (to === undefined) return;
        e.preventDefault();
        this.showTab(TABS[(to + TABS.length) % TABS.length], true);
      });
      tablist.append(b);
      return b;
    });
    this.panel = h("section", { id: "panel", class: "panel", role: "tabpanel" });
    this.checksBox = h("section", { class: "checks", "aria-labelledby": "checks-title" });
    const tryId = "try-input";
    this.tryInput = h("input", { id: tryId, type: "search", autocomplete: "off", "aria-describedby": "try-help" });
    this.tryInput.value = this.tryValue || "";
    this.tryInput.addEventListener("input", () => {
      this.tryValue = this.tryInput.value;
      this.runTry();
    });
    this.results = h("section", { class: "results", role: "region", "aria-label": this.t("results") });
    const side = h(
      "aside",
      { class: "side" },
      this.checksBox,
      h(
        "section",
        { class: "try" },
        h("h2", { id: "try-title" }, h("label", { for: tryId }, this.t("tryLabel"))),
        h("p", { id: "try-help", class: "help" }, this.t("tryHelp")),
        this.tryInput,
        this.results,
      ),
    );
    this.root.replaceChildren(
      header,
      h("div", { class: "status-row" }, this.noticeBox, this.savedBox),
      h("div", { class: "layout" }, h("main", { class: "work" }, tablist, this.panel), side),
    );
    this.tools = { updatePublish: null };
    this.renderNotice();
    this.updateSaved();
    this.updateUndo();
    this.renderPanel();
    if (this.check) renderChecks(this);
    this.runTry();
  }

  renderPanel() {
    this.panel.setAttribute("aria-labelledby", `tab-${this.tab}`);
    this.panel.replaceChildren();
    this.tools.updatePublish = null;
    if (this.tab === "measure") this.panel.append(measurePanel(this));
    else if (this.tab === "kiosk") this.panel.append(kioskPanel(this));
    else if (this.tab === "publish") this.panel.append(publishPanel(this));
    else this.panel.append(editorPanel(this, this.tab));
  }

  setLang(lang) {
    this.lang = lang;
    try {
      this.store?.setItem(LANG_KEY, lang);
    } catch (_) {
      // the language is only a preference
    }
    this.render();
  }

  /** The file texts of the three downloads: faq.json, and the two rebuilt with compileFaq. */
  publishFile(name) {
    const bytes = this.bytes();
    if (name === "faq.json") return this.api.formatFaq(bytes);
    const pack = this.api.compileFaq(bytes);
    if (name === "faq-widget.js") return `\uFEFF${fillScript(templates["faq-widget.js"], pack)}`;
    return kioskPage(templates["kiosk.html"], fillScript(templates["kiosk.js"], pack));
  }

  publish(name) {
    this.say("info", this.t("building", { name }));
    // One frame first, so the message shows while the FAQ compiles.
    setTimeout(() => {
      try {
        const text = this.publishFile(name);
        const type = name.endsWith(".js") ? "text/javascript;charset=utf-8" : name.endsWith(".html") ? "text/html;charset=utf-8" : "application/json";
        download(name, text, type);
        if (name === "faq.json") {
          this.baseline = JSON.stringify(this.faq);
          this.save();
        }
        this.say("info", this.t("downloaded", { name, size: sizeText(encoder.encode(text).length) }));
      } catch (e) {
        this.say("error", this.t("failed", { name, message: String(e.message || e) }));
      }
    }, 30);
  }
}

function boot() {
  const root = document.getElementById("studio");
  let api;
  try {
    api = studioWasm();
  } catch (e) {
    root.replaceChildren(h("p", { role: "alert" }, t("es", "startError", { message: String(e.message || e) })));
    return;
  }
  const studio = new Studio(root, api);
  document.addEventListener("keydown", (e) => {
    // Ctrl+Z in a text box undoes its typing (the browser's own undo); elsewhere, the studio's.
    const inText = /^(INPUT|TEXTAREA)$/.test(document.activeElement?.tagName || "");
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !e.shiftKey && !inText) {
      e.preventDefault();
      studio.undo();
    }
  });
  studio.start();
}

boot();
