// Tests of the JSON format: saving, loading, fixtures of every released version, and every error
// path and limit with its message.
#include "core/io/format.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/model/templates.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

using nlohmann::json;

std::string readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A small valid journey board as JSON, to break one field at a time.
json validJourney() {
  Board b = makeBoard(BoardKind::Journey, "lifecycle", Lang::En).value();
  b.id = "b-1";
  for (int i = 0; i < 4; ++i) {
    Note n;
    n.id = "n-" + std::to_string(i);
    n.text = "note " + std::to_string(i);
    n.stage = "use";
    n.lane = "actions";
    n.order = i * 1024;
    b.notes.push_back(n);
  }
  Action a;
  a.id = "a-1";
  a.text = "do it";
  a.notes = {"n-0"};
  b.actions.push_back(a);
  b.lanes[3].emotions["use"] = EmotionScore{1, 2, "ok"};
  b.lanes[4].gaps["use"] = GapScore{2, -1};
  return json::parse(saveJson(b));
}

std::string errorOf(const json& doc, const Limits& limits = {}) {
  auto r = loadJson(doc.dump(), limits);
  return r.ok() ? std::string("(loaded fine)") : english(r.error());
}

std::string errorOf(std::string_view text, const Limits& limits = {}) {
  auto r = loadJson(text, limits);
  return r.ok() ? std::string("(loaded fine)") : english(r.error());
}

// ---------------------------------------------------------------------------------------------
// Fixtures and round trips
// ---------------------------------------------------------------------------------------------
TEST(Format, EveryFixtureOfEveryReleasedVersionLoads) {
  int count = 0;
  for (const auto& dir : std::filesystem::directory_iterator(MAPATHY_FIXTURES_DIR)) {
    if (!dir.is_directory() || dir.path().filename().string().rfind('v', 0) != 0) continue;
    for (const auto& file : std::filesystem::directory_iterator(dir.path())) {
      if (file.path().extension() != ".json") continue;
      SCOPED_TRACE(file.path().string());
      auto r = loadJson(readFile(file.path()));
      ASSERT_TRUE(r.ok()) << english(r.error());
      // Loading what we save gives the same board.
      auto again = loadJson(saveJson(*r, true));
      ASSERT_TRUE(again.ok()) << english(again.error());
      EXPECT_EQ(*again, *r);
      ++count;
    }
  }
  EXPECT_GE(count, 3);
}

TEST(Format, GermanFixtureKeepsUmlautsAndFields) {
  auto r = loadJson(readFile(std::string(MAPATHY_FIXTURES_DIR) + "/v1/empathy_classic_de.json"));
  ASSERT_TRUE(r.ok()) << english(r.error());
  const Board& b = *r;
  EXPECT_EQ(b.kind, BoardKind::EmpathyMap);
  EXPECT_EQ(b.lang, Lang::De);
  EXPECT_EQ(b.persona.name, "Sabine Krüger");
  EXPECT_EQ(b.persona.colour, 3);
  EXPECT_EQ(findSection(b, "feels")->title, "Fühlt");
  EXPECT_EQ((findSection(b, "says")->rect), (Rect{0, 0, 2, 1}));
  const Note* n = findNote(b, "k3-1");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->text, "„Bei der Hotline komme ich nie durch.“");
  EXPECT_EQ(n->evidence, Evidence::Observed);
  EXPECT_EQ(n->votes, 4);
  EXPECT_EQ(n->author, "Jörg");
  EXPECT_EQ(n->tags, (std::vector<std::string>{"hotline", "wartezeit"}));
  EXPECT_EQ(findNote(b, "k3-2")->text, "Befürchtet eine hohe Nachzahlung\nund traut dem Formular nicht");
  EXPECT_EQ(b.actions[0].status, ActionStatus::Doing);
  EXPECT_EQ(b.actions[0].notes, (std::vector<std::string>{"k3-1", "k3-5"}));
  EXPECT_EQ(b.clock, 9u);
  EXPECT_EQ(b.createdAt, 1763884800000);
}

