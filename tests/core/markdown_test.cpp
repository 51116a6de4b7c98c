// Markdown import and export: round trips for every template and random boards, hand-written
// outlines in German and English, every limit and error path, hostile inputs.
#include "core/io/markdown.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/io/format.hpp"
#include "core/model/templates.hpp"
#include "random_board.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Content of a board: everything a reader of the Markdown can see, without ids, clocks, times,
// layout rectangles and unknown `extra` fields (Markdown has no place for those).
// ---------------------------------------------------------------------------------------------
json noteContent(const Note& n) {
  return json{{"text", n.text},     {"colour", n.colour}, {"tags", n.tags},
              {"votes", n.votes},   {"author", n.author}, {"evidence", toString(n.evidence)}};
}

json content(const Board& b) {
  json out;
  out["kind"] = toString(b.kind);
  out["template"] = b.templateId;
  out["lang"] = toString(b.lang);
  out["title"] = b.title;
  const Persona& p = b.persona;
  out["persona"] = json{{"name", p.name},   {"role", p.role},         {"goal", p.goal},         {"quote", p.quote},
                        {"bio", p.bio},     {"initials", p.initials}, {"colour", p.colour},     {"success", p.success}};
  std::map<std::string, std::string> placeOf;  // note id → "where:position"
  json sections = json::array();
  for (std::size_t s = 0; s < b.sections.size(); ++s) {
    const Section& sec = b.sections[s];
    json notes = json::array();
    auto at = notesAt(b, sec.id, "", "");
    for (std::size_t i = 0; i < at.size(); ++i) {
      notes.push_back(noteContent(*at[i]));
      placeOf[at[i]->id] = "s" + std::to_string(s) + ":" + std::to_string(i);
    }
    sections.push_back(json{{"title", sec.title}, {"hint", sec.hint}, {"colour", sec.colour}, {"notes", notes}});
  }
  out["sections"] = sections;
  json stages = json::array();
  for (const Stage& st : b.stages) stages.push_back(json{{"name", st.name}, {"description", st.description}});
  out["stages"] = stages;
  json lanes = json::array();
  for (std::size_t l = 0; l < b.lanes.size(); ++l) {
    const Lane& lane = b.lanes[l];
    json cells = json::array();
    for (std::size_t s = 0; s < b.stages.size(); ++s) {
      const std::string& stageId = b.stages[s].id;
      json cell;
      auto e = lane.emotions.find(stageId);
      if (e != lane.emotions.end() && (e->second.asIs || e->second.toBe || !e->second.reason.empty())) {
        cell["asIs"] = e->second.asIs ? json(*e->second.asIs) : json();
        cell["toBe"] = e->second.toBe ? json(*e->second.toBe) : json();
        cell["reason"] = e->second.reason;
      }
      auto g = lane.gaps.find(stageId);
      if (g != lane.gaps.end() && (g->second.expectation || g->second.experience)) {
        cell["expectation"] = g->second.expectation ? json(*g->second.expectation) : json();
        cell["experience"] = g->second.experience ? json(*g->second.experience) : json();
      }
      json notes = json::array();
      auto at = notesAt(b, "", stageId, lane.id);
      for (std::size_t i = 0; i < at.size(); ++i) {
        notes.push_back(noteContent(*at[i]));
        placeOf[at[i]->id] = "l" + std::to_string(l) + "s" + std::to_string(s) + ":" + std::to_string(i);
      }
      cell["notes"] = notes;
      cells.push_back(cell);
    }
    lanes.push_back(json{{"name", lane.name},
                         {"kind", toString(lane.kind)},
                         {"role", lane.role},
                         {"showToBe", lane.showToBe},
                         {"cells", cells}});
  }
  out["lanes"] = lanes;
  json actions = json::array();
  for (const Action& a : b.actions) {
    json linked = json::array();
    for (const auto& id : a.notes) linked.push_back(placeOf.count(id) ? placeOf[id] : "?" + id);
    actions.push_back(json{{"text", a.text}, {"owner", a.owner}, {"status", toString(a.status)}, {"notes", linked}});
  }
  out["actions"] = actions;
  return out;
}

