// Tests of the `mapathy` command line: runs the real binary and checks exit codes and outputs.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/io/format.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

namespace fs = std::filesystem;

struct CliResult {
  int code = -1;
  std::string out;
  std::string err;
};

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mapathy_cli_test_" + std::to_string(::getpid()));
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

  // `args` is passed to the shell as is (tests quote what needs quoting).
  CliResult run(const std::string& args, const std::string& stdinFile = "") {
    fs::path out = dir_ / "stdout";
    fs::path err = dir_ / "stderr";
    std::string cmd = std::string("'") + MAPATHY_CLI_PATH + "' " + args + " >'" + out.string() + "' 2>'" +
                      err.string() + "'";
    if (!stdinFile.empty()) cmd += " <'" + stdinFile + "'";
    int status = std::system(cmd.c_str());
    CliResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  static std::string fixture(const char* name) { return std::string(MAPATHY_FIXTURES_DIR) + "/v1/" + name; }

  static int lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
  }

  fs::path dir_;
};

TEST_F(Cli, UsageErrorsExitOneWithUsage) {
  for (const char* args : {"", "frobnicate", "new", "new --kind mindmap", "new --kind empathy --lang fr",
                           "new --kind empathy --template lifecycle", "new --kind", "encode", "decode",
                           "validate a b", "export --format xml x.json", "export x.json", "encode x --colour red"}) {
    CliResult r = run(args);
    EXPECT_EQ(r.code, 1) << args;
    EXPECT_NE(r.err.find("usage: mapathy"), std::string::npos) << args;
    EXPECT_TRUE(r.out.empty()) << args;
  }
}

TEST_F(Cli, HelpGoesToStandardOutput) {
  CliResult r = run("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("export --format json|md FILE"), std::string::npos);
}

TEST_F(Cli, NewMakesAValidBoardFromATemplate) {
  CliResult r = run("new --kind empathy --lang de");
  ASSERT_EQ(r.code, 0) << r.err;
  auto b = loadJson(r.out);
  ASSERT_TRUE(b.ok()) << english(b.error());
  EXPECT_EQ(b->kind, BoardKind::EmpathyMap);
  EXPECT_EQ(b->templateId, "classic");
  EXPECT_EQ(b->lang, Lang::De);
  EXPECT_EQ(findSection(*b, "feels")->title, "Fühlt");
  EXPECT_FALSE(b->id.empty());
  EXPECT_GT(b->createdAt, 0);

  CliResult j = run("new --kind journey --template service --lang en");
  ASSERT_EQ(j.code, 0) << j.err;
  auto jb = loadJson(j.out);
  ASSERT_TRUE(jb.ok());
  EXPECT_EQ(jb->templateId, "service");
  EXPECT_NE(findLane(*jb, "quotes"), nullptr);
  EXPECT_NE(run("new --kind journey").out.find("\"lifecycle\""), std::string::npos);
}

TEST_F(Cli, ValidateSummarisesOrNamesTheProblemOnOneLine) {
  CliResult ok = run("validate '" + fixture("empathy_classic_de.json") + "'");
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ok.out, "valid: empathy map \"Kundin der Stadtwerke: Umzug melden\" (de), 4 sections, 5 notes, 1 actions\n");

  CliResult stdinOk = run("validate -", fixture("journey_lifecycle_en.json"));
  EXPECT_EQ(stdinOk.code, 0) << stdinOk.err;
  EXPECT_NE(stdinOk.out.find("journey board"), std::string::npos);

  fs::path future = write("future.json", R"({"format":"mapathy","version":7,"kind":"journey","board":{}})");
  CliResult bad = run("validate '" + future.string() + "'");
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err,
            "mapathy: This board was made by a newer Mapathy (format version 7; this app reads up to 1). Please "
            "update.\n");
  EXPECT_TRUE(bad.out.empty());

  fs::path deep = write("deep.json", std::string(100000, '[') + std::string(100000, ']'));
  CliResult tooDeep = run("validate '" + deep.string() + "'");
  EXPECT_EQ(tooDeep.code, 2);
  EXPECT_EQ(lines(tooDeep.err), 1);

  CliResult missing = run("validate '" + (dir_ / "nope.json").string() + "'");
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(lines(missing.err), 1);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos);

  fs::path notJson = write("x.json", "hello\nworld\n");
  CliResult garbage = run("validate '" + notJson.string() + "'");
  EXPECT_EQ(garbage.code, 2);
  EXPECT_EQ(lines(garbage.err), 1);
}

