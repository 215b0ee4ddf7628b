// The engine's reply, read in one place. `engine.ask(q, top)` returns {status, hits, candidates,
// reason, truncated}; each hit is {id, score, raw, terms, …}. The names of the score fields are
// the engine's to change: every module reads them through these two functions, so a rename is
// one edit here.

/** A hit's confidence in 0..1: the share of the question the entry explains. */
export function confidenceOf(hit) {
  return hit.score;
}

/** A hit's raw score: hits come sorted by it, best first, and "close to the best" is measured on it. */
export function rawScoreOf(hit) {
  return hit.raw;
}
