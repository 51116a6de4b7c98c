// Random boards for property tests, shared by every core test that round-trips boards (JSON, share
// links, Markdown). Valid by construction (validate() accepts every board it makes) and deterministic
// for a given seed. Text mixes German, English, umlauts, ß, emoji, quotes, newlines and JSON-special
// characters, because that is what breaks serialisers.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/model/templates.hpp"

namespace mapathy {

namespace random_board_detail {

inline std::size_t pick(std::mt19937_64& rng, std::size_t n) {
  return static_cast<std::size_t>(std::uniform_int_distribution<std::uint64_t>(0, n - 1)(rng));
}

inline int between(std::mt19937_64& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

inline bool chance(std::mt19937_64& rng, double p) { return std::bernoulli_distribution(p)(rng); }

inline std::string words(std::mt19937_64& rng, int minWords, int maxWords) {
  static const std::vector<std::string> kWords = {
      "Kundin", "Rückruf", "Hotline", "Ärger", "Größe", "Übergabe", "schließlich", "Straße", "müssen", "Öffnungszeiten",
      "customer", "waits", "invoice", "app", "support", "quote", "\"quoted\"", "back\\slash", "tab\there", "😀",
      "🚀", "Grüße", "weiß", "<b>", "&amp;", "a/b", "50%", "#tag", "{braces}", "[brackets]", "ñandú", "中文", "x"};
  std::string out;
  int n = between(rng, minWords, maxWords);
  for (int i = 0; i < n; ++i) {
    if (i > 0) out += chance(rng, 0.1) ? "\n" : " ";
    out += kWords[pick(rng, kWords.size())];
  }
  return out;
}

}  // namespace random_board_detail

// A board of `kind` from a random built-in template (never the empty one, so notes have a place),
// with `notes` notes, a persona, scores on emotion/expectation lanes, a few actions linking notes,
// sometimes a custom section/stage/lane and unknown `extra` fields.
inline Board randomBoard(std::mt19937_64& rng, BoardKind kind, int notes) {
  using namespace random_board_detail;
  const Lang lang = chance(rng, 0.5) ? Lang::De : Lang::En;
  std::vector<std::string> templates;
  for (const auto& t : listTemplates(lang)) {
    if (t.kind == kind && t.id != "empty") templates.push_back(t.id);
  }
  Board b = makeBoard(kind, templates[pick(rng, templates.size())], lang).value();
  std::uint64_t counter = 0;
  auto newId = [&counter](const char* site) {
    std::string id = site;
    id += "-";
    std::uint64_t n = ++counter;
    std::string digits;
    do {
      digits.insert(digits.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36]);
      n /= 36;
    } while (n != 0);
    return id + digits;
  };
  b.id = "b-" + std::to_string(rng() % 1000000007u);
  b.title = words(rng, 1, 6);
  b.createdAt = static_cast<std::int64_t>(1700000000000 + rng() % 100000000000);
  b.modifiedAt = b.createdAt + static_cast<std::int64_t>(rng() % 1000000);
  b.appVersion = chance(rng, 0.5) ? "0.1.0" : "";
  b.persona.name = words(rng, 0, 3);
  b.persona.role = words(rng, 0, 5);
  b.persona.goal = words(rng, 0, 8);
  b.persona.quote = words(rng, 0, 8);
  b.persona.bio = words(rng, 0, 12);
  b.persona.initials = chance(rng, 0.5) ? "ÄB" : "";
  b.persona.colour = between(rng, 0, kPaletteSize - 1);
  b.persona.success = words(rng, 0, 6);
  if (chance(rng, 0.2)) b.extra = nlohmann::json{{"futureField", {{"nested", true}, {"n", 42}}}};
  if (chance(rng, 0.2)) b.persona.extra = nlohmann::json{{"pronouns", "sie/ihr"}};

