// Mapathy UI — workshop logic (see workshop.hpp).
#include "ui/workshop.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/base/text.hpp"
#include "core/codec/share_link.hpp"
#include "ui/i18n.hpp"
#include "ui/i18n_errors.hpp"

namespace mapathy::ui {

namespace {

// Whether `error` or one of its causes is the refusal `code`.
bool hasCode(const Error& error, std::string_view code) {
  for (const Error* e = &error; e != nullptr; e = e->cause.get())
    if (e->code == code) return true;
  return false;
}

bool sameContent(const Note& a, const Note& b) {
  return a.text == b.text && a.colour == b.colour && a.tags == b.tags && a.evidence == b.evidence &&
         a.author == b.author && a.section == b.section && a.stage == b.stage && a.lane == b.lane;
}

std::string stepLabel(const Board& b, const char* en, const char* de) { return b.lang == Lang::De ? de : en; }

// Whether a merge brought anything: a contribution made later than the board was last changed moves only
// its modifiedAt, which is nothing new to the people in the room (no undo step, "already merged").
bool bringsNothing(const Board& merged, const Board& before) {
  if (merged == before) return true;
  Board same = merged;
  same.modifiedAt = before.modifiedAt;
  return same == before;
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Merge
// ------------------------------------------------------------------------------------------------
std::vector<std::string> splitLinks(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Result<Board> readMergeLink(const Board& open, const std::string& link, LinkIssue& issue,
                            const BoardTitleLookup& titleOf) {
  Result<Board> incoming = decodeLink(link);
  if (!incoming) {
    // What kind of failure, from the link's shape (the core's message stays as the detail).
    const bool hasHash = link.find('#') != std::string::npos;
    const std::string_view fragment = linkFragment(link);
    issue.detail = describe(incoming.error(), uiLang());
    issue.problem = LinkProblem::NotMapathy;
    if (!fragment.empty() && (hasHash || fragment.find("://") == std::string_view::npos)) {
      const char version = fragment.front();
      if (version == kLinkFormatCompact1 || version == kLinkFormatFast || version == kLinkFormatCompact ||
          fragment.substr(0, 5) == "json=") {
        issue.problem = hasCode(incoming.error(), "link.newer") || hasCode(incoming.error(), "json.newer")
                            ? LinkProblem::Newer
                            : LinkProblem::Damaged;
      } else if (version > kLinkVersion && version <= '9') {
        issue.problem = LinkProblem::Newer;
      }
    }
    return incoming.error();
  }
  if (incoming->kind != open.kind) {
    issue = LinkIssue{LinkProblem::OtherKind, "", ""};
    return Error{"other kind"};
  }
  if (incoming->isDelta && incoming->id != open.id) {
    std::string name = incoming->title;
    if (name.empty() && titleOf) name = titleOf(incoming->id);
    issue = LinkIssue{LinkProblem::OtherBoard, name, incoming->id};
    return Error{"other board"};
  }
  return incoming;
}

MergeOutcome mergeLinks(Document& doc, const std::string& text, const BoardTitleLookup& titleOf) {
  MergeOutcome out;
  const Board before = doc.board();
  Board result = before;
  std::set<std::string> conflictIds;
  for (const std::string& link : splitLinks(text)) {
    LinkIssue issue;
    Result<Board> incoming = readMergeLink(before, link, issue, titleOf);
    if (!incoming) {
      out.errors.push_back(std::move(issue));
      continue;
    }
    Result<MergeResult> merged = merge(result, *incoming);
    if (!merged) {
      out.errors.push_back(LinkIssue{LinkProblem::OtherKind, describe(merged.error(), uiLang()), ""});
      continue;
    }
    result = std::move(merged->board);
    ++out.linksMerged;
    for (Conflict& c : merged->conflicts) {
      if (conflictIds.insert(c.id).second) out.conflicts.push_back(std::move(c));
    }
  }
  if (out.linksMerged == 0) return out;
  // The summary compares the board before with the result, so a note that one link added and the
  // next one edited counts once, as new.
  for (const Note& n : result.notes) {
    const Note* old = findNote(before, n.id);
    if (old == nullptr) {
      out.addedNotes.push_back(n.id);
    } else {
      if (!sameContent(*old, n)) out.editedNotes.push_back(n.id);
      out.votesAdded += n.votes - old->votes;
    }
  }
  for (const Note& n : before.notes) {
    if (findNote(result, n.id) == nullptr) out.deletedNotes.push_back(n.id);
  }
  if (!bringsNothing(result, before)) {
    // The facilitator's own view of the board stays: a merge never changes the open board's id.
    doc.replaceBoard(std::move(result), false, stepLabel(before, "Merge links", "Links zusammenführen"));
    out.changed = true;
  }
  return out;
}

ScanOutcome mergeScanned(Document& doc, const std::string& code, const BoardTitleLookup& titleOf) {
  ScanOutcome out;
  Result<Board> incoming = readMergeLink(doc.board(), code, out.issue, titleOf);
  if (!incoming) return out;
  const Board before = doc.board();
  Result<MergeResult> merged = merge(before, *incoming);
  if (!merged) {
    out.issue = LinkIssue{LinkProblem::OtherKind, describe(merged.error(), uiLang()), ""};
    return out;
  }
  if (bringsNothing(merged->board, before)) {
    out.kind = ScanOutcome::Kind::AlreadyMerged;
    return out;
  }
  for (const Note& n : merged->board.notes) {
    if (findNote(before, n.id) == nullptr) out.addedNotes.push_back(n.id);
  }
  out.notesAdded = static_cast<int>(out.addedNotes.size());
  doc.replaceBoard(std::move(merged->board), false,
                   stepLabel(before, "Merge scanned code", "Gescannten Code zusammenführen"));
  out.kind = ScanOutcome::Kind::Merged;
  return out;
}

// ------------------------------------------------------------------------------------------------
// Contributions
// ------------------------------------------------------------------------------------------------
bool hasContribution(const Board& base, const Board& current, const std::string& voter) {
  (void)voter;
  if (base.kind != current.kind) return false;
  if (base.notes.size() != current.notes.size() || base.actions.size() != current.actions.size()) return true;
  for (const Note& n : current.notes) {
    const Note* old = findNote(base, n.id);
    if (old == nullptr || !sameContent(*old, n) || old->votes != n.votes || old->ballots != n.ballots) return true;
  }
  for (const Action& a : current.actions) {
    const Action* old = findAction(base, a.id);
    if (old == nullptr || !(*old == a)) return true;
  }
  return false;
}

// ------------------------------------------------------------------------------------------------
// Dot voting
// ------------------------------------------------------------------------------------------------
bool setDotsPerPerson(Document& doc, int dots) { return doc.setVotesPerPerson(dots); }

int dotsOn(const Note& note, const std::string& voter) { return dotsOf(note, voter); }

bool placeDot(Document& doc, const std::string& noteId, const std::string& voter, int change) {
  // One small step: the note's ballot for this voter, with its own clock (the note's text clock
  // stays, so a dot never wins over an edit of the note made elsewhere).
  return doc.placeVote(noteId, voter, change);
}

bool sortNotesByVotes(Document& doc) {
  const std::vector<std::pair<std::string, std::int64_t>> orders = ordersByVotes(doc.board());
  if (orders.empty()) return false;
  // One step with a delta per moved note (never a copy of the board).
  return doc.setNoteOrders(orders, stepLabel(doc.board(), "Sort by votes", "Nach Stimmen sortieren"));
}

// ------------------------------------------------------------------------------------------------
// Facilitation
// ------------------------------------------------------------------------------------------------
const std::vector<Prompt>& workshopPrompts() {
  static const std::vector<Prompt> kPrompts = {
      {"Who would our customers like to be, and how does the product help them get there?",
       "Wer möchten unsere Kundinnen und Kunden gern sein, und wie hilft ihnen das Produkt, dorthin zu kommen?"},
      {"Which three words would customers use to describe us?",
       "Mit welchen drei Wörtern würden Kunden uns beschreiben?"},
      {"What do they hate about us?", "Was hassen sie an uns?"},
      {"Have we lived through their journey ourselves, on hold and all?",
       "Haben wir ihre Reise selbst durchlebt, samt Warteschleife?"},
      {"What did a customer tell us last week, word for word?",
       "Was hat uns eine Kundin letzte Woche wörtlich gesagt?"},
      {"Where do they give up, and what do they do instead?", "Wo geben sie auf, und was tun sie stattdessen?"},
      {"What would they tell a friend about us?", "Was würden sie einer Freundin über uns erzählen?"},
      {"What do we only assume about them, and how could we find out?",
       "Was vermuten wir nur über sie, und wie könnten wir es herausfinden?"},
  };
  return kPrompts;
}

std::string insertPrompt(Document& doc, const Place& place, const std::string& text) {
  const Board& b = doc.board();
  const auto here = notesAt(b, place.section, place.stage, place.lane);
  const std::string before = here.empty() ? std::string() : here.front()->id;
  return doc.addNote(place, text, -1, before, {"prompt"});  // one undo step, tagged in it
}

std::vector<NamedPlace> promptPlaces(const Board& board) {
  std::vector<NamedPlace> out;
  if (board.kind == BoardKind::EmpathyMap) {
    for (const Section& s : board.sections) out.push_back({Place{s.id, "", ""}, s.title});
    return out;
  }
  for (const Lane& l : board.lanes) {
    if (l.kind != LaneKind::Text) continue;
    for (const Stage& s : board.stages) out.push_back({Place{"", s.id, l.id}, s.name + " · " + l.name});
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Timer
// ------------------------------------------------------------------------------------------------
void WorkshopTimer::setMinutes(int minutes) {
  if (running_) return;
  minutes_ = std::clamp(minutes, 1, 120);
  remainingMs_ = fullMs();
}

void WorkshopTimer::start(std::int64_t nowMs) {
  if (running_) return;
  if (remainingMs_ <= 0) remainingMs_ = fullMs();
  endMs_ = nowMs + remainingMs_;
  running_ = true;
}

void WorkshopTimer::pause(std::int64_t nowMs) {
  if (!running_) return;
  remainingMs_ = remainingMs(nowMs);
  running_ = false;
}

void WorkshopTimer::reset() {
  running_ = false;
  remainingMs_ = fullMs();
}

std::int64_t WorkshopTimer::remainingMs(std::int64_t nowMs) const {
  return running_ ? std::max<std::int64_t>(0, endMs_ - nowMs) : std::max<std::int64_t>(0, remainingMs_);
}

std::int64_t WorkshopTimer::nextChangeMs(std::int64_t nowMs) const {
  if (!running_) return -1;
  const std::int64_t left = remainingMs(nowMs);
  if (left <= 0) return -1;
  // The display shows whole seconds rounded up: it changes when `left` crosses a multiple of 1000.
  const std::int64_t step = left % 1000 == 0 ? 1000 : left % 1000;
  return nowMs + step;
}

std::string WorkshopTimer::display(std::int64_t nowMs) const {
  const std::int64_t seconds = (remainingMs(nowMs) + 999) / 1000;
  return text::format("%d:%02d", static_cast<int>(seconds / 60), static_cast<int>(seconds % 60));
}

}  // namespace mapathy::ui
