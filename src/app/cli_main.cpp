// The `mapathy` command line: make, check, convert and share boards without the browser.
//
//   mapathy new --kind empathy|journey [--template NAME] [--lang de|en]
//   mapathy encode FILE [--base URL]        mapathy decode LINK
//   mapathy validate FILE                   mapathy import FILE.md
//   mapathy export --format json|md|svg|csv|html|print FILE [--table notes|actions] [--paper a4|letter]
//                  [--lang de|en] [--delimiter comma|semicolon] [--bom yes]   ("-" reads standard input)
//   mapathy merge A B [C…]                  mapathy delta BASE CHANGED [--base URL] [--voter ID]
//
// Exit codes: 0 success, 1 usage error (usage on stderr), 2 invalid input (one line on stderr).
// All the work is in the core — new boards and reading what is handed over go through the same code as
// the app's (core/io/board_input.hpp); this file only reads files, parses arguments and prints.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/export/export_csv.hpp"
#include "core/export/export_html.hpp"
#include "core/export/export_svg.hpp"
#include "core/codec/share_link.hpp"
#include "core/edit/merge.hpp"
#include "core/io/board_input.hpp"
#include "core/io/format.hpp"
#include "core/io/markdown.hpp"
#include "core/model/model.hpp"
#include "core/model/templates.hpp"
#include "app/tools.hpp"
#include "ui/i18n_errors.hpp"

namespace {

using namespace mapathy;

// The page a link opens when --base is not given: the local server from tools/serve.mjs.
constexpr const char* kDefaultBase = "http://127.0.0.1:8080/";

constexpr const char* kUsage =
    "usage: mapathy <command> [options]\n"
    "\n"
    "  new --kind empathy|journey [--template NAME] [--lang de|en]\n"
    "                               print a new board (JSON) made from a built-in template\n"
    "  encode FILE [--base URL]     print the share link of a board (default base " "http://127.0.0.1:8080/)\n"
    "  decode LINK                  print the board (JSON) a share link carries\n"
    "  validate FILE                check a board file; prints a summary\n"
    "  import FILE.md               turn a Markdown outline into a board (JSON)\n"
    "  export --format json|md FILE print a board as JSON or as a Markdown outline\n"
    "  export --format svg|csv|html|print FILE\n"
    "                               svg: a picture of the whole board; csv: its notes, or its action items\n"
    "                               with --table actions (--delimiter comma|semicolon, --bom yes for Excel);\n"
    "                               html: the accessible text view; print: a printable page (--paper a4|letter);\n"
    "                               --lang de|en: language of the html/print headings (default: the board's)\n"
    "  templates                    list the built-in templates\n"
    "  merge A B [C...]             merge boards and contributions (files or links) into the first;\n"
    "                               prints the merged board (JSON); what came in and the conflicts\n"
    "                               go to standard error\n"
    "  delta BASE CHANGED [--base URL] [--voter ID]\n"
    "                               print a contribution link: only what CHANGED changed against BASE\n"
    "\n"
    "FILE or LINK \"-\" reads standard input.\n"
    "Exit codes: 0 success, 1 usage error, 2 invalid input (one line on standard error).\n";

constexpr int kOk = 0;
constexpr int kUsageError = 1;
constexpr int kInvalidInput = 2;

int usage(const std::string& problem) {
  std::cerr << "mapathy: " << problem << "\n\n" << kUsage;
  return kUsageError;
}

// One line, whatever the message holds.
int invalid(std::string message) {
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::cerr << "mapathy: " << message << "\n";
  return kInvalidInput;
}

// Reads a whole file ("-" = standard input). Inputs up to 64 MiB are read whole, so the core's own
// checks refuse what is too big with the input's real size in the message; anything larger is refused
// here, without being held in memory.
constexpr std::size_t kMaxInputBytes = 64u * 1024u * 1024u;

std::optional<std::string> readInput(const std::string& path, std::string& error) {
  std::string data;
  bool tooBig = false;
  auto slurp = [&](std::istream& in) {
    char buffer[65536];
    while (in.read(buffer, sizeof buffer).gcount() > 0) {
      if (data.size() + static_cast<std::size_t>(in.gcount()) > kMaxInputBytes) {
        tooBig = true;
        return;
      }
      data.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
  };
  const std::string name = path == "-" ? std::string("standard input") : path;
  if (path == "-") {
    slurp(std::cin);
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      error = "cannot read " + path + " (no such file, or not readable).";
      return std::nullopt;
    }
    slurp(in);
    if (in.bad()) {
      error = "cannot read " + path + ".";
      return std::nullopt;
    }
  }
  if (tooBig) {
    error = name + " is too big (more than 64 MiB), so it was not read.";
    return std::nullopt;
  }
  return data;
}

struct Args {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;  // --name value
  std::string problem;
};

// Options all take a value; "-" alone is a positional (standard input).
Args parseArgs(int argc, char** argv, int from, std::initializer_list<const char*> allowed) {
  Args a;
  for (int i = from; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.size() > 2 && arg.rfind("--", 0) == 0) {
      std::string name = arg.substr(2);
      std::string value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      } else if (i + 1 < argc) {
        value = argv[++i];
      } else {
        a.problem = "option --" + name + " needs a value";
        return a;
      }
      bool ok = false;
      for (const char* n : allowed) ok = ok || name == n;
      if (!ok) {
        a.problem = "unknown option --" + name;
        return a;
      }
      a.options.emplace_back(name, value);
    } else {
      a.positional.push_back(arg);
    }
  }
  return a;
}