// Export → import → same content, and exporting the import gives the same text again.
void expectRoundTrip(const Board& board, const std::string& label) {
  const std::string md = exportMarkdown(board);
  auto back = importMarkdown(md);
  ASSERT_TRUE(back.ok()) << label << ": " << english(back.error()) << "\n" << md;
  EXPECT_TRUE(validate(*back).ok()) << label;
  const json want = content(board);
  const json got = content(*back);
  EXPECT_EQ(want, got) << label << "\n--- markdown:\n" << md;
  EXPECT_EQ(md, exportMarkdown(*back)) << label;
}

// Removes our `<!-- mapathy … -->` line so template and language must be detected from the words.
std::string withoutMeta(std::string md) {
  auto start = md.find("<!-- mapathy");
  if (start == std::string::npos) return md;
  auto end = md.find("-->", start);
  md.erase(start, end + 3 - start);
  return md;
}

// A board from a template with notes in every place, scores on every score lane, a persona and
// actions: the texts pick every character Markdown (or our own syntax) could misread.
Board filledBoard(BoardKind kind, const std::string& templateId, Lang lang) {
  Board b = makeBoard(kind, templateId, lang).value();
  b.id = "b-1";
  b.title = lang == Lang::De ? "Kundin: Umzug # melden | *schnell*" : "Customer: moving # house | *fast*";
  b.persona.name = "Sabine Krüger";
  b.persona.role = "- Mieterin, 47\n1. Pflegekraft";
  b.persona.goal = "Strom ummelden: ohne Hotline";
  b.persona.quote = "„Ich will nicht dreimal anrufen müssen.“";
  b.persona.bio = "Zieht um.\n\nArbeitet nachts.";
  b.persona.initials = "SK";
  b.persona.colour = 5;
  b.persona.success = "Ummeldung in einem Schritt";
  static const std::vector<std::string> kTexts = {
      "Wartet 20 Minuten in der Hotline",
      "# not a heading",
      "- not a bullet",
      "1. not a numbered item",
      "pipes | in | text and `code` and *stars* and _under_ and [brackets] and {braces}",
      "zwei\nZeilen",
      "  leading spaces and trailing spaces  ",
      "order #4711 and C# and a #hash",
      "back\\slash \\# and &amp; entity and &#32; and <br> tag",
      "> quote and <b>html</b>",
      "[observed] literal, not a flag",
      "(@nobody) literal",
      "ends with newline\n",
      "\nstarts with newline",
      "blank\n\n\nlines inside",
      "+2 → -1: looks like a score",
      "2 / -1",
      "•bullet and – dash",
      "",
      "😀 Grüße aus der Straße 中文",
      "tab\there",
      "---",
      "===",
      "{colour=3}",
  };
  std::size_t t = 0;
  std::uint64_t clock = 0;
  auto addNote = [&](Note n) {
    n.id = "n-" + std::to_string(++clock);
    n.text = kTexts[t % kTexts.size()];
    n.colour = static_cast<int>(t % kPaletteSize);
    if (t % 3 == 0) n.tags = {"wichtig", "zwei wörter", "#hash", "9lives", "Ärger"};
    n.votes = static_cast<int>(t % 4);
    if (t % 5 == 1) n.author = "Ben \"B\" {M}";
    n.evidence = t % 2 == 0 ? Evidence::Observed : Evidence::Assumed;
    n.created = n.modified = clock;
    ++t;
    b.notes.push_back(n);
  };
  if (kind == BoardKind::EmpathyMap) {
    for (const Section& s : b.sections) {
      for (int i = 0; i < 4; ++i) {
        Note n;
        n.section = s.id;
        n.order = i * 1024;
        addNote(n);
      }
    }
  } else {
    for (Lane& lane : b.lanes) {
      for (std::size_t s = 0; s < b.stages.size(); ++s) {
        const std::string& stageId = b.stages[s].id;
        const int v = static_cast<int>(s % 5) - 2;
        if (lane.kind == LaneKind::Emotion) {
          EmotionScore e;
          e.asIs = v;
          if (s % 2 == 0) e.toBe = -v;
          if (s % 3 == 0) e.reason = s % 2 == 0 ? "3 Anrufe: nötig / zu viel" : "Warteschleife\nzweite Zeile";
          lane.emotions[stageId] = e;
          lane.showToBe = true;
        } else if (lane.kind == LaneKind::Expectation) {
          GapScore g;
          g.expectation = v;
          if (s % 2 == 1) g.experience = -v;
          lane.gaps[stageId] = g;
        } else {
          for (std::size_t i = 0; i < s % 3; ++i) {
            Note n;
            n.stage = stageId;
            n.lane = lane.id;
            n.order = static_cast<std::int64_t>(i) * 1024;
            addNote(n);
          }
        }
      }
    }
  }
  const std::vector<std::string> actionTexts = {"Rückruf anbieten (sofort)", "- FAQ @team schreiben", "", "x\ny"};
  for (std::size_t i = 0; i < actionTexts.size(); ++i) {
    Action a;
    a.id = "a-" + std::to_string(i);
    a.text = actionTexts[i];
    a.owner = i % 2 == 0 ? "Ben (Support)" : "";
    a.status = static_cast<ActionStatus>(i % 3);
    if (!b.notes.empty()) a.notes = {b.notes[i % b.notes.size()].id, b.notes.back().id};
    if (a.notes.size() == 2 && a.notes[0] == a.notes[1]) a.notes.pop_back();
    a.created = a.modified = ++clock;
    b.actions.push_back(a);
  }
  b.clock = clock;
  EXPECT_TRUE(validate(b).ok()) << english(validate(b).error());
  return b;
}

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------
TEST(Markdown, EveryTemplateInBothLanguagesRoundTrips) {
  int count = 0;
  for (Lang lang : {Lang::De, Lang::En}) {
    for (const auto& t : listTemplates(lang)) {
      expectRoundTrip(makeBoard(t.kind, t.id, lang).value(), "fresh " + t.id + "/" + toString(lang));
      expectRoundTrip(filledBoard(t.kind, t.id, lang), "filled " + t.id + "/" + toString(lang));
      ++count;
    }
  }
  EXPECT_GE(count, 10);
}

