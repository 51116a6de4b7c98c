// The words a driver's error carries when a WebDriver command got no reply at all: the driver or the
// browser process hung (drivers/webkit.mjs). tests/browser/run.mjs looks for them.
export const DRIVER_NO_ANSWER = 'WebDriver command got no answer';

// The words a driver's error carries when the browser itself lost the page: WebKitWebDriver deletes the
// session "because of page crash or hang" (WebKit's web process died or stopped answering). Seen once in the
// CI runs of a day (in session_tabs, at a test's first steps), not reproduced in 130 WebKit test files run
// under load. run.mjs treats it like a hang: the file runs once more in a fresh browser, both outputs are
// shown, and a second failure fails the test. (A WebAssembly trap in the page is never retried: it fails.)
export const PAGE_LOST = 'the browser lost the page';
