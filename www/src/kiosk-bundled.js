// What scripts/bundle.mjs puts around the modules in the kiosk page's script only: the kiosk's
// stylesheet (www/src/kiosk.css, minified) and the staff PIN as a salted PBKDF2-SHA-256 hash (never
// the PIN itself). As with bundled.js, this module is the one that reads them from the enclosing
// scope.

/* global KIOSK_CSS, KIOSK_PIN */

/** The kiosk's stylesheet text, adopted after the widget's own. */
export const kioskCss = KIOSK_CSS;

/** The staff PIN's check: {salt, hash, iterations}, base64 strings and a count. */
export const kioskPin = KIOSK_PIN;
