// Mapathy's tools: everything the editor needs only on request — Markdown import and export, the SVG,
// HTML (text view, print page) and CSV outputs, QR codes, workshop merges, share and contribution links — behind
// one string-in, string-out call.
//
// Why: the web app's first frame needs none of it, yet it is a good part of the core's code. The web build
// links it into a second WebAssembly module, mapathy-tools.wasm (src/app/tools_main.cpp), which the page
// fetches after the first frame (web/platform.js: MapathyWeb.tools.run(request) → Promise of the result);
// native builds call runTool() directly. Both run exactly this code.
//
// Request: a JSON object {"op": NAME, …}; result: a JSON object {"ok": true, …} or {"ok": false, "error":
// message}. Boards travel as the JSON text saveJson() writes (a string inside the request and the result),
// links as text. The operations:
//   svg            {board, actions?: bool}                        → {text: SVG}
//   textView       {board, lang: "de"|"en"}                       → {text: HTML page}
//   print          {board, lang, paper?: "a4"|"letter"}           → {text: HTML page, scale}
//   csvNotes       {board, delimiter?: "," | ";", bom?: bool}     → {text: CSV}
//   csvActions     (the same)                                     → {text: CSV}
//   markdownExport {board}                                        → {text: Markdown}
//   markdownImport {text}                                         → {board}
//   qr             {text, ecc?: "L"|"M"|"Q"|"H"|"auto"}           → {size, version, ecc, modules: "0110…"
//                  ("auto", the default: M when it fits, else L)     (size × size, row by row, 1 = dark)}
//   merge          {board, incoming: [link or board JSON, …]}     → {board, summary: {addedNotes, changedNotes,
//                                                                    removedNotes, votedNotes, votesAdded},
//                                                                    conflicts: [{id, kind, isAction, baseText,
//                                                                    incomingText, incomingWon}]}
//   delta          {base, board, voter?: id, baseUrl?: address}   → {link} (a contribution link)
//   link           {board, baseUrl?: address}                     → {link} (the board's share link)
// Every request may name its "lang" ("de" | "en", English without): refusals come worded in it ("error"), with
// their code, parameters and cause ({code, params, cause?}); the editor sends the reader's language.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "ui/i18n_errors.hpp"

namespace mapathy::tools {

// Runs one request. Never throws; bad requests and bad boards give {"ok": false, "error": …}.
std::string runTool(std::string_view requestJson);

// The wordings of the module's own refusals ("tools.*"; tests check both languages).
std::span<const ui::ErrorWording> errorWordings();

}  // namespace mapathy::tools