TEST(Format, JourneyFixtureKeepsScores) {
  auto r = loadJson(readFile(std::string(MAPATHY_FIXTURES_DIR) + "/v1/journey_lifecycle_en.json"));
  ASSERT_TRUE(r.ok()) << english(r.error());
  const Lane* e = findLane(*r, "emotions");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, LaneKind::Emotion);
  EXPECT_TRUE(e->showToBe);
  EXPECT_EQ(e->emotions.at("support").asIs, -2);
  EXPECT_EQ(e->emotions.at("support").toBe, 1);
  EXPECT_EQ(e->emotions.at("support").reason, "40 minutes on hold");
  EXPECT_FALSE(e->emotions.at("loyalty").asIs.has_value());
  const Lane* g = findLane(*r, "expectations");
  EXPECT_EQ(g->gaps.at("support").experience, -2);
  EXPECT_FALSE(g->gaps.at("use").experience.has_value());
  EXPECT_EQ(findNote(*r, "q1-3")->text, "\"Why is nobody picking up?\"");
  EXPECT_EQ(r->actions[1].status, ActionStatus::Done);
}

TEST(Format, UnknownFieldsAreKeptThroughSaveAndLoad) {
  auto r = loadJson(readFile(std::string(MAPATHY_FIXTURES_DIR) + "/v1/unknown_fields.json"));
  ASSERT_TRUE(r.ok()) << english(r.error());
  EXPECT_EQ(r->extra["theme"]["accent"], "#ff8800");
  EXPECT_EQ(r->extra["comments"][0]["by"], "Ben");
  EXPECT_EQ(r->persona.extra["pronouns"], "she/her");
  EXPECT_EQ(r->sections[0].extra["icon"], "👀");
  EXPECT_EQ(r->notes[0].extra["sentiment"], 0.25);
  EXPECT_EQ(r->notes[1].extra["cluster"]["label"], "money");
  EXPECT_EQ(r->actions[0].extra["dueDate"], "2026-12-01");
  json saved = json::parse(saveJson(*r));
  EXPECT_EQ(saved["board"]["theme"]["dark"], true);
  EXPECT_EQ(saved["board"]["persona"]["pronouns"], "she/her");
  EXPECT_EQ(saved["board"]["notes"][0]["reactions"][1], "❤️");
  EXPECT_EQ(saved["board"]["notes"][1]["cluster"]["id"], "c1");
  EXPECT_EQ(saved["board"]["sections"][1]["collapsed"], false);
  EXPECT_EQ(saved["board"]["actions"][0]["dueDate"], "2026-12-01");
  auto again = loadJson(saved.dump());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *r);
}

TEST(Format, KnownFieldsWinOverExtraOnSave) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  b.extra = json{{"title", "stale"}, {"other", 1}};
  json saved = json::parse(saveJson(b));
  EXPECT_EQ(saved["board"]["title"], b.title);
  EXPECT_EQ(saved["board"]["other"], 1);
}

TEST(Format, SavesTheEnvelopeAndLeavesDefaultsOut) {
  Board b = makeBoard(BoardKind::Journey, "lifecycle", Lang::De).value();
  json saved = json::parse(saveJson(b));
  EXPECT_EQ(saved["format"], "mapathy");
  EXPECT_EQ(saved["version"], kFormatVersion);
  EXPECT_EQ(saved["kind"], "journey");
  EXPECT_EQ(saved["board"]["lang"], "de");
  EXPECT_FALSE(saved["board"].contains("notes"));
  EXPECT_FALSE(saved["board"]["lanes"][0].contains("kind"));  // "text" is the default
  EXPECT_EQ(saved["board"]["lanes"][3]["kind"], "emotion");
  std::string pretty = saveJson(b, true);
  EXPECT_NE(pretty.find("\n  \"board\": {"), std::string::npos);
  EXPECT_EQ(json::parse(pretty), saved);
}

TEST(Format, MinimalDocumentGetsDefaults) {
  auto r = loadJson(R"({"format":"mapathy","version":1,"kind":"empathy-map","board":{}})");
  ASSERT_TRUE(r.ok()) << english(r.error());
  EXPECT_EQ(r->kind, BoardKind::EmpathyMap);
  EXPECT_EQ(r->lang, Lang::En);
  EXPECT_TRUE(r->notes.empty());
  EXPECT_EQ(r->personaRect, Rect{});
  EXPECT_TRUE(r->extra.is_null());
}

TEST(Format, SaveNeverThrowsOnBrokenText) {
  Board b;
  b.title = "bad \xC3";
  std::string out;
  EXPECT_NO_THROW(out = saveJson(b));
  EXPECT_TRUE(json::accept(out));
  EXPECT_FALSE(validate(b).ok());
}

