// Boards the benchmarks measure: the German sample maps the share-link tests use
// (tests/core/sample_boards.hpp), an English map written the same way, journey boards in both languages,
// and large boards of any size made from them. Deterministic (fixed ids, times, clocks), so every run
// measures the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/model/model.hpp"
#include "core/model/templates.hpp"
#include "sample_boards.hpp"

namespace mapathy::bench {

inline std::string base36(std::uint64_t v) {
  std::string out;
  do {
    out.insert(out.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
    v /= 36;
  } while (v != 0);
  return out;
}

// The English counterpart of samples::typicalGermanEmpathyMap(): same template, persona shape and
// 40 short notes of the same kind, with the same ids, flags, votes and tags.
inline Board typicalEnglishEmpathyMap() {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  b.id = "b-3hv8pw2c6n";
  b.title = "Utility customer: reporting a move";
  b.createdAt = 1763884800000;
  b.modifiedAt = 1763890212345;
  b.appVersion = "0.1.0";
  b.persona.name = "Sarah Miller";
  b.persona.role = "Tenant, 47, shift-working nurse";
  b.persona.goal = "Move her electricity contract to the new flat without losing time on the hotline";
  b.persona.quote = "I don't want to call three times.";
  b.persona.bio = "Moving into a smaller flat with her daughter; often works nights.";
  b.persona.initials = "SM";
  b.persona.colour = 3;
  b.persona.success = "Move reported in one step, first bill is right";

  const std::vector<std::pair<const char*, std::vector<const char*>>> sections = {
      {"says",
       {"\"I don't want to call three times.\"", "\"Could you call me back, please?\"",
        "\"Nobody told me that last time either.\"", "\"I don't have time for this.\"",
        "\"Where do I find my customer number?\"", "\"Why does it suddenly cost more?\"",
        "\"I just want it to work.\"", "\"I never get through to the hotline.\"",
        "\"Please send me that in writing.\"", "\"My daughter usually does this for me.\""}},
      {"thinks",
       {"Hopes someone calls back this time", "Suspects hidden costs in the new tariff",
        "Believes the app could make it easier", "Wonders whether the effort is worth it",
        "Thinks nobody is responsible", "Unsure whether the payment arrived", "Does not trust the online form",
        "Afraid of cancelling the contract the wrong way", "Does not want to be treated as a supplicant",
        "Fears a large back payment"}},
      {"does",
       {"Waits 20 minutes on the hotline", "Searches old e-mails for the bill", "Compares tariffs on comparison sites",
        "Calls on Monday morning before her shift", "Writes a complaint by e-mail",
        "Notes the ticket number on a scrap of paper", "Takes screenshots of the meter reading",
        "Asks her daughter for help", "Opens the app and closes it again", "Reads reviews before cancelling"}},
      {"feels",
       {"Annoyed by the waiting loop", "Feels not taken seriously", "Relieved when the call-back comes",
        "Left alone with the paperwork", "Distrusts automatic replies", "Pleased by a quick answer in the chat",
        "Stressed because of shift work", "Angry about a double debit", "Overwhelmed by the jargon in the contract",
        "Satisfied when everything works in one call"}},
  };

  std::uint64_t clock = 0;
  int counter = 0;
  for (const auto& [sectionId, texts] : sections) {
    const Section* section = findSection(b, sectionId);
    std::int64_t order = 0;
    for (const char* text : texts) {
      Note n;
      n.id = "q4z-" + base36(static_cast<std::uint64_t>(counter));
      n.text = text;
      n.section = sectionId;
      n.colour = section != nullptr ? section->colour : 0;
      n.order = order;
      n.created = ++clock;
      n.modified = n.created;
      if (counter % 7 == 3) n.modified = (clock += 2);
      if (counter % 3 == 0) n.evidence = Evidence::Observed;
      if (counter % 5 == 1) n.votes = 1 + counter % 4;
      if (counter % 9 == 2) n.tags = {"hotline"};
      if (counter % 11 == 4) n.tags = {"billing", "contract"};
      b.notes.push_back(std::move(n));
      order += 1024;
      ++counter;
    }
  }
  Action a;
  a.id = "q4z-14";
  a.text = "Make call-back appointments bookable online";
  a.owner = "Service team";
  a.notes = {"q4z-1", "q4z-k"};
  a.created = ++clock;
  a.modified = a.created;
  b.actions.push_back(a);
  b.clock = clock;
  return b;
}

using samples::distinctTextEmpathyMap;
using samples::largeEmpathyMap;

// A lifecycle journey board with `notes` notes spread over its stages × text lanes (texts taken from
// the 40-note map of the same language) and an as-is emotion curve.
inline Board journeyBoard(Lang lang, int notes) {
  const Board source = lang == Lang::De ? samples::typicalGermanEmpathyMap() : typicalEnglishEmpathyMap();
  Board b = makeBoard(BoardKind::Journey, "lifecycle", lang).value();
  b.id = lang == Lang::De ? "b-9tj4rz1k5w" : "b-2mx7qd8h3p";
  b.title = source.title;
  b.createdAt = source.createdAt;
  b.modifiedAt = source.modifiedAt;
  b.appVersion = source.appVersion;
  b.persona = source.persona;
  std::vector<const Lane*> textLanes;
  for (Lane& lane : b.lanes) {
    if (lane.kind == LaneKind::Text) textLanes.push_back(&lane);
    if (lane.kind == LaneKind::Emotion) {
      int score = -2;
      for (const Stage& stage : b.stages) {
        EmotionScore e;
        e.asIs = score;
        score = score == 2 ? -1 : score + 1;
        lane.emotions[stage.id] = e;
      }
    }
  }
  const std::size_t cells = b.stages.size() * textLanes.size();
  for (int i = 0; i < notes; ++i) {
    const std::size_t cell = static_cast<std::size_t>(i) % cells;
    Note n = source.notes[static_cast<std::size_t>(i) % source.notes.size()];
    n.section.clear();
    n.stage = b.stages[cell % b.stages.size()].id;
    n.lane = textLanes[cell / b.stages.size()]->id;
    n.id = "j7w-" + base36(static_cast<std::uint64_t>(i));
    if (notes > static_cast<int>(source.notes.size())) n.text += " (" + std::to_string(i * 7919 % 1000) + ")";
    n.order = static_cast<std::int64_t>(static_cast<std::size_t>(i) / cells) * 1024;
    n.created = static_cast<std::uint64_t>(i) + 1;
    n.modified = n.created;
    b.notes.push_back(std::move(n));
  }
  b.clock = static_cast<std::uint64_t>(notes) + 1;
  return b;
}

struct NamedBoard {
  std::string name;  // short, for tables: "empathy-de-40"
  std::string description;
  Board board;
};

// The boards of the link-size table.
inline std::vector<NamedBoard> linkSizeBoards() {
  const Board de = samples::typicalGermanEmpathyMap();
  const Board en = typicalEnglishEmpathyMap();
  return {
      {"empathy-de-40", "German empathy map, 40 short notes (the issue's typical board)", de},
      {"empathy-en-40", "English empathy map, 40 short notes", en},
      {"journey-de-24", "German lifecycle journey, 24 notes + emotion curve", journeyBoard(Lang::De, 24)},
      {"journey-en-24", "English lifecycle journey, 24 notes + emotion curve", journeyBoard(Lang::En, 24)},
      {"empathy-de-200", "German empathy map, 200 notes", largeEmpathyMap(de, 200)},
      {"empathy-en-200", "English empathy map, 200 notes", largeEmpathyMap(en, 200)},
      {"empathy-de-1000", "German empathy map, 1,000 notes", largeEmpathyMap(de, 1000)},
      {"empathy-en-1000", "English empathy map, 1,000 notes", largeEmpathyMap(en, 1000)},
      {"empathy-de-1000-distinct", "German empathy map, 1,000 notes, every text different",
       distinctTextEmpathyMap(de, 1000)},
      // Boards that owe the priming nothing: their texts share no word with either priming text
      // (samples::freshEmpathyMap; tests/core/share_link_test.cpp checks it).
      {"fresh-de-40", "German empathy map, 40 notes on another topic, no word in common with the priming",
       samples::freshEmpathyMap(Lang::De, 40)},
      {"fresh-en-40", "English empathy map, 40 notes on another topic, no word in common with the priming",
       samples::freshEmpathyMap(Lang::En, 40)},
      {"fresh-de-200", "German empathy map, 200 notes on another topic, no word in common with the priming",
       samples::freshEmpathyMap(Lang::De, 200)},
      {"fresh-en-200", "English empathy map, 200 notes on another topic, no word in common with the priming",
       samples::freshEmpathyMap(Lang::En, 200)},
  };
}

}  // namespace mapathy::bench
