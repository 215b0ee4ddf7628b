// Moving the focus with the arrow keys, for a keypad (arrows, Tab, Enter) instead of a touch: from
// the focused control to the nearest one in the arrow's direction on the screen, among the visible
// controls of `scope` (the open dialog, or the panel). Text fields keep their arrows (the caret,
// the suggestions), and so do scrolling regions.

const CONTROLS = "button, a[href], input, select, textarea, [tabindex]";

function visible(el) {
  if (el.disabled || el.closest("[hidden]") || (el.getAttribute("tabindex") === "-1" && !el.classList.contains("key"))) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

const overlap = (a1, a2, b1, b2) => Math.min(a2, b2) - Math.max(a1, b1);

/**
 * The control of `candidates` nearest to `from` in direction `dir` ("up", "down", "left", "right"),
 * or null: first the ones in line with it (sharing some of its height, or width), then by distance.
 */
export function nearest(from, candidates, dir) {
  const r = from.getBoundingClientRect();
  const vertical = dir === "up" || dir === "down";
  const sign = dir === "down" || dir === "right" ? 1 : -1;
  const cx = (r.left + r.right) / 2;
  const cy = (r.top + r.bottom) / 2;
  let best = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const el of candidates) {
    if (el === from) continue;
    const c = el.getBoundingClientRect();
    const ccx = (c.left + c.right) / 2;
    const ccy = (c.top + c.bottom) / 2;
    const ahead = vertical ? (ccy - cy) * sign : (ccx - cx) * sign;
    if (ahead <= 1) continue;
    const gap = vertical ? Math.max(0, sign > 0 ? c.top - r.bottom : r.top - c.bottom) : Math.max(0, sign > 0 ? c.left - r.right : r.left - c.right);
    const side = vertical ? overlap(r.left, r.right, c.left, c.right) : overlap(r.top, r.bottom, c.top, c.bottom);
    const off = side > 0 ? 0 : -side;
    const score = gap + off * 3 + Math.abs(vertical ? ccx - cx : ccy - cy) * 0.01;
    if (score < bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return best;
}

const DIRS = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };

/** Handles an arrow key on `ev` (a keydown in the shadow root): moves the focus within `scope()`. */
export function arrowNavigate(ev, root, scope) {
  const dir = DIRS[ev.key];
  if (!dir || ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.defaultPrevented) return;
  const from = root.activeElement;
  // Text fields keep their arrows, and so does a region that scrolls (data-scroll).
  if (!from || /^(input|textarea|select)$/.test(from.localName) || from.hasAttribute("data-scroll")) return;
  const area = scope();
  if (!area?.contains(from)) return;
  const next = nearest(from, [...area.querySelectorAll(CONTROLS)].filter(visible), dir);
  if (!next) return;
  ev.preventDefault();
  next.focus();
}
