// Tests of the built-in templates: both languages, stable ids, hints, colours, layouts.
#include "core/model/templates.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/io/format.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

std::vector<std::string> sectionIds(const Board& b) {
  std::vector<std::string> ids;
  for (const auto& s : b.sections) ids.push_back(s.id);
  return ids;
}

bool overlaps(const Rect& a, const Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

TEST(Templates, ListsEveryTemplateInBothLanguages) {
  auto en = listTemplates(Lang::En);
  auto de = listTemplates(Lang::De);
  ASSERT_EQ(en.size(), de.size());
  std::set<std::pair<BoardKind, std::string>> ids;
  for (std::size_t i = 0; i < en.size(); ++i) {
    EXPECT_EQ(en[i].id, de[i].id);
    EXPECT_EQ(en[i].kind, de[i].kind);
    EXPECT_FALSE(en[i].name.empty());
    EXPECT_FALSE(de[i].description.empty());
    EXPECT_NE(en[i].name, de[i].name) << en[i].id;
    ids.insert({en[i].kind, en[i].id});
  }
  for (const char* id : {"classic", "canvas", "customer", "empty"}) EXPECT_TRUE(ids.count({BoardKind::EmpathyMap, id})) << id;
  for (const char* id : {"lifecycle", "service", "empty"}) EXPECT_TRUE(ids.count({BoardKind::Journey, id})) << id;
}

TEST(Templates, ClassicHasTheFourQuadrantsInGermanWithUmlauts) {
  auto de = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De);
  ASSERT_TRUE(de.ok()) << english(de.error());
  EXPECT_EQ(sectionIds(*de), (std::vector<std::string>{"says", "thinks", "does", "feels"}));
  EXPECT_EQ(de->sections[0].title, "Sagt");
  EXPECT_EQ(de->sections[1].title, "Denkt");
  EXPECT_EQ(de->sections[2].title, "Tut");
  EXPECT_EQ(de->sections[3].title, "Fühlt");
  EXPECT_EQ(de->sections[0].hint, "Was sagt die Person laut? Zitiere sie.");
  auto en = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En);
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en->sections[0].title, "Says");
  EXPECT_EQ(en->sections[0].hint, "What do they say out loud? Quote them.");
  EXPECT_EQ(de->lang, Lang::De);
  EXPECT_EQ(de->templateId, "classic");
  EXPECT_EQ(de->kind, BoardKind::EmpathyMap);
}

TEST(Templates, CanvasAndCustomerHaveTheirSections) {
  auto canvas = makeBoard(BoardKind::EmpathyMap, "canvas", Lang::En);
  ASSERT_TRUE(canvas.ok());
  EXPECT_EQ(sectionIds(*canvas), (std::vector<std::string>{"goal", "sees", "says", "does", "hears", "pains", "gains"}));
  EXPECT_EQ(canvas->sections[5].title, "Think & Feel: Pains");
  auto customer = makeBoard(BoardKind::EmpathyMap, "customer", Lang::De);
  ASSERT_TRUE(customer.ok());
  std::set<std::string> ids;
  for (const auto& s : customer->sections) ids.insert(s.id);
  EXPECT_EQ(ids, (std::set<std::string>{"sees", "hears", "thinks", "says", "does", "feels", "pains", "gains"}));
  EXPECT_EQ(findSection(*customer, "hears")->title, "Hört");
}

TEST(Templates, LifecycleJourneyHasStagesAndAllLaneKinds) {
  auto j = makeBoard(BoardKind::Journey, "lifecycle", Lang::En);
  ASSERT_TRUE(j.ok());
  std::vector<std::string> stages;
  for (const auto& s : j->stages) stages.push_back(s.id);
  EXPECT_EQ(stages, (std::vector<std::string>{"awareness", "consideration", "purchase", "use", "support", "loyalty"}));
  std::vector<std::string> lanes;
  for (const auto& l : j->lanes) lanes.push_back(l.id);
  EXPECT_EQ(lanes, (std::vector<std::string>{"actions", "touchpoints", "thoughts", "emotions", "expectations",
                                             "painpoints", "opportunities"}));
  EXPECT_EQ(findLane(*j, "emotions")->kind, LaneKind::Emotion);
  EXPECT_EQ(findLane(*j, "expectations")->kind, LaneKind::Expectation);
  EXPECT_EQ(findLane(*j, "touchpoints")->kind, LaneKind::Text);
  EXPECT_EQ(findLane(*j, "touchpoints")->role, "touchpoints");
  auto de = makeBoard(BoardKind::Journey, "lifecycle", Lang::De);
  EXPECT_EQ(findStage(*de, "purchase")->name, "Kauf");
  EXPECT_EQ(findLane(*de, "opportunities")->name, "Chancen");
  EXPECT_TRUE(de->sections.empty());
}