// ---------------------------------------------------------------------------------------------
// Envelope and version
// ---------------------------------------------------------------------------------------------
TEST(FormatErrors, NotJsonOrNotABoard) {
  EXPECT_EQ(errorOf(std::string_view("")), "The board is cut off: the JSON ends too early at line 1, column 1.");
  EXPECT_NE(errorOf(std::string_view("{\"format\": mapathy}")).find("not valid JSON"), std::string::npos);
  // Line and column read from the parser's message, numbers of more than one digit too.
  std::string twelveLines = "{\n";
  for (int i = 0; i < 10; ++i) twelveLines += "  \"k" + std::to_string(i) + "\": 1,\n";
  twelveLines += "            \"x\" \"y\",\n}";  // nlohmann/json: "at line 12, column 19" (the end of "y")
  EXPECT_NE(errorOf(std::string_view(twelveLines)).find("at line 12, column 19"), std::string::npos)
      << errorOf(std::string_view(twelveLines));
  EXPECT_NE(errorOf(std::string_view("{\"format\":\"mapathy\",")).find("cut off"), std::string::npos);
  EXPECT_NE(errorOf(std::string_view("{} trailing")).find("not valid JSON"), std::string::npos);
  EXPECT_EQ(errorOf(std::string_view("[1,2]")), "This is not a Mapathy board (expected a JSON object).");
  EXPECT_EQ(errorOf(json{{"version", 1}}), "This is not a Mapathy board (the \"format\" field is missing).");
  EXPECT_EQ(errorOf(json{{"format", "excalidraw"}, {"version", 1}}),
            "This is not a Mapathy board (format is \"excalidraw\", expected \"mapathy\").");
  EXPECT_EQ(errorOf(json{{"format", 3}}), "This is not a Mapathy board (format is not text, expected \"mapathy\").");
}

TEST(FormatErrors, Versions) {
  json doc = validJourney();
  doc["version"] = 7;
  EXPECT_EQ(errorOf(doc),
            "This board was made by a newer Mapathy (format version 7; this app reads up to 1). Please update.");
  doc["version"] = 18446744073709551615ull;
  EXPECT_NE(errorOf(doc).find("newer Mapathy (format version 18446744073709551615;"), std::string::npos);
  doc["version"] = 0;
  EXPECT_EQ(errorOf(doc), "Unknown format version 0.");
  doc["version"] = -3;
  EXPECT_EQ(errorOf(doc), "Unknown format version -3.");
  doc["version"] = "1";
  EXPECT_EQ(errorOf(doc), "The format version must be a whole number.");
  doc["version"] = 1.5;
  EXPECT_EQ(errorOf(doc), "The format version must be a whole number.");
  doc.erase("version");
  EXPECT_EQ(errorOf(doc), "This board has no format version.");
}

TEST(FormatErrors, KindAndBoard) {
  json doc = validJourney();
  doc["kind"] = "mindmap";
  EXPECT_EQ(errorOf(doc), "Unknown board kind (expected \"empathy-map\" or \"journey\").");
  doc.erase("kind");
  EXPECT_EQ(errorOf(doc), "This board does not say what it is (the \"kind\" field is missing).");
  doc = validJourney();
  doc["board"] = json::array();
  EXPECT_EQ(errorOf(doc), "This file has no board (the \"board\" object is missing).");
  doc.erase("board");
  EXPECT_EQ(errorOf(doc), "This file has no board (the \"board\" object is missing).");
  // The kind decides what notes may refer to: journey notes on an empathy map are dangling.
  doc = validJourney();
  doc["kind"] = "empathy-map";
  EXPECT_EQ(errorOf(doc), "board.notes[0] refers to unknown section \"\".");
}

TEST(FormatErrors, ValidBaseLoads) {
  auto r = loadJson(validJourney().dump());
  ASSERT_TRUE(r.ok()) << english(r.error());
  EXPECT_EQ(r->notes.size(), 4u);
}