std::optional<std::string> option(const Args& a, const std::string& name) {
  std::optional<std::string> value;
  for (const auto& [n, v] : a.options) {
    if (n == name) value = v;
  }
  return value;
}

// Random bits for new ids (core/base/ids.hpp makes the ids from them, as in the app).
std::uint64_t randomBits() {
  std::random_device rd;
  return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
}

std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int cmdNew(const Args& a) {
  if (!a.positional.empty()) return usage("new takes no file");
  auto kindText = option(a, "kind");
  if (!kindText) return usage("new needs --kind empathy or --kind journey");
  BoardKind kind;
  if (*kindText == "empathy" || *kindText == "empathy-map") {
    kind = BoardKind::EmpathyMap;
  } else if (*kindText == "journey") {
    kind = BoardKind::Journey;
  } else {
    return usage("--kind must be empathy or journey, not \"" + *kindText + "\"");
  }
  Lang lang = Lang::En;
  if (auto l = option(a, "lang")) {
    auto parsed = langFromString(*l);
    if (!parsed) return usage("--lang must be de or en, not \"" + *l + "\"");
    lang = *parsed;
  }
  std::string templ = option(a, "template").value_or(kind == BoardKind::EmpathyMap ? "classic" : "lifecycle");
  auto board = newBoardFromTemplate(kind, templ, lang, randomBits(), nowMs());
  if (!board) return usage(ui::english(board.error()));
  board->appVersion = MAPATHY_VERSION;
  std::cout << saveJson(*board, true) << "\n";
  return kOk;
}

Result<Board> loadFile(const std::string& path) {
  std::string error;
  auto text = readInput(path, error);
  if (!text) return Error{error};
  return loadJson(*text);
}

int cmdEncode(const Args& a) {
  if (a.positional.size() != 1) return usage("encode needs exactly one FILE");
  auto board = loadFile(a.positional[0]);
  if (!board) return invalid(ui::english(board.error()));
  std::cout << encodeLink(*board, option(a, "base").value_or(kDefaultBase)) << "\n";
  return kOk;
}

int cmdDecode(const Args& a) {
  if (a.positional.size() != 1) return usage("decode needs exactly one LINK");
  std::string link = a.positional[0];
  if (link == "-") {
    std::string error;
    auto text = readInput("-", error);
    if (!text) return invalid(error);
    link = *text;
    while (!link.empty() && (link.back() == '\n' || link.back() == '\r' || link.back() == ' ')) link.pop_back();
  }
  auto board = decodeLink(link);
  if (!board) return invalid(ui::english(board.error()));
  std::cout << saveJson(*board, true) << "\n";
  return kOk;
}

int cmdValidate(const Args& a) {
  if (a.positional.size() != 1) return usage("validate needs exactly one FILE");
  auto board = loadFile(a.positional[0]);
  if (!board) return invalid(ui::english(board.error()));
  const Board& b = *board;
  std::cout << "valid: " << (b.kind == BoardKind::EmpathyMap ? "empathy map" : "journey board") << " \"" << b.title
            << "\" (" << toString(b.lang) << "), ";
  if (b.kind == BoardKind::EmpathyMap) {
    std::cout << b.sections.size() << " sections, ";
  } else {
    std::cout << b.stages.size() << " stages, " << b.lanes.size() << " lanes, ";
  }
  std::cout << b.notes.size() << " notes, " << b.actions.size() << " actions\n";
  return kOk;
}

int cmdImport(const Args& a) {
  if (a.positional.size() != 1) return usage("import needs exactly one FILE.md");
  std::string error;
  auto text = readInput(a.positional[0], error);
  if (!text) return invalid(error);
  auto board = readBoardInput(*text, a.positional[0] == "-" ? std::string() : a.positional[0]);
  if (!board) return invalid(ui::english(board.error()));
  if (board->createdAt == 0) board->createdAt = board->modifiedAt = nowMs();
  board->appVersion = MAPATHY_VERSION;
  std::cout << saveJson(*board, true) << "\n";
  return kOk;
}

