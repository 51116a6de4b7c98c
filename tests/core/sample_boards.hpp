// Test boards shared by the share-link tests and the link benchmark: a typical German empathy map
// (classic template, a persona, 40 short notes as a workshop would write them) and a large board
// made of it. Deterministic: fixed IDs, times and clocks, built the way the editor builds boards
// (ids "<site>-<base36 counter>", orders spaced 1024 apart, colour of the section).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/model/model.hpp"
#include "core/model/templates.hpp"

namespace mapathy::samples {

inline Board typicalGermanEmpathyMap() {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  b.id = "b-7kq2xm9f4t";
  b.title = "Kundin der Stadtwerke: Umzug melden";
  b.createdAt = 1763884800000;   // 2025-11-23 08:00 UTC
  b.modifiedAt = 1763890212345;
  b.appVersion = "0.1.0";
  b.persona.name = "Sabine Krüger";
  b.persona.role = "Mieterin, 47, Pflegekraft im Schichtdienst";
  b.persona.goal = "Den Strom zum Umzugstermin ummelden, ohne Zeit in der Hotline zu verlieren";
  b.persona.quote = "Ich will nicht dreimal anrufen müssen.";
  b.persona.bio = "Zieht mit ihrer Tochter in eine kleinere Wohnung; arbeitet oft nachts.";
  b.persona.initials = "SK";
  b.persona.colour = 3;
  b.persona.success = "Ummeldung in einem Schritt erledigt, erste Rechnung stimmt";

  const std::vector<std::pair<const char*, std::vector<const char*>>> sections = {
      {"says",
       {"„Ich will nicht dreimal anrufen müssen.“", "„Können Sie mich bitte zurückrufen?“",
        "„Das hat mir beim letzten Mal auch keiner gesagt.“", "„Ich habe keine Zeit für so etwas.“",
        "„Wo finde ich meine Kundennummer?“", "„Warum kostet das plötzlich mehr?“",
        "„Ich will einfach nur, dass es funktioniert.“", "„Bei der Hotline komme ich nie durch.“",
        "„Schicken Sie mir das bitte schriftlich.“", "„Meine Tochter macht das sonst für mich.“"}},
      {"thinks",
       {"Hoffentlich ruft diesmal jemand zurück", "Vermutet versteckte Kosten im neuen Tarif",
        "Glaubt, dass die App es einfacher machen könnte", "Fragt sich, ob sich der Aufwand lohnt",
        "Denkt, dass niemand zuständig ist", "Unsicher, ob die Zahlung angekommen ist",
        "Traut dem Online-Formular nicht", "Hat Angst, den Vertrag falsch zu kündigen",
        "Will nicht als Bittstellerin behandelt werden", "Befürchtet eine hohe Nachzahlung"}},
      {"does",
       {"Wartet 20 Minuten in der Hotline", "Sucht die Rechnung in alten E-Mails",
        "Vergleicht Tarife auf Vergleichsportalen", "Ruft am Montagmorgen vor der Schicht an",
        "Schreibt eine Beschwerde per E-Mail", "Notiert sich die Ticketnummer auf einem Zettel",
        "Macht Screenshots vom Zählerstand", "Bittet die Tochter um Hilfe",
        "Öffnet die App und schließt sie wieder", "Liest Bewertungen, bevor sie kündigt"}},
      {"feels",
       {"Genervt von der Warteschleife", "Fühlt sich nicht ernst genommen", "Erleichtert, wenn der Rückruf kommt",
        "Allein gelassen mit dem Papierkram", "Misstraut automatischen Antworten",
        "Freut sich über eine schnelle Antwort im Chat", "Gestresst wegen der Schichtarbeit",
        "Verärgert über doppelte Abbuchung", "Überfordert vom Fachchinesisch im Vertrag",
        "Zufrieden, wenn alles in einem Anruf klappt"}},
  };

  std::uint64_t clock = 0;
  int counter = 0;
  for (const auto& [sectionId, texts] : sections) {
    const Section* section = findSection(b, sectionId);
    std::int64_t order = 0;
    for (const char* text : texts) {
      Note n;
      n.id = "q4z-" + std::string(1, "0123456789abcdefghijklmnopqrstuvwxyz"[counter % 36]);
      if (counter >= 36) n.id = "q4z-1" + std::string(1, "0123456789abcdefghijklmnopqrstuvwxyz"[counter - 36]);
      n.text = text;
      n.section = sectionId;
      n.colour = section != nullptr ? section->colour : 0;
      n.order = order;
      n.created = ++clock;
      n.modified = n.created;
      if (counter % 7 == 3) n.modified = (clock += 2);  // edited after writing
      if (counter % 3 == 0) n.evidence = Evidence::Observed;
      if (counter % 5 == 1) n.votes = 1 + counter % 4;
      if (counter % 9 == 2) n.tags = {"Hotline"};
      if (counter % 11 == 4) n.tags = {"Abrechnung", "Vertrag"};
      b.notes.push_back(std::move(n));
      order += 1024;
      ++counter;
    }
  }
  Action a;
  a.id = "q4z-14";
  a.text = "Rückruf-Termin online buchbar machen";
  a.owner = "Team Service";
  a.notes = {"q4z-1", "q4z-k"};
  a.created = ++clock;
  a.modified = a.created;
  b.actions.push_back(a);
  b.clock = clock;
  return b;
}

// `notes` notes made from the notes of `small` (a 40-note map), spread over its sections, texts varied so
// they do not compress trivially. Deterministic ids ("q4z-" + base 36), times and clock.
inline Board largeEmpathyMap(const Board& small, int notes) {
  Board b = small;
  const std::vector<Note> base = b.notes;
  b.notes.clear();
  b.actions.clear();
  for (int i = 0; i < notes; ++i) {
    Note n = base[static_cast<std::size_t>(i) % base.size()];
    std::string id;
    for (int v = i; ; v /= 36) {
      id.insert(id.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
      if (v < 36) break;
    }
    n.id = "q4z-" + id;
    n.text += " (" + std::to_string(i * 7919 % 1000) + ")";
    n.order = static_cast<std::int64_t>(i / 4) * 1024;
    n.created = static_cast<std::uint64_t>(i) + 1;
    n.modified = n.created;
    b.notes.push_back(std::move(n));
  }
  b.clock = static_cast<std::uint64_t>(notes) + 1;
  return b;
}

// `notes` notes whose texts all differ: 3 to 8 words drawn (by a fixed pseudo-random sequence) from the
// words of `small`'s notes, so the compressor cannot reuse whole notes — the hard case for links.
inline Board distinctTextEmpathyMap(const Board& small, int notes) {
  Board b = largeEmpathyMap(small, notes);
  std::vector<std::string> words;
  for (const Note& n : small.notes) {
    std::string word;
    for (const char c : n.text + " ") {
      if (c != ' ') {
        word += c;
      } else if (!word.empty()) {
        words.push_back(word);
        word.clear();
      }
    }
  }
  std::uint32_t state = 12345;
  const auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return state >> 8;
  };
  for (Note& n : b.notes) {
    std::string text;
    const std::uint32_t count = 3 + next() % 6;
    for (std::uint32_t i = 0; i < count; ++i) text += (i ? " " : "") + words[next() % words.size()];
    n.text = text;
  }
  return b;
}

// The two above made from typicalGermanEmpathyMap().
inline Board largeGermanEmpathyMap(int notes) { return largeEmpathyMap(typicalGermanEmpathyMap(), notes); }
inline Board distinctGermanEmpathyMap(int notes) { return distinctTextEmpathyMap(typicalGermanEmpathyMap(), notes); }

// Words of another topic (garden, kitchen, travel) for boards whose texts share nothing with the link
// priming texts (tests/core/share_link_test.cpp checks that no word of them is a word of either priming
// text). Content words only: the priming holds the languages' function words.
inline const std::vector<std::string>& freshWords(Lang lang) {
  static const std::vector<std::string> german = {
      "Gartenzaun", "Tomatenpflanzen", "Gießkanne", "Hochbeet", "Zwiebeln", "Kartoffelsalat", "Bratpfanne",
      "Backofen", "Zeltplatz", "Sandstrand", "Wanderweg", "Bergsee", "Rucksack", "Fahrradkorb", "Kräuterbeet",
      "Apfelbaum", "Regenschirm", "Sonnenhut", "Picknickdecke", "Grillabend", "Erdbeerkuchen", "Sauerteig",
      "Marmelade", "Gemüsebrühe", "Knoblauch", "Petersilie", "Schnittlauch", "Wochenmarkt", "Fischbrötchen",
      "Leuchtturm", "Segelboot", "Hafenmauer", "Muschelsammlung", "Sonnenuntergang", "Gewitterwolken",
      "Laubrechen", "Komposthaufen", "Vogelhäuschen", "Blumenzwiebeln", "Rasenmäher", "Heckenschere",
      "Obstkorb", "Kirschblüte", "Tannenzapfen", "Waldpilze", "Brombeeren", "Holunderblüten", "Zitronenlimonade",
      "Eisdiele", "Strandkorb", "Dünengras", "Reiseführer", "Zugfahrt", "Bahnsteig", "Gepäckablage",
      "Wanderkarte", "Berghütte", "Käsefondue", "Schneeschuhe", "Skipiste", "Lagerfeuer", "Sternenhimmel",
      "Hängematte", "Liegestuhl", "Sandburg", "Gummistiefel", "Regentonne", "Bienenstock", "Lavendel",
      "Sonnenblumen", "Kürbissuppe", "Pflaumenkuchen", "Zimtschnecken", "Teekanne", "Kaffeemühle",
      "Brotkorb", "Nudelholz", "Rührschüssel", "Schneebesen", "Backblech", "Gewürzregal", "Vorratskammer"};
  static const std::vector<std::string> english = {
      "garden fence", "tomato plants", "watering jug", "raised bed", "onions", "potato salad", "frying pan",
      "oven", "campsite", "sandy beach", "hiking trail", "mountain lake", "backpack", "bicycle basket",
      "herb bed", "apple tree", "umbrella", "sunglasses", "picnic blanket", "barbecue", "strawberry cake",
      "sourdough", "jam", "vegetable broth", "garlic", "parsley", "chives", "farmers market", "fish sandwich",
      "lighthouse", "sailboat", "harbour wall", "shell collection", "sunset", "thunderclouds", "leaf rake",
      "compost heap", "birdhouse", "flower bulbs", "lawnmower", "hedge trimmer", "fruit bowl", "cherry blossom",
      "pine cones", "forest mushrooms", "blackberries", "elderflowers", "lemonade", "ice cream parlour",
      "beach chair", "dune grass", "travel guide", "train ride", "platform", "luggage rack", "hiking map",
      "mountain hut", "cheese fondue", "snowshoes", "ski slope", "campfire", "starry sky", "hammock",
      "deck chair", "sandcastle", "rubber boots", "rain barrel", "beehive", "lavender", "sunflowers",
      "pumpkin soup", "plum cake", "cinnamon rolls", "teapot", "coffee grinder", "bread basket",
      "rolling pin", "mixing bowl", "whisk", "baking tray", "spice rack", "pantry"};
  return lang == Lang::De ? german : english;
}

// An empathy map of `notes` notes written from freshWords(lang): 3 to 7 of them per note, drawn by a fixed
// pseudo-random sequence; title and persona too. The link-size figures of boards that owe the priming
// nothing (BENCHMARKS.md).
inline Board freshEmpathyMap(Lang lang, int notes) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", lang).value();
  const std::vector<std::string>& words = freshWords(lang);
  std::uint32_t state = lang == Lang::De ? 4242u : 2424u;
  const auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return state >> 8;
  };
  const auto phrase = [&](std::uint32_t count) {
    std::string text;
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string word = words[next() % words.size()];
      if (i == 0 && !word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
      text += (i ? " " : "") + word;
    }
    return text;
  };
  b.id = lang == Lang::De ? "b-f5r3sh8d2e" : "b-f5r3sh8e2n";
  b.title = phrase(3);
  b.createdAt = 1763884800000;
  b.modifiedAt = 1763890212345;
  b.appVersion = "0.1.0";
  b.persona.name = phrase(2);
  b.persona.role = phrase(4);
  b.persona.goal = phrase(6);
  b.persona.initials = "FR";
  b.persona.colour = 2;
  std::uint64_t clock = 0;
  const std::size_t sections = b.sections.size();
  for (int i = 0; i < notes; ++i) {
    const Section& section = b.sections[static_cast<std::size_t>(i) % sections];
    Note n;
    std::string id;
    for (int v = i;; v /= 36) {
      id.insert(id.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
      if (v < 36) break;
    }
    n.id = "f8r-" + id;
    n.text = phrase(3 + next() % 5);
    n.section = section.id;
    n.colour = section.colour;
    n.order = static_cast<std::int64_t>(static_cast<std::size_t>(i) / sections) * 1024;
    n.created = ++clock;
    n.modified = n.created;
    if (i % 3 == 0) n.evidence = Evidence::Observed;
    if (i % 5 == 1) n.votes = 1 + i % 4;
    b.notes.push_back(std::move(n));
  }
  b.clock = clock;
  return b;
}

}  // namespace mapathy::samples
