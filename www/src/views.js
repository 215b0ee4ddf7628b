// What the panel shows: the launcher and the panel's frame, and the views of its body: the start
// screen (topics), a topic's questions, an answer (with feedback and related questions), a choice
// between close questions, "no answer" and the contacts, plus loading and load-error states.
//
// The views get everything through a context object, built by the element for each rendering:
//   t, lang        the interface strings and language
//   id             the widget's unique prefix for element ids
//   kiosk          kiosk mode: contacts are text to read, not links that would leave the page
//   entry(id)      an entry's {id, question, answer, category} in the interface language
//   categories()   the categories with their entries, [{id, name, entries}]
//   contactFaq     the FAQ whose contacts to show
//   highlight(text, terms)   the ranges of `text` to mark
//   go(view, {focus, announce})  shows another view, then focuses the element matching the
//                  selector `focus` and says `announce`, when given
//   announce(text) says text through the live region

import { h, renderInline, renderRich } from "./dom.js";
import { labelOf } from "./faq.js";
import { saveFeedback } from "./feedback.js";
import { pbxHref, whatsappHref, whatsappNumbers } from "./links.js";
import { scoreOf } from "./reply.js";
import { LANGUAGE_SWITCH } from "./strings.js";

function navButton(content, onclick, cls = "nav") {
  return h("button", { type: "button", class: cls, onclick }, content);
}

function backButton(label, onclick) {
  return navButton([h("span", { "aria-hidden": "true", text: "←", class: "arrow" }), label], onclick, "back");
}

function home(ctx) {
  ctx.go({ name: "start" }, { focus: ".section-title" });
}

function homeButton(ctx) {
  return backButton(ctx.t.home, () => home(ctx));
}

/** The floating mode's launcher button; `toggle` opens or closes the panel. */
export function renderLauncher(ctx, open, toggle) {
  const t = ctx.t;
  return h(
    "button",
    { type: "button", class: "launcher", "aria-expanded": open ? "true" : "false", "aria-controls": `${ctx.id}-panel`, onclick: toggle },
    h("span", { class: "launcher-icon", "aria-hidden": "true", text: "?" }),
    h("span", { class: "launcher-text", text: t.launcher }),
    h("span", { class: "sr-only", text: ` ${t.open}` }),
  );
}

/**
 * The panel: a header (title, the organisation, and in floating mode a close button and Escape,
 * both calling `close`), then `parts` (the search form, the body, the live region).
 */
export function renderPanel(ctx, floating, close, ...parts) {
  const t = ctx.t;
  const panel = h("section", { class: "panel", id: `${ctx.id}-panel`, "aria-labelledby": `${ctx.id}-title`, role: floating ? "dialog" : "region" });
  panel.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && floating && !ev.defaultPrevented) {
      ev.preventDefault();
      close();
    }
  });
  const org = ctx.contactFaq.organization;
  const header = h(
    "header",
    { class: "header" },
    h("div", { class: "titles" }, h("h2", { id: `${ctx.id}-title`, class: "title", text: t.title }), org ? h("p", { class: "org", text: org }) : null),
  );
  if (floating) {
    header.append(h("button", { type: "button", class: "close", "aria-label": t.close, onclick: close }, h("span", { "aria-hidden": "true", text: "×" })));
  }
  panel.append(header, ...parts);
  return panel;
}

/**
 * Renders `view` into `body` (emptied first): {name: "start"}, {name: "category", id},
 * {name: "answer", id, terms, from, related}, {name: "ambiguous", hits}, {name: "none"},
 * {name: "contacts"}, {name: "loading"} or {name: "error"}; an unknown name shows the start.
 */
export function renderView(body, view, ctx) {
  body.replaceChildren();
  (VIEWS[view.name] || VIEWS.start)(body, view, ctx);
}

/** Shows entry `id` with `terms` marked; `from` ("search" or "category") picks the way back. */
export function showAnswer(ctx, id, terms, from, focusAnswer, extra = {}) {
  const e = ctx.entry(id, extra.lang);
  ctx.go(
    { name: "answer", id, terms, from, ...extra },
    { focus: focusAnswer ? ".view-title" : null, announce: `${ctx.t.answerFor} ${e.question}. ${e.answer}` },
  );
}

/**
 * Shows the engine's reply to a question: the answer with up to two related questions; for an
 * ambiguous reply, the hits that come close to the best (two or three, not the distant tail) to
 * choose from; otherwise "no answer" with the contacts. An answer is shown in `lang` (the
 * question's language) when given.
 */
