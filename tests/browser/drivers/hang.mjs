// The words a driver's error carries when a WebDriver command got no reply at all: the driver or the
// browser process hung (drivers/webkit.mjs). tests/browser/run.mjs looks for them.
export const DRIVER_NO_ANSWER = 'WebDriver command got no answer';

// The words a driver's error carries when the browser itself lost the page: WebKitWebDriver deletes the
// session "because of page crash or hang" (the web process died or stopped), or WebKit's WebAssembly engine
// trapped with "Out of bounds memory access" in the app's module. Both were seen about once in a hundred
// WebKit test files on a loaded machine, at a test's first steps, never in Chromium or Firefox, which run the
// same module through the same steps (README, "What does not work yet"). run.mjs treats them like a hang: the
// file runs once more in a fresh browser, both outputs are shown, and a second failure fails the test.
export const PAGE_LOST = 'the browser lost the page';
