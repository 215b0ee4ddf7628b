// Builds the engine's reply object from what the WebAssembly hands over in two crossings of the
// boundary (src/wasm.rs, FaqEngine.ask): one string of names, each followed by U+001F, and one
// array of numbers. Status, reason and how each word was understood cross by name.
//
// Strings: status, reason ("" when there is an answer), then per candidate its id and per matched word
// its term and how it was read ("exact", "synonym", "typo").
// Numbers: truncated (0/1), hits, candidates, unanswered, contact, then per candidate its index,
// score and matched-word count, and per matched word its start and end in UTF-16 units. The hits
// are the first candidates: only the candidates cross.

/** What follows each name in the strings that cross the boundary (SEPARATOR in src/wasm.rs). */
export const SEPARATOR = "\u001f";

/** The reply object of `FaqEngine.ask`. */
export function build_reply(text, nums) {
  const s = text.split(SEPARATOR);
  let si = 0;
  let ni = 0;
  const str = () => s[si++];
  const num = () => nums[ni++];
  const status = str();
  const reason = str() || null;
  const truncated = num() === 1;
  const nh = num();
  const nc = num();
  const unanswered = num();
  const contact = num();
  const hit = () => {
    const h = { index: num(), id: str(), score: num(), terms: [], words: [], via: [] };
    for (let k = num(); k > 0; k--) {
      h.terms.push(str());
      h.via.push(str());
      h.words.push([num(), num()]);
    }
    return h;
  };
  const candidates = [];
  for (let i = 0; i < nc; i++) candidates.push(hit());
  // The answers are the first `nh` candidates (Reply::hits in src/engine/reply.rs).
  return { status, hits: candidates.slice(0, nh), candidates, reason, truncated, unanswered, contact };
}
