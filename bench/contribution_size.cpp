// The length of a participant's "Send back" link (a contribution: core/edit/merge.hpp makeDelta, encoded by
// core/codec/share_link.hpp), for German notes of realistic length on the German templates, with and
// without dots. The target: one note and five notes each at most 400 characters, so a contribution fits a
// chat message and a QR code a laptop camera reads across a table. Prints a Markdown table:
//
//   mapathy_contribution_size [PAGE_ADDRESS]     (default https://example-team.github.io/mapathy/)
//   mapathy_contribution_size --json             the largest contribution as JSON (what the link carries)
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/codec/share_link.hpp"
#include "core/edit/document.hpp"
#include "core/edit/merge.hpp"
#include "core/io/format.hpp"
#include "core/model/templates.hpp"

namespace {

using namespace mapathy;

// What participants write on a sticky note in a customer-service workshop: 45–80 characters each.
const std::vector<std::string> kNotes = {
    "Ruft lieber an, als sich durch das Kundenportal zu klicken",
    "Ärgert sich, dass Rückfragen dreimal gestellt werden müssen",
    "Versteht die Begriffe im Tarifschreiben nicht – „zu viel Fachchinesisch“",
    "Wartet seit zwei Wochen auf eine Antwort und fühlt sich vergessen",
    "Möchte den Bearbeitungsstand selbst sehen, ohne nachzufragen",
};

struct Row {
  std::string name;
  int notes = 0;
  int dots = 0;
  std::size_t textChars = 0;
  std::size_t linkChars = 0;
  std::string json;
};

Row measure(const std::string& name, BoardKind kind, const std::string& templ, int notes, int dots,
            const std::string& page) {
  Board room = makeBoard(kind, templ, Lang::De).value();
  room.id = "r7k2m9q4x1";  // a board id as ids::newBoardId makes them
  room.createdAt = 1'796'000'000'000;  // the session stamps these when the board opens
  room.modifiedAt = 1'796'000'360'000;
  Document facilitator(room);
  facilitator.setSite("f3k9");
  facilitator.setVotesPerPerson(3);
  const std::string theirs =
      facilitator.addNote(kind == BoardKind::EmpathyMap ? Place{room.sections.front().id, "", ""}
                                                        : Place{"", room.stages.front().id, room.lanes.front().id},
                          "Wartezeit am Telefon ist zu lang");
  const Board base = facilitator.board();

  Document participant(base);
  participant.setSite("p8w2");
  std::int64_t now = 1'796'000'900'000;
  participant.setClock([&now] { return now += 20'000; });
  Row row{name, notes, dots, 0, 0, ""};
  std::vector<std::string> mine;
  for (int i = 0; i < notes; ++i) {
    const std::string& text = kNotes[static_cast<std::size_t>(i) % kNotes.size()];
    const Place place =
        kind == BoardKind::EmpathyMap
            ? Place{base.sections[static_cast<std::size_t>(i) % base.sections.size()].id, "", ""}
            : Place{"", base.stages[static_cast<std::size_t>(i) % base.stages.size()].id, base.lanes.front().id};
    mine.push_back(participant.addNote(place, text));
    row.textChars += text.size();
  }
  const std::string voter = "v5t8n2q1";
  for (int i = 0; i < dots; ++i)
    participant.placeVote(i == 0 ? theirs : mine[static_cast<std::size_t>(i - 1)], voter, 1);
  const Board delta = makeDelta(base, participant.board(), voter);
  row.linkChars = encodeLink(delta, page).size();
  row.json = saveJson(delta);
  return row;
}

}  // namespace

int main(int argc, char** argv) {
  const bool json = argc > 1 && std::string(argv[1]) == "--json";
  const std::string page = argc > 1 && !json ? argv[1] : "https://example-team.github.io/mapathy/";
  std::vector<Row> rows = {
      measure("empathy map (classic, de)", BoardKind::EmpathyMap, "classic", 1, 0, page),
      measure("empathy map (classic, de)", BoardKind::EmpathyMap, "classic", 1, 1, page),
      measure("empathy map (classic, de)", BoardKind::EmpathyMap, "classic", 5, 0, page),
      measure("empathy map (classic, de)", BoardKind::EmpathyMap, "classic", 5, 3, page),
      measure("journey (lifecycle, de)", BoardKind::Journey, "lifecycle", 1, 0, page),
      measure("journey (lifecycle, de)", BoardKind::Journey, "lifecycle", 5, 3, page),
  };
  if (json) {
    std::printf("%s\n", rows.back().json.c_str());
    return 0;
  }
  std::printf("Contribution (\"Send back\") links, page address %s (%zu characters)\n\n", page.c_str(), page.size());
  std::printf("| board | notes | dots | note text (bytes) | link (characters) | within 400 |\n");
  std::printf("|---|---:|---:|---:|---:|---|\n");
  bool ok = true;
  for (const Row& r : rows) {
    std::printf("| %s | %d | %d | %zu | %zu | %s |\n", r.name.c_str(), r.notes, r.dots, r.textChars, r.linkChars,
                r.linkChars <= 400 ? "yes" : "NO");
    ok = ok && r.linkChars <= 400;
  }
  return ok ? 0 : 1;
}
