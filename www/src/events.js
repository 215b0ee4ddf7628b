// What a widget answered and was told, for an observer in the same script: each question asked
// (its text, the reply's status and the best entry's id), each answer shown and each "¿Te sirvió?"
// reply. The kiosk page's staff counts (kiosk-staff.js) observe them; the website's script has no
// observer, so there nothing of this is kept anywhere, and nothing leaves the script (these are not
// DOM events the page could listen to).
//
// The observers are in the same script as the widgets they hear from, so on the kiosk page they
// hear the kiosk's widget only. The events:
//   {type: "question", query, status, id}  a question was asked (typed, or a suggestion chosen);
//                                          status is the engine's, id the best entry's (null for none)
//   {type: "answer", id}                   an entry's answer was shown, however it was reached
//   {type: "feedback", id, helpful}        "¿Te sirvió?" was answered for entry id

const observers = [];

/** Calls `f(event)` for every event from now on. */
export function observe(f) {
  observers.push(f);
}

/** Tells the observers about `event`. */
export function emit(event) {
  for (const f of observers) f(event);
}
