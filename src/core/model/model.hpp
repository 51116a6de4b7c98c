// Mapathy core — the board model.
//
// [SECTION] Result: errors as values
// [SECTION] Enums (kind, language, lane kinds, evidence, action status)
// [SECTION] Persona, Note, Action
// [SECTION] Empathy map: Section
// [SECTION] Journey board: Stage, Lane, scores
// [SECTION] Board
//
// Plain data. No ImGui, no Emscripten, no I/O. Every object that comes from a file keeps the JSON
// fields it did not understand in `extra`, so a newer app's data survives a round trip through an
// older one (forward compatibility).
//
// Notes are stored flat on the board (not inside their section) and point at where they sit:
// `section` on an empathy map, `stage` + `lane` on a journey board. Their order inside one place is
// `order` (ascending; ties broken by id). A flat list keeps IDs stable, makes moves a one-field edit
// and lets merging (later) work note by note.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace mapathy {

// ---------------------------------------------------------------------------------------------
// [SECTION] Result: errors as values. Nothing in the core throws across its API.
// ---------------------------------------------------------------------------------------------
// A refusal is a code and its parameters, never a sentence: the UI words it in the reader's language
// and the CLI in English (ui/i18n_errors.hpp holds every wording). Codes are stable keys such as
// "link.incomplete"; parameters fill the wording's {0}, {1}, … in order. A number parameter stays a
// number, so each language groups its digits its own way ("1,000" / "1.000"). `cause` is a more precise
// reason, worded where the wording says {c} (e.g. what exactly is wrong with a link's board data).
struct ErrorParam {
  std::string text;     // the value (for a number: its decimal digits; for a term: its key)
  bool number = false;  // group digits when worded
  bool term = false;    // a word of the wording table ("term.<text>"), e.g. "notes" / "Notizen"
  [[nodiscard]] static ErrorParam termOf(std::string key) {
    ErrorParam p(std::move(key));
    p.term = true;
    return p;
  }
  ErrorParam(std::string value) : text(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  ErrorParam(const char* value) : text(value) {}             // NOLINT(google-explicit-constructor)
  ErrorParam(std::string_view value) : text(value) {}        // NOLINT(google-explicit-constructor)
  template <class N>
    requires std::is_integral_v<N>
  ErrorParam(N value) : text(std::to_string(value)), number(true) {}  // NOLINT(google-explicit-constructor)
  bool operator==(const ErrorParam&) const = default;
};

struct Error {
  std::string code;
  std::vector<ErrorParam> params;
  std::shared_ptr<const Error> cause;

  // Out of line (model.cpp): a refusal is built at a couple of hundred places, and keeping its
  // construction, copies and destruction in one place keeps the WebAssembly module small.
  Error();
  explicit Error(std::string errorCode);
  Error(std::string errorCode, std::initializer_list<ErrorParam> parameters);
  Error(const Error&);
  Error(Error&&) noexcept;
  Error& operator=(const Error&);
  Error& operator=(Error&&) noexcept;
  ~Error();
  // The same refusal, with a more precise reason attached.
  [[nodiscard]] Error because(Error reason) const;
  // "code(param, param)" with the cause after a colon: for logs and test diagnostics, not for people.
  [[nodiscard]] std::string debug() const;
};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}              // NOLINT(google-explicit-constructor)
  Result(Error error) : error_(std::move(error)) {}          // NOLINT(google-explicit-constructor)
  [[nodiscard]] bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  [[nodiscard]] const Error& error() const { return error_; }

 private:
  std::optional<T> value_;
  Error error_;
};

using Extra = nlohmann::json;  // unknown fields of an object, kept verbatim (an object or null)

// ---------------------------------------------------------------------------------------------
// [SECTION] Enums
// ---------------------------------------------------------------------------------------------
enum class BoardKind { EmpathyMap, Journey };
enum class Lang { De, En };
enum class Evidence { Assumed, Observed };  // did someone hear it from a real customer, or is it a guess?
enum class LaneKind { Text, Emotion, Expectation };
enum class ActionStatus { Open, Doing, Done };

