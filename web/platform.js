// Mapathy's browser glue, loaded by index.html before mapathy.js (the Emscripten output).
// - configures the Emscripten Module (canvas, loading message, errors);
// - the hidden textarea that receives typed text, so tablets and phones show their keyboard and IME,
//   dead keys and composition (ä, ß, é, emoji) work: text is handed to the app, the textarea stays empty;
// - clipboard, file download, file picker and drag-and-drop, the system share sheet, URL fragment changes;
// - the camera QR scanner (web/scanner.js, loaded on first use) and short tones;
// - the local library's storage (localStorage, written crash-safe; see librarySave) and the 'storage'
//   event that keeps tabs of one browser in step;
// - the service worker (sw.js) that keeps the site available offline;
// - window.mapathy, the automation and test API (see README).
// The C++ side is src/platform/web/ (browser.cpp calls MapathyWeb.*; the _mapathy_* exports are called here).
'use strict';

(function () {
  performance.mark('mapathy-platform-js');
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const slowStart = setTimeout(() => loading.classList.add('slow'), 800);  // style.css says why

  // ---- start-up, in parallel (tools/bench-startup.mjs measures each step through these marks):
  // 1. the module's download starts now; index.html preloads it, so this fetch finds it under way. Once its
  //    bytes are here it is compiled on the engine's own threads, and this thread meanwhile creates the WebGL2
  //    context (4. below), which keeps it waiting for the GPU process for 60–150 ms. Compiled while it
  //    streamed in instead, the module got its bytes only from this thread, after that wait (Chromium hands a
  //    streamed response to the compiler in tasks of this thread), and the start came 40–90 ms later.
  //    A download that takes longer than a moment (a slow network) gets the context first, while it arrives;
  //    the module then compiles once it is all here (10–40 ms: V8 compiles most functions on first call, the
  //    others' baseline compilers are fast) rather than while it streams in.
  //    Module.instantiateWasm below hands the compiled module to the loader.
  //    JavaScriptCore (Safari, every browser on iOS, GNOME Web) gets the module whole, mapathy-whole.wasm, not
  //    in two parts: with the parts, WebKit's WebAssembly trapped now and then ("Out of bounds memory access")
  //    in code that runs the same in Chromium and Firefox (see "the module's late part" below; sw.js decides
  //    the same way). The preload of mapathy.wasm is then not used: on a first visit that costs WebKit the
  //    start part's download too.
  const moduleFile = oneModule(navigator.userAgent) ? 'mapathy-whole.wasm' : 'mapathy.wasm';
  const contextSoon = setTimeout(createContext, 40);
  const wasmModule = fetch(moduleFile, { credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(moduleFile + ': HTTP ' + response.status);
      return response.arrayBuffer();
    })
    .then((bytes) => {
      const compiled = WebAssembly.compile(bytes);
      createContext();
      return compiled;
    })
    .then((module) => { performance.mark('mapathy-wasm-compiled'); return module; });
  // 2. the UI's texts in the reader's language (src/ui/ui_texts.hpp: the module has none of its own), in
  //    parallel; main() takes them (stringValue 6 and 7). When that file cannot be fetched, the other language.
  let uiTexts = null;  // {lang, text} until main() takes the text
  let lateBytes = null;  // the late part's bytes, once fetched (see "the module's late part")
  const readerLanguage = stringValue(3);
  const otherLanguage = (lang) => (lang === 'de' ? 'en' : 'de');
  const uiTextsReady = fetchTexts(readerLanguage)
    .then((text) => ({ lang: readerLanguage, text }),
      () => fetchTexts(otherLanguage(readerLanguage)).then((text) => ({ lang: otherLanguage(readerLanguage), text })))
    .then((texts) => { uiTexts = texts; });
  // 3. a page the service worker controls (every visit after the first) reads the module's late part from its
  //    cache with the module and puts it in place before main() (see "the module's late part" below): that
  //    costs no download, and offline nothing can then need a request the service worker does not answer
  //    (Chromium and WebKit send a synchronous request past it).
  const lateWithStart = navigator.serviceWorker && navigator.serviceWorker.controller && moduleFile === 'mapathy.wasm'
    ? fetchLate().catch(() => null)
    : null;
  // 4. the WebGL2 context: creating it makes the GPU process set one up, which takes long with software
  //    rendering (0.5 s and more), and the first GL call waits for it. Created early (1. above: as soon as the
  //    module's bytes are here, or 40 ms into its download), it is set up while the module compiles, and
  //    instantiateWasm makes sure it exists before main() runs. The attributes must be those src/platform/web/gl_renderer.cpp asks
  //    for (the app gets this same context; a second getContext returns it whatever it asks for).
  //    The canvas gets its pixel size first (the size src/platform/web/web_platform.cpp would give it): a
  //    context resized later reallocates its drawing buffer and waits for the GPU process twice.
  let glProgram = null;  // 5., taken by the renderer (MapathyWeb.takeProgram)
  let contextCreated = false;
  function createContext() {
    if (contextCreated) return;
    contextCreated = true;
    clearTimeout(contextSoon);
    const cssSize = canvas.getBoundingClientRect();
    const pixelRatio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = Math.round(Math.max(cssSize.width, 1) * pixelRatio);
    canvas.height = Math.round(Math.max(cssSize.height, 1) * pixelRatio);
    try {
      const gl = canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false,
        premultipliedAlpha: true, preserveDrawingBuffer: false, powerPreference: 'default',
        failIfMajorPerformanceCaveat: false });
      performance.mark('mapathy-gl-context');
      if (gl) {
        glProgram = linkProgram(gl);
        // Cleared to the page's background (web/style.css), so the canvas is shown once before the first frame:
        // the browser sets up what it shows a canvas with (a shared image, 40 ms in Chromium's GPU process
        // under SwiftShader) while the app starts, not between the first frame and the next.
        gl.clearColor(0xf4 / 255, 0xf1 / 255, 0xea / 255, 1);
        gl.clear(gl.COLOR_BUFFER_BIT);
      }
    } catch (e) { /* the app reports a missing WebGL2 itself */ }
  }

  // 5. the renderer's shaders (src/platform/web/gl_renderer.cpp draws with them), compiled and linked here too,
  //    while the module still compiles: with software rendering the GPU process takes up to 200 ms for them,
  //    and the first draw waits until it is done. Nothing asks for the result (a status query would wait for
  //    it); linking these, which every WebGL2 implementation compiles, does not fail.
  //    They are Dear ImGui's OpenGL3 backend's GLSL ES 3.00 shaders with four changes. The texture holds coverage
  //    in its red channel, or, once the atlas holds colour glyphs (emoji), RGBA (the constant attribute Rgba says
  //    which: set at upload). Solid shapes (every vertex at the atlas's white pixel, where a texture sample gives
  //    exactly 1) skip the texture sample: bilinear sampling is most of what software rendering (SwiftShader)
  //    spends on a frame, and most of a frame's area is solid fills. The projection (scale and offset; the stock
  //    backend's matrix has nothing else) comes as a constant vertex attribute instead of a uniform: Emscripten
  //    looks a uniform's location up by asking the GPU process for the program's uniforms, a wait, while a
  //    constant attribute is simply set. The sampler uniform keeps its default, texture unit 0. The attribute
  //    locations are the renderer's (gl_renderer.cpp, kPosition …).
  function linkProgram(gl) {
    const vertex = '#version 300 es\n' +
      'precision highp float;\n' +
      'layout (location = 0) in vec2 Position;\n' +
      'layout (location = 1) in vec2 UV;\n' +
      'layout (location = 2) in vec4 Color;\n' +
      'layout (location = 3) in vec4 Projection;\n' +
      'layout (location = 4) in vec2 WhiteUV;\n' +
      'layout (location = 5) in float Rgba;\n' +
      'out vec2 Frag_UV;\n' +
      'out vec4 Frag_Color;\n' +
      'flat out float Frag_Solid;\n' +
      'flat out float Frag_Rgba;\n' +
      'void main() {\n' +
      '  Frag_UV = UV;\n' +
      '  Frag_Color = Color;\n' +
      '  Frag_Solid = UV == WhiteUV ? 1.0 : 0.0;\n' +
      '  Frag_Rgba = Rgba;\n' +
      '  gl_Position = vec4(Position.xy * Projection.xy + Projection.zw, 0, 1);\n' +
      '}\n';
    const fragment = '#version 300 es\n' +
      'precision mediump float;\n' +
      'uniform sampler2D Texture;\n' +
      'in vec2 Frag_UV;\n' +
      'in vec4 Frag_Color;\n' +
      'flat in float Frag_Solid;\n' +
      'flat in float Frag_Rgba;\n' +
      'layout (location = 0) out vec4 Out_Color;\n' +
      'void main() {\n' +
      '  if (Frag_Solid != 0.0) { Out_Color = Frag_Color; return; }\n' +
      '  vec4 texel = texture(Texture, Frag_UV.st);\n' +
      '  Out_Color = Frag_Rgba != 0.0 ? Frag_Color * texel : vec4(Frag_Color.rgb, Frag_Color.a * texel.r);\n' +
      '}\n';
    const program = gl.createProgram();
    const shaders = [[gl.VERTEX_SHADER, vertex], [gl.FRAGMENT_SHADER, fragment]].map(([type, source]) => {
      const shader = gl.createShader(type);
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      gl.attachShader(program, shader);
      return shader;
    });
    gl.linkProgram(program);
    for (const shader of shaders) {
      gl.detachShader(program, shader);
      gl.deleteShader(shader);
    }
    return program;
  }

  function fetchTexts(lang) {
    return fetch('strings-' + lang + '.txt', { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error('strings-' + lang + '.txt: HTTP ' + response.status);
      return response.text();
    });
  }
  // The reader switched to a language whose texts the app does not have yet: fetched now and handed over;
  // nothing ('') when the fetch failed (the app says so and stays in its language).
  function requestTexts(lang) {
    fetchTexts(lang)
      .catch((error) => { console.warn('Mapathy: ' + error.message); return ''; })
      .then((text) => { if (ready) withString((pointer) => Module._mapathy_ui_texts(lang === 'de' ? 1 : 0, pointer), text); });
  }

  let textarea = null;
  let composing = false;
  let ready = false;

  function withString(fn, text) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const pointer = Module._malloc(size);
    Module.stringToUTF8(text, pointer, size);
    try {
      return fn(pointer);
    } finally {
      Module._free(pointer);
    }
  }

  // The first message stays: it names the cause (a crash that follows it would only say "crashed").
  function fatal(message) {
    if (loading.getAttribute('role') === 'alert') return;
    loading.textContent = message;
    loading.hidden = false;
    loading.setAttribute('role', 'alert');
    canvas.hidden = true;
  }

  // ---- text input
  // The textarea keeps one space before the caret: Android keyboards report Backspace only as an input
  // event that deletes something, so there must always be something to delete.
  const SENTINEL = ' ';
  function resetTextarea() {
    textarea.value = SENTINEL;
    textarea.setSelectionRange(SENTINEL.length, SENTINEL.length);
  }

  function createTextarea() {
    textarea = document.createElement('textarea');
    textarea.id = 'text-input';
    textarea.setAttribute('aria-label', 'Text');
    textarea.setAttribute('autocomplete', 'off');
    textarea.setAttribute('autocapitalize', 'sentences');
    textarea.setAttribute('spellcheck', 'false');
    textarea.tabIndex = -1;
    document.body.appendChild(textarea);

    textarea.addEventListener('compositionstart', () => { composing = true; });
    textarea.addEventListener('compositionend', (event) => {
      composing = false;
      if (event.data) withString(Module._mapathy_type_text, event.data);
      resetTextarea();
    });
    textarea.addEventListener('input', (event) => {
      if (composing || event.isComposing) return;
      switch (event.inputType) {
        case 'deleteContentBackward': Module._mapathy_virtual_key(0); break;
        case 'insertLineBreak':
        case 'insertParagraph': Module._mapathy_virtual_key(1); break;
        case 'insertFromPaste': break;  // handled by the paste event
        default:
          if (event.data) withString(Module._mapathy_type_text, event.data);
          else if (textarea.value.length > SENTINEL.length) withString(Module._mapathy_type_text, textarea.value.slice(SENTINEL.length));
      }
      resetTextarea();
    });
  }

  function setTextInput(active, x, y, lineHeight) {
    if (!textarea) return;
    if (active) {
      const rect = canvas.getBoundingClientRect();
      textarea.style.left = (rect.left + x) + 'px';
      textarea.style.top = (rect.top + y) + 'px';
      textarea.style.height = lineHeight + 'px';
      if (document.activeElement !== textarea) {
        textarea.focus({ preventScroll: true });
        resetTextarea();
      }
    } else if (document.activeElement === textarea) {
      textarea.blur();  // closes on-screen keyboards
      resetTextarea();
    }
  }

  // ---- note editor: in-place editing of a note's text in a real textarea laid over the card (as
  // Excalidraw's textWysiwyg does), so the browser gives caret, selection, touch handles, IME, autocorrect
  // and dictation. The app places it every frame (ui::Host::placeTextEdit) and draws the card without its
  // text; the textarea draws the text transparent over the card, in the card's face (a FontFace made from
  // the bytes the app already has), wrapping as the card does (style.css #note-editor). Its whole text goes
  // to the app after every change; keys typed into it never reach the app's shortcuts.
  let editor = null;
  let measure = null;
  let editorEm = 1;
  function editorReport(ended) {
    withString((text) => Module._mapathy_text_edit(text, ended ? 1 : 0), editor.value);
  }
  function finishEdit() {  // Escape, Ctrl/Cmd+Enter, focus lost, a press on the canvas: keep the text
    if (editor && !editor.hidden) editorReport(true);
  }
  function createEditor() {
    const bytes = Module.HEAPU8.slice(Module._mapathy_card_font(0), Module._mapathy_card_font(0) + Module._mapathy_card_font(1));
    editorEm = Module._mapathy_card_font(2);
    const face = new FontFace('mapathy-card', bytes.buffer);
    document.fonts.add(face);
    face.load().catch(() => {});
    editor = document.createElement('textarea');
    editor.id = 'note-editor';
    editor.hidden = true;
    measure = document.createElement('span');
    measure.id = 'note-measure';
    document.body.append(editor, measure);
    editor.addEventListener('input', () => editorReport(false));
    editor.addEventListener('keydown', (event) => {
      event.stopPropagation();  // the app's keyboard handler is on window
      if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        finishEdit();
      }
    });
    editor.addEventListener('keyup', (event) => event.stopPropagation());
    editor.addEventListener('blur', finishEdit);
    // A finger held still for half a second selects the word under it: Chromium on Linux selects nothing
    // itself. A selection the platform made already stays; after ours, the release makes no click (that
    // would put the caret back).
    let hold;
    let held;
    let x0;
    let y0;
    editor.addEventListener('touchstart', (event) => {
      clearTimeout(hold);
      held = false;
      ({ clientX: x0, clientY: y0 } = event.touches[0]);
      if (!event.touches[1]) hold = setTimeout(() => { held = selectWordAt(x0, y0); }, 500);
    });
    editor.addEventListener('touchmove', (event) => {
      if (Math.hypot(event.touches[0].clientX - x0, event.touches[0].clientY - y0) > 10) clearTimeout(hold);
    });
    editor.addEventListener('touchend', (event) => {
      clearTimeout(hold);
      if (held) event.preventDefault();
    });
  }
  const textWidth = (text) => { measure.textContent = text; return measure.getBoundingClientRect().width; };
  // The word at a point of the editor: its row from the line height, the character in the row by measuring
  // the row's text (the rows are the app's, `layout`, placed every frame), the word's ends by Intl.Segmenter (else the letters
  // and digits around it).
  function selectWordAt(x, y) {
    const text = editor.value;
    if (editor.selectionStart < editor.selectionEnd) return false;
    const box = editor.getBoundingClientRect();
    const rows = layout.split(/([\n\u0001])/);
    const row = Math.min(rows.length >> 1, Math.max(0, ((y - box.top) / lineHeight) | 0));
    let at = 0;
    let i = 0;
    for (; i < row * 2; i += 2) at += rows[i].length + (rows[i + 1] === '\n');
    const line = rows[i];
    for (i = 0; i < line.length && textWidth(line.slice(0, i + 1)) < x - box.left;) ++i;
    let start = at + i;
    let end = start;
    if (Intl.Segmenter) {
      const word = new Intl.Segmenter(editor.lang, { granularity: 'word' }).segment(text).containing(start);
      if (word && word.isWordLike) end = (start = word.index) + word.segment.length;
    } else {
      const letter = /[\p{L}\p{N}]/u;
      while (letter.test(text.charAt(start - 1))) --start;
      while (letter.test(text.charAt(end))) ++end;
    }
    if (start === end) return false;
    editor.setSelectionRange(start, end);
    return true;
  }
  // The width that breaks the text where the card does, in this browser's glyph metrics (a few per cent
  // narrower than the card's rounded ones): between the widest line and the narrowest line plus what went
  // to the next line (a word, or a character inside a long word), measured in a span styled like the editor;
  // `w` (the card's width) when that is well inside, else moved inwards by up to half a line height.
  function breakingWidth(layout, w, size) {
    let lo = 0;
    let hi = Infinity;
    for (const paragraph of layout.split('\n')) {
      const lines = paragraph.split('\u0001');
      lines.forEach((line, i) => {
        lo = Math.max(lo, textWidth(line.trimEnd()));
        const next = lines[i + 1];
        if (next) hi = Math.min(hi, textWidth(line + (line.endsWith(' ') ? next.split(' ')[0] : String.fromCodePoint(next.codePointAt(0)))));
      });
    }
    const margin = Math.min((hi - lo) / 2, size / 2);
    return Math.min(Math.max(w, lo + margin), hi - margin);
  }
  let layout = '';
  let lineHeight;
  function placeTextEdit(x, y, w, h, size, colour, rows) {
    layout = rows;
    lineHeight = size;
    const rect = canvas.getBoundingClientRect();
    const style = editor.style;
    style.fontSize = measure.style.fontSize = (size * editorEm) + 'px';
    style.left = (rect.left + x) + 'px';
    style.top = (rect.top + y) + 'px';
    style.width = (layout.replace(/\u0001/g, '') !== editor.value ? w : breakingWidth(layout, w, size)) + 'px';
    style.height = h + 'px';
    style.lineHeight = size + 'px';
    style.color = 'rgb(' + (colour & 255) + ',' + ((colour >>> 8) & 255) + ',' + ((colour >>> 16) & 255) + ')';
    editor.scrollTop = 0;
  }
  function beginTextEdit(lang, text, label) {  // placeTextEdit follows at once
    if (!editor) createEditor();
    editor.lang = lang;
    editor.setAttribute('aria-label', label);
    editor.value = text;
    editor.hidden = false;
    editor.focus({ preventScroll: true });
    editor.setSelectionRange(text.length, text.length);
  }
  function endTextEdit(finish) {  // finish: as a click outside; else the app ended it (hidden first: no report)
    if (finish) {
      finishEdit();
    } else if (editor) {
      editor.hidden = true;
      editor.blur();
    }
  }

  // ---- clipboard: ImGui copies synchronously; the browser pastes through the paste event only.
  function writeClipboard(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(() => copyWithSelection(text));
    } else {
      copyWithSelection(text);
    }
  }

  function copyWithSelection(text) {
    const handler = (event) => {
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    document.addEventListener('copy', handler, { once: true });
    try { document.execCommand('copy'); } catch (e) { /* no clipboard: nothing else to try */ }
    document.removeEventListener('copy', handler);
  }

  window.addEventListener('paste', (event) => {
    if (!ready || event.target === editor) return;  // the note editor pastes by itself
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    event.preventDefault();
    if (text) withString(Module._mapathy_paste, text);
  });

  // ---- files
  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function openFile(file) {
    file.text().then((text) => {
      withString((namePointer) => withString((textPointer) => Module._mapathy_open_file(namePointer, textPointer), text), file.name);
    });
  }

  function pickFile() {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,.md,.markdown,.txt,application/json,text/markdown,text/plain';
    input.addEventListener('change', () => { if (input.files && input.files[0]) openFile(input.files[0]); });
    input.click();
  }

  canvas.addEventListener('dragover', (event) => { event.preventDefault(); });
  canvas.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file && ready) openFile(file);
  });
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());

  // ---- outputs: the board as PNG, and standalone pages (text view, print page) in a new tab.
  // The core writes the SVG and the HTML; nothing here parses board text, and no board data ever goes
  // into this page's DOM: the SVG is drawn through an <img> from a Blob URL, the pages open in their own tab.
  const PNG_SCALE = 2;              // sharp on high-density screens and when scaled up in slides
  const MAX_CANVAS_SIDE = 16384;    // larger canvases fail in Chromium and Safari
  const MAX_CANVAS_PIXELS = 64e6;

  function downloadPng(name, svgText) {
    const svgUrl = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const image = new Image();
    const asSvg = () => download(name + '.svg', 'image/svg+xml', svgText);
    image.onload = () => {
      const width = image.naturalWidth || 1;
      const height = image.naturalHeight || 1;
      const scale = Math.min(PNG_SCALE, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height,
        Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
      const picture = document.createElement('canvas');
      picture.width = Math.max(1, Math.floor(width * scale));
      picture.height = Math.max(1, Math.floor(height * scale));
      const context = picture.getContext('2d');
      URL.revokeObjectURL(svgUrl);
      if (!context) return asSvg();
      context.drawImage(image, 0, 0, picture.width, picture.height);
      picture.toBlob((png) => (png ? download(name + '.png', 'image/png', png) : asSvg()), 'image/png');
    };
    image.onerror = () => { URL.revokeObjectURL(svgUrl); asSvg(); };
    image.src = svgUrl;
  }

  // A Blob URL, never markup written into this page: the page is its own document with its own strict
  // Content-Security-Policy (no scripts at all). A document from a Blob URL also gets this page's policy,
  // which allows no inline styles, so the page's one <style> element (the core writes it first in <head>,
  // before any board text) becomes a stylesheet Blob it links to. The URLs are kept while the app is open
  // so the tab can be reloaded. If pop-ups are blocked, the page (with its inline style) is offered as a file.
  function showHtml(name, html) {
    const start = html.indexOf('<style>');
    const end = html.indexOf('</style>', start);
    const head = html.indexOf('</head>');
    let page = html;
    let cssUrl = null;
    if (start >= 0 && end > start && end < head) {
      const css = html.slice(start + '<style>'.length, end);
      cssUrl = URL.createObjectURL(new Blob([css], { type: 'text/css;charset=utf-8' }));
      page = html.slice(0, start) + '<link rel="stylesheet" href="' + cssUrl + '">' + html.slice(end + '</style>'.length);
    }
    const url = URL.createObjectURL(new Blob([page], { type: 'text/html;charset=utf-8' }));
    const view = window.open(url, '_blank');
    if (view) {
      view.opener = null;
    } else {
      URL.revokeObjectURL(url);
      if (cssUrl) URL.revokeObjectURL(cssUrl);
      download(name, 'text/html;charset=utf-8', html);
    }
  }

  const textViewButton = document.getElementById('text-view');
  // The app's key handler (on window, bubbling) takes Tab, Enter and Space for its own controls. Before
  // it: a keyboard or screen-reader user who has not entered the app yet (nothing on the page has focus)
  // presses Tab and the browser moves focus to the text-view button; there Enter or Space presses it, and
  // Tab goes on into the app (its canvas).
  window.addEventListener('keydown', (event) => {
    if (!textViewButton) return;
    const focused = document.activeElement;
    if (focused === textViewButton) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.stopImmediatePropagation();
      } else if (event.key === 'Tab' && !event.shiftKey) {
        event.preventDefault();
        event.stopImmediatePropagation();
        canvas.focus({ preventScroll: true });
      }
    } else if (event.key === 'Tab' && (!focused || focused === document.body)) {
      event.stopImmediatePropagation();
    }
  }, true);
  if (textViewButton) {
    textViewButton.addEventListener('click', () => {
      const status = document.getElementById('a11y-status');
      const opened = ready && Module._mapathy_open_text_view() === 1;
      if (status) status.textContent = opened ? '' : 'Noch kein Board geöffnet. / No board is open yet.';
    });
  }

  // ---- the system share sheet (Web Share API)
  function canShare() {
    return typeof navigator.share === 'function' &&
      (typeof navigator.canShare !== 'function' || navigator.canShare({ url: location.href }));
  }

  function share(title, url) {
    navigator.share({ title: title || 'Mapathy', url }).catch(() => { /* the person closed the sheet */ });
  }

  // ---- the local library (src/platform/web/local_library.hpp is the C++ side). Layout in localStorage:
  //   mapathy:library          the index {version: 1, open: id, boards: {id: {gen, title, savedAt}}}
  //   mapathy:board:<id>:<gen> one stored version of a board (the JSON the app writes)
  //   mapathy:base:<id>        the board's workshop base: the board as it arrived (for "Send back")
  // A save writes the new version under a new key, then the index that points at it; only then is the
  // version before the previous one removed. An interrupted or refused save leaves the index pointing at
  // the previous version, which is still there. Every save bumps the board's gen, whichever tab saves:
  // that is how a tab sees that another one wrote a board since it read it (the 'storage' event below).
  const LIBRARY_KEY = 'mapathy:library';
  const boardKey = (id, gen) => 'mapathy:board:' + id + ':' + gen;
  const baseKey = (id) => 'mapathy:base:' + id;

  function storage() {
    try { return window.localStorage || null; } catch (e) { return null; }
  }

  function readIndex(store) {
    try {
      const index = JSON.parse(store.getItem(LIBRARY_KEY));
      if (index && index.version === 1 && index.boards && typeof index.boards === 'object') return index;
    } catch (e) { /* unreadable index: start a new one, the board keys stay where they are */ }
    return { version: 1, open: '', boards: {} };
  }

  // The version of an index written by a newer Mapathy (0 when it is ours or unreadable). Such a library is
  // never written to: this app would not know what it drops by rewriting it.
  function newerIndexVersion(store) {
    try {
      const index = JSON.parse(store.getItem(LIBRARY_KEY));
      return index && typeof index.version === 'number' && index.version > 1 ? index.version : 0;
    } catch (e) { return 0; }
  }

  function isQuotaError(error) {
    return error && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
      error.code === 22 || error.code === 1014);
  }

  // The board's new gen (≥ 1) when saved; -1 storage full, -2 storage unavailable, -3 the library belongs
  // to a newer Mapathy.
  function librarySave(id, json, title) {
    const store = storage();
    if (!store) return -2;
    if (newerIndexVersion(store)) return -3;
    let index;
    try { index = readIndex(store); } catch (e) { return -2; }
    const previous = index.boards[id];
    const gen = previous ? previous.gen + 1 : 1;
    try {
      store.setItem(boardKey(id, gen), json);
      index.boards[id] = { gen, title, savedAt: Date.now() };
      store.setItem(LIBRARY_KEY, JSON.stringify(index));
    } catch (error) {
      try { store.removeItem(boardKey(id, gen)); } catch (e) { /* nothing more to undo */ }
      return isQuotaError(error) ? -1 : -2;
    }
    if (previous) try { store.removeItem(boardKey(id, previous.gen - 1)); } catch (e) { /* stays as garbage */ }
    return gen;
  }

  function libraryRemove(id) {
    const store = storage();
    if (!store || newerIndexVersion(store)) return;
    try {
      const index = readIndex(store);
      const entry = index.boards[id];
      if (!entry) return;
      delete index.boards[id];
      if (index.open === id) index.open = '';
      store.setItem(LIBRARY_KEY, JSON.stringify(index));
      store.removeItem(boardKey(id, entry.gen));
      store.removeItem(boardKey(id, entry.gen - 1));
      store.removeItem(baseKey(id));
    } catch (e) { /* the next save tries again */ }
  }

  function librarySetOpen(id) {
    const store = storage();
    if (!store || newerIndexVersion(store)) return;
    try {
      const index = readIndex(store);
      index.open = id;
      store.setItem(LIBRARY_KEY, JSON.stringify(index));
    } catch (e) { /* a full store keeps the old pointer: the board still opens from the list */ }
  }

  // The index without the boards: {open, boards: [{id, title, gen}]}, or {newerLibrary: version}.
  function libraryIndex() {
    const store = storage();
    if (!store) return '{"open":"","boards":[]}';
    const newer = newerIndexVersion(store);
    if (newer) return JSON.stringify({ newerLibrary: newer });
    try {
      const index = readIndex(store);
      const boards = Object.keys(index.boards).map((id) => ({
        id, title: typeof index.boards[id].title === 'string' ? index.boards[id].title : '', gen: index.boards[id].gen }));
      return JSON.stringify({ open: index.open || '', boards });
    } catch (e) {
      return '{"open":"","boards":[]}';
    }
  }

  // One board's newest stored version and the one before: {json, previous} (null when absent).
  function libraryBoard(id) {
    const store = storage();
    if (!store) return '{}';
    try {
      const entry = readIndex(store).boards[id];
      if (!entry) return '{}';
      return JSON.stringify({ json: store.getItem(boardKey(id, entry.gen)), previous: store.getItem(boardKey(id, entry.gen - 1)) });
    } catch (e) {
      return '{}';
    }
  }

  function libraryBaseLoad(id) {
    const store = storage();
    if (!store) return '';
    try { return store.getItem(baseKey(id)) || ''; } catch (e) { return ''; }
  }

  // 0 saved ('' removes), -1 storage full, -2 unavailable, -3 the library belongs to a newer Mapathy.
  function libraryBaseSave(id, json) {
    const store = storage();
    if (!store) return -2;
    if (newerIndexVersion(store)) return -3;
    try {
      if (json) store.setItem(baseKey(id), json); else store.removeItem(baseKey(id));
      return 0;
    } catch (error) {
      return isQuotaError(error) ? -1 : -2;
    }
  }

  // ---- small per-device values (the anonymous voter id of dot voting), under mapathy:device:<key>.
  function deviceLoad(key) {
    const store = storage();
    if (!store) return '';
    try { return store.getItem('mapathy:device:' + key) || ''; } catch (e) { return ''; }
  }

  function deviceSave(key, value) {
    const store = storage();
    if (!store) return;
    try { store.setItem('mapathy:device:' + key, value); } catch (e) { /* full or private: a new id next visit */ }
  }

  // Persistent storage (the browser promises not to evict the library when the disk fills up) is never
  // asked for on the app's own. Firefox answers navigator.storage.persist() with a permission prompt
  // ("Allow … to store data in persistent storage?") that someone who has just typed a note cannot place,
  // and Chromium and Safari decide silently from how the site is used (bookmarked, installed) anyway.
  // askPersistentStorage() is there for an explicit action of the person. persistentStorage() says what
  // is true now: 'granted' when the browser already keeps the storage (navigator.storage.persisted() never
  // prompts), 'not asked', 'asked' while a request runs, 'denied', or 'unsupported'.
  let persistence = 'not asked';
  function checkPersistentStorage() {
    if (!navigator.storage || typeof navigator.storage.persisted !== 'function') {
      persistence = 'unsupported';
      return;
    }
    navigator.storage.persisted().then((granted) => { if (granted && persistence === 'not asked') persistence = 'granted'; },
      () => { /* unknown: stays 'not asked' */ });
  }
  function askPersistentStorage() {
    if (!navigator.storage || typeof navigator.storage.persist !== 'function') {
      persistence = 'unsupported';
      return;
    }
    persistence = 'asked';
    navigator.storage.persist().then((granted) => { persistence = granted ? 'granted' : 'denied'; },
      () => { persistence = 'denied'; });
  }

  // ---- page state
  function stringValue(which) {
    switch (which) {
      case 0: return location.href.split('#')[0];
      case 1: return location.href;
      case 2: return location.hash;
      case 3: {
        const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
        return String(languages[0]).toLowerCase().startsWith('de') ? 'de' : 'en';
      }
      case 4: return /Mac|iPhone|iPad/.test(navigator.platform || '') ? 'mac' : '';
      case 5: return matchMedia('(pointer: coarse)').matches ? 'coarse' : 'fine';
      case 6: return uiTexts ? uiTexts.lang : '';
      case 7: {  // taken once: the module keeps its own copy
        const text = uiTexts ? uiTexts.text : '';
        if (uiTexts) uiTexts.text = '';
        return text;
      }
      default: return '';
    }
  }

  function toHeap(text) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const pointer = Module._malloc(size);
    Module.stringToUTF8(text, pointer, size);
    return pointer;
  }

  // The semibold face for headings is not part of the first download (the start-up size budget; see
  // src/platform/fonts.hpp): until it arrives, headings use the regular face. A failure (offline before
  // the service worker cached it) changes nothing else.
  let boldFont = 'pending';
  const whenIdle = (fn) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 50));
  function loadBoldFont() {
    fetch('mapathy-bold.otf')
      .then((response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.arrayBuffer();
      })
      .then((buffer) => whenIdle(() => {
        const bytes = new Uint8Array(buffer);
        const pointer = Module._malloc(bytes.length);
        Module.HEAPU8.set(bytes, pointer);
        const taken = Module._mapathy_bold_font(pointer, bytes.length);
        Module._free(pointer);
        performance.mark('mapathy-bold-font');
        boldFont = taken ? 'loaded' : 'refused';
      }))
      .catch((error) => {
        boldFont = 'failed';
        Module._mapathy_bold_font(0, 0);
        console.warn('Mapathy: the bold font could not be loaded; headings use the regular font.', error);
      })
      // Then the tools module, when the page is idle again, so an export or a QR code is at hand.
      .then(() => setTimeout(() => whenIdle(() => loadTools().catch(() => {})), 1000));
  }

  // ---- glyphs the UI face lacks (emoji, other scripts): the browser's own fonts draw them on a Canvas 2D and
  // the app copies the pixels into its font atlas (src/platform/fonts.hpp, ExtraGlyph). `text` is one code point
  // or one emoji sequence (👍🏽, 👩‍👩‍👧, 🇩🇪: the emoji font draws it as one picture). The line is `height`
  // pixels tall with the baseline where Inter's is (0.8 of the line). Returns the width drawn, 0 for none.
  const GLYPH_FONTS = '"Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", sans-serif';
  let glyphContext = null;
  function drawGlyph(text, height, out, capacity) {
    if (!glyphContext) glyphContext = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const context = glyphContext;
    const font = Math.round(height * 0.8) + 'px ' + GLYPH_FONTS;
    context.font = font;
    const width = Math.min(Math.ceil(context.measureText(text).width), Math.floor(capacity / (height * 4)));
    if (!(width > 0)) return 0;
    context.canvas.width = width;
    context.canvas.height = height;
    context.font = font;  // a new canvas size resets the context
    context.fillText(text, 0, Math.round(height * 0.8));
    Module.HEAPU8.set(context.getImageData(0, 0, width, height).data, out);
    return width;
  }

  // ---- the module's late part, mapathy-late.wasm: CMakeLists.txt splits the editor's module in two; mapathy.wasm
  // keeps what the start runs (cmake/startup_functions.txt), the late part holds every other function. Where a
  // late function belongs, the module's table holds a placeholder (an import from "placeholder", named by its
  // table slot). The late part is fetched after the first frame and instantiated against the running module:
  // it writes its functions into those slots. A call that reaches a placeholder before then loads the late part
  // at once, synchronously (lateSync): from the bytes when they are here, else by a synchronous request, which
  // the service worker answers offline. Only when that fails too does the app stop, with a message.
  // JavaScriptCore runs the module whole (mapathy-whole.wasm: no placeholders, so no late part). The split's two
  // instances share one memory, table and stack pointer; in WebKitGTK 2.50 that trapped with "Out of bounds memory
  // access" in about one WebKit test file in forty in CI (in a mouse event's handler, in a read of the widgets),
  // never in Chromium or Firefox and never before the split. Not reproduced on its own; the whole module costs
  // WebKit bytes, not correctness. A user agent with AppleWebKit but not Chrome is JavaScriptCore (Chromium-based
  // browsers, Android's included, name Chrome; browsers on iOS do not).
  function oneModule(userAgent) {
    return /AppleWebKit\//.test(userAgent) && !/Chrome\//.test(userAgent);
  }
  let primaryExports = null;  // the running module's exports (memory, table, the functions the late part calls)
  let lateNeeded = false;     // the module has placeholders (an unsplit build has none)
  let lateState = 'none';     // 'pending', 'loaded' (after the first frame), 'loaded with the start' (from the service
                              // worker's cache), 'loaded on call' (synchronously), 'failed'
  let lateInstance = null;
  let lateTries = 0;
  let lateFirstCall = null;   // the table slot of the first call that needed the late part before it was there
  function installLate(module, how) {
    if (lateInstance) return;
    lateInstance = new WebAssembly.Instance(module, { primary: primaryExports });
    lateState = how;
    performance.mark('mapathy-late-ready');
  }
  // The late part compiled (its bytes kept for lateSync); rejects when it cannot be fetched.
  function fetchLate() {
    return fetch('mapathy-late.wasm', { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error('mapathy-late.wasm: HTTP ' + response.status);
        return response.arrayBuffer();
      })
      .then((buffer) => { lateBytes = new Uint8Array(buffer); return WebAssembly.compile(lateBytes); });
  }
  function loadLate() {
    if (!lateNeeded || lateInstance) return;
    lateState = 'pending';
    lateTries += 1;
    fetchLate()
      .then((module) => installLate(module, 'loaded'))
      .catch((error) => {
        if (lateInstance) return;
        lateState = 'failed';
        console.warn('Mapathy: the rest of the app could not be loaded yet; it is tried again, and at the latest when it is needed.', error);
        if (lateTries < 5) setTimeout(loadLate, 5000 * lateTries);
      });
  }
  function lateSync() {
    if (lateInstance) return;
    try {
      let bytes = lateBytes;
      if (!bytes) {
        const request = new XMLHttpRequest();
        request.open('GET', 'mapathy-late.wasm', false);
        request.overrideMimeType('text/plain; charset=x-user-defined');  // the bytes as characters 0–255
        request.send();
        if (request.status !== 200) throw new Error('mapathy-late.wasm: HTTP ' + request.status);
        const text = request.responseText;
        bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i) & 0xff;
      }
      installLate(new WebAssembly.Module(bytes), 'loaded on call');
    } catch (error) {
      lateState = 'failed';
      fatal('Mapathy konnte einen Teil von sich nicht laden (keine Verbindung?). Deine Boards sind in diesem Browser ' +
        'gespeichert; lade die Seite neu, sobald du online bist. / Mapathy could not load part of itself (no connection?). ' +
        'Your boards are saved in this browser; reload the page once you are online. (' + error.message + ')');
      throw error;
    }
  }
  // The imports the placeholders come from: each loads the late part and calls what now stands in its slot.
  function placeholders(table) {
    return new Proxy({}, {
      get: (target, name) => (...args) => {
        if (!lateInstance && lateFirstCall === null) lateFirstCall = Number(name);
        lateSync();
        return table().get(Number(name))(...args);
      },
    });
  }

  // ---- the tools module (mapathy-tools.js + mapathy-tools.wasm, src/app/tools.hpp): Markdown, the SVG, HTML
  // and CSV outputs, QR codes, merges and contribution links, which the first frame does not need. Loaded on
  // first use or when the page is idle after the first frame; the service worker precaches it like every
  // file of the site, so it works offline. run(request) resolves to the result object ({ok: true, …} or
  // {ok: false, error}); it rejects only when the module cannot be loaded (a later call tries again).
  let toolsModule = null;
  let toolsLoaded = false;
  let toolsInstance = null;  // the loaded module
  function loadTools() {
    if (!toolsModule) {
      toolsModule = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'mapathy-tools.js';
        script.onload = resolve;
        script.onerror = () => { script.remove(); reject(new Error('mapathy-tools.js could not be loaded')); };
        document.head.appendChild(script);
      }).then(() => window.createMapathyTools({ print: (text) => console.log(text), printErr: (text) => console.warn(text) }))
        .then((tools) => {
          toolsLoaded = true;
          toolsInstance = tools;
          performance.mark('mapathy-tools-ready');
          return tools;
        });
      toolsModule.catch(() => { toolsModule = null; });
    }
    return toolsModule;
  }
  // One request (JSON text) → the answer (JSON text).
  function callTool(tools, text) {
    const size = tools.lengthBytesUTF8(text) + 1;
    const pointer = tools._malloc(size);
    tools.stringToUTF8(text, pointer, size);
    try {
      return tools.UTF8ToString(tools._tools_run(pointer));
    } finally {
      tools._free(pointer);
    }
  }
  function runTool(request) {
    return loadTools().then((tools) => JSON.parse(callTool(tools, JSON.stringify(request))));
  }
  // The editor's requests (src/ui/tools_client.hpp): the answer goes back to the app by its ticket. Once the
  // module is loaded it answers at once, so an output that opens a tab (print page, text view) does so in the
  // same animation frame as the click that asked for it: WebKit lets a page open a tab only there. Before,
  // the answer comes when the module has loaded, or as {ok: false, unavailable: true, error} if it cannot.
  const answerTool = (ticket, answer) => {
    if (ready) withString((pointer) => Module._mapathy_tool_result(ticket, pointer), answer);
  };
  function runToolFor(ticket, text) {
    if (toolsInstance) return answerTool(ticket, callTool(toolsInstance, text));
    loadTools()
      .then((tools) => callTool(tools, text),
        (error) => JSON.stringify({ ok: false, unavailable: true, code: 'tools.unavailable', params: [{ text: error.message }],
          error: 'Mapathy could not load its tools (' + error.message + ').' }))
      .then((answer) => answerTool(ticket, answer));
  }
  const tools = Object.freeze({ load: () => loadTools().then(() => true), run: runTool });

  // ---- the camera QR scanner (web/scanner.js, loaded when scanning starts; not part of the start-up
  // download). Codes go to _mapathy_scanned, problems (0 refused, 1 no camera, 2 other) to
  // _mapathy_scanner_failed. A stop() before the script has loaded cancels the start.
  let scannerScript = null;
  let scannerWanted = false;
  let scannerPlace = null;
  function loadScanner() {
    if (!scannerScript) {
      scannerScript = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'scanner.js';
        script.onload = () => (window.MapathyScanner ? resolve(window.MapathyScanner) : reject(new Error('scanner missing')));
        script.onerror = () => reject(new Error('scanner.js could not be loaded'));
        document.head.appendChild(script);
      });
      scannerScript.catch(() => { scannerScript = null; });
    }
    return scannerScript;
  }
  const scanner = {
    start() {
      scannerWanted = true;
      loadScanner().then((s) => {
        if (!scannerWanted) return;
        if (scannerPlace) s.place(...scannerPlace);
        s.start((text) => { if (ready) withString(Module._mapathy_scanned, text); },
          (problem) => { if (ready) Module._mapathy_scanner_failed(problem); });
      }).catch(() => setTimeout(() => { if (ready && scannerWanted) Module._mapathy_scanner_failed(2); }, 0));
    },
    place(x, y, w, h) {
      const rect = canvas.getBoundingClientRect();
      scannerPlace = [x + rect.left, y + rect.top, w, h];
      if (window.MapathyScanner) window.MapathyScanner.place(...scannerPlace);
    },
    stop() {
      scannerWanted = false;
      if (window.MapathyScanner) window.MapathyScanner.stop();
    },
  };

  // A short tone (Web Audio), only when the person turned sounds on: 0 the countdown's end (three tones),
  // 1 a scanned code.
  let audio = null;
  function beep(kind) {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      if (!audio) audio = new Context();
      if (audio.state === 'suspended') audio.resume().catch(() => {});
      const tones = kind === 0 ? [0, 0.35, 0.7] : [0];
      for (const at of tones) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.frequency.value = kind === 0 ? 660 : 1320;
        gain.gain.setValueAtTime(0.2, audio.currentTime + at);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + at + 0.25);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(audio.currentTime + at);
        oscillator.stop(audio.currentTime + at + 0.3);
      }
    } catch (error) {
      /* no sound is not an error */
    }
  }

  window.addEventListener('hashchange', () => { if (ready) Module._mapathy_hash_changed(); });
  // A pixel-ratio change without a resize (window moved to another screen) needs a new frame too.
  function watchPixelRatio() {
    const query = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
    query.addEventListener('change', () => { if (ready) Module._mapathy_wake(); watchPixelRatio(); }, { once: true });
  }

  window.MapathyWeb = {
    // The renderer's program, linked at the start (5. above); null when WebGL2 is missing.
    takeProgram() {
      const program = glProgram;
      glProgram = null;
      return program;
    },
    // Called once, after the first frame: the page is usable, so now fetch what can wait.
    hideLoading() {
      clearTimeout(slowStart);
      loading.hidden = true;
      performance.mark('mapathy-first-frame');  // tests/browser/size_budget.test.mjs and tools/bench-browser.mjs
      // What can wait waits until the first picture is on the screen: three animation frames on, then the late
      // part when the page is idle, the semibold face and the service worker. Their compilation and decoding
      // took the processor from the compositor, which with software rendering needed 100–300 ms more for
      // the frames that show the first one (tools/bench-startup.mjs, "ready").
      // A page in a background tab gets no animation frames: there a second's wait does the same.
      let frames = 3;
      let started = false;
      const afterFirstPicture = () => {
        if (started) return;
        if (frames-- > 0) { requestAnimationFrame(afterFirstPicture); return; }
        started = true;
        whenIdle(loadLate);
        loadBoldFont();
        whenIdle(() => registerServiceWorker(false));
      };
      requestAnimationFrame(afterFirstPicture);
      setTimeout(() => { frames = 0; afterFirstPicture(); }, 1000);
    },
    fatal,
    stringValue,
    runToolFor,
    toolsReady: () => toolsLoaded,
    requestTexts,
    toHeap,
    writeClipboard,
    download,
    pickFile,
    setTextInput,
    beginTextEdit,
    placeTextEdit,
    endTextEdit,
    canShare,
    share,
    downloadPng,
    showHtml,
    librarySave,
    libraryRemove,
    librarySetOpen,
    libraryIndex,
    libraryBoard,
    libraryBaseLoad,
    libraryBaseSave,
    askPersistentStorage,
    deviceLoad,
    deviceSave,
    tools,
    scanner,
    beep,
    drawGlyph,
  };

  // Write what is not saved yet when the page goes away (tab closed, app switched on a phone).
  const flushLibrary = () => { if (ready) Module._mapathy_flush_library(); };
  window.addEventListener('pagehide', flushLibrary);
  // Another tab of this browser wrote the library: the app merges what it stored (the index changes with
  // every save; key null: the storage was cleared).
  window.addEventListener('storage', (event) => {
    if (ready && (event.key === null || event.key === LIBRARY_KEY)) Module._mapathy_storage_changed();
  });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushLibrary(); });

  // Offline use: the service worker precaches this version of the site (relative URL: works below a
  // sub-path such as https://user.github.io/repo/). Registered after the first frame, once the page is idle
  // (its settle frames drawn): installing it fetches every file of the site, which would otherwise compete
  // with the first frames for the network and the processor (tools/bench-startup.mjs), and it is done before
  // the tools module is fetched a second later.
  // A reload or navigation while sw.js loads cuts the registration short (WebKit reports that as a failed
  // load): it is tried once more a few seconds later — a page that went away never gets there — and only a
  // second failure is reported.
  function registerServiceWorker(again) {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register('sw.js').catch((error) => {
      if (again) console.warn('No offline use:', error.message);
      else setTimeout(() => registerServiceWorker(true), 3000);
    });
  }

  window.Module = {
    canvas,
    // The module compiled above, instantiated with the loader's imports.
    instantiateWasm(imports, receive) {
      let table = null;
      imports.placeholder = placeholders(() => table);
      Promise.all([wasmModule, uiTextsReady, lateWithStart]).then(([module, , lateModule]) => {
        createContext();  // normally long done (1. above); the renderer takes its program
        return WebAssembly.instantiate(module, imports).then((instance) => {
          performance.mark('mapathy-wasm-instantiated');
          primaryExports = instance.exports;
          table = Object.values(instance.exports).find((value) => value instanceof WebAssembly.Table);
          lateNeeded = WebAssembly.Module.imports(module).some((entry) => entry.module === 'placeholder');
          if (lateNeeded && lateModule) installLate(lateModule, 'loaded with the start');
          receive(instance, module);
        });
      }).catch((error) => fatal('Mapathy konnte nicht geladen werden / Mapathy could not be loaded: ' + error));
      return {};
    },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => fatal('Mapathy ist abgestürzt / Mapathy crashed: ' + what),
    preRun: [createTextarea],
    // After main(): the app exists from here on.
    postRun() {
      ready = true;
      watchPixelRatio();
      checkPersistentStorage();
      const string = (pointer) => Module.UTF8ToString(pointer);
      window.mapathy = Object.freeze({
        // Items of the last completed frame: {label, rawLabel, id, window, x, y, w, h, visible, flags},
        // rectangles in CSS pixels relative to the page.
        widgets() {
          const rect = canvas.getBoundingClientRect();
          return JSON.parse(string(Module._mapathy_widgets_json())).map((item) =>
            Object.assign(item, { x: item.x + rect.left, y: item.y + rect.top }));
        },
        frames: () => Module._mapathy_frames(),
        document() { const text = string(Module._mapathy_document_json()); return text === '' ? null : text; },
        // The open board's share link, made by the tools module (as the share dialog's): a Promise of
        // the link, null when no board is open; rejects when the module cannot be loaded.
        shareLink() {
          const board = string(Module._mapathy_document_json());
          if (board === '') return Promise.resolve(null);
          return runTool({ op: 'link', board, baseUrl: stringValue(0) }).then((answer) => {
            if (!answer.ok) throw new Error(answer.error);
            return answer.link;
          });
        },
        openLink: (url) => withString(Module._mapathy_open_link, String(url)) === 1,
        zoom: () => Module._mapathy_zoom(),
        // The lines a note's text is drawn in on its card: ['line', …]; for a board text's key (ui/text_box.hpp),
        // its lines.
        noteLines: (id) => withString((p) => string(Module._mapathy_note_lines(p)), String(id)).split('\n').slice(0, -1),
        // The font atlas: {width, height, rgba, faces, zoomStep, zoomPixels, extraGlyphs, buildMs}.
        atlas: () => Object.fromEntries(['width', 'height', 'rgba', 'faces', 'zoomStep', 'zoomPixels', 'extraGlyphs',
          'buildMs'].map((name, i) => [name, Module._mapathy_atlas_figure(i)])),
        // The banners on screen: [{kind: 'info' | 'success' | 'error', text}].
        messages: () => JSON.parse(string(Module._mapathy_messages_json())),
        // What the local library holds: [{id, title, gen}] and the open board's id.
        library() {
          const store = storage();
          const index = store ? readIndex(store) : { open: '', boards: {} };
          return { open: index.open, boards: Object.keys(index.boards).map((id) => Object.assign({ id }, index.boards[id])) };
        },
        persistentStorage: () => persistence,
        // 'pending' until the page fetched the semibold face after the first frame, then 'loaded' (in use),
        // 'refused' or 'failed'.
        boldFont: () => (boldFont === 'loaded' && !Module._mapathy_has_bold_font() ? 'refused' : boldFont),
        // The module's late part (mapathy-late.wasm): 'none' (an unsplit build), 'pending', 'loaded' (after the
        // first frame, as meant), 'loaded with the start' (from the service worker's cache), 'loaded on call'
        // (a call needed it before it had arrived) or 'failed'.
        lateModule: () => lateState,
        // The table slot of the first call that needed the late part before it had arrived (null: none). Which
        // function that is: wasm-split's --placeholdermap for the build's mapathy-whole.wasm.
        lateFirstCall: () => lateFirstCall,
        flush: flushLibrary,
        // The tools module: load() and run(request), see MapathyWeb.tools above.
        tools,
        // The camera scanner's state: {camera: a live track, decoder: 'BarcodeDetector' | 'jsQR' | 'none',
        // preview: the <video> is on the page}; null before scanning was ever started.
        scanner: () => (window.MapathyScanner ? window.MapathyScanner.state() : null),
      });
    },
  };
})();
