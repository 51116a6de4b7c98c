// Tests of `mapathy export --format svg|csv|html|print`: runs the real CLI on boards full of awkward text
// and reads its output back with standard parsers that are not ours (Python's xml.etree, csv and
// html.parser), so "well-formed" and "parses back" are judged by someone else's code.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/io/format.hpp"
#include "core/model/model.hpp"
#include "core/model/templates.hpp"

namespace mapathy {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Text that breaks naive writers: XML/HTML metacharacters, CSV quotes/commas/newlines, umlauts, emoji.
const std::vector<std::string> kAwkwardTexts = {
    "Sagt: \"Warum, bitte, dauert das so lange?\"",
    "<script>alert('x')</script> & <b>fett</b>",
    "Zeile eins\nZeile zwei, mit Komma\nZeile \"drei\"",
    "Grüße aus Köln – Straße, Maß, Äpfel, Öl, Übermut",
    "Emoji 😀 and CJK 漢字 and a tab\there",
    "]]> <!-- not a comment --> &amp; literally",
    "Trailing spaces and commas,,,  ",
};

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

class CliExport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mapathy_cli_export_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  fs::path write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  // `args` goes to the shell as is (callers quote paths).
  CliRun cli(const std::string& args) {
    const fs::path out = dir_ / "stdout";
    const fs::path err = dir_ / "stderr";
    const std::string cmd =
        std::string("'") + MAPATHY_CLI_PATH + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  // Runs a Python script on `input` and returns what it printed (JSON), failing the test on errors.
  json python(const std::string& script, const std::string& input) {
    const fs::path scriptPath = write("check.py", script);
    const fs::path in = write("input", input);
    const fs::path out = dir_ / "python.json";
    const fs::path err = dir_ / "python.err";
    const std::string cmd = "python3 '" + scriptPath.string() + "' '" + in.string() + "' >'" + out.string() + "' 2>'" +
                            err.string() + "'";
    const int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "python failed: " << slurp(err);
    json result = json::parse(slurp(out), nullptr, false);
    EXPECT_FALSE(result.is_discarded()) << slurp(out);
    return result;
  }

  fs::path dir_;
};

Board awkwardEmpathyMap() {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  b.id = "b-export";
  b.title = "Übersicht: \"Umzug\" & <Strom>";
  b.persona.name = "Jürgen <Ärger> Groß";
  b.persona.quote = "Ich will \"einfach\" nur, dass es geht.";
  int i = 0;
  for (const std::string& text : kAwkwardTexts) {
    Note n;
    n.id = "n" + std::to_string(i);
    n.text = text;
    n.section = b.sections[static_cast<std::size_t>(i) % b.sections.size()].id;
    n.order = i;
    n.colour = i % kPaletteSize;
    n.votes = i;
    n.tags = {"tag,mit\"quote", "ärger"};
    n.evidence = i % 2 == 0 ? Evidence::Observed : Evidence::Assumed;
    b.notes.push_back(n);
    ++i;
  }
  Action a;
  a.id = "a1";
  a.text = "Rückruf \"garantiert\", in 24h";
  a.owner = "Team <Service>";
  a.status = ActionStatus::Doing;
  a.notes = {"n0", "n2"};
  b.actions.push_back(a);
  return b;
}

Board awkwardJourney() {
  Board b = makeBoard(BoardKind::Journey, "lifecycle", Lang::En).value();
  b.id = "b-journey";
  b.title = "Journey & <friends>";
  std::vector<const Lane*> textLanes;
  for (const Lane& l : b.lanes) {
    if (l.kind == LaneKind::Text) textLanes.push_back(&l);
  }
  std::size_t i = 0;
  for (const std::string& text : kAwkwardTexts) {
    Note n;
    n.id = "j" + std::to_string(i);
    n.text = text;
    n.stage = b.stages[i % b.stages.size()].id;
    n.lane = textLanes[i % textLanes.size()]->id;
    n.order = static_cast<std::int64_t>(i);
    b.notes.push_back(n);
    ++i;
  }
  const int scores[] = {-2, 1, -1, 2, 0};
  for (Lane& l : b.lanes) {
    if (l.kind != LaneKind::Emotion) continue;
    std::size_t k = 0;
    for (const Stage& st : b.stages) l.emotions[st.id] = EmotionScore{scores[k++ % 5], std::nullopt, "weil <so> & \"so\""};
  }
  return b;
}

// Python: parse the SVG with xml.etree (strict XML), report the root, every <title> text and all text.
constexpr const char* kSvgScript = R"PY(
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = '{http://www.w3.org/2000/svg}'
titles = [''.join(t.itertext()) for t in root.iter(ns + 'title')]
print(json.dumps({'root': root.tag, 'width': root.get('width'), 'titles': titles,
                  'scripts': len(list(root.iter(ns + 'script'))), 'text': ''.join(root.itertext())}))
)PY";