// ---------------------------------------------------------------------------------------------
// Wrong types name the field
// ---------------------------------------------------------------------------------------------
TEST(FormatErrors, WrongTypesNameTheFieldPath) {
  struct Case {
    json::json_pointer where;
    json value;
    std::string message;
  };
  const std::vector<Case> cases = {
      {json::json_pointer("/board/title"), 5, "board.title must be text."},
      {json::json_pointer("/board/lang"), "fr", "board.lang must be one of \"de\" or \"en\" (got \"fr\")."},
      {json::json_pointer("/board/lang"), true, "board.lang must be text (\"de\" or \"en\")."},
      {json::json_pointer("/board/clock"), -1, "board.clock is too small (the smallest allowed is 0)."},
      {json::json_pointer("/board/createdAt"), "yesterday", "board.createdAt must be a whole number."},
      {json::json_pointer("/board/persona"), "Anna", "board.persona must be an object."},
      {json::json_pointer("/board/persona/colour"), 2.5, "board.persona.colour must be a whole number."},
      {json::json_pointer("/board/notes"), json::object(), "board.notes must be a list."},
      {json::json_pointer("/board/notes/2"), "text", "board.notes[2] must be an object."},
      {json::json_pointer("/board/notes/3/votes"), 1.5, "board.notes[3].votes must be a whole number."},
      {json::json_pointer("/board/notes/3/votes"), "3", "board.notes[3].votes must be a whole number."},
      {json::json_pointer("/board/notes/3/votes"), 1e20,
       "board.notes[3].votes is too large (the largest allowed is 2,147,483,647)."},
      {json::json_pointer("/board/notes/3/votes"), -99999999999ll,
       "board.notes[3].votes is too small (the smallest allowed is -2,147,483,648)."},
      {json::json_pointer("/board/notes/2/order"), -9007199254740992.0,
       "board.notes[2].order is too small (the smallest allowed is -9,007,199,254,740,991)."},
      {json::json_pointer("/board/notes/1/created"), 9007199254740992ull,
       "board.notes[1].created is too large (the largest allowed is 9,007,199,254,740,991)."},
      {json::json_pointer("/board/notes/0/tags"), "a,b", "board.notes[0].tags must be a list of text."},
      {json::json_pointer("/board/notes/0/tags"), json::array({"a", 2}), "board.notes[0].tags[1] must be text."},
      {json::json_pointer("/board/notes/0/evidence"), "heard",
       "board.notes[0].evidence must be one of \"assumed\" or \"observed\" (got \"heard\")."},
      {json::json_pointer("/board/notes/0/text"), nullptr, "board.notes[0].text must be text."},
      {json::json_pointer("/board/lanes/0/kind"), "curve",
       "board.lanes[0].kind must be one of \"text\", \"emotion\" or \"expectation\" (got \"curve\")."},
      {json::json_pointer("/board/lanes/3/showToBe"), "yes", "board.lanes[3].showToBe must be true or false."},
      {json::json_pointer("/board/lanes/3/emotions"), json::array(), "board.lanes[3].emotions must be an object."},
      {json::json_pointer("/board/lanes/3/emotions/use"), 2, "board.lanes[3].emotions.use must be an object."},
      {json::json_pointer("/board/lanes/3/emotions/use/asIs"), 0.5,
       "board.lanes[3].emotions.use.asIs must be a whole number."},
      {json::json_pointer("/board/lanes/4/gaps/use/experience"), "low",
       "board.lanes[4].gaps.use.experience must be a whole number."},
      {json::json_pointer("/board/lanes/4/gaps"), 1, "board.lanes[4].gaps must be an object."},
      {json::json_pointer("/board/stages/1/name"), json::array(), "board.stages[1].name must be text."},
      {json::json_pointer("/board/actions/0/status"), "closed",
       "board.actions[0].status must be one of \"open\", \"doing\" or \"done\" (got \"closed\")."},
      {json::json_pointer("/board/actions/0/notes"), "n-0", "board.actions[0].notes must be a list of text."},
      {json::json_pointer("/board/personaRect"), json::array({1, 2}), "board.personaRect must be an object."},
      {json::json_pointer("/board/personaRect/x"), "1", "board.personaRect.x must be a number."},
      {json::json_pointer("/board/personaRect/w"), 1e30,
       "board.personaRect.w is out of range (template units between −1,000 and 1,000)."},
  };
  for (const auto& c : cases) {
    json doc = validJourney();
    doc[c.where] = c.value;
    EXPECT_EQ(errorOf(doc), c.message) << c.where.to_string();
  }
}