// `export`: every format comes from the core; options that do not apply to the chosen format are refused
// so a typo never silently changes nothing.
int cmdExport(const Args& a) {
  if (a.positional.size() != 1) return usage("export needs exactly one FILE");
  auto format = option(a, "format");
  if (!format) return usage("export needs --format json, md, svg, csv, html or print");
  const std::string f = *format;
  if (f != "json" && f != "md" && f != "svg" && f != "csv" && f != "html" && f != "print")
    return usage("--format must be json, md, svg, csv, html or print, not \"" + f + "\"");
  const auto only = [&](const char* name, std::initializer_list<const char*> formats) -> std::optional<std::string> {
    if (!option(a, name)) return std::nullopt;
    for (const char* allowed : formats) {
      if (f == allowed) return std::nullopt;
    }
    return "--" + std::string(name) + " does not apply to --format " + f;
  };
  for (const auto& problem : {only("table", {"csv"}), only("delimiter", {"csv"}), only("bom", {"csv"}),
                              only("paper", {"print"}), only("lang", {"html", "print"})}) {
    if (problem) return usage(*problem);
  }
  CsvOptions csv;
  bool actionsTable = false;
  if (auto t = option(a, "table")) {
    if (*t != "notes" && *t != "actions") return usage("--table must be notes or actions, not \"" + *t + "\"");
    actionsTable = *t == "actions";
  }
  if (auto d = option(a, "delimiter")) {
    if (*d != "comma" && *d != "semicolon" && *d != "," && *d != ";")
      return usage("--delimiter must be comma or semicolon, not \"" + *d + "\"");
    csv.delimiter = (*d == "semicolon" || *d == ";") ? ';' : ',';
  }
  if (auto bom = option(a, "bom")) {
    if (*bom != "yes" && *bom != "no") return usage("--bom must be yes or no, not \"" + *bom + "\"");
    csv.utf8Bom = *bom == "yes";
  }
  PaperSize paper = PaperSize::A4;
  if (auto p = option(a, "paper")) {
    if (*p != "a4" && *p != "A4" && *p != "letter") return usage("--paper must be a4 or letter, not \"" + *p + "\"");
    paper = *p == "letter" ? PaperSize::Letter : PaperSize::A4;
  }
  std::optional<Lang> uiLang;
  if (auto l = option(a, "lang")) {
    uiLang = langFromString(*l);
    if (!uiLang) return usage("--lang must be de or en, not \"" + *l + "\"");
  }
  auto board = loadFile(a.positional[0]);
  if (!board) return invalid(ui::english(board.error()));
  const Board& b = *board;
  if (f == "json") {
    std::cout << saveJson(b, true) << "\n";
  } else if (f == "md") {
    std::cout << exportMarkdown(b);
  } else if (f == "svg") {
    std::cout << exportSvg(b);
  } else if (f == "csv") {
    std::cout << (actionsTable ? exportActionsCsv(b, csv) : exportNotesCsv(b, csv));
  } else if (f == "html") {
    std::cout << exportAccessibleHtml(b, uiLang.value_or(b.lang));
  } else {
    std::cout << exportPrintHtml(b, uiLang.value_or(b.lang), paper);
  }
  return std::cout.good() ? kOk : invalid("could not write the output.");
}

// A board from a file (JSON, a Markdown outline, or a file holding a link), a link, or "-" (standard
// input, any of these): what the app accepts when a file is dropped on it (core/io/board_input.hpp).
Result<Board> loadBoardOrLink(const std::string& arg) {
  if (arg != "-" && sniffBoardInput(arg) == BoardInput::Link) return readBoardInput(arg);
  std::string error;
  auto text = readInput(arg, error);
  if (!text) return Error{error};
  return readBoardInput(*text, arg == "-" ? std::string() : arg);
}

std::string oneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text.size() > 80 ? text.substr(0, 77) + "..." : text;
}

