// Mapathy's camera QR scanner: the facilitator's "Scan QR codes" in "Merge links…". Loaded by web/platform.js
// only when scanning starts (not part of the start-up download; the service worker precaches it).
// - opens the camera (getUserMedia, the rear camera preferred) and shows its preview in a <video> element
//   placed over the dialog's preview area (the canvas cannot show video cheaply);
// - reads codes continuously, about five times a second: with the browser's BarcodeDetector where it has one
//   that reads QR codes, else with jsQR (jsqr.js, copied into the site by the build from the npm package
//   pinned in tools/minify/package.json, loaded here on first use);
// - reports each code's text once while it stays in view (again once it has been out of view for a
//   moment), and why the camera could not start: 0 refused, 1 no camera, 2 anything else;
// - stop() ends the camera's tracks (the camera light goes off) and removes the preview.
// Reports are always asynchronous: never inside the app's frame that called start().
'use strict';

(function () {
  const SCAN_EVERY_MS = 200;
  const SAME_CODE_QUIET_MS = 2000;  // a code seen again within this time is the same showing of it
  const MAX_DECODE_SIDE = 800;      // frames are scaled down to this before jsQR reads them

  let session = 0;  // every start() and stop() starts a new one: late answers of an old one are dropped
  let stream = null;
  let video = null;
  let timer = 0;
  let detector = null;
  let frameCanvas = null;
  let frameContext = null;
  let place = null;
  let lastText = '';
  let lastSeen = 0;
  let jsQRLoading = null;

  function loadJsQR() {
    if (typeof window.jsQR === 'function') return Promise.resolve(window.jsQR);
    if (!jsQRLoading) {
      jsQRLoading = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'jsqr.js';
        script.onload = () => (typeof window.jsQR === 'function' ? resolve(window.jsQR) : reject(new Error('jsQR missing')));
        script.onerror = () => reject(new Error('jsqr.js could not be loaded'));
        document.head.appendChild(script);
      });
      jsQRLoading.catch(() => { jsQRLoading = null; });
    }
    return jsQRLoading;
  }

  async function qrDetector() {
    if (!('BarcodeDetector' in window)) return null;
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      return formats.includes('qr_code') ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
    } catch (error) {
      return null;
    }
  }

  function applyPlace() {
    if (!video || !place) return;
    const [x, y, w, h] = place;
    video.style.left = x + 'px';
    video.style.top = y + 'px';
    video.style.width = Math.max(w, 1) + 'px';
    video.style.height = Math.max(h, 1) + 'px';
  }

  function release() {
    clearTimeout(timer);
    timer = 0;
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    if (video) {
      video.srcObject = null;
      video.remove();
    }
    video = null;
    detector = null;
  }

  function problemOf(error) {
    const name = error && error.name;
    if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 0;
    if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 1;
    return 2;
  }

  async function readCodes() {
    if (!video || video.readyState < 2 || !video.videoWidth) return [];
    if (detector) {
      const codes = await detector.detect(video);
      return codes.map((code) => code.rawValue);
    }
    const scale = Math.min(1, MAX_DECODE_SIDE / Math.max(video.videoWidth, video.videoHeight));
    const w = Math.max(1, Math.round(video.videoWidth * scale));
    const h = Math.max(1, Math.round(video.videoHeight * scale));
    if (!frameCanvas) {
      frameCanvas = document.createElement('canvas');
      frameContext = frameCanvas.getContext('2d', { willReadFrequently: true });
    }
    if (frameCanvas.width !== w || frameCanvas.height !== h) {
      frameCanvas.width = w;
      frameCanvas.height = h;
    }
    frameContext.drawImage(video, 0, 0, w, h);
    const image = frameContext.getImageData(0, 0, w, h);
    const found = window.jsQR(image.data, w, h, { inversionAttempts: 'attemptBoth' });
    return found && found.data ? [found.data] : [];
  }

  function scanLoop(mine, onCode) {
    timer = setTimeout(async () => {
      if (mine !== session) return;
      let texts = [];
      try {
        texts = await readCodes();
      } catch (error) {
        texts = [];  // a frame that could not be read: the next one may
      }
      if (mine !== session) return;
      const now = Date.now();
      for (const text of texts) {
        if (!text) continue;
        const again = text === lastText && now - lastSeen < SAME_CODE_QUIET_MS;
        lastText = text;
        lastSeen = now;
        if (!again) onCode(text);
      }
      if (mine === session) scanLoop(mine, onCode);
    }, SCAN_EVERY_MS);
  }

  async function start(onCode, onProblem) {
    release();
    const mine = ++session;
    lastText = '';
    lastSeen = 0;
    const fail = (problem) => { if (mine === session) { release(); onProblem(problem); } };
    await Promise.resolve();  // never report inside the caller's frame
    if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== 'function') return fail(1);
    let camera;
    try {
      camera = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    } catch (error) {
      return fail(problemOf(error));
    }
    if (mine !== session) {
      camera.getTracks().forEach((track) => track.stop());
      return undefined;
    }
    stream = camera;
    video = document.createElement('video');
    video.id = 'scanner-video';
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.setAttribute('playsinline', '');
    video.srcObject = stream;
    document.body.appendChild(video);
    applyPlace();
    try {
      await video.play();
    } catch (error) {
      /* autoplay of a muted video is allowed; a refusal shows as no frames */
    }
    const found = await qrDetector();
    if (mine !== session) return undefined;
    detector = found;
    if (!detector) {
      try {
        await loadJsQR();
      } catch (error) {
        return fail(2);
      }
    }
    if (mine !== session) return undefined;
    scanLoop(mine, onCode);
    return undefined;
  }

  window.MapathyScanner = Object.freeze({
    start,
    place(x, y, w, h) {
      place = [x, y, w, h];
      applyPlace();
    },
    stop() {
      ++session;
      release();
    },
    // For tests: whether the camera is on (a live track) and which decoder reads the frames.
    state: () => ({
      camera: !!stream && stream.getTracks().some((track) => track.readyState === 'live'),
      decoder: detector ? 'BarcodeDetector' : (typeof window.jsQR === 'function' ? 'jsQR' : 'none'),
      preview: !!video && video.isConnected,
    }),
  });
})();