TEST(FormatErrors, NumbersThatCannotBeRead) {
  std::string text = validJourney().dump();
  ASSERT_EQ(text.find("\"clock\":"), std::string::npos);
  text.replace(text.find("\"board\":{"), 9, "\"board\":{\"clock\":1,");
  std::string nan = text;
  nan.replace(nan.find("\"clock\":"), 8, "\"clock\":NaN,\"x\":");
  EXPECT_NE(errorOf(std::string_view(nan)).find("not valid JSON"), std::string::npos);
  std::string huge = text;
  huge.replace(huge.find("\"clock\":"), 8, "\"clock\":1e400,\"x\":");
  EXPECT_EQ(errorOf(std::string_view(huge)).rfind("A number is too large to read at byte ", 0), 0u)
      << errorOf(std::string_view(huge));
  std::string infinity = text;
  infinity.replace(infinity.find("\"clock\":"), 8, "\"clock\":Infinity,\"x\":");
  EXPECT_NE(errorOf(std::string_view(infinity)).find("not valid JSON"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Ranges, ids, references
// ---------------------------------------------------------------------------------------------
TEST(FormatErrors, RangesAndReferences) {
  struct Case {
    json::json_pointer where;
    json value;
    std::string message;
  };
  const std::vector<Case> cases = {
      {json::json_pointer("/board/lanes/3/emotions/use/asIs"), 3,
       "board.lanes[3].emotions.use.asIs must be between −2 and +2 (got 3)."},
      {json::json_pointer("/board/lanes/3/emotions/use/toBe"), -3,
       "board.lanes[3].emotions.use.toBe must be between −2 and +2 (got -3)."},
      {json::json_pointer("/board/lanes/4/gaps/use/expectation"), 5,
       "board.lanes[4].gaps.use.expectation must be between −2 and +2 (got 5)."},
      {json::json_pointer("/board/notes/1/colour"), 8, "board.notes[1].colour must be a palette index 0…7 (got 8)."},
      {json::json_pointer("/board/persona/colour"), -1, "board.persona.colour must be a palette index 0…7 (got -1)."},
      {json::json_pointer("/board/notes/2/votes"), -4, "board.notes[2].votes must not be negative (got -4)."},
      {json::json_pointer("/board/notes/2/id"), "n-1", "Duplicate id \"n-1\" (board.notes[1] and board.notes[2])."},
      {json::json_pointer("/board/notes/0/id"), "use", "Duplicate id \"use\" (board.stages[3] and board.notes[0])."},
      {json::json_pointer("/board/actions/0/id"), "emotions",
       "Duplicate id \"emotions\" (board.lanes[3] and board.actions[0])."},
      {json::json_pointer("/board/stages/1/id"), "awareness",
       "Duplicate id \"awareness\" (board.stages[0] and board.stages[1])."},
      {json::json_pointer("/board/notes/0/id"), "", "board.notes[0].id must not be empty."},
      {json::json_pointer("/board/notes/0/id"), std::string(65, 'x'),
       "Id too long in board.notes[0]: 65 bytes (the limit is 64)."},
      {json::json_pointer("/board/notes/1/stage"), "nowhere", "board.notes[1] refers to unknown stage \"nowhere\"."},
      {json::json_pointer("/board/notes/1/lane"), "nowhere", "board.notes[1] refers to unknown lane \"nowhere\"."},
      {json::json_pointer("/board/notes/1/section"), "says", "board.notes[1] is on a journey board but names a section."},
      {json::json_pointer("/board/actions/0/notes/0"), "n-9", "board.actions[0].notes refers to unknown note \"n-9\"."},
      {json::json_pointer("/board/lanes/3/emotions/gone"), json::object({{"asIs", 1}}),
       "board.lanes[3].emotions refers to unknown stage \"gone\"."},
      {json::json_pointer("/board/lanes/4/gaps/gone"), json::object(), "board.lanes[4].gaps refers to unknown stage \"gone\"."},
      {json::json_pointer("/board/lanes/0/emotions"), json::object({{"use", {{"asIs", 1}}}}),
       "board.lanes[0] holds emotion scores but is not an emotion lane."},
      {json::json_pointer("/board/lanes/0/gaps"), json::object({{"use", {{"expectation", 1}}}}),
       "board.lanes[0] holds expectation scores but is not an expectation lane."},
      {json::json_pointer("/board/personaRect"), json::object({{"x", 0}, {"y", 0}, {"w", 0}, {"h", 1}}),
       "board.personaRect must have a positive width and height."},
  };
  for (const auto& c : cases) {
    json doc = validJourney();
    doc[c.where] = c.value;
    EXPECT_EQ(errorOf(doc), c.message) << c.where.to_string();
  }
}

TEST(FormatErrors, EmpathyNotesMustSitInSections) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  Note n;
  n.id = "n";
  n.section = "says";
  b.notes.push_back(n);
  EXPECT_TRUE(validate(b).ok());
  b.notes[0].section = "hört";
  EXPECT_EQ(english(validate(b).error()), "board.notes[0] refers to unknown section \"hört\".");
  b.notes[0].section = "says";
  b.notes[0].stage = "use";
  EXPECT_EQ(english(validate(b).error()), "board.notes[0] is on an empathy map but names a stage or lane.");
  b.notes[0].stage = "";
  b.sections[1].colour = 12;
  EXPECT_EQ(english(validate(b).error()), "board.sections[1].colour must be a palette index 0…7 (got 12).");
}

// ---------------------------------------------------------------------------------------------
// Limits, each with its own message
// ---------------------------------------------------------------------------------------------
TEST(FormatLimits, TooManyNotesWithTheDefaultLimit) {
  json doc = validJourney();
  json notes = json::array();
  for (int i = 0; i < 5123; ++i) notes.push_back({{"id", "x" + std::to_string(i)}, {"stage", "use"}, {"lane", "actions"}});
  doc["board"]["notes"] = notes;
  doc["board"]["actions"] = json::array();
  EXPECT_EQ(errorOf(doc), "Too many notes: 5,123 (the limit is 5,000).");
  notes.erase(notes.begin() + 5000, notes.end());
  doc["board"]["notes"] = notes;
  EXPECT_EQ(errorOf(doc), "(loaded fine)");
}

TEST(FormatLimits, EachLimitHasItsOwnMessage) {
  json doc = validJourney();
  auto with = [](auto change) {
    Limits l;
    change(l);
    return l;
  };
  EXPECT_EQ(errorOf(doc, with([](Limits& l) { l.maxNotes = 3; })), "Too many notes: 4 (the limit is 3).");
  EXPECT_EQ(errorOf(doc, with([](Limits& l) { l.maxStages = 5; })), "Too many stages: 6 (the limit is 5).");
  EXPECT_EQ(errorOf(doc, with([](Limits& l) { l.maxLanes = 6; })), "Too many lanes: 7 (the limit is 6).");
  EXPECT_EQ(errorOf(doc, with([](Limits& l) { l.maxActions = 0; })), "Too many actions: 1 (the limit is 0).");
  EXPECT_EQ(errorOf(doc, with([](Limits& l) { l.maxTextBytes = 5; })),
            "Text too long in board.template: 9 bytes (the limit is 5).");
  EXPECT_EQ(errorOf(doc, with([](Limits& l) { l.maxIdBytes = 2; })),
            "Id too long in board.id: 3 bytes (the limit is 2).");
  std::string text = doc.dump();
  EXPECT_EQ(errorOf(std::string_view(text), with([](Limits& l) { l.maxBytes = 100; })),
            "The board is too big: " + [&] {
              std::string n = std::to_string(text.size());
              return n.size() > 3 ? n.insert(n.size() - 3, ",") : n;
            }() + " bytes (the limit is 100).");
  json empathy = json::parse(saveJson(makeBoard(BoardKind::EmpathyMap, "customer", Lang::De).value()));
  EXPECT_EQ(errorOf(empathy, with([](Limits& l) { l.maxSections = 2; })), "Too many sections: 8 (the limit is 2).");

  json tags = doc;
  tags["board"]["notes"][1]["tags"] = json::array();
  for (int i = 0; i < 17; ++i) tags["board"]["notes"][1]["tags"].push_back("t" + std::to_string(i));
  EXPECT_EQ(errorOf(tags), "Too many tags on board.notes[1]: 17 (the limit is 16).");
  tags["board"]["notes"][1]["tags"] = {"ok", std::string(65, 'x')};
  EXPECT_EQ(errorOf(tags), "Tag too long in board.notes[1].tags[1]: 65 bytes (the limit is 64).");

  json longText = doc;
  longText["board"]["notes"][2]["text"] = std::string(4001, 'a');
  EXPECT_EQ(errorOf(longText), "Text too long in board.notes[2].text: 4,001 bytes (the limit is 4,000).");
  longText["board"]["notes"][2]["text"] = std::string(4000, 'a');
  EXPECT_EQ(errorOf(longText), "(loaded fine)");
}

TEST(FormatLimits, DefaultSizeLimitIsCheckedFirst) {
  std::string big(Limits{}.maxBytes + 1, '[');  // would also be too deep and invalid: size wins
  EXPECT_EQ(errorOf(std::string_view(big)), "The board is too big: 4,194,305 bytes (the limit is 4,194,304).");
}

TEST(FormatLimits, DepthIsRefusedBeforeBuildingAnything) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  EXPECT_EQ(errorOf(std::string_view(deep)), "The board is nested too deeply (more than 32 levels).");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_EQ(errorOf(std::string_view(objects)), "The board is nested too deeply (more than 32 levels).");
  // Deep nesting inside an otherwise valid board (an unknown field) is refused too …
  json doc = validJourney();
  json nested = 1;
  for (int i = 0; i < 40; ++i) nested = json::array({nested});
  doc["board"]["deep"] = nested;
  EXPECT_EQ(errorOf(doc), "The board is nested too deeply (more than 32 levels).");
  // … while nesting within the limit is kept as unknown data.
  json shallow = 1;
  for (int i = 0; i < 20; ++i) shallow = json::array({shallow});
  doc["board"]["deep"] = shallow;
  auto r = loadJson(doc.dump());
  ASSERT_TRUE(r.ok()) << english(r.error());
  EXPECT_EQ(r->extra["deep"], shallow);
}

TEST(FormatLimits, InvalidUtf8IsNamed) {
  json doc = validJourney();
  std::string text = doc.dump();
  for (const char* bad : {"\xC3\x28", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\xFF"}) {
    std::string broken = text;
    broken.replace(broken.find("note 2"), 6, std::string("note ") + bad);
    std::string message = errorOf(std::string_view(broken));
    EXPECT_EQ(message.rfind("The text is not valid UTF-8 (at byte ", 0), 0u) << message;
  }
  // Escaped lone surrogates are caught by the JSON reader itself.
  std::string surrogate = text;
  surrogate.replace(surrogate.find("note 2"), 6, "\\ud800 x");
  EXPECT_NE(errorOf(std::string_view(surrogate)), "(loaded fine)");
}

TEST(FormatLimits, ValidateChecksInMemoryBoards) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  b.persona.name = "\xC3";
  EXPECT_EQ(english(validate(b).error()), "board.persona.name is not valid UTF-8 (at byte 0).");
  b.persona.name = "ok";
  b.personaRect.x = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ(english(validate(b).error()), "board.personaRect is out of range (template units between −1,000 and 1,000).");
}

}  // namespace
}  // namespace mapathy