// Python: read CSV with the csv module (RFC 4180 dialect: doubled quotes, quoted newlines).
constexpr const char* kCsvScript = R"PY(
import csv, json, sys
raw = open(sys.argv[1], 'rb').read()
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    first = f.readline()
    f.seek(0)
    delimiter = ';' if first.count(';') > first.count(',') else ','
    rows = list(csv.reader(f, delimiter=delimiter, strict=True))
print(json.dumps({'rows': rows, 'crlf': raw.endswith(b'\r\n'), 'bom': raw.startswith(b'\xef\xbb\xbf')}))
)PY";

// Python: walk the HTML with html.parser; report headings, list items, table cells, nesting errors.
constexpr const char* kHtmlScript = R"PY(
import json, sys
from html.parser import HTMLParser
VOID = {'meta', 'br', 'link', 'img', 'hr', 'input', 'path', 'circle', 'line', 'rect', 'polyline'}
class Walker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.counts, self.text = [], [], {}, {'h1': [], 'h2': [], 'h3': [], 'li': [], 'th': []}
        self.style = ''
    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag not in VOID:
            self.stack.append([tag, ''])
    def handle_startendtag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append('unexpected </%s>' % tag)
            return
        name, text = self.stack.pop()
        if name in self.text:
            self.text[name].append(text)
        if name == 'style':
            self.style += text
        if self.stack:
            self.stack[-1][1] += text
    def handle_data(self, data):
        if self.stack:
            self.stack[-1][1] += data
w = Walker()
w.feed(open(sys.argv[1], encoding='utf-8').read())
w.close()
if w.stack:
    w.errors.append('unclosed: ' + ','.join(t for t, _ in w.stack))
print(json.dumps({'errors': w.errors, 'counts': w.counts, 'text': w.text, 'style': w.style}))
)PY";

