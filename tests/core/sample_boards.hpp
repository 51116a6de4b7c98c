// Test boards shared by the share-link tests and the link benchmark: a typical German empathy map
// (classic template, a persona, 40 short notes as a workshop would write them) and a large board
// made of it. Deterministic: fixed IDs, times and clocks, built the way the editor builds boards
// (ids "<site>-<base36 counter>", orders spaced 1024 apart, colour of the section).
#pragma once

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

// `notes` notes spread over the classic sections, texts varied so they do not compress trivially.
inline Board largeGermanEmpathyMap(int notes) {
  Board b = typicalGermanEmpathyMap();
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

}  // namespace mapathy::samples