TEST(Markdown, TemplateAndLanguageAreDetectedFromHeadingWords) {
  for (Lang lang : {Lang::De, Lang::En}) {
    for (const auto& t : listTemplates(lang)) {
      if (t.id == "empty") continue;
      Board b = filledBoard(t.kind, t.id, lang);
      auto back = importMarkdown(withoutMeta(exportMarkdown(b)));
      ASSERT_TRUE(back.ok()) << english(back.error());
      EXPECT_EQ(back->templateId, t.id) << toString(lang);
      EXPECT_EQ(back->lang, lang) << t.id;
      EXPECT_EQ(back->kind, t.kind);
      // everything but the avatar colour (kept in the comment) survives too
      json want = content(b);
      want["persona"]["colour"] = 0;
      EXPECT_EQ(want, content(*back)) << t.id << "/" << toString(lang);
    }
  }
}

TEST(Markdown, RandomBoardsKeepTheirContent) {
  int boards = 0;
  for (std::uint64_t seed = 1; seed <= 250; ++seed) {
    std::mt19937_64 rng(seed);
    for (BoardKind kind : {BoardKind::EmpathyMap, BoardKind::Journey}) {
      const int notes = static_cast<int>(seed % 7 == 0 ? 120 : seed % 40);
      Board b = randomBoard(rng, kind, notes);
      ASSERT_TRUE(validate(b).ok()) << english(validate(b).error());
      expectRoundTrip(b, "seed " + std::to_string(seed) + " " + toString(kind));
      if (HasFailure()) return;
      ++boards;
    }
  }
  EXPECT_EQ(boards, 500);
}

TEST(Markdown, ImportGivesDeterministicUniqueIdsThatValidate) {
  Board b = filledBoard(BoardKind::EmpathyMap, "customer", Lang::De);
  const std::string md = exportMarkdown(b);
  auto first = importMarkdown(md);
  auto second = importMarkdown(md);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);
  EXPECT_EQ(first->notes.front().id, "m-1");
  std::set<std::string> ids;
  for (const Note& n : first->notes) EXPECT_TRUE(ids.insert(n.id).second) << n.id;
  EXPECT_EQ(ids.size(), b.notes.size());
  EXPECT_EQ(first->id.rfind("md-", 0), 0u);
  auto other = importMarkdown(md + "\n- one more\n");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->id, first->id);
}

