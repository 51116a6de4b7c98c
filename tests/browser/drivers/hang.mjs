// The words a driver's error carries when a WebDriver command got no reply at all: the driver or the
// browser process hung (drivers/webkit.mjs). tests/browser/run.mjs looks for them.
export const DRIVER_NO_ANSWER = 'WebDriver command got no answer';