TEST_F(CliExport, SvgIsWellFormedXmlWithEveryNoteTextEscaped) {
  for (const Board& board : {awkwardEmpathyMap(), awkwardJourney()}) {
    const fs::path file = write("board.json", saveJson(board, true));
    const CliRun r = cli("export --format svg '" + file.string() + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(r.err.empty());
    EXPECT_EQ(r.out.rfind("<?xml", 0), 0u);
    EXPECT_EQ(r.out.find("<script"), std::string::npos) << "hostile text must not become markup";
    const json svg = python(kSvgScript, r.out);
    EXPECT_EQ(svg["root"], "{http://www.w3.org/2000/svg}svg");
    EXPECT_EQ(svg["scripts"], 0);
    std::set<std::string> titles;
    for (const auto& t : svg["titles"]) titles.insert(t.get<std::string>());
    for (const Note& n : board.notes) {
      std::string expected = n.text;  // the SVG turns tabs into spaces (XML would normalise them anyway)
      for (char& c : expected) c = c == '\t' ? ' ' : c;
      EXPECT_TRUE(titles.count(expected) == 1) << "card title missing for: " << n.text;
    }
    EXPECT_NE(svg["text"].get<std::string>().find(board.kind == BoardKind::EmpathyMap ? "Groß" : "Journey & <friends>"),
              std::string::npos);
  }
}

TEST_F(CliExport, CsvParsesBackWithPythonAndRoundTripsSpecialCharacters) {
  const Board board = awkwardEmpathyMap();
  const fs::path file = write("board.json", saveJson(board, true));
  const CliRun r = cli("export --format csv '" + file.string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  const json csv = python(kCsvScript, r.out);
  EXPECT_TRUE(csv["crlf"].get<bool>());
  EXPECT_FALSE(csv["bom"].get<bool>());
  const auto& rows = csv["rows"];
  ASSERT_EQ(rows.size(), board.notes.size() + 1);
  const std::vector<std::string> header = {"Board", "Bereich", "Text", "Farbe", "Tags", "Stimmen", "Beleg", "Autor:in", "ID"};
  EXPECT_EQ(rows[0].get<std::vector<std::string>>(), header);
  // Every note comes back cell for cell: same text (quotes, commas, newlines, umlauts, emoji, tab).
  std::set<std::string> texts;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), header.size()) << i;
    EXPECT_EQ(rows[i][0], board.title);
    EXPECT_EQ(rows[i][4], "tag,mit\"quote; ärger");
    const std::string id = rows[i][8];
    const Note* n = findNote(board, id);
    ASSERT_NE(n, nullptr) << id;
    EXPECT_EQ(rows[i][2], n->text);
    EXPECT_EQ(rows[i][5], std::to_string(n->votes));
    EXPECT_EQ(rows[i][6], n->evidence == Evidence::Observed ? "beobachtet" : "vermutet");
    EXPECT_EQ(rows[i][1], findSection(board, n->section)->title);
    texts.insert(rows[i][2].get<std::string>());
  }
  EXPECT_EQ(texts.size(), board.notes.size());

  // Actions table, semicolon for a German spreadsheet, and a BOM for Excel.
  const CliRun actions = cli("export --format csv --table actions --delimiter semicolon --bom yes '" + file.string() + "'");
  ASSERT_EQ(actions.code, 0) << actions.err;
  const json a = python(kCsvScript, actions.out);
  EXPECT_TRUE(a["bom"].get<bool>());
  ASSERT_EQ(a["rows"].size(), 2u);
  const auto row = a["rows"][1].get<std::vector<std::string>>();
  ASSERT_EQ(row.size(), 5u);
  EXPECT_EQ(row[0], "Rückruf \"garantiert\", in 24h");
  EXPECT_EQ(row[1], "Team <Service>");
  EXPECT_EQ(row[2], "in Arbeit");
  EXPECT_EQ(row[3], kAwkwardTexts[0] + "\n" + kAwkwardTexts[2]);
  EXPECT_EQ(row[4], "a1");
}

TEST_F(CliExport, HtmlViewsParseCleanlyWithHeadingsListsAndTable) {
  const Board map = awkwardEmpathyMap();
  const fs::path mapFile = write("map.json", saveJson(map, true));
  const CliRun view = cli("export --format html --lang en '" + mapFile.string() + "'");
  ASSERT_EQ(view.code, 0) << view.err;
  EXPECT_EQ(view.out.find("<script"), std::string::npos);
  const json h = python(kHtmlScript, view.out);
  EXPECT_TRUE(h["errors"].empty()) << h["errors"].dump();
  EXPECT_EQ(h["counts"]["h1"], 1);
  EXPECT_EQ(h["text"]["h1"][0], map.title);
  EXPECT_GE(h["counts"]["h2"].get<int>(), static_cast<int>(map.sections.size()));
  EXPECT_GE(h["counts"]["ul"].get<int>(), 1);
  // Every note is one list item that starts with its text (line breaks become <br>, so compare per line).
  for (const Note& n : map.notes) {
    std::string firstLine = n.text.substr(0, n.text.find('\n'));
    for (char& c : firstLine) c = c == '\t' ? ' ' : c;
    bool found = false;
    for (const auto& li : h["text"]["li"]) found = found || li.get<std::string>().rfind(firstLine, 0) == 0;
    EXPECT_TRUE(found) << n.text;
  }

  const Board journey = awkwardJourney();
  const fs::path journeyFile = write("journey.json", saveJson(journey, true));
  const CliRun table = cli("export --format html '" + journeyFile.string() + "'");
  ASSERT_EQ(table.code, 0) << table.err;
  const json t = python(kHtmlScript, table.out);
  EXPECT_TRUE(t["errors"].empty()) << t["errors"].dump();
  EXPECT_EQ(t["counts"]["table"], 1);
  EXPECT_EQ(t["counts"]["caption"], 1);
  EXPECT_EQ(t["counts"]["h3"].get<std::size_t>(), journey.stages.size());
  EXPECT_EQ(t["text"]["th"].size(), 1 + journey.stages.size() + journey.lanes.size());
}