TEST(Templates, EmptyTemplatesHaveNoPlaces) {
  auto j = makeBoard(BoardKind::Journey, "empty", Lang::De);
  ASSERT_TRUE(j.ok());
  EXPECT_TRUE(j->stages.empty());
  EXPECT_TRUE(j->lanes.empty());
  auto e = makeBoard(BoardKind::EmpathyMap, "empty", Lang::En);
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->sections.empty());
}

TEST(Templates, UnknownTemplateNamesTheKnownOnes) {
  auto r = makeBoard(BoardKind::EmpathyMap, "lifecycle", Lang::En);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(english(r.error()).find("lifecycle"), std::string::npos);
  EXPECT_NE(english(r.error()).find("classic, canvas, customer"), std::string::npos) << english(r.error());
  auto j = makeBoard(BoardKind::Journey, "nope", Lang::De);
  ASSERT_FALSE(j.ok());
  EXPECT_NE(english(j.error()).find("lifecycle"), std::string::npos);
}

// Every template in both languages: valid, ids identical across languages, every place has a
// hint in each language that differs between them, colours in range, sections never overlap.
TEST(Templates, EveryTemplateIsValidAndBilingual) {
  for (const auto& info : listTemplates(Lang::En)) {
    SCOPED_TRACE(info.id);
    auto en = makeBoard(info.kind, info.id, Lang::En);
    auto de = makeBoard(info.kind, info.id, Lang::De);
    ASSERT_TRUE(en.ok() && de.ok());
    EXPECT_TRUE(validate(*en).ok()) << english(validate(*en).error());
    EXPECT_TRUE(validate(*de).ok()) << english(validate(*de).error());
    EXPECT_EQ(sectionIds(*en), sectionIds(*de));
    ASSERT_EQ(en->stages.size(), de->stages.size());
    ASSERT_EQ(en->lanes.size(), de->lanes.size());
    for (std::size_t i = 0; i < en->sections.size(); ++i) {
      const Section& a = en->sections[i];
      const Section& b = de->sections[i];
      EXPECT_FALSE(a.hint.empty());
      EXPECT_FALSE(b.hint.empty());
      EXPECT_NE(a.hint, b.hint) << a.id;
      EXPECT_EQ(a.rect, b.rect);
      EXPECT_GE(a.colour, 0);
      EXPECT_LT(a.colour, kPaletteSize);
      EXPECT_GT(a.rect.w, 0);
      EXPECT_GT(a.rect.h, 0);
      EXPECT_FALSE(overlaps(a.rect, en->personaRect)) << a.id << " overlaps the persona";
      for (std::size_t k = i + 1; k < en->sections.size(); ++k) {
        EXPECT_FALSE(overlaps(a.rect, en->sections[k].rect)) << a.id << " overlaps " << en->sections[k].id;
      }
    }
    for (std::size_t i = 0; i < en->stages.size(); ++i) {
      EXPECT_EQ(en->stages[i].id, de->stages[i].id);
      EXPECT_FALSE(en->stages[i].description.empty());
      EXPECT_NE(en->stages[i].description, de->stages[i].description);
    }
    for (std::size_t i = 0; i < en->lanes.size(); ++i) {
      EXPECT_EQ(en->lanes[i].id, de->lanes[i].id);
      EXPECT_EQ(en->lanes[i].kind, de->lanes[i].kind);
    }
  }
}

TEST(Templates, ClassicIsAGridAroundThePersona) {
  auto b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En);
  // The persona sits in the centre cell of a 3×3 grid and the four sections fill the ring exactly.
  EXPECT_EQ(b->personaRect, (Rect{1, 1, 1, 1}));
  float area = 0;
  for (const auto& s : b->sections) area += s.rect.w * s.rect.h;
  EXPECT_FLOAT_EQ(area, 8.0f);
}

}  // namespace
}  // namespace mapathy