// ---------------------------------------------------------------------------------------------
// Hand-written outlines
// ---------------------------------------------------------------------------------------------
TEST(Markdown, HandWrittenGermanEmpathyMap) {
  const std::string md =
      "\xEF\xBB\xBF# Workshop Stadtwerke\r\n"
      "\r\n"
      "Name: Sabine Krüger  \r\n"
      "Rolle: Mieterin, 47\r\n"
      "Ziel: Strom ummelden\r\n"
      "Zitat: „Ich will nicht dreimal anrufen.“\r\n"
      "\r\n"
      "## Sagt\r\n"
      "* „Können Sie mich zurückrufen?“ #hotline #rückruf\r\n"
      "+ [beobachtet] Fragt nach der Kundennummer {Stimmen=3}\r\n"
      "\r\n"
      "## DENKT\r\n"
      "1. Hoffentlich ruft jemand zurück\r\n"
      "2) Vermutet versteckte Kosten\r\n"
      "   und Gebühren\r\n"
      "\r\n"
      "### Pain Points\r\n"
      "- Warteschleife (20 Minuten)\r\n"
      "\r\n"
      "Sie legt nach 20 Minuten auf.\r\n"
      "\r\n"
      "## Fühlt\r\n"
      "- {Farbe=7} \r\n"
      "-\r\n"
      "## Ideen aus dem Team\r\n"
      "- Rückruf-Button in der App\r\n"
      "## Maßnahmen\r\n"
      "- [ ] Rückruf-Service einführen (@Ben)\r\n"
      "- [x] FAQ schreiben (Verantwortlich: Aylin)\r\n"
      "- Hotline-Zeiten prüfen @Chris\r\n";
  auto r = importMarkdown(md);
  ASSERT_TRUE(r.ok()) << english(r.error());
  const Board& b = *r;
  EXPECT_EQ(b.kind, BoardKind::EmpathyMap);
  EXPECT_EQ(b.lang, Lang::De);
  EXPECT_EQ(b.templateId, "classic");
  EXPECT_EQ(b.title, "Workshop Stadtwerke");
  EXPECT_EQ(b.persona.name, "Sabine Krüger");
  EXPECT_EQ(b.persona.role, "Mieterin, 47");
  EXPECT_EQ(b.persona.goal, "Strom ummelden");
  EXPECT_EQ(b.persona.quote, "„Ich will nicht dreimal anrufen.“");
  ASSERT_EQ(b.sections.size(), 5u);
  EXPECT_EQ(b.sections[0].id, "says");
  EXPECT_EQ(b.sections[1].id, "thinks");
  EXPECT_EQ(b.sections[1].title, "DENKT");
  EXPECT_EQ(b.sections[2].id, "pains");
  EXPECT_EQ(b.sections[2].title, "Pain Points");
  EXPECT_EQ(b.sections[3].id, "feels");
  EXPECT_EQ(b.sections[4].title, "Ideen aus dem Team");  // unknown heading → custom section, kept
  auto says = notesAt(b, "says", "", "");
  ASSERT_EQ(says.size(), 2u);
  EXPECT_EQ(says[0]->text, "„Können Sie mich zurückrufen?“");
  EXPECT_EQ(says[0]->tags, (std::vector<std::string>{"hotline", "rückruf"}));
  EXPECT_EQ(says[1]->text, "Fragt nach der Kundennummer");
  EXPECT_EQ(says[1]->evidence, Evidence::Observed);
  EXPECT_EQ(says[1]->votes, 3);
  auto thinks = notesAt(b, "thinks", "", "");
  ASSERT_EQ(thinks.size(), 2u);
  EXPECT_EQ(thinks[1]->text, "Vermutet versteckte Kosten\nund Gebühren");
  auto pains = notesAt(b, "pains", "", "");
  ASSERT_EQ(pains.size(), 2u);
  EXPECT_EQ(pains[0]->text, "Warteschleife (20 Minuten)");
  EXPECT_EQ(pains[1]->text, "Sie legt nach 20 Minuten auf.");  // a paragraph is a note too
  auto feels = notesAt(b, "feels", "", "");
  ASSERT_EQ(feels.size(), 1u);  // "{Farbe=7}" is an (empty) note with a colour; a bare "-" is skipped
  EXPECT_EQ(feels[0]->colour, 7);
  EXPECT_EQ(feels[0]->text, "");
  ASSERT_EQ(b.actions.size(), 3u);
  EXPECT_EQ(b.actions[0].text, "Rückruf-Service einführen");
  EXPECT_EQ(b.actions[0].owner, "Ben");
  EXPECT_EQ(b.actions[0].status, ActionStatus::Open);
  EXPECT_EQ(b.actions[1].owner, "Aylin");
  EXPECT_EQ(b.actions[1].status, ActionStatus::Done);
  EXPECT_EQ(b.actions[2].text, "Hotline-Zeiten prüfen");
  EXPECT_EQ(b.actions[2].owner, "Chris");
}