namespace mapathy {
namespace {

// parseJson is what every JSON read outside loadJson goes through (the library's index and stored boards,
// the tools module's answers, a board's kept extra fields, a newer version's number): the same values as
// nlohmann's own parser, and its "discarded" value for anything that is not JSON, never a throw.
TEST(ParseJson, ReadsWhatNlohmannReadsAndDiscardsTheRest) {
  const std::string text =
      R"({"boards": {"b1": {"title": "Größe „Ölmühle“", "gen": 3, "big": 18446744073709551615, "neg": -7,)"
      R"( "f": 0.1, "e": 1e300, "list": [true, false, null, [], {}], "dup": 1, "dup": 2}}, "open": "b1"})";
  const nlohmann::json ours = parseJson(text);
  const nlohmann::json theirs = nlohmann::json::parse(text);
  EXPECT_EQ(ours, theirs);
  EXPECT_EQ(ours["boards"]["b1"]["dup"], 2) << "a repeated key keeps its last value, as nlohmann's parser does";
  EXPECT_EQ(ours["boards"]["b1"]["big"].get<std::uint64_t>(), 18446744073709551615ull);
  EXPECT_EQ(ours["boards"]["b1"]["title"], "Größe „Ölmühle“");
  EXPECT_EQ(parseJson("42"), 42);
  EXPECT_EQ(parseJson(R"("text")"), "text");

  for (const char* bad : {"", "{", R"({"a": })", "[1, 2", "nul", "{} {}", R"({"a": 1,})", "\xff", "1e999999"}) {
    EXPECT_TRUE(parseJson(bad).is_discarded()) << bad;
    EXPECT_TRUE(nlohmann::json::parse(bad, nullptr, false).is_discarded()) << bad;
  }
  // Deeper than asked: discarded (the default is far beyond anything the app writes).
  std::string deep(40, '[');
  deep += std::string(40, ']');
  EXPECT_TRUE(parseJson(deep, 32).is_discarded());
  EXPECT_FALSE(parseJson(deep).is_discarded());
}

}  // namespace
}  // namespace mapathy