  if (kind == BoardKind::EmpathyMap) {
    if (chance(rng, 0.3)) {
      Section s;
      s.id = newId("s");
      s.title = words(rng, 1, 3);
      s.hint = words(rng, 0, 8);
      s.colour = between(rng, 0, kPaletteSize - 1);
      s.rect = Rect{0.5f, 7.25f, 2.0f, 1.5f};
      if (chance(rng, 0.5)) s.extra = nlohmann::json{{"icon", "🧠"}};
      b.sections.push_back(s);
    }
  } else {
    if (chance(rng, 0.3)) b.stages.push_back(Stage{newId("g"), words(rng, 1, 3), words(rng, 0, 10), {}});
    if (chance(rng, 0.3)) {
      Lane l;
      l.id = newId("l");
      l.name = words(rng, 1, 3);
      l.kind = LaneKind::Text;
      if (chance(rng, 0.5)) l.extra = nlohmann::json{{"collapsed", true}};
      b.lanes.push_back(l);
    }
    for (auto& lane : b.lanes) {
      for (const auto& stage : b.stages) {
        if (lane.kind == LaneKind::Emotion && chance(rng, 0.8)) {
          EmotionScore e;
          e.asIs = between(rng, kScoreMin, kScoreMax);
          if (chance(rng, 0.5)) e.toBe = between(rng, kScoreMin, kScoreMax);
          if (chance(rng, 0.5)) e.reason = words(rng, 1, 6);
          lane.emotions[stage.id] = e;
          lane.showToBe = lane.showToBe || e.toBe.has_value();
        } else if (lane.kind == LaneKind::Expectation && chance(rng, 0.8)) {
          GapScore g;
          g.expectation = between(rng, kScoreMin, kScoreMax);
          if (chance(rng, 0.7)) g.experience = between(rng, kScoreMin, kScoreMax);
          lane.gaps[stage.id] = g;
        }
      }
    }
  }

  std::vector<const Lane*> textLanes;
  for (const auto& l : b.lanes) {
    if (l.kind == LaneKind::Text) textLanes.push_back(&l);
  }
  std::uint64_t clock = 0;
  for (int i = 0; i < notes; ++i) {
    Note n;
    n.id = newId("n");
    n.text = words(rng, 1, 12);
    n.colour = between(rng, 0, kPaletteSize - 1);
    if (chance(rng, 0.3)) n.tags = {"#" + words(rng, 1, 1), "wichtig"};
    n.votes = chance(rng, 0.3) ? between(rng, 1, 12) : 0;
    if (chance(rng, 0.3)) n.author = words(rng, 1, 2);
    n.evidence = chance(rng, 0.4) ? Evidence::Observed : Evidence::Assumed;
    n.created = ++clock;
    n.modified = chance(rng, 0.3) ? ++clock : n.created;
    if (kind == BoardKind::EmpathyMap) {
      n.section = b.sections[pick(rng, b.sections.size())].id;
    } else {
      n.stage = b.stages[pick(rng, b.stages.size())].id;
      n.lane = textLanes[pick(rng, textLanes.size())]->id;
    }
    n.order = static_cast<std::int64_t>(i) * 1024 - (chance(rng, 0.1) ? 5000 : 0);
    if (chance(rng, 0.1)) n.extra = nlohmann::json{{"reactions", {"👍", "❤️"}}};
    b.notes.push_back(n);
  }
  int actions = notes == 0 ? 0 : between(rng, 0, 4);
  for (int i = 0; i < actions; ++i) {
    Action a;
    a.id = newId("a");
    a.text = words(rng, 1, 10);
    if (chance(rng, 0.5)) a.owner = words(rng, 1, 2);
    a.status = static_cast<ActionStatus>(between(rng, 0, 2));
    for (int k = between(rng, 0, 3); k > 0; --k) {
      const std::string& id = b.notes[pick(rng, b.notes.size())].id;
      if (std::find(a.notes.begin(), a.notes.end(), id) == a.notes.end()) a.notes.push_back(id);
    }
    a.created = ++clock;
    a.modified = clock;
    b.actions.push_back(a);
  }
  b.clock = clock;
  return b;
}

}  // namespace mapathy
