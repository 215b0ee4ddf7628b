// The kiosk's counts for the office's staff: since the last export, how often each FAQ entry's
// answer was shown and asked for, its "¿Te sirvió?" yes and no, and the questions that got no
// answer, with every digit and e-mail address masked (customers type cédulas and phone numbers).
// Kept in this browser's localStorage across reloads, never on the customers' screen (the staff
// view is behind a PIN and closes at the idle reset), exported as JSON (the format of
// kiosk-export.schema.json, which the FAQ studio imports) and CSV, then cleared.
//
// Only the kiosk page has these: the website's widget keeps no question text.

import { fold } from "./text.js";

export const STAFF_KEY = "faq-widget:kiosk-staff";
export const LAST_EXPORT_KEY = "faq-widget:kiosk-last-export";
/** At most this many different unanswered questions are kept; the others are only counted. */
export const MAX_UNANSWERED = 1000;
/** An unanswered question is kept to this many characters. */
export const MAX_TEXT = 200;
export const EXPORT_FORMAT = "faq-widget-kiosk-export";

/** `q` as the staff may see it: e-mail addresses as [correo], every digit as #, white space collapsed, cut to MAX_TEXT. */
export function maskQuestion(q) {
  const masked = String(q)
    .replace(/[^\s@]*@[^\s@]*/g, (m) => (m.length > 1 ? "[correo]" : m))
    .replace(/\p{Nd}/gu, "#")
    .replace(/\s+/g, " ")
    .trim();
  return [...masked].slice(0, MAX_TEXT).join("");
}