TEST(Markdown, HandWrittenEnglishCustomerEmpathyMap) {
  const std::string md =
      "Customer interviews\n"
      "===================\n"
      "\n"
      "**Name:** Tom\n"
      "**Role**: Small-business owner\n"
      "Goal: pay invoices in one go\n"
      "Bio: runs a bakery\n"
      "  with two employees\n"
      "\n"
      "## Sees\n- competitors' apps\n"
      "## Hears\n- \"support is slow\" from friends\n"
      "## Thinks\n- {placeholder} is still in the text\n"
      "## Feels\n- anxious about order #4711\n"
      "## Pains\n- waits on hold\n"
      "## Gains\n- one-click payment #wish\n"
      "## Next steps\n"
      "- [~] prototype the payment flow (Owner: Dana)\n";
  auto r = importMarkdown(md);
  ASSERT_TRUE(r.ok()) << english(r.error());
  const Board& b = *r;
  EXPECT_EQ(b.lang, Lang::En);
  EXPECT_EQ(b.templateId, "customer");
  EXPECT_EQ(b.title, "Customer interviews");
  EXPECT_EQ(b.persona.name, "Tom");
  EXPECT_EQ(b.persona.role, "Small-business owner");
  EXPECT_EQ(b.persona.goal, "pay invoices in one go");
  EXPECT_EQ(b.persona.bio, "runs a bakery\nwith two employees");
  ASSERT_EQ(b.sections.size(), 6u);
  EXPECT_EQ(notesAt(b, "thinks", "", "")[0]->text, "{placeholder} is still in the text");
  EXPECT_EQ(notesAt(b, "feels", "", "")[0]->text, "anxious about order #4711");
  EXPECT_TRUE(notesAt(b, "feels", "", "")[0]->tags.empty());
  EXPECT_EQ(notesAt(b, "gains", "", "")[0]->tags, std::vector<std::string>{"wish"});
  ASSERT_EQ(b.actions.size(), 1u);
  EXPECT_EQ(b.actions[0].status, ActionStatus::Doing);
  EXPECT_EQ(b.actions[0].owner, "Dana");
}