TEST_F(Cli, EncodeThenDecodeGivesTheBoardBack) {
  std::string file = fixture("empathy_classic_de.json");
  CliResult enc = run("encode '" + file + "' --base https://example.org/mapathy/");
  ASSERT_EQ(enc.code, 0) << enc.err;
  ASSERT_EQ(lines(enc.out), 1);
  std::string link = enc.out.substr(0, enc.out.size() - 1);
  EXPECT_EQ(link.rfind("https://example.org/mapathy/#", 0), 0u) << link;
  CliResult dec = run("decode '" + link + "'");
  ASSERT_EQ(dec.code, 0) << dec.err;
  auto original = loadJson(slurp(file));
  auto decoded = loadJson(dec.out);
  ASSERT_TRUE(decoded.ok()) << english(decoded.error());
  EXPECT_EQ(*decoded, *original);

  fs::path linkFile = write("link.txt", enc.out);
  CliResult fromStdin = run("decode -", linkFile.string());
  EXPECT_EQ(fromStdin.code, 0) << fromStdin.err;
  EXPECT_EQ(fromStdin.out, dec.out);

  CliResult defaultBase = run("encode '" + file + "'");
  EXPECT_EQ(defaultBase.code, 0);
  EXPECT_NE(defaultBase.out.find("#"), std::string::npos);
}

TEST_F(Cli, DecodeRefusesBrokenLinksOnOneLine) {
  for (const char* link : {"'https://example.org/#'", "'#json=%7B'", "'https://example.org/#zz!!garbage'"}) {
    CliResult r = run(std::string("decode ") + link);
    EXPECT_EQ(r.code, 2) << link;
    EXPECT_EQ(lines(r.err), 1) << link << ": " << r.err;
    EXPECT_TRUE(r.out.empty());
  }
}

TEST_F(Cli, ExportJsonAndMarkdownAndImportBack) {
  std::string file = fixture("journey_lifecycle_en.json");
  CliResult json = run("export --format json '" + file + "'");
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_EQ(*loadJson(json.out), *loadJson(slurp(file)));

  CliResult md = run("export --format md '" + file + "'");
  ASSERT_EQ(md.code, 0) << md.err;
  EXPECT_NE(md.out.find("# Switching electricity provider"), std::string::npos);
  fs::path mdFile = write("board.md", md.out);
  CliResult back = run("import '" + mdFile.string() + "'");
  ASSERT_EQ(back.code, 0) << back.err;
  auto imported = loadJson(back.out);
  ASSERT_TRUE(imported.ok()) << english(imported.error());
  EXPECT_EQ(imported->kind, BoardKind::Journey);
  EXPECT_EQ(imported->notes.size(), 5u);
  EXPECT_EQ(imported->title, "Switching electricity provider");

  fs::path bad = write("bad.md", "\xC3\x28 not utf-8");
  CliResult invalid = run("import '" + bad.string() + "'");
  EXPECT_EQ(invalid.code, 2);
  EXPECT_EQ(lines(invalid.err), 1);
}

// ---- merge and delta ------------------------------------------------------------------------------

// Two copies of the fixture board that both went on after clock 9: the facilitator edits k3-1, the
// participant edits k3-1 too (a conflict) and adds a note.
struct TwoCopies {
  Board facilitator;
  Board participant;
};

