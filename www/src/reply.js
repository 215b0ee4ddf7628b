// The engine's reply, read in one place. `engine.ask(q, top)` returns {status, hits, candidates,
// reason, truncated, unanswered, contact}; each hit is {id, score, terms, …}. Every module reads
// a hit's figure through `scoreOf`, so a change of the engine's names is one edit here.

/** A hit's score: the probability, in 0..1, that the entry answers the question. Hits come sorted by it. */
export function scoreOf(hit) {
  return hit.score;
}