TEST(Markdown, HandWrittenGermanCustomerJourneyWithMixedVocabulary) {
  const std::string md =
      "# Customer Journey Stromanbieter\n"
      "\n"
      "| | Aufmerksamkeit | Kauf | Service |\n"
      "|:--|:-:|---|--:|\n"
      "| Touchpoints | Werbung | Website<br>App | Hotline \\| Chat |\n"
      "| Gedanken | Zu teuer? | | Warum dauert das? |\n"
      "| Emotionskurve | +1 | 0 → +2 | −2 Warteschleife |\n"
      "| Erwartung vs. Erlebnis | 2 / 1 | 1 / | / -2 |\n"
      "| Pain Points | | AGB unklar | 40 Minuten warten<br>Keine Rückmeldung |\n"
      "| Chancen | – | | Rückruf anbieten #idee |\n"
      "| Wettbewerb | Stadtwerke | Vergleichsportal | |\n"
      "\n"
      "## Maßnahmen\n"
      "- [ ] Rückruf testen (@Aylin)\n";
  auto r = importMarkdown(md);
  ASSERT_TRUE(r.ok()) << english(r.error());
  const Board& b = *r;
  EXPECT_EQ(b.kind, BoardKind::Journey);
  EXPECT_EQ(b.lang, Lang::De);
  EXPECT_EQ(b.templateId, "lifecycle");
  ASSERT_EQ(b.stages.size(), 3u);
  EXPECT_EQ(b.stages[0].id, "awareness");
  EXPECT_EQ(b.stages[2].id, "support");
  EXPECT_EQ(b.stages[2].name, "Service");
  ASSERT_EQ(b.lanes.size(), 7u);
  EXPECT_EQ(b.lanes[0].id, "touchpoints");
  EXPECT_EQ(b.lanes[2].kind, LaneKind::Emotion);
  EXPECT_EQ(b.lanes[3].kind, LaneKind::Expectation);
  EXPECT_EQ(b.lanes[4].role, "painpoints");
  EXPECT_EQ(b.lanes[5].role, "opportunities");
  EXPECT_EQ(b.lanes[6].name, "Wettbewerb");  // unknown lane → custom text lane
  EXPECT_EQ(b.lanes[6].kind, LaneKind::Text);
  auto touch = notesAt(b, "", "purchase", "touchpoints");
  ASSERT_EQ(touch.size(), 2u);
  EXPECT_EQ(touch[0]->text, "Website");
  EXPECT_EQ(touch[1]->text, "App");
  EXPECT_EQ(notesAt(b, "", "support", "touchpoints")[0]->text, "Hotline | Chat");
  const Lane& emo = b.lanes[2];
  EXPECT_EQ(emo.emotions.at("awareness").asIs, 1);
  EXPECT_EQ(emo.emotions.at("purchase").asIs, 0);
  EXPECT_EQ(emo.emotions.at("purchase").toBe, 2);
  EXPECT_EQ(emo.emotions.at("support").asIs, -2);
  EXPECT_EQ(emo.emotions.at("support").reason, "Warteschleife");
  const Lane& gap = b.lanes[3];
  EXPECT_EQ(gap.gaps.at("awareness").expectation, 2);
  EXPECT_EQ(gap.gaps.at("awareness").experience, 1);
  EXPECT_EQ(gap.gaps.at("purchase").experience, std::nullopt);
  EXPECT_EQ(gap.gaps.at("support").expectation, std::nullopt);
  EXPECT_EQ(gap.gaps.at("support").experience, -2);
  EXPECT_EQ(notesAt(b, "", "support", "painpoints").size(), 2u);
  EXPECT_TRUE(notesAt(b, "", "awareness", "opportunities").empty());  // "–" marks an empty cell
  EXPECT_EQ(notesAt(b, "", "support", "opportunities")[0]->tags, std::vector<std::string>{"idee"});
  ASSERT_EQ(b.actions.size(), 1u);
  EXPECT_EQ(b.actions[0].owner, "Aylin");
}

TEST(Markdown, HandWrittenEnglishJourneyTransposedWithCustomScoreLane) {
  // stages as rows, lanes as columns; "Mood" is unknown but holds scores
  const std::string md =
      "# Support journey\n"
      "| Stage | Touchpoints | Pain points | Opportunities | Mood | Gap |\n"
      "|---|---|---|---|---|---|\n"
      "| Problem occurs | email | no answer | auto-reply | -1 | 2 / -1 |\n"
      "| Wait | phone | 40 min queue | call-back | -2: long wait | 1 / -2 |\n"
      "| Resolution | chat | | follow-up mail | +1 | 2 / 2 |\n";
  auto r = importMarkdown(md);
  ASSERT_TRUE(r.ok()) << english(r.error());
  const Board& b = *r;
  EXPECT_EQ(b.lang, Lang::En);
  EXPECT_EQ(b.templateId, "service");
  ASSERT_EQ(b.stages.size(), 3u);
  EXPECT_EQ(b.stages[0].id, "trigger");
  EXPECT_EQ(b.stages[1].id, "waiting");
  ASSERT_EQ(b.lanes.size(), 5u);
  EXPECT_EQ(b.lanes[3].name, "Mood");
  EXPECT_EQ(b.lanes[3].kind, LaneKind::Emotion);
  EXPECT_EQ(b.lanes[3].emotions.at("waiting").reason, "long wait");
  EXPECT_EQ(b.lanes[4].kind, LaneKind::Expectation);
  EXPECT_EQ(b.lanes[4].gaps.at("waiting").experience, -2);
  EXPECT_EQ(notesAt(b, "", "waiting", "painpoints")[0]->text, "40 min queue");
}

TEST(Markdown, LooseNotesBeforeAnyHeadingGoToAnUnsortedSection) {
  auto r = importMarkdown("- call back\n- invoice is wrong\n\nthey wait on hold\n");
  ASSERT_TRUE(r.ok()) << english(r.error());
  ASSERT_EQ(r->sections.size(), 1u);
  EXPECT_EQ(r->sections[0].title, "Unsorted");
  EXPECT_EQ(r->notes.size(), 3u);
  auto de = importMarkdown("- Rückruf fehlt\n- Die Rechnung ist falsch und nicht verständlich\n");
  ASSERT_TRUE(de.ok());
  EXPECT_EQ(de->lang, Lang::De);
  EXPECT_EQ(de->sections[0].title, "Unsortiert");
}