// `merge`: the board on standard output (so it can be redirected to a file), the report on
// standard error, one line per conflict.
int cmdMerge(const Args& a) {
  if (a.positional.size() < 2) return usage("merge needs at least two boards or links");
  std::vector<Board> boards;
  for (const auto& arg : a.positional) {
    auto board = loadBoardOrLink(arg);
    if (!board) return invalid(arg + ": " + ui::english(board.error()));
    boards.push_back(std::move(*board));
  }
  // The report is collected and written only when every merge succeeded, so a refusal is one
  // clear line and not the tail of notes about the boards before it.
  Board result = boards.front();
  std::ostringstream reportText;
  for (std::size_t i = 1; i < boards.size(); ++i) {
    const bool otherBoard = !boards[i].id.empty() && !result.id.empty() && boards[i].id != result.id;
    const std::string otherId = boards[i].id;
    const std::string resultId = result.id;
    auto report = mergeInto(result, boards[i]);
    if (!report) return invalid(a.positional[i] + ": " + ui::english(report.error()));
    if (otherBoard) {
      reportText << "mapathy: note: " << a.positional[i] << " is a different board (id " << otherId << ", not "
                  << resultId << "); merged anyway\n";
    }
    const MergeSummary& s = report->summary;
    reportText << "merged " << a.positional[i] << ": " << s.addedNotes.size() << " new, " << s.changedNotes.size()
               << " changed, " << s.removedNotes.size() << " removed notes, " << (s.votesAdded >= 0 ? "+" : "")
               << s.votesAdded << " votes, " << report->conflicts.size() << " conflicts\n";
    for (const auto& c : report->conflicts) {
      const char* what = c.isAction ? "action" : "note";
      if (c.kind == Conflict::Kind::BothEdited) {
        reportText << "conflict: " << what << " " << c.id << " was changed on both sides; kept \""
                   << oneLine(c.incomingWon ? c.incomingText : c.baseText) << "\", not \""
                   << oneLine(c.incomingWon ? c.baseText : c.incomingText) << "\"\n";
      } else {
        const std::string& edited = c.baseText.empty() ? c.incomingText : c.baseText;
        const bool deletionWon = c.incomingWon == c.incomingText.empty();
        reportText << "conflict: " << what << " " << c.id << " was deleted on one side and changed on the other (\""
                   << oneLine(edited) << "\"); " << (deletionWon ? "kept the deletion" : "kept the note") << "\n";
      }
    }
  }
  if (auto valid = validate(result); !valid.ok()) return invalid("the merged board is not valid: " + ui::english(valid.error()));
  std::cerr << reportText.str();
  std::cout << saveJson(result, true) << "\n";
  return std::cout.good() ? kOk : invalid("could not write the output.");
}

int cmdDelta(const Args& a) {
  if (a.positional.size() != 2) return usage("delta needs BASE and CHANGED");
  auto base = loadBoardOrLink(a.positional[0]);
  if (!base) return invalid(a.positional[0] + ": " + ui::english(base.error()));
  auto changed = loadBoardOrLink(a.positional[1]);
  if (!changed) return invalid(a.positional[1] + ": " + ui::english(changed.error()));
  if (base->kind != changed->kind) return invalid("CHANGED is not the same kind of board as BASE.");
  if (base->id != changed->id) {
    return invalid("CHANGED is not a copy of BASE (board id " + changed->id + ", not " + base->id + ").");
  }
  const Board delta = makeDelta(*base, *changed, option(a, "voter").value_or(""));
  std::cout << encodeLink(delta, option(a, "base").value_or(kDefaultBase)) << "\n";
  return kOk;
}

int cmdTemplates(const Args& a) {
  if (!a.positional.empty()) return usage("templates takes no arguments");
  Lang lang = Lang::En;
  if (auto l = option(a, "lang")) {
    auto parsed = langFromString(*l);
    if (!parsed) return usage("--lang must be de or en, not \"" + *l + "\"");
    lang = *parsed;
  }
  for (const auto& t : listTemplates(lang)) {
    std::cout << (t.kind == BoardKind::EmpathyMap ? "empathy " : "journey ") << t.id << "\t" << t.name << " — "
              << t.description << "\n";
  }
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  ui::addErrorWordings(tools::errorWordings());  // the Markdown importer's and QR encoder's refusals
  if (argc < 2) return usage("no command given");
  std::string command = argv[1];
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return kOk;
  }
  auto parse = [&](std::initializer_list<const char*> allowed) { return parseArgs(argc, argv, 2, allowed); };
  Args args;
  int (*run)(const Args&) = nullptr;
  if (command == "new") {
    args = parse({"kind", "template", "lang"});
    run = cmdNew;
  } else if (command == "encode") {
    args = parse({"base"});
    run = cmdEncode;
  } else if (command == "decode") {
    args = parse({});
    run = cmdDecode;
  } else if (command == "validate") {
    args = parse({});
    run = cmdValidate;
  } else if (command == "import") {
    args = parse({});
    run = cmdImport;
  } else if (command == "export") {
    args = parse({"format", "table", "delimiter", "bom", "paper", "lang"});
    run = cmdExport;
  } else if (command == "merge") {
    args = parse({});
    run = cmdMerge;
  } else if (command == "delta") {
    args = parse({"base", "voter"});
    run = cmdDelta;
  } else if (command == "templates") {
    args = parse({"lang"});
    run = cmdTemplates;
  } else {
    return usage("unknown command \"" + command + "\"");
  }
  if (!args.problem.empty()) return usage(args.problem);
  return run(args);
}