TwoCopies twoCopies(const std::string& fixtureFile) {
  std::ifstream in(fixtureFile, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Board base = loadJson(ss.str()).value();
  TwoCopies c{base, base};
  findNote(c.facilitator, "k3-1")->text = "Facilitator: Hotline nie erreichbar";
  findNote(c.facilitator, "k3-1")->modified = 10;
  c.facilitator.clock = 10;
  findNote(c.participant, "k3-1")->text = "Teilnehmerin: Hotline überlastet";
  findNote(c.participant, "k3-1")->modified = 11;
  Note added = c.participant.notes.front();
  added.id = "p7-1";
  added.text = "Möchte per Chat schreiben";
  added.created = added.modified = 12;
  c.participant.notes.push_back(added);
  c.participant.clock = 12;
  return c;
}

TEST_F(Cli, MergePrintsTheMergedBoardAndListsConflicts) {
  TwoCopies c = twoCopies(fixture("empathy_classic_de.json"));
  fs::path f = write("facilitator.json", saveJson(c.facilitator));
  fs::path p = write("participant.json", saveJson(c.participant));
  CliResult r = run("merge '" + f.string() + "' '" + p.string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  auto merged = loadJson(r.out);
  ASSERT_TRUE(merged.ok()) << english(merged.error());
  EXPECT_EQ(merged->notes.size(), 6u);
  ASSERT_NE(findNote(*merged, "p7-1"), nullptr);
  EXPECT_EQ(findNote(*merged, "k3-1")->text, "Teilnehmerin: Hotline überlastet") << "the later edit wins";
  EXPECT_NE(r.err.find("1 new, 1 changed, 0 removed notes, +0 votes, 1 conflicts"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("conflict: note k3-1 was changed on both sides; kept \"Teilnehmerin: Hotline überlastet\", "
                       "not \"Facilitator: Hotline nie erreichbar\""),
            std::string::npos)
      << r.err;

  // Either order gives the same board; merging a board with itself changes nothing.
  CliResult reversed = run("merge '" + p.string() + "' '" + f.string() + "'");
  ASSERT_EQ(reversed.code, 0) << reversed.err;
  EXPECT_EQ(*loadJson(reversed.out), *merged);
  CliResult self = run("merge '" + f.string() + "' '" + f.string() + "'");
  ASSERT_EQ(self.code, 0);
  EXPECT_EQ(*loadJson(self.out), c.facilitator);
}

TEST_F(Cli, DeltaPrintsAShortContributionLinkThatMergeAccepts) {
  const std::string base = fixture("empathy_classic_de.json");
  TwoCopies c = twoCopies(base);
  fs::path p = write("participant.json", saveJson(c.participant));
  CliResult d = run("delta '" + base + "' '" + p.string() + "' --base https://example.org/m/ --voter p7");
  ASSERT_EQ(d.code, 0) << d.err;
  ASSERT_EQ(lines(d.out), 1);
  const std::string link = d.out.substr(0, d.out.size() - 1);
  EXPECT_EQ(link.rfind("https://example.org/m/#", 0), 0u) << link;
  EXPECT_LT(link.size(), 330u) << "a contribution carries only the changes: " << link;

  // The facilitator merges the link (and a board file) into their board.
  fs::path f = write("facilitator.json", saveJson(c.facilitator));
  CliResult m = run("merge '" + f.string() + "' '" + link + "'");
  ASSERT_EQ(m.code, 0) << m.err;
  auto merged = loadJson(m.out);
  ASSERT_TRUE(merged.ok()) << english(merged.error());
  EXPECT_FALSE(merged->isDelta);
  EXPECT_EQ(merged->notes.size(), 6u);
  EXPECT_EQ(findNote(*merged, "p7-1")->text, "Möchte per Chat schreiben");
  EXPECT_EQ(findNote(*merged, "k3-3")->text, "Wartet 20 Minuten in der Warteschleife");
  EXPECT_NE(m.err.find("conflict: note k3-1"), std::string::npos) << m.err;

  // A link in a file and on standard input work too.
  fs::path linkFile = write("link.txt", d.out);
  CliResult fromFile = run("merge '" + f.string() + "' '" + linkFile.string() + "'");
  EXPECT_EQ(fromFile.code, 0) << fromFile.err;
  EXPECT_EQ(fromFile.out, m.out);
  CliResult fromStdin = run("merge '" + f.string() + "' -", linkFile.string());
  EXPECT_EQ(fromStdin.code, 0) << fromStdin.err;
  EXPECT_EQ(fromStdin.out, m.out);
}

TEST_F(Cli, MergeAndDeltaUsageAndInvalidInput) {
  for (const char* args : {"merge", "merge a.json", "delta", "delta a.json", "delta a b c", "merge a b --base x"}) {
    CliResult r = run(args);
    EXPECT_EQ(r.code, 1) << args;
    EXPECT_NE(r.err.find("usage: mapathy"), std::string::npos) << args;
    EXPECT_TRUE(r.out.empty()) << args;
  }
  const std::string empathy = fixture("empathy_classic_de.json");
  const std::string journey = fixture("journey_lifecycle_en.json");
  for (const std::string& args :
       {"merge '" + empathy + "' '" + journey + "'", "merge '" + empathy + "' 'https://example.org/#1zz!!'",
        "merge '" + empathy + "' '" + (dir_ / "missing.json").string() + "'",
        "delta '" + empathy + "' '" + journey + "'"}) {
    CliResult r = run(args);
    EXPECT_EQ(r.code, 2) << args;
    EXPECT_EQ(lines(r.err), 1) << args << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
  CliResult kinds = run("merge '" + empathy + "' '" + journey + "'");
  EXPECT_NE(kinds.err.find("Cannot merge an empathy map with a journey board."), std::string::npos) << kinds.err;

  Board other = *loadJson(slurp(empathy));
  other.id = "b-other";
  fs::path o = write("other.json", saveJson(other));
  CliResult notACopy = run("delta '" + empathy + "' '" + o.string() + "'");
  EXPECT_EQ(notACopy.code, 2);
  EXPECT_NE(notACopy.err.find("not a copy of BASE"), std::string::npos) << notACopy.err;
}

}  // namespace
}  // namespace mapathy