// Palette size shared by notes, sections and the avatar (indices 0..kPaletteSize-1).
inline constexpr int kPaletteSize = 8;
inline constexpr int kScoreMin = -2;
inline constexpr int kScoreMax = 2;

// ---------------------------------------------------------------------------------------------
// [SECTION] Persona, Note, Action
// ---------------------------------------------------------------------------------------------
struct Persona {
  std::string name;
  std::string role;
  std::string goal;      // what they need to do
  std::string quote;
  std::string bio;
  std::string initials;  // avatar initials (derived from name when empty)
  int colour = 0;        // avatar disc, palette index
  std::string success;   // how success is measured
  Extra extra;
  bool operator==(const Persona&) const = default;
};

// One voter's dots on one note (dot voting). Voter ids are anonymous random strings (a device's
// site id), never names. `clock` orders two reports of the same voter: the later one replaces the
// earlier (the count is a total, not an increment, so sending the same contribution twice is harmless).
struct Ballot {
  int count = 0;
  std::uint64_t clock = 0;
  bool operator==(const Ballot&) const = default;
};

struct Note {
  std::string id;        // stable, unique on the board
  std::string text;      // UTF-8, may hold newlines
  int colour = 0;        // palette index
  std::vector<std::string> tags;
  int votes = 0;
  std::string author;    // optional
  Evidence evidence = Evidence::Assumed;
  std::uint64_t created = 0;   // logical clock when created
  std::uint64_t modified = 0;  // logical clock of the last change
  // Where it sits: `section` on an empathy map; `stage` + `lane` on a journey board.
  std::string section;
  std::string stage;
  std::string lane;
  std::int64_t order = 0;  // position inside its place, ascending
  Extra extra;
  // Votes by voter (core/merge.hpp). `votes` stays the total the UI shows: dots nobody signed for
  // (placed directly, e.g. by the facilitator) plus the sum of these ballots.
  std::map<std::string, Ballot> ballots;
  bool operator==(const Note&) const = default;
};