export function showReply(ctx, reply, lang) {
  const t = ctx.t;
  if (reply.status === "answer") {
    const [best, ...rest] = reply.hits;
    showAnswer(ctx, best.id, best.terms, "search", false, { related: rest.slice(0, 2), lang });
  } else if (reply.status === "contact") {
    // The question asks how to reach a person: the contact options, and the closest entries.
    const related = reply.hits
      .filter((x) => scoreOf(x) >= 0.2)
      .slice(0, 2)
      .map((x) => ({ id: x.id, terms: x.terms }));
    ctx.go({ name: "contacts", related }, { focus: ".view-title", announce: t.contact });
  } else if (reply.status === "ambiguous") {
    const best = scoreOf(reply.hits[0]);
    const hits = reply.hits
      .filter((x, i) => i < 2 || scoreOf(x) >= best * 0.6)
      .slice(0, 3)
      .map((x) => ({ id: x.id, terms: x.terms }));
    const questions = hits.map((x) => ctx.entry(x.id).question);
    ctx.go({ name: "ambiguous", hits, lang }, { announce: `${t.which} ${questions.join(" / ")}` });
  } else {
    ctx.go({ name: "none" }, { announce: `${t.none} ${t.noneHelp}` });
  }
}

/**
 * The views by name, each `(body, view, ctx)`. Exported so that a module of the same script can
 * replace or extend one (the kiosk page's touch layout, kiosk.js); renderView looks them up here
 * each time.
 */
export const VIEWS = {
  start(body, _view, ctx) {
    const t = ctx.t;
    body.append(h("h3", { class: "section-title", id: `${ctx.id}-topics`, tabindex: "-1", text: t.topicsHint }));
    const ul = h("ul", { class: "choices topics", "aria-labelledby": `${ctx.id}-topics` });
    for (const c of ctx.categories()) {
      const label = [h("span", { class: "choice-text", text: c.name }), h("span", { class: "count", text: t.questions(c.entries.length) })];
      ul.append(
        h(
          "li",
          null,
          navButton(label, () => ctx.go({ name: "category", id: c.id }, { focus: ".view-title" }), "choice topic"),
        ),
      );
    }
    body.append(ul);
    const contacts = navButton(t.contactButton, () => ctx.go({ name: "contacts" }, { focus: ".view-title" }), "link-button");
    body.append(h("div", { class: "footer" }, contacts));
  },

  category(body, view, ctx) {
    const cat = ctx.categories().find((c) => c.id === view.id);
    body.append(backButton(ctx.t.back, () => home(ctx)));
    if (!cat) return;
    body.append(h("h3", { class: "view-title", tabindex: "-1", text: cat.name }));
    const ul = h("ul", { class: "choices" });
    for (const e of cat.entries) {
      const q = ctx.entry(e.id).question;
      ul.append(
        h(
          "li",
          null,
          navButton(q, () => showAnswer(ctx, e.id, [], "category", true), "choice"),
        ),
      );
    }
    body.append(ul);
  },

  answer(body, view, ctx) {
    const t = ctx.t;
    // The texts in the question's language when it was given, else in the widget's.
    const lang = view.lang || ctx.lang;
    const e = ctx.entry(view.id, lang);
    const top = h("div", { class: "topbar" });
    if (view.from === "category") {
      const cat = ctx.categories().find((c) => c.id === e.category);
      top.append(backButton(cat ? cat.name : t.back, () => ctx.go({ name: "category", id: e.category }, { focus: ".view-title" })));
    } else {
      top.append(homeButton(ctx));
    }
    const other = lang === "en" ? "es" : "en";
    if (ctx.hasTexts(view.id, other)) {
      const b = navButton(LANGUAGE_SWITCH[other], () => ctx.go({ ...view, lang: other }, { focus: ".view-title" }), "link-button lang-switch");
      b.lang = other;
      top.append(b);
    }
    body.append(top);
    const article = h("article", { class: "answer", "aria-labelledby": `${ctx.id}-aq`, lang });
    const title = h("h3", { class: "view-title", id: `${ctx.id}-aq`, tabindex: "-1" });
    renderInline(title, e.question, ctx.highlight(e.question, view.terms), []);
    article.append(title);
    const text = h("div", { class: "answer-text" });
    renderRich(text, e.answer, ctx.highlight(e.answer, view.terms), whatsappNumbers(ctx.contactFaq.contact), !ctx.kiosk);
    article.append(text);
    article.append(renderFeedback(ctx, view.id));
    body.append(article);
    if (view.related?.length) {
      body.append(h("h4", { class: "section-title small", text: t.related }));
      const ul = h("ul", { class: "choices compact" });
      for (const r of view.related) {
        const q = ctx.entry(r.id, lang).question;
        ul.append(
          h(
            "li",
            { lang },
            navButton(q, () => showAnswer(ctx, r.id, r.terms, view.from, true, { lang: view.lang }), "choice"),
          ),
        );
      }
      body.append(ul);
    }
  },

  ambiguous(body, view, ctx) {
    body.append(homeButton(ctx));
    body.append(h("h3", { class: "view-title", tabindex: "-1", text: ctx.t.which }));
    const ul = h("ul", { class: "choices" });
    for (const hit of view.hits) {
      const q = ctx.entry(hit.id).question;
      const related = view.hits.filter((x) => x.id !== hit.id);
      const b = navButton([], () => showAnswer(ctx, hit.id, hit.terms, "search", true, { related, lang: view.lang }), "choice");
      renderInline(b, q, ctx.highlight(q, hit.terms), []);
      ul.append(h("li", null, b));
    }
    body.append(ul);
  },

  none(body, _view, ctx) {
    body.append(homeButton(ctx));
    body.append(h("h3", { class: "view-title none", tabindex: "-1", text: ctx.t.none }));
    body.append(renderContacts(ctx, ctx.t.noneHelp));
  },

  contacts(body, view, ctx) {
    body.append(homeButton(ctx));
    body.append(h("h3", { class: "view-title", tabindex: "-1", text: ctx.t.contact }));
    body.append(renderContacts(ctx, null));
    if (view.related?.length) {
      body.append(h("h4", { class: "section-title small", text: ctx.t.related }));
      const ul = h("ul", { class: "choices compact" });
      for (const r of view.related) {
        ul.append(
          h(
            "li",
            null,
            navButton(ctx.entry(r.id).question, () => showAnswer(ctx, r.id, r.terms, "search", true), "choice"),
          ),
        );
      }
      body.append(ul);
    }
  },

  loading(body, _view, ctx) {
    body.append(h("p", { class: "muted", text: ctx.t.loading }));
  },

  error(body, _view, ctx) {
    body.append(h("p", { class: "error", role: "alert", text: ctx.t.loadError }));
    body.append(renderContacts(ctx, ctx.t.noneHelp));
  },
};