/** The key under which two unanswered questions count as the same: folded, without punctuation. */
function sameKey(text) {
  return fold(text)
    .replace(/[^\p{L}\p{N}#[\]]+/gu, " ")
    .trim();
}

function empty(now) {
  return { version: 1, since: now, questions: { total: 0, answer: 0, ambiguous: 0, none: 0 }, entries: {}, unanswered: [], dropped: 0 };
}

/** The stored counts, checked field by field: anything unexpected starts afresh rather than break the kiosk. */
function parse(text, now) {
  try {
    const s = JSON.parse(text);
    if (s?.version !== 1 || typeof s.since !== "string" || !Array.isArray(s.unanswered) || !s.entries || typeof s.entries !== "object") return empty(now);
    const out = empty(s.since);
    for (const k of Object.keys(out.questions)) out.questions[k] = Number(s.questions?.[k]) || 0;
    for (const [id, e] of Object.entries(s.entries)) out.entries[id] = { shown: +e.shown || 0, asked: +e.asked || 0, yes: +e.yes || 0, no: +e.no || 0 };
    out.unanswered = s.unanswered
      .filter((u) => Array.isArray(u) && typeof u[0] === "string")
      .slice(0, MAX_UNANSWERED)
      .map(([t, n]) => [maskQuestion(t), Number(n) || 1]);
    out.dropped = Number(s.dropped) || 0;
    return out;
  } catch (_) {
    return empty(now);
  }
}

/**
 * The counts, in `storage` (localStorage, or anything with getItem/setItem/removeItem; null keeps
 * them in memory only). `now()` gives the time as an ISO string.
 */
export class StaffCounts {
  constructor(storage, now = () => new Date().toISOString()) {
    this._storage = storage;
    this._now = now;
    this._state = null;
    this._keys = null; // sameKey(text) -> its row of state.unanswered
  }

  /** The counts now: {since, questions, entries: {id: {shown, asked, yes, no}}, unanswered: [[text, count]], dropped}. */
  get state() {
    if (!this._state) {
      let text = null;
      try {
        text = this._storage?.getItem(STAFF_KEY) ?? null;
      } catch (_) {
        text = null;
      }
      this._state = text ? parse(text, this._now()) : empty(this._now());
    }
    return this._state;
  }

  /** Counts one event of events.js: a question, an answer shown, a "¿Te sirvió?". */
  record(event) {
    const s = this.state;
    const entry = (id) => {
      if (!s.entries[id]) s.entries[id] = { shown: 0, asked: 0, yes: 0, no: 0 };
      return s.entries[id];
    };
    if (event.type === "question") {
      s.questions.total += 1;
      if (event.status in s.questions) s.questions[event.status] += 1;
      if (event.status === "answer" && event.id) entry(event.id).asked += 1;
      if (event.status === "none") this._unanswered(event.query);
    } else if (event.type === "answer" && event.id) {
      entry(event.id).shown += 1;
    } else if (event.type === "feedback" && event.id) {
      entry(event.id)[event.helpful ? "yes" : "no"] += 1;
    } else {
      return;
    }
    this._save();
  }

  _unanswered(query) {
    const text = maskQuestion(query || "");
    if (!text) return;
    const s = this.state;
    if (!this._keys) this._keys = new Map(s.unanswered.map((u) => [sameKey(u[0]), u]));
    const key = sameKey(text);
    const known = this._keys.get(key);
    if (known) known[1] += 1;
    else if (s.unanswered.length < MAX_UNANSWERED) {
      const row = [text, 1];
      s.unanswered.push(row);
      this._keys.set(key, row);
    } else s.dropped += 1;
  }

  _save() {
    try {
      this._storage?.setItem(STAFF_KEY, JSON.stringify(this.state));
    } catch (_) {
      // Storage full or off: the counts live on in memory until the page is reloaded.
    }
  }

  /**
   * The export of the counts so far (the format of kiosk-export.schema.json): every entry of `faq`
   * in its order, then any other entry that was counted (an entry since removed from the FAQ).
   */
  exportData(faq) {
    const s = this.state;
    const entries = faq?.entries || [];
    const ids = [...entries.map((e) => e.id), ...Object.keys(s.entries).filter((id) => !entries.some((e) => e.id === id))];
    return {
      format: EXPORT_FORMAT,
      version: 1,
      organization: faq?.organization || null,
      since: s.since,
      exported: this._now(),
      questions: { total: s.questions.total, answered: s.questions.answer, ambiguous: s.questions.ambiguous, unanswered: s.questions.none },
      entries: ids.map((id) => {
        const e = entries.find((x) => x.id === id);
        const c = s.entries[id] || { shown: 0, asked: 0, yes: 0, no: 0 };
        return { id, question: e ? e.question : null, shown: c.shown, asked: c.asked, helpful: c.yes, notHelpful: c.no };
      }),
      unanswered: s.unanswered.map(([text, count]) => ({ text, count })),
      unansweredDropped: s.dropped,
    };
  }

  /** Starts the counts afresh from now, keeping `exported` (an exportData result) to download again. */
  clear(exported) {
    this._state = empty(this._now());
    this._keys = null;
    try {
      if (exported) this._storage?.setItem(LAST_EXPORT_KEY, JSON.stringify(exported));
    } catch (_) {
      // not kept: it was downloaded already
    }
    this._save();
  }

  /** The last export kept by clear(), or null. */
  lastExport() {
    try {
      const t = this._storage?.getItem(LAST_EXPORT_KEY);
      const e = t ? JSON.parse(t) : null;
      return e && e.format === EXPORT_FORMAT ? e : null;
    } catch (_) {
      return null;
    }
  }
}

/** One CSV cell: quoted when needed, and never a formula a spreadsheet would run (=, +, -, @ first). */
function cell(v) {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The export as CSV (RFC 4180, UTF-8 with a byte order mark for spreadsheets): one row per entry
 * (kind "entry") and one per unanswered question (kind "unanswered", its text and count).
 */
export function exportCsv(data) {
  const rows = [["kind", "id", "text", "shown", "asked", "helpful", "notHelpful", "count"]];
  for (const e of data.entries) rows.push(["entry", e.id, e.question, e.shown, e.asked, e.helpful, e.notHelpful, ""]);
  for (const u of data.unanswered) rows.push(["unanswered", "", u.text, "", "", "", "", u.count]);
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** The file names of an export made at `iso`: faq-kiosk-2026-04-01T10-30.json and .csv. */
export function exportNames(iso) {
  const stamp = iso.slice(0, 16).replace(/:/g, "-");
  return [`faq-kiosk-${stamp}.json`, `faq-kiosk-${stamp}.csv`];
}
