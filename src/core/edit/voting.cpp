// Mapathy core — dot voting (see voting.hpp).
#include "core/edit/voting.hpp"

#include <algorithm>
#include <tuple>

namespace mapathy {
namespace {

constexpr const char* kVotesPerPersonKey = "votesPerPerson";  // board extra: the dot-voting budget

// The one order of "most votes": more dots first. Stable sorts keep whatever order ties came in.
bool moreVotes(const Note& x, const Note& y) { return x.votes > y.votes; }

}  // namespace

// ---- ballots
int ballotSum(const Ballots& ballots) {
  long sum = 0;
  for (const auto& [voter, b] : ballots) sum += std::max(0, b.count);
  return static_cast<int>(std::min<long>(sum, 1000000));
}

void joinBallots(Ballots& into, const Ballots& from) {
  for (const auto& [voter, ballot] : from) {
    auto it = into.find(voter);
    if (it == into.end() || std::tie(it->second.clock, it->second.count) < std::tie(ballot.clock, ballot.count)) {
      into[voter] = ballot;
    }
  }
}

int unsignedVotes(const Note& note) { return std::max(0, note.votes - ballotSum(note.ballots)); }

int dotsOf(const Note& note, const std::string& voter) {
  auto it = note.ballots.find(voter);
  return it == note.ballots.end() ? 0 : std::max(0, it->second.count);
}

void setBallot(Note& note, const std::string& voter, int count, std::uint64_t clock) {
  const int own = unsignedVotes(note);
  // A withdrawn vote stays as a zero ballot: erasing it would let an older copy bring it back.
  note.ballots[voter] = Ballot{std::max(0, count), clock};
  note.votes = own + ballotSum(note.ballots);
}

// ---- the budget
int votesPerPerson(const Board& board) {
  if (!board.extra.is_object() || !board.extra.contains(kVotesPerPersonKey)) return 0;
  const Extra& v = board.extra[kVotesPerPersonKey];
  if (!v.is_number_integer()) return 0;
  return static_cast<int>(std::clamp<std::int64_t>(v.get<std::int64_t>(), 0, kMaxVotesPerPerson));
}

void setVotesPerPerson(Board& board, int votes) {
  const int clamped = std::clamp(votes, 0, kMaxVotesPerPerson);
  if (board.extra.is_object()) {
    board.extra.erase(kVotesPerPersonKey);
    if (board.extra.empty()) board.extra = nullptr;
  }
  if (clamped > 0) {
    if (!board.extra.is_object()) board.extra = Extra::object();
    board.extra[kVotesPerPersonKey] = clamped;
  }
  board.stamps[kInfoStamp] = ++board.clock;
}

int votesUsed(const Board& board, const std::string& voter) {
  int used = 0;
  for (const auto& n : board.notes) used += dotsOf(n, voter);
  return used;
}

int votesLeft(const Board& board, const std::string& voter) {
  const int budget = votesPerPerson(board);
  return budget == 0 ? 0 : std::max(0, budget - votesUsed(board, voter));
}

std::optional<int> ballotAfterVote(const Board& board, const std::string& noteId, const std::string& voter,
                                   int change) {
  const Note* note = findNote(board, noteId);
  if (note == nullptr || voter.empty() || change == 0) return std::nullopt;
  const int wanted = dotsOf(*note, voter) + change;
  if (wanted < 0) return std::nullopt;
  if (change > 0 && votesUsed(board, voter) + change > votesPerPerson(board)) return std::nullopt;
  return wanted;
}

bool placeVote(Board& board, const std::string& noteId, const std::string& voter, int change) {
  const std::optional<int> count = ballotAfterVote(board, noteId, voter, change);
  if (!count) return false;
  setBallot(*findNote(board, noteId), voter, *count, ++board.clock);
  return true;
}

// ---- results
std::vector<VoteTally> tallyVotes(const Board& board) {
  std::vector<const Note*> notes;
  for (const auto& n : board.notes) notes.push_back(&n);
  std::sort(notes.begin(), notes.end(), [](const Note* x, const Note* y) { return x->id < y->id; });
  std::stable_sort(notes.begin(), notes.end(), [](const Note* x, const Note* y) { return moreVotes(*x, *y); });
  std::vector<VoteTally> out;
  for (const Note* n : notes) {
    VoteTally t;
    t.noteId = n->id;
    t.votes = n->votes;
    for (const auto& [voter, ballot] : n->ballots) t.voters += ballot.count > 0 ? 1 : 0;
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<const Note*> notesByVotes(const Board& board) {
  std::vector<const Note*> out;
  for (const auto& t : tallyVotes(board)) out.push_back(findNote(board, t.noteId));
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> ordersByVotes(const Board& board) {
  // Group by place; inside a place, most votes first, ties in their current order.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<const Note*>> places;
  for (const Note& n : board.notes) places[{n.section, n.stage, n.lane}].push_back(&n);
  std::vector<std::pair<std::string, std::int64_t>> orders;
  for (auto& [key, notes] : places) {
    std::sort(notes.begin(), notes.end(),
              [](const Note* x, const Note* y) { return std::tie(x->order, x->id) < std::tie(y->order, y->id); });
    std::vector<const Note*> sorted = notes;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Note* x, const Note* y) { return moreVotes(*x, *y); });
    if (sorted == notes) continue;
    std::int64_t order = 1024;
    for (const Note* n : sorted) {
      if (n->order != order) orders.emplace_back(n->id, order);
      order += 1024;
    }
  }
  return orders;
}

}  // namespace mapathy