/** "¿Te sirvió?" with Yes and No; the answer is counted, thanked for, and a No shows the contacts. */
function renderFeedback(ctx, id) {
  const t = ctx.t;
  const box = h("div", { class: "feedback", role: "group", "aria-label": t.helpful });
  const answer = (yes) => {
    saveFeedback(id, yes);
    const thanks = h("p", { class: "thanks", tabindex: "-1", text: yes ? t.thanks : t.sorry });
    box.replaceChildren(thanks);
    if (!yes) box.append(renderContacts(ctx, null));
    thanks.focus();
    ctx.announce(yes ? t.thanks : t.sorry);
  };
  box.append(
    h("span", { class: "feedback-q", text: t.helpful }),
    h("button", { type: "button", class: "pill", onclick: () => answer(true) }, t.yes),
    h("button", { type: "button", class: "pill", onclick: () => answer(false) }, t.no),
  );
  return box;
}

/** The FAQ's contact options, after `intro` when given: PBX with extensions, WhatsApp, e-mail, address. */
export function renderContacts(ctx, intro) {
  const t = ctx.t;
  const c = ctx.contactFaq.contact || {};
  const kiosk = ctx.kiosk;
  const box = h("div", { class: "contacts" });
  if (intro) box.append(h("p", { class: "contacts-intro", text: intro }));
  const ul = h("ul", { class: "contact-list" });
  const item = (kind, label, text, href, sub) => {
    const main = href && !kiosk ? h("a", { class: `contact-link ${kind}`, href }, text) : h("span", { class: `contact-text ${kind}`, text });
    if (href && kind === "whatsapp" && !kiosk) {
      main.target = "_blank";
      main.rel = "noopener noreferrer";
    }
    const li = h("li", { class: `contact ${kind}` }, h("span", { class: "contact-kind", text: label }), main);
    if (sub) li.append(sub);
    ul.append(li);
  };
  if (c.pbx?.number) {
    const tel = pbxHref(c.pbx);
    let sub = null;
    if (c.pbx.extensions?.length) {
      sub = h("ul", { class: "extensions" });
      for (const x of c.pbx.extensions) {
        const text = `${t.ext} ${x.ext} · ${labelOf(x, ctx.lang)}`;
        sub.append(h("li", null, kiosk ? h("span", { text }) : h("a", { href: `${tel},${x.ext}`, class: "contact-link tel" }, text)));
      }
    }
    item("tel", `${c.pbx.label || "PBX"}`, `${t.call} ${c.pbx.number}`, tel, sub);
  }
  for (const w of c.whatsapp || []) {
    item("whatsapp", `${t.whatsapp} · ${labelOf(w, ctx.lang)}`, w.number, whatsappHref(w.number));
  }
  for (const m of c.email || []) {
    item("email", `${t.email} · ${labelOf(m, ctx.lang)}`, m.address, `mailto:${m.address}`);
  }
  if (c.address?.text) {
    const li = h(
      "li",
      { class: "contact address" },
      h("span", { class: "contact-kind", text: t.address }),
      h("span", { class: "contact-text", text: c.address.text }),
    );
    if (c.address.map && !kiosk && /^https:\/\//.test(c.address.map)) {
      li.append(h("a", { class: "contact-link map", href: c.address.map, target: "_blank", rel: "noopener noreferrer" }, t.map));
    }
    ul.append(li);
  }
  box.append(ul);
  return box;
}