TEST(Markdown, OnlyATitleAndPersonaGiveTheClassicTemplate) {
  auto r = importMarkdown("# Anna\n\nName: Anna\nRole: nurse\n");
  ASSERT_TRUE(r.ok()) << english(r.error());
  EXPECT_EQ(r->templateId, "classic");
  EXPECT_EQ(r->sections.size(), 4u);
  EXPECT_EQ(r->persona.role, "nurse");
}

TEST(Markdown, ExportReadsLikeAnOutline) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  b.title = "Umzug";
  b.persona.name = "Sabine";
  Note n;
  n.id = "n1";
  n.section = "says";
  n.text = "Zu teuer";
  n.tags = {"preis"};
  n.evidence = Evidence::Observed;
  n.votes = 2;
  b.notes.push_back(n);
  Action a;
  a.id = "a1";
  a.text = "Preise erklären";
  a.owner = "Ben";
  a.notes = {"n1"};
  b.actions.push_back(a);
  const std::string md = exportMarkdown(b);
  EXPECT_NE(md.find("# Umzug\n"), std::string::npos) << md;
  EXPECT_NE(md.find("- **Name:** Sabine\n"), std::string::npos) << md;
  EXPECT_NE(md.find("## Sagt\n\n- [beobachtet] Zu teuer #preis {Stimmen=2}\n"), std::string::npos) << md;
  EXPECT_NE(md.find("## Maßnahmen\n\n- [ ] Preise erklären (@Ben) {Notizen=1}\n"), std::string::npos) << md;

  Board j = makeBoard(BoardKind::Journey, "lifecycle", Lang::En).value();
  j.lanes[3].emotions["awareness"] = EmotionScore{-1, 2, "slow"};
  j.lanes[3].showToBe = true;
  j.lanes[4].gaps["purchase"] = GapScore{2, -1};
  const std::string jmd = exportMarkdown(j);
  EXPECT_NE(jmd.find("| Lane | Awareness | Consideration |"), std::string::npos) << jmd;
  EXPECT_NE(jmd.find("| Emotions {to-be} | -1 → +2: slow |"), std::string::npos) << jmd;
  EXPECT_NE(jmd.find("| Expectation vs experience |  |  | +2 / -1 |"), std::string::npos) << jmd;
}

// ---------------------------------------------------------------------------------------------
// Errors and limits
// ---------------------------------------------------------------------------------------------
void expectError(std::string_view md, const std::string& fragment, const Limits& limits = {}) {
  auto r = importMarkdown(md, limits);
  ASSERT_FALSE(r.ok()) << "expected an error containing \"" << fragment << "\"";
  EXPECT_NE(english(r.error()).find(fragment), std::string::npos) << english(r.error());
}

