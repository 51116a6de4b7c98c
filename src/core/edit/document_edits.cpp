// Mapathy core — the typed edits of the Document (see document.hpp). One-field edits are one line over
// the generic edit<T>() / editInfo() (document_history.hpp); edits that touch several entities at once
// (adding, deleting, moving, changing the language) drive a Recorder themselves. Either way every
// change is recorded and stamped by the Recorder, so each one is undoable and wins over older copies
// in a merge.
#include <algorithm>
#include <unordered_set>

#include "core/edit/document.hpp"
#include "core/edit/document_history.hpp"
#include "core/edit/voting.hpp"
#include "core/model/limits.hpp"
#include "core/model/templates.hpp"

namespace mapathy {

using history::clampText;
using history::Header;
using history::indexOf;
using history::Recorder;

namespace {

const Limits kLimits{};
constexpr std::int64_t kOrderGap = 1024;

bool placeExists(const Board& b, const Place& p) {
  if (b.kind == BoardKind::EmpathyMap) {
    return p.stage.empty() && p.lane.empty() && findSection(b, p.section) != nullptr;
  }
  return p.section.empty() && findStage(b, p.stage) != nullptr && findLane(b, p.lane) != nullptr;
}

// Order for a note entering `place` before `beforeId` (end when empty), ignoring `movingId`.
// Renumbers the place through the recorder when there is no room between two neighbours.
std::optional<std::int64_t> orderFor(Board& b, Recorder& rec, const Place& place, const std::string& beforeId,
                                     const std::string& movingId) {
  std::vector<std::string> ids;
  for (const Note* n : notesAt(b, place.section, place.stage, place.lane)) {
    if (n->id != movingId) ids.push_back(n->id);
  }
  auto orderOf = [&b](const std::string& id) { return findNote(b, id)->order; };
  constexpr std::int64_t kRoomy = std::int64_t{1} << 50;
  if (beforeId.empty()) {
    if (ids.empty()) return 0;
    std::int64_t last = orderOf(ids.back());
    if (last < kRoomy) return last + kOrderGap;
  }
  std::size_t pos = ids.size();
  if (!beforeId.empty()) {
    auto it = std::find(ids.begin(), ids.end(), beforeId);
    if (it == ids.end()) return std::nullopt;
    pos = static_cast<std::size_t>(it - ids.begin());
    std::int64_t next = orderOf(ids[pos]);
    std::int64_t prev = pos > 0 ? orderOf(ids[pos - 1]) : next - 2 * kOrderGap;
    if (next - prev >= 2 && next > -kRoomy) return prev + (next - prev) / 2;
  }
  // No room: renumber the place 0, gap, 2·gap, … and insert in the middle of the gap.
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::size_t index = *indexOf(b.notes, ids[i]);
    Note n = b.notes[index];
    n.order = static_cast<std::int64_t>(i) * kOrderGap;
    rec.replace(index, n);
  }
  return static_cast<std::int64_t>(pos) * kOrderGap - kOrderGap / 2;
}

// Deletes the notes matching `pred` (each leaves a tombstone) and unlinks them from actions, through
// the recorder.
template <class Pred>
void eraseNotesWhere(Board& b, Recorder& rec, Pred pred) {
  std::unordered_set<std::string> gone;
  for (std::size_t i = b.notes.size(); i-- > 0;) {
    if (pred(b.notes[i])) {
      gone.insert(b.notes[i].id);
      const Note note = b.notes[i];
      rec.erase<Note>(i);
      rec.tombstone(note.id, note.ballots);
    }
  }
  if (gone.empty()) return;
  for (std::size_t i = 0; i < b.actions.size(); ++i) {
    Action a = b.actions[i];
    auto end = std::remove_if(a.notes.begin(), a.notes.end(), [&](const std::string& id) { return gone.count(id); });
    if (end == a.notes.end()) continue;
    a.notes.erase(end, a.notes.end());
    rec.replace(i, a);
  }
}

// Tags without empties and duplicates; nullopt when one is too long or there are too many.
std::optional<std::vector<std::string>> cleanTags(const std::vector<std::string>& tags) {
  std::vector<std::string> clean;
  for (const auto& t : tags) {
    if (t.empty() || std::find(clean.begin(), clean.end(), t) != clean.end()) continue;
    if (t.size() > kLimits.maxTagBytes) return std::nullopt;
    clean.push_back(t);
  }
  if (clean.size() > kLimits.maxTags) return std::nullopt;
  return clean;
}

std::optional<int> clampScore(std::optional<int> s) {
  if (!s) return s;
  return std::clamp(*s, kScoreMin, kScoreMax);
}

// An emotion lane's score for one stage, changed by `change`; the entry goes when it is empty.
template <class ChangeFn>
bool changeEmotion(const Board& board, Lane& l, const std::string& stageId, ChangeFn change) {
  if (l.kind != LaneKind::Emotion || findStage(board, stageId) == nullptr) return false;
  EmotionScore e = l.emotions[stageId];
  change(e);
  if (e == EmotionScore{}) {
    l.emotions.erase(stageId);
  } else {
    l.emotions[stageId] = e;
  }
  return true;
}

// Step names, in the board's language.
constexpr StepName kEditTitle{"Edit title", "Titel bearbeiten"};
constexpr StepName kChangeLanguage{"Change language", "Sprache ändern"};
constexpr StepName kEditPersona{"Edit persona", "Persona bearbeiten"};
constexpr StepName kPersonaColour{"Persona colour", "Persona-Farbe"};
constexpr StepName kAddNote{"Add note", "Notiz hinzufügen"};
constexpr StepName kEditNote{"Edit note", "Notiz bearbeiten"};
constexpr StepName kNoteColour{"Note colour", "Notizfarbe"};
constexpr StepName kEditTags{"Edit tags", "Schlagwörter bearbeiten"};
constexpr StepName kMarkObserved{"Mark observed", "Als beobachtet markieren"};
constexpr StepName kMarkAssumed{"Mark assumed", "Als vermutet markieren"};
constexpr StepName kEditAuthor{"Edit author", "Autor bearbeiten"};
constexpr StepName kVote{"Vote", "Abstimmen"};
constexpr StepName kMoveNote{"Move note", "Notiz verschieben"};
constexpr StepName kDeleteNote{"Delete note", "Notiz löschen"};
constexpr StepName kSortNotes{"Sort notes", "Notizen sortieren"};
constexpr StepName kDotsPerPerson{"Dots per person", "Punkte pro Person"};
constexpr StepName kAddSection{"Add section", "Bereich hinzufügen"};
constexpr StepName kRenameSection{"Rename section", "Bereich umbenennen"};
constexpr StepName kEditHint{"Edit hint", "Hinweis bearbeiten"};
constexpr StepName kDeleteSection{"Delete section", "Bereich löschen"};
constexpr StepName kAddStage{"Add stage", "Phase hinzufügen"};
constexpr StepName kRenameStage{"Rename stage", "Phase umbenennen"};
constexpr StepName kEditStage{"Edit stage", "Phase bearbeiten"};
constexpr StepName kMoveStage{"Move stage", "Phase verschieben"};
constexpr StepName kDeleteStage{"Delete stage", "Phase löschen"};
constexpr StepName kAddLane{"Add lane", "Ebene hinzufügen"};
constexpr StepName kRenameLane{"Rename lane", "Ebene umbenennen"};
constexpr StepName kMoveLane{"Move lane", "Ebene verschieben"};
constexpr StepName kDeleteLane{"Delete lane", "Ebene löschen"};
constexpr StepName kShowToBe{"Show to-be curve", "Soll-Kurve zeigen"};
constexpr StepName kHideToBe{"Hide to-be curve", "Soll-Kurve ausblenden"};
constexpr StepName kSetEmotion{"Set emotion", "Emotion setzen"};
constexpr StepName kSetToBe{"Set to-be emotion", "Soll-Emotion setzen"};
constexpr StepName kEditReason{"Edit reason", "Begründung bearbeiten"};
constexpr StepName kSetGap{"Set expectation", "Erwartung setzen"};
constexpr StepName kAddAction{"Add action", "Maßnahme hinzufügen"};
constexpr StepName kEditAction{"Edit action", "Maßnahme bearbeiten"};
constexpr StepName kEditOwner{"Edit owner", "Verantwortlich bearbeiten"};
constexpr StepName kActionStatus{"Action status", "Maßnahmenstatus"};
constexpr StepName kLinkNotes{"Link notes", "Notizen verknüpfen"};
constexpr StepName kDeleteAction{"Delete action", "Maßnahme löschen"};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Board and persona
// ---------------------------------------------------------------------------------------------
bool Document::setTitle(const std::string& title, const std::string& coalesce) {
  return editInfo(kEditTitle, coalesce, [&](Header& h) { h.title = clampText(title); });
}

bool Document::setLang(Lang lang) {
  if (lang == board_.lang) return true;
  Recorder rec(board_, history::stepLabel(board_, kChangeLanguage));
  // Template texts the team left untouched follow the language; anything they edited stays.
  auto from = makeBoard(board_.kind, board_.templateId, board_.lang);
  auto to = makeBoard(board_.kind, board_.templateId, lang);
  Header h = history::headerOf(board_);
  h.lang = lang;
  if (from.ok() && to.ok()) {
    auto translate = [](std::string& text, const std::string& oldText, const std::string& newText) {
      if (text == oldText) text = newText;
    };
    for (std::size_t i = 0; i < board_.sections.size(); ++i) {
      Section s = board_.sections[i];
      const Section* a = findSection(*from, s.id);
      const Section* z = findSection(*to, s.id);
      if (a == nullptr || z == nullptr) continue;
      translate(s.title, a->title, z->title);
      translate(s.hint, a->hint, z->hint);
      rec.replace(i, s);
    }
    for (std::size_t i = 0; i < board_.stages.size(); ++i) {
      Stage s = board_.stages[i];
      const Stage* a = findStage(*from, s.id);
      const Stage* z = findStage(*to, s.id);
      if (a == nullptr || z == nullptr) continue;
      translate(s.name, a->name, z->name);
      translate(s.description, a->description, z->description);
      rec.replace(i, s);
    }
    for (std::size_t i = 0; i < board_.lanes.size(); ++i) {
      Lane l = board_.lanes[i];
      const Lane* a = findLane(*from, l.id);
      const Lane* z = findLane(*to, l.id);
      if (a == nullptr || z == nullptr) continue;
      translate(l.name, a->name, z->name);
      rec.replace(i, l);
    }
    h.stamps = board_.stamps;  // the stamps the replacements just made
    translate(h.title, from->title, to->title);
  }
  rec.header(h);
  commit(rec.take());
  return true;
}

bool Document::setPersonaField(const std::string& field, const std::string& value) {
  std::string Persona::*target = nullptr;
  if (field == "name")
    target = &Persona::name;
  else if (field == "role")
    target = &Persona::role;
  else if (field == "goal")
    target = &Persona::goal;
  else if (field == "quote")
    target = &Persona::quote;
  else if (field == "bio")
    target = &Persona::bio;
  else if (field == "initials")
    target = &Persona::initials;
  else if (field == "success")
    target = &Persona::success;
  if (target == nullptr) return false;
  return editInfo(kEditPersona, "persona:" + field, [&](Header& h) { h.persona.*target = clampText(value); });
}

bool Document::setPersonaColour(int colour) {
  if (colour < 0 || colour >= kPaletteSize) return false;
  return editInfo(kPersonaColour, "", [&](Header& h) { h.persona.colour = colour; });
}

bool Document::setVotesPerPerson(int votes) {
  if (mapathy::votesPerPerson(board_) == std::clamp(votes, 0, kMaxVotesPerPerson)) return false;
  return editInfo(kDotsPerPerson, "", [&](Header& h) {
    // The budget is kept in the board's extra (core/edit/voting.hpp); the info stamp comes with the step.
    Board scratch;
    scratch.extra = h.extra;
    mapathy::setVotesPerPerson(scratch, votes);
    h.extra = std::move(scratch.extra);
  });
}

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------
std::string Document::addNote(const Place& place, const std::string& text, int colour, const std::string& beforeId,
                              const std::vector<std::string>& tags) {
  if (!placeExists(board_, place) || board_.notes.size() >= kLimits.maxNotes) return "";
  if (colour >= kPaletteSize) return "";
  const auto cleanedTags = cleanTags(tags);
  if (!cleanedTags) return "";
  Recorder rec(board_, history::stepLabel(board_, kAddNote));
  auto order = orderFor(board_, rec, place, beforeId, "");
  if (!order) return "";
  Note n;
  n.id = newId();
  n.text = clampText(text);
  if (colour >= 0) {
    n.colour = colour;
  } else if (const Section* s = findSection(board_, place.section)) {
    n.colour = s->colour;
  } else {
    n.colour = static_cast<int>(*indexOf(board_.lanes, place.lane) % static_cast<std::size_t>(kPaletteSize));
  }
  n.section = place.section;
  n.stage = place.stage;
  n.lane = place.lane;
  n.order = *order;
  n.tags = *cleanedTags;
  std::string id = n.id;
  rec.insert(board_.notes.size(), std::move(n));
  commit(rec.take());
  return id;
}

bool Document::setNoteText(const std::string& id, const std::string& text) {
  return edit<Note>(id, kEditNote, "note-text:" + id, [&](Note& n) { n.text = clampText(text); });
}

bool Document::setNoteColour(const std::string& id, int colour) {
  if (colour < 0 || colour >= kPaletteSize) return false;
  return edit<Note>(id, kNoteColour, "", [&](Note& n) { n.colour = colour; });
}

bool Document::setNoteTags(const std::string& id, const std::vector<std::string>& tags) {
  const auto cleaned = cleanTags(tags);
  if (!cleaned) return false;
  return edit<Note>(id, kEditTags, "", [&](Note& n) { n.tags = *cleaned; });
}

bool Document::setNoteEvidence(const std::string& id, Evidence e) {
  return edit<Note>(id, e == Evidence::Observed ? kMarkObserved : kMarkAssumed, "", [&](Note& n) { n.evidence = e; });
}

bool Document::setNoteAuthor(const std::string& id, const std::string& author) {
  return edit<Note>(id, kEditAuthor, "note-author:" + id, [&](Note& n) { n.author = clampText(author); });
}

bool Document::setNoteVotes(const std::string& id, int votes) {
  if (votes < 0) return false;
  return edit<Note>(id, kVote, "", [&](Note& n) { n.votes = votes; });
}

bool Document::moveNote(const std::string& id, const Place& place, const std::string& beforeId) {
  auto index = indexOf(board_.notes, id);
  if (!index || !placeExists(board_, place) || beforeId == id) return false;
  Recorder rec(board_, history::stepLabel(board_, kMoveNote));
  auto order = orderFor(board_, rec, place, beforeId, id);
  if (!order) return false;
  Note n = board_.notes[*index];  // after a renumber: the moving note was not touched by it
  n.section = place.section;
  n.stage = place.stage;
  n.lane = place.lane;
  n.order = *order;
  rec.replace(*index, std::move(n));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::deleteNote(const std::string& id) {
  if (!indexOf(board_.notes, id)) return false;
  Recorder rec(board_, history::stepLabel(board_, kDeleteNote));
  eraseNotesWhere(board_, rec, [&](const Note& n) { return n.id == id; });
  commit(rec.take());
  return true;
}

bool Document::setNoteOrders(const std::vector<std::pair<std::string, std::int64_t>>& orders,
                             const std::string& stepLabel) {
  for (const auto& [id, order] : orders) {
    if (!indexOf(board_.notes, id)) return false;
  }
  Recorder rec(board_, stepLabel.empty() ? history::stepLabel(board_, kSortNotes) : stepLabel);
  for (const auto& [id, order] : orders) {
    const std::size_t index = *indexOf(board_.notes, id);
    if (board_.notes[index].order == order) continue;
    Note n = board_.notes[index];
    n.order = order;  // a move is an edit of the note: it takes the step's clock and travels in merges
    rec.replace(index, std::move(n));
  }
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::placeVote(const std::string& noteId, const std::string& voter, int change) {
  const std::optional<int> count = ballotAfterVote(board_, noteId, voter, change);
  if (!count) return false;
  const std::size_t index = *indexOf(board_.notes, noteId);
  Recorder rec(board_, history::stepLabel(board_, kVote));
  Note n = board_.notes[index];
  setBallot(n, voter, *count, rec.stamp());
  rec.replaceKeepingClock(index, std::move(n));
  if (rec.empty()) return false;
  commit(rec.take());
  return true;
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------
std::string Document::addSection(const std::string& title, const std::string& hint) {
  if (board_.kind != BoardKind::EmpathyMap || board_.sections.size() >= kLimits.maxSections) return "";
  // A new section goes in a full-width row below everything else on the canvas.
  float width = board_.personaRect.x + board_.personaRect.w;
  float bottom = board_.personaRect.y + board_.personaRect.h;
  for (const auto& s : board_.sections) {
    width = std::max(width, s.rect.x + s.rect.w);
    bottom = std::max(bottom, s.rect.y + s.rect.h);
  }
  Section s;
  s.id = newId();
  s.title = clampText(title);
  s.hint = clampText(hint);
  s.colour = static_cast<int>(board_.sections.size() % static_cast<std::size_t>(kPaletteSize));
  s.rect = Rect{0, bottom, width, 1};
  std::string id = s.id;
  Recorder rec(board_, history::stepLabel(board_, kAddSection));
  rec.insert(board_.sections.size(), std::move(s));
  commit(rec.take());
  return id;
}

bool Document::renameSection(const std::string& id, const std::string& title) {
  return edit<Section>(id, kRenameSection, "section-title:" + id, [&](Section& s) { s.title = clampText(title); });
}

bool Document::setSectionHint(const std::string& id, const std::string& hint) {
  return edit<Section>(id, kEditHint, "section-hint:" + id, [&](Section& s) { s.hint = clampText(hint); });
}

bool Document::deleteSection(const std::string& id) {
  auto index = indexOf(board_.sections, id);
  if (!index) return false;
  Recorder rec(board_, history::stepLabel(board_, kDeleteSection));
  eraseNotesWhere(board_, rec, [&](const Note& n) { return n.section == id; });
  rec.erase<Section>(*index);
  rec.tombstone(id);
  commit(rec.take());
  return true;
}

// ---------------------------------------------------------------------------------------------
// Stages and lanes
// ---------------------------------------------------------------------------------------------
std::string Document::addStage(const std::string& name, int index) {
  if (board_.kind != BoardKind::Journey || board_.stages.size() >= kLimits.maxStages) return "";
  std::size_t at = index < 0 ? board_.stages.size() : std::min(static_cast<std::size_t>(index), board_.stages.size());
  Stage s;
  s.id = newId();
  s.name = clampText(name);
  std::string id = s.id;
  Recorder rec(board_, history::stepLabel(board_, kAddStage));
  rec.insert(at, std::move(s));
  commit(rec.take());
  return id;
}

bool Document::renameStage(const std::string& id, const std::string& name) {
  return edit<Stage>(id, kRenameStage, "stage-name:" + id, [&](Stage& s) { s.name = clampText(name); });
}

bool Document::setStageDescription(const std::string& id, const std::string& description) {
  return edit<Stage>(id, kEditStage, "stage-description:" + id,
                     [&](Stage& s) { s.description = clampText(description); });
}

bool Document::moveStage(const std::string& id, int newIndex) {
  auto index = indexOf(board_.stages, id);
  if (!index || newIndex < 0 || static_cast<std::size_t>(newIndex) >= board_.stages.size()) return false;
  Recorder rec(board_, history::stepLabel(board_, kMoveStage));
  rec.move<Stage>(*index, static_cast<std::size_t>(newIndex));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::deleteStage(const std::string& id) {
  auto index = indexOf(board_.stages, id);
  if (!index) return false;
  Recorder rec(board_, history::stepLabel(board_, kDeleteStage));
  eraseNotesWhere(board_, rec, [&](const Note& n) { return n.stage == id; });
  for (std::size_t i = 0; i < board_.lanes.size(); ++i) {
    Lane l = board_.lanes[i];
    if (l.emotions.erase(id) + l.gaps.erase(id) > 0) rec.replace(i, std::move(l));
  }
  rec.erase<Stage>(*index);
  rec.tombstone(id);
  commit(rec.take());
  return true;
}

std::string Document::addLane(const std::string& name, LaneKind kind, const std::string& role, int index) {
  if (board_.kind != BoardKind::Journey || board_.lanes.size() >= kLimits.maxLanes) return "";
  std::size_t at = index < 0 ? board_.lanes.size() : std::min(static_cast<std::size_t>(index), board_.lanes.size());
  Lane l;
  l.id = newId();
  l.name = clampText(name);
  l.kind = kind;
  l.role = clampText(role, kLimits.maxTagBytes);
  std::string id = l.id;
  Recorder rec(board_, history::stepLabel(board_, kAddLane));
  rec.insert(at, std::move(l));
  commit(rec.take());
  return id;
}

bool Document::renameLane(const std::string& id, const std::string& name) {
  return edit<Lane>(id, kRenameLane, "lane-name:" + id, [&](Lane& l) { l.name = clampText(name); });
}

bool Document::moveLane(const std::string& id, int newIndex) {
  auto index = indexOf(board_.lanes, id);
  if (!index || newIndex < 0 || static_cast<std::size_t>(newIndex) >= board_.lanes.size()) return false;
  Recorder rec(board_, history::stepLabel(board_, kMoveLane));
  rec.move<Lane>(*index, static_cast<std::size_t>(newIndex));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::deleteLane(const std::string& id) {
  auto index = indexOf(board_.lanes, id);
  if (!index) return false;
  Recorder rec(board_, history::stepLabel(board_, kDeleteLane));
  eraseNotesWhere(board_, rec, [&](const Note& n) { return n.lane == id; });
  rec.erase<Lane>(*index);
  rec.tombstone(id);
  commit(rec.take());
  return true;
}

bool Document::setShowToBe(const std::string& laneId, bool show) {
  return edit<Lane>(laneId, show ? kShowToBe : kHideToBe, "", [&](Lane& l) {
    if (l.kind != LaneKind::Emotion) return false;
    l.showToBe = show;
    return true;
  });
}

bool Document::setEmotion(const std::string& laneId, const std::string& stageId, std::optional<int> asIs,
                          const std::string& coalesce) {
  return edit<Lane>(laneId, kSetEmotion, coalesce, [&](Lane& l) {
    return changeEmotion(board_, l, stageId, [&](EmotionScore& e) { e.asIs = clampScore(asIs); });
  });
}

bool Document::setEmotionToBe(const std::string& laneId, const std::string& stageId, std::optional<int> toBe,
                              const std::string& coalesce) {
  return edit<Lane>(laneId, kSetToBe, coalesce, [&](Lane& l) {
    return changeEmotion(board_, l, stageId, [&](EmotionScore& e) { e.toBe = clampScore(toBe); });
  });
}

bool Document::setEmotionReason(const std::string& laneId, const std::string& stageId, const std::string& reason) {
  return edit<Lane>(laneId, kEditReason, "reason:" + laneId + ":" + stageId, [&](Lane& l) {
    return changeEmotion(board_, l, stageId, [&](EmotionScore& e) { e.reason = clampText(reason); });
  });
}

bool Document::setGap(const std::string& laneId, const std::string& stageId, std::optional<int> expectation,
                      std::optional<int> experience, const std::string& coalesce) {
  return edit<Lane>(laneId, kSetGap, coalesce, [&](Lane& l) {
    if (l.kind != LaneKind::Expectation || findStage(board_, stageId) == nullptr) return false;
    const GapScore g{clampScore(expectation), clampScore(experience)};
    if (g == GapScore{}) {
      l.gaps.erase(stageId);
    } else {
      l.gaps[stageId] = g;
    }
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------
std::string Document::addAction(const std::string& text, const std::vector<std::string>& noteIds) {
  if (board_.actions.size() >= kLimits.maxActions) return "";
  for (const auto& id : noteIds) {
    if (findNote(board_, id) == nullptr) return "";
  }
  Action a;
  a.id = newId();
  a.text = clampText(text);
  for (const auto& id : noteIds) {
    if (std::find(a.notes.begin(), a.notes.end(), id) == a.notes.end()) a.notes.push_back(id);
  }
  std::string id = a.id;
  Recorder rec(board_, history::stepLabel(board_, kAddAction));
  rec.insert(board_.actions.size(), std::move(a));
  commit(rec.take());
  return id;
}

bool Document::setActionText(const std::string& id, const std::string& text) {
  return edit<Action>(id, kEditAction, "action-text:" + id, [&](Action& a) { a.text = clampText(text); });
}

bool Document::setActionOwner(const std::string& id, const std::string& owner) {
  return edit<Action>(id, kEditOwner, "action-owner:" + id, [&](Action& a) { a.owner = clampText(owner); });
}

bool Document::setActionStatus(const std::string& id, ActionStatus status) {
  return edit<Action>(id, kActionStatus, "", [&](Action& a) { a.status = status; });
}

bool Document::setActionNotes(const std::string& id, const std::vector<std::string>& noteIds) {
  for (const auto& n : noteIds) {
    if (findNote(board_, n) == nullptr) return false;
  }
  return edit<Action>(id, kLinkNotes, "", [&](Action& a) {
    a.notes.clear();
    for (const auto& n : noteIds) {
      if (std::find(a.notes.begin(), a.notes.end(), n) == a.notes.end()) a.notes.push_back(n);
    }
  });
}

bool Document::deleteAction(const std::string& id) {
  auto index = indexOf(board_.actions, id);
  if (!index) return false;
  Recorder rec(board_, history::stepLabel(board_, kDeleteAction));
  rec.erase<Action>(*index);
  rec.tombstone(id);
  commit(rec.take());
  return true;
}

}  // namespace mapathy
