// Mapathy core — dot voting: ballots of anonymous voters, the budget, the tally and "sort by votes".
//
// The facilitator sets a number of dots per person (kept in the board's info, so it travels in links
// and merges like the title); each participant places dots as ballots under their anonymous voter id
// (a device's random id, never a name); the tally shows only totals and how many people voted, never
// who. Note::votes stays the total the UI shows: dots nobody signed for (placed directly, e.g. by the
// facilitator) plus the sum of the ballots.
//
// Every rule about votes lives here once: the editor (Document::placeVote), the merge
// (core/edit/merge.hpp) and the workshop panel call these functions.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model/model.hpp"

namespace mapathy {

inline constexpr int kMaxVotesPerPerson = 100;

// ---- ballots
using Ballots = std::map<std::string, Ballot>;
// Σ of the ballots' dots (a negative count counts as 0).
int ballotSum(const Ballots& ballots);
// Each voter's latest report wins (later clock; equal clocks: the higher count). A withdrawn vote is a
// zero ballot that stays, so an older copy cannot bring the dots back.
void joinBallots(Ballots& into, const Ballots& from);
// The unsigned part of a note's votes: votes − Σ ballots, never below zero.
int unsignedVotes(const Note& note);
// The voter's dots on one note.
int dotsOf(const Note& note, const std::string& voter);
// Sets `voter`'s ballot on a note to `count` at `clock` and keeps `votes` = unsigned + Σ ballots.
void setBallot(Note& note, const std::string& voter, int count, std::uint64_t clock);

// ---- the budget
// Dots per person (0: no voting set up).
int votesPerPerson(const Board& board);
// Sets the budget in the board's info and stamps the info with a new board clock.
void setVotesPerPerson(Board& board, int votes);
int votesUsed(const Board& board, const std::string& voter);  // Σ of the voter's ballots
int votesLeft(const Board& board, const std::string& voter);  // budget − used, never below zero
// The rule for one vote: the voter's new count on the note after adding `change` dots (negative: taking
// them back), or nothing when it is not allowed — an unknown note, an empty voter, no change, a count
// below zero, or more dots than the budget leaves.
std::optional<int> ballotAfterVote(const Board& board, const std::string& noteId, const std::string& voter, int change);
// Applies that rule to a plain board with a new board clock (Document::placeVote does the same as an
// undo step). False, and nothing changes, when the rule says no.
bool placeVote(Board& board, const std::string& noteId, const std::string& voter, int change);

// ---- results
// Anonymous tally: every note with its total and the number of people who voted on it, most votes
// first (ties by note id).
struct VoteTally {
  std::string noteId;
  int votes = 0;
  int voters = 0;
  bool operator==(const VoteTally&) const = default;
};
std::vector<VoteTally> tallyVotes(const Board& board);
// The board's notes in the same order.
std::vector<const Note*> notesByVotes(const Board& board);
// "Sort by votes": new `order` values that put the notes of every place most votes first (ties keep
// their order), only for the notes whose order changes. Empty when everything is in place already.
std::vector<std::pair<std::string, std::int64_t>> ordersByVotes(const Board& board);

}  // namespace mapathy