struct Action {
  std::string id;
  std::string text;
  std::string owner;
  ActionStatus status = ActionStatus::Open;
  std::vector<std::string> notes;  // linked note IDs
  std::uint64_t created = 0;
  std::uint64_t modified = 0;
  Extra extra;
  bool operator==(const Action&) const = default;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Empathy map
// ---------------------------------------------------------------------------------------------
// A section's place on the canvas, in template units (the whole map is a grid the template defines;
// the persona sits in its own rectangle, see Board::personaRect).
struct Rect {
  float x = 0, y = 0, w = 1, h = 1;
  bool operator==(const Rect&) const = default;
};

struct Section {
  std::string id;     // template-defined ("says", "thinks", …) or generated for custom sections
  std::string title;  // shown heading, in the board's language
  std::string hint;   // what belongs here ("What do they say out loud? Quote them.")
  int colour = 0;     // palette index for its notes
  Rect rect;          // layout, template units
  Extra extra;
  bool operator==(const Section&) const = default;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Journey board
// ---------------------------------------------------------------------------------------------
struct Stage {
  std::string id;
  std::string name;
  std::string description;
  Extra extra;
  bool operator==(const Stage&) const = default;
};

struct EmotionScore {            // emotion lane, one per stage
  std::optional<int> asIs;       // −2…+2
  std::optional<int> toBe;       // −2…+2, the optional to-be curve
  std::string reason;            // short reason for the as-is score
  bool operator==(const EmotionScore&) const = default;
};

struct GapScore {                // expectation vs experience lane, one per stage
  std::optional<int> expectation;  // −2…+2
  std::optional<int> experience;   // −2…+2
  bool operator==(const GapScore&) const = default;
};

struct Lane {
  std::string id;
  std::string name;
  LaneKind kind = LaneKind::Text;
  std::string role;   // text lanes: "actions", "touchpoints", "thoughts", "painpoints", "opportunities", "quotes", or "" (custom)
  bool showToBe = false;                          // emotion lane: draw the to-be curve
  std::map<std::string, EmotionScore> emotions;   // stage id → score (emotion lanes)
  std::map<std::string, GapScore> gaps;           // stage id → scores (expectation lanes)
  Extra extra;
  bool operator==(const Lane&) const = default;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Board
// ---------------------------------------------------------------------------------------------
// A deleted entity (note, action, section, stage, lane — IDs are unique across kinds) with the
// logical clock of its deletion, so a merge keeps it deleted: it beats versions with a lower clock.
struct Tombstone {
  std::string id;
  std::uint64_t clock = 0;
  // Dots on a deleted note, kept so that a later edit that brings the note back brings them too
  // (otherwise the outcome of a merge would depend on the order boards arrive in).
  std::map<std::string, Ballot> ballots;
  bool operator==(const Tombstone&) const = default;
};

// The Board::stamps key of the board's info (title, language, persona, layout, extra).
inline constexpr const char* kInfoStamp = "@info";

struct Board {
  std::string id;            // stable random ID
  BoardKind kind = BoardKind::EmpathyMap;
  std::string templateId;    // built-in template it was made from ("classic", "canvas", …)
  std::string title;
  Lang lang = Lang::En;
  std::int64_t createdAt = 0;   // Unix time, milliseconds
  std::int64_t modifiedAt = 0;  // Unix time, milliseconds
  std::string appVersion;       // app version that last wrote it
  std::uint64_t clock = 0;      // logical clock; every change takes ++clock
  Persona persona;
  std::vector<Section> sections;  // empathy map
  Rect personaRect;               // empathy map: where the persona sits, template units
  std::vector<Stage> stages;      // journey board
  std::vector<Lane> lanes;        // journey board
  std::vector<Note> notes;
  std::vector<Action> actions;
  Extra extra;
  // ---- merge bookkeeping (core/merge.hpp); all empty/zero on a board that was never merged.
  // Logical clock of the last change to entities that carry no clock of their own: sections,
  // stages and lanes by id, and "@info" for the board's info (title, language, persona, layout).
  std::map<std::string, std::uint64_t> stamps;
  std::vector<Tombstone> tombstones;  // sorted by id
  // A contribution (delta) carries only what a participant changed against the board of clock
  // `baseClock` (same board id), plus unchanged sections/stages/lanes and stub notes so it stays a
  // valid board. Opened alone it is incomplete; merged into its base it applies the changes.
  bool isDelta = false;
  std::uint64_t baseClock = 0;
  bool operator==(const Board&) const = default;
};

// Small lookups used everywhere (linear: boards are small, and they stay correct after any edit).
const Note* findNote(const Board& b, const std::string& id);
Note* findNote(Board& b, const std::string& id);
const Section* findSection(const Board& b, const std::string& id);
const Stage* findStage(const Board& b, const std::string& id);
const Lane* findLane(const Board& b, const std::string& id);
const Action* findAction(const Board& b, const std::string& id);

// Notes of one place, sorted by (order, id). For an empathy map pass the section id and empty
// stage/lane; for a journey board an empty section and the stage + lane ids.
std::vector<const Note*> notesAt(const Board& b, const std::string& section, const std::string& stage,
                                 const std::string& lane);

// Text forms of the enums, as written in the file format.
const char* toString(BoardKind k);
const char* toString(Lang l);
const char* toString(Evidence e);
const char* toString(LaneKind k);
const char* toString(ActionStatus s);
std::optional<BoardKind> boardKindFromString(std::string_view s);
std::optional<Lang> langFromString(std::string_view s);
std::optional<Evidence> evidenceFromString(std::string_view s);
std::optional<LaneKind> laneKindFromString(std::string_view s);
std::optional<ActionStatus> actionStatusFromString(std::string_view s);

}  // namespace mapathy
