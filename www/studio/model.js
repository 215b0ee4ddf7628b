// The studio's pure parts, with no DOM: paths into the FAQ (what the validator's findings name),
// the draft's history for undo, the one-per-line lists of the forms, and the checks of a file
// before it is read. tests/js/studio.test.mjs runs them in Node.

/** Files larger than this are refused before they are read: faq.json is about 110 KB. */
export const MAX_FAQ_BYTES = 2 * 1024 * 1024;
/** The kiosk's export holds at most 1000 questions of 200 characters and one row per entry. */
export const MAX_EXPORT_BYTES = 2 * 1024 * 1024;
/** A question list (dev.tsv has 112 lines). */
export const MAX_TSV_BYTES = 2 * 1024 * 1024;
/** How many undo steps are kept. */
export const HISTORY_LIMIT = 200;

/**
 * The parts of a finding's path: "entries[2].phrasings[1]" gives ["entries", 2, "phrasings", 1];
 * "" gives []. Anything that is not a path gives null.
 */
export function parsePath(path) {
  if (typeof path !== "string") return null;
  if (path === "") return [];
  const parts = [];
  const re = /([A-Za-z_$][\w$]*)|\[(\d+)\]|(\.)/y;
  let expectName = true;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) return null;
    if (m[1] !== undefined) {
      if (!expectName) return null;
      parts.push(m[1]);
      expectName = false;
    } else if (m[2] !== undefined) {
      if (expectName && parts.length === 0) return null;
      parts.push(Number(m[2]));
      expectName = false;
    } else {
      if (expectName) return null;
      expectName = true;
    }
  }
  return expectName ? null : parts;
}

/** `parts` (as parsePath gives them) written as a path again. */
export function joinPath(parts) {
  let out = "";
  for (const p of parts) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** The entry a path is in (its index), or null: "entries[4].answer" gives 4. */
export function entryIndexOf(path) {
  const parts = parsePath(path);
  return parts && parts[0] === "entries" && typeof parts[1] === "number" ? parts[1] : null;
}

/**
 * The places to try, most precise first, for focusing the field a path names: the path itself,
 * then shorter and shorter. A list's item ("phrasings[2]", "synonyms[3][1]") is a line of the
 * list's box, so each place says which line of it (the index that follows it in the path) or null.
 */
export function focusCandidates(path) {
  const parts = parsePath(path);
  if (!parts) return [];
  const out = [];
  for (let n = parts.length; n > 0; n--) {
    const next = parts[n];
    out.push({ path: joinPath(parts.slice(0, n)), line: typeof next === "number" ? next : null });
  }
  return out;
}

/** The lines of a one-per-line box as a list: blank lines dropped, the rest kept as typed. */
export function linesToList(text) {
  return String(text)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
}

/** A list as the lines of its box. */
export function listToLines(list) {
  return (Array.isArray(list) ? list : []).join("\n");
}

/** Synonym groups as lines: one group a line, its words separated by commas. */
export function synonymsToLines(groups) {
  return (Array.isArray(groups) ? groups : []).map((g) => g.join(", ")).join("\n");
}

/** The inverse of synonymsToLines: empty words and empty lines are dropped. */
export function linesToSynonyms(text) {
  return linesToList(text)
    .map((l) =>
      l
        .split(",")
        .map((w) => w.trim())
        .filter(Boolean),
    )
    .filter((g) => g.length);
}

/** The line `line` (0-based) of `text` as [start, end] offsets, for selecting it in a box. */
export function lineRange(text, line) {
  let start = 0;
  for (let k = 0; k < line; k++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) return [text.length, text.length];
    start = nl + 1;
  }
  const nl = text.indexOf("\n", start);
  return [start, nl < 0 ? text.length : nl];
}

/** An id for a new entry that no entry has: "nueva-entrada", "nueva-entrada-2", … */
export function freshId(entries, base = "nueva-entrada") {
  const taken = new Set(entries.map((e) => e.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The draft's history: snapshots (JSON text) of the FAQ before each change. Typing in one field
 * is one step: a change with the same `key` as the previous one, within `coalesceMs`, adds none.
 */
export class History {
  constructor(limit = HISTORY_LIMIT, coalesceMs = 1500, now = () => Date.now()) {
    this._limit = limit;
    this._coalesce = coalesceMs;
    this._now = now;
    this._steps = [];
    this._lastKey = null;
    this._lastAt = 0;
  }

  /** Records `snapshot` (the FAQ before a change) unless the change continues the last one. */
  record(snapshot, key = null) {
    const t = this._now();
    if (key !== null && key === this._lastKey && t - this._lastAt < this._coalesce) {
      this._lastAt = t;
      return;
    }
    this._steps.push(snapshot);
    if (this._steps.length > this._limit) this._steps.shift();
    this._lastKey = key;
    this._lastAt = t;
  }

  /** The snapshot to go back to, or null when there is none. */
  undo() {
    this._lastKey = null;
    return this._steps.pop() ?? null;
  }

  /** Whether there is a step to undo. */
  get canUndo() {
    return this._steps.length > 0;
  }

  /** Ends the current typing step: the next change is a step of its own. */
  cut() {
    this._lastKey = null;
  }
}

/** The size of a file in words: "5.0 MB", "312 KB". */
export function sizeText(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The first `max` characters of a file's text, for showing a file that cannot be opened. */
export function preview(bytes, max = 4000) {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, max * 4));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The value at `parts` (as parsePath gives them) in `root`, or undefined. */
export function getAt(root, parts) {
  let v = root;
  for (const p of parts) {
    if (v === null || typeof v !== "object") return undefined;
    v = v[p];
  }
  return v;
}

/**
 * Sets the value at `parts` in `root`. An entry's English texts ("en") are made when a field of
 * theirs is typed into, and taken away again when all of them are empty, as faq.json leaves
 * them out then. Other missing objects are made as plain objects.
 */
export function setAt(root, parts, value) {
  let v = root;
  for (let k = 0; k < parts.length - 1; k++) {
    const p = parts[k];
    if (v[p] === undefined || v[p] === null) v[p] = p === "en" ? { question: "", answer: "", phrasings: [] } : {};
    v = v[p];
  }
  v[parts[parts.length - 1]] = value;
  const at = parts.indexOf("en");
  if (at > 0) {
    const owner = getAt(root, parts.slice(0, at));
    const en = owner?.en;
    if (en && !en.question && !en.answer && !en.phrasings?.length) delete owner.en;
  }
}

/** An entry as the list shows it: its number and question (or its id). */
export function entryLabel(e, i) {
  return `${i + 1}. ${e.question?.trim() || e.id || "—"}`;
}
