// Mapathy core — a board as HTML: an accessible text view and a print page.
//
// Both are single self-contained documents: inline CSS in one <style> element, no scripts, no external
// resources (fonts, images), so they open from a Blob URL under a strict Content-Security-Policy and work
// offline. Each carries its own policy (<meta http-equiv="Content-Security-Policy"> with default-src
// 'none'), so even a saved copy can never run script. All board text is escaped.
//
// Accessible view (exportAccessibleHtml): plain semantic HTML5 for screen readers and keyboard users —
// <h1> title, the persona as a <section> with a <dl>, each empathy-map section as <h2> + <ul> of notes
// (evidence said in words: "observed" / "assumed"), a journey as a <table> with a <caption>,
// <th scope="col"> stages and <th scope="row"> lanes (emotion and expectation scores as words and
// numbers), then every stage again under its own <h3> heading, and the action items as a list.
// Headings and labels are in `uiLang`; board text keeps the board's language (marked with lang=…).
//
// Print page (exportPrintHtml): landscape A4 or Letter (@page size), one board per page (a journey too
// tall for it is scaled down to fit, see printFitScale), readable type (card text 9 pt, at least 7.5 pt
// after fitting), cards as coloured boxes from the shared palette (print-color-adjust: exact), the empathy map
// laid out on a CSS grid from Section::rect, the journey as a fixed table with the emotion curve as
// inline SVG, action items on their own page; cards and table rows are never split across pages.
#pragma once

#include <string>

#include "core/model/model.hpp"

namespace mapathy {

enum class PaperSize { A4, Letter };

std::string exportAccessibleHtml(const Board& board, Lang uiLang);
std::string exportPrintHtml(const Board& board, Lang uiLang, PaperSize paper = PaperSize::A4);

// The zoom of the print page's board (1 = as designed): a journey whose estimated height exceeds one
// landscape page is scaled down just enough to fit, but not below 0.84 (type stays readable); an
// empathy map's grid always keeps 1.
double printFitScale(const Board& board, Lang uiLang, PaperSize paper = PaperSize::A4);

}  // namespace mapathy