TEST(Markdown, ErrorPaths) {
  expectError("", "empty");
  expectError(" \r\n\t\n", "empty");
  expectError("\xEF\xBB\xBF", "empty");
  expectError("# Title\n- caf\xC3", "not valid UTF-8");
  expectError("# T\n- \xED\xA0\x80 surrogate", "not valid UTF-8");
  expectError("- \xC0\xAF overlong", "not valid UTF-8");

  Limits small;
  small.maxBytes = 100;
  expectError(std::string(101, 'x'), "too big", small);

  Limits notes;
  notes.maxNotes = 3;
  expectError("## Says\n- a\n- b\n- c\n- d\n", "too many notes", notes);
  EXPECT_TRUE(importMarkdown("## Says\n- a\n- b\n- c\n", notes).ok());
  expectError("| Lane | A | B |\n|---|---|---|\n| Actions | a<br>b | c<br>d |\n", "too many notes", notes);

  expectError("## Says\n- " + std::string(4001, 'x') + "\n", "bytes of text");
  expectError("# " + std::string(4001, 'x') + "\n", "the title");
  expectError("Name: " + std::string(4001, 'x') + "\n", "persona");
  expectError("## " + std::string(4001, 'x') + "\n- a\n", "section heading");
  expectError("## Says\n- a #t1 #t2 #t3 #t4 #t5 #t6 #t7 #t8 #t9 #t10 #t11 #t12 #t13 #t14 #t15 #t16 #t17\n", "tags");
  expectError("## Says\n- a #" + std::string(65, 't') + "\n", "tag");

  std::string sections;
  for (int i = 0; i < 25; ++i) sections += "## Part " + std::to_string(i) + "\n- x\n";
  expectError(sections, "too many sections");

  std::string wide = "| Lane |";
  std::string rule = "|---|";
  for (int i = 0; i < 25; ++i) {
    wide += " S" + std::to_string(i) + " |";
    rule += "---|";
  }
  expectError(wide + "\n" + rule + "\n| Actions |\n", "stage columns");
  std::string tall = "| Lane | A |\n|---|---|\n";
  for (int i = 0; i < 25; ++i) tall += "| L" + std::to_string(i) + " | x |\n";
  expectError(tall, "lane rows");

  Limits fewActions;
  fewActions.maxActions = 2;
  expectError("## Actions\n- [ ] a\n- [ ] b\n- [ ] c\n", "too many actions", fewActions);

  expectError("| Lane | A |\n|---|---|\n| Emotions | 5 |\n", "between −2 and +2");
  expectError("| Lane | A |\n|---|---|\n| Emotions | -3: awful |\n", "between −2 and +2");
  expectError("| Lane | A |\n|---|---|\n| Expectation vs experience | 3 / 1 |\n", "between −2 and +2");
  expectError("| Lane | A |\n|---|---|\n| Expectation vs experience | high |\n", "expectation / experience");
}

TEST(Markdown, HostileInputsNeverCrash) {
  // 100,000 headings: refused early with its own message
  std::string headings;
  for (int i = 0; i < 100000; ++i) headings += "## h\n";
  expectError(headings, "Too many headings");

  // a 10 MB line: too big for the default limit; with a bigger limit, too long for one note
  const std::string huge(10u * 1024u * 1024u, 'a');
  expectError(huge, "too big");
  Limits roomy;
  roomy.maxBytes = 16u * 1024u * 1024u;
  expectError(huge, "too long", roomy);
  expectError("## Says\n- " + std::string(10u * 1024u * 1024u, '#') + "\n", "too long", roomy);

  // deep indentation and nesting
  auto deep = importMarkdown("## Says\n" + std::string(200000, ' ') + "- deep\n" + std::string(100000, '>') + " q\n");
  ASSERT_TRUE(deep.ok()) << english(deep.error());
  EXPECT_EQ(deep->notes.size(), 2u);

  // odd tables and fragments
  for (const char* odd : {"|", "|\n|", "| |\n|-|", "|\n|---|\n|", "| a |\n|---|\n| b | c | d |\n", "|---|\n|---|",
                          "\\", "&#0;", "&#99999999;", "&#x110000;", "&#xD800;", "{", "}", "{=}", "[", "]",
                          "# ", "#", "######## seven", "<!--", "<!-- mapathy template=\"", "-->", "- [", "- [x",
                          "1.", "99999999999. big", "* * *", "===", "---\n---", "a\n===\n", "## Says\n> ",
                          "| Lane | A |\n|---|---|\n| Emotions | → |\n", "| Lane | A |\n|---|---|\n| {kind=emotion} | +1 |"}) {
    auto r = importMarkdown(odd);
    if (r.ok()) {
      EXPECT_TRUE(validate(*r).ok()) << odd;
      auto again = importMarkdown(exportMarkdown(*r));
      EXPECT_TRUE(again.ok()) << odd << ": " << english(again.error());
    }
  }
  auto lonePipe = importMarkdown("## Says\n- |\n");
  ASSERT_TRUE(lonePipe.ok());
  EXPECT_EQ(lonePipe->notes[0].text, "|");

  // many <br> in one cell, long runs of markers and escapes
  std::string cell = "| Lane | A |\n|---|---|\n| Actions | ";
  for (int i = 0; i < 4000; ++i) cell += "<br>";
  cell += "x |\n";
  auto manyBr = importMarkdown(cell);
  ASSERT_TRUE(manyBr.ok()) << english(manyBr.error());
  EXPECT_EQ(manyBr->notes.size(), 1u);
  auto brackets = importMarkdown("## Says\n- " + std::string(3000, '[') + std::string(500, '\\') + "\n");
  EXPECT_TRUE(brackets.ok()) << english(brackets.error());
}

}  // namespace
}  // namespace mapathy
