// The staff PIN of the kiosk page: what scripts/bundle.mjs writes into dist/kiosk.html (a salted
// PBKDF2-SHA-256 hash, never the PIN) and what the browser tests type. The one place the default
// is written: the README tells the office to build with its own (--kiosk-pin or KIOSK_PIN).

import crypto from "node:crypto";

/** The PIN when none is given: documented, so every copy built without one must be rebuilt. */
export const DEFAULT_KIOSK_PIN = "2580";

/** PBKDF2 iterations: the browser checks a PIN in tens of milliseconds. */
export const PIN_ITERATIONS = 100_000;

/** A PIN is 4 to 12 digits: it is typed on the staff view's digit pad. */
export const PIN_PATTERN = /^\d{4,12}$/;

/** The PIN to build with: --kiosk-pin PIN, else $KIOSK_PIN, else the default; `isDefault` says which. */
export function kioskPin(args, env = process.env) {
  const i = args.indexOf("--kiosk-pin");
  const pin = i >= 0 ? args[i + 1] : env.KIOSK_PIN || DEFAULT_KIOSK_PIN;
  return { pin: String(pin ?? ""), isDefault: i < 0 && !env.KIOSK_PIN };
}

/**
 * {salt, hash, iterations} for `pin` (base64 strings), as the kiosk page stores it. The salt comes
 * from the PIN itself, so that the same PIN builds the same page byte for byte (reproducible
 * builds, and the studio's export equal to make dist's); a short digit PIN is guessable from a copy
 * of the file with or without a random salt, which is why the README asks for a long one.
 */
export function hashPin(pin, salt = crypto.createHash("sha256").update(`faq-widget kiosk PIN:${pin}`).digest().subarray(0, 16)) {
  const hash = crypto.pbkdf2Sync(Buffer.from(pin, "utf8"), salt, PIN_ITERATIONS, 32, "sha256");
  return { salt: salt.toString("base64"), hash: hash.toString("base64"), iterations: PIN_ITERATIONS };
}