TEST_F(CliExport, PrintPageIsLandscapeOnTheChosenPaper) {
  const fs::path file = write("map.json", saveJson(awkwardEmpathyMap(), true));
  const CliRun a4 = cli("export --format print '" + file.string() + "'");
  ASSERT_EQ(a4.code, 0) << a4.err;
  const json p = python(kHtmlScript, a4.out);
  EXPECT_TRUE(p["errors"].empty()) << p["errors"].dump();
  EXPECT_NE(p["style"].get<std::string>().find("@page{size:A4 landscape"), std::string::npos);
  EXPECT_EQ(p["counts"]["h1"], 1);
  EXPECT_GE(p["counts"]["li"].get<std::size_t>(), kAwkwardTexts.size());

  const CliRun letter = cli("export --format print --paper letter --lang en '" + file.string() + "'");
  ASSERT_EQ(letter.code, 0) << letter.err;
  EXPECT_NE(letter.out.find("@page{size:letter landscape"), std::string::npos);
  EXPECT_NE(letter.out.find("<html lang=\"en\""), std::string::npos);

  const fs::path journey = write("journey.json", saveJson(awkwardJourney(), true));
  const CliRun table = cli("export --format print '" + journey.string() + "'");
  ASSERT_EQ(table.code, 0) << table.err;
  const json j = python(kHtmlScript, table.out);
  EXPECT_TRUE(j["errors"].empty()) << j["errors"].dump();
  EXPECT_GE(j["counts"]["table"].get<int>(), 1);
  EXPECT_GE(j["counts"]["path"].get<int>(), 1) << "the emotion curve is drawn";
}

TEST_F(CliExport, StandardInputAndErrors) {
  const fs::path file = write("map.json", saveJson(awkwardEmpathyMap(), true));
  const CliRun piped = cli("export --format svg - <'" + file.string() + "'");
  EXPECT_EQ(piped.code, 0) << piped.err;
  EXPECT_EQ(piped.out, cli("export --format svg '" + file.string() + "'").out) << "same board, same bytes";

  for (const char* args : {"export --format png x.json", "export --format svg --paper a4 x.json",
                           "export --format csv --table people x.json", "export --format csv --delimiter tab x.json",
                           "export --format print --paper a3 x.json", "export --format html --lang fr x.json",
                           "export --format csv --lang de x.json", "export --format svg"}) {
    const CliRun r = cli(args);
    EXPECT_EQ(r.code, 1) << args;
    EXPECT_NE(r.err.find("usage: mapathy"), std::string::npos) << args;
    EXPECT_TRUE(r.out.empty()) << args;
  }
  const fs::path broken = write("broken.json", "{\"type\": \"mapathy-board\", ");
  for (const char* format : {"svg", "csv", "html", "print"}) {
    const CliRun r = cli(std::string("export --format ") + format + " '" + broken.string() + "'");
    EXPECT_EQ(r.code, 2) << format;
    EXPECT_TRUE(r.out.empty()) << format;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

}  // namespace
}  // namespace mapathy
