// Mapathy core — the versioned JSON file format (see format.hpp and assets/mapathy.schema.json).
//
// Nothing here may throw across the API, and the web build cannot catch exceptions at all, so every
// nlohmann call is a non-throwing one: parsing goes through sax_parse with a handler that never
// throws, values are type-checked before they are read, and dump() replaces invalid UTF-8 instead
// of throwing.
#include "core/io/format.hpp"
#include "core/base/text.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace mapathy {

using nlohmann::json;

namespace {

std::string quoted(const std::string& s) {
  // Ids in messages are cut short and kept printable.
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size() && i < 40; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    out += (c < 0x20 || c == 0x7f) ? '?' : s[i];
  }
  if (s.size() > 40) out += "…";
  return out + "\"";
}

// ---------------------------------------------------------------------------------------------
// Parsing: a SAX handler that builds the DOM but stops at the depth limit and never throws. Only the
// library's public SAX interface (nlohmann::json_sax) is used, so a newer nlohmann/json cannot break it.
// ---------------------------------------------------------------------------------------------
class DepthLimitedDomBuilder final : public nlohmann::json_sax<json> {
 public:
  DepthLimitedDomBuilder(json& root, std::size_t maxDepth) : root_(root), maxDepth_(maxDepth) {}

  bool null() override { return put(nullptr); }
  bool boolean(bool v) override { return put(v); }
  bool number_integer(number_integer_t v) override { return put(v); }
  bool number_unsigned(number_unsigned_t v) override { return put(v); }
  bool number_float(number_float_t v, const string_t& /*text*/) override { return put(v); }
  bool string(string_t& v) override { return put(std::move(v)); }
  bool binary(binary_t& v) override { return put(json::binary(std::move(v))); }
  bool start_object(std::size_t /*elements*/) override { return enter(json::object()); }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t /*elements*/) override { return enter(json::array()); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t position, const std::string& /*lastToken*/, const json::exception& ex) override {
    std::string what = ex.what();
    Error where{"at.byte", {position}};
    // nlohmann/json says "… at line 3, column 5: …" when it knows the line.
    // Read by hand, not with sscanf: the web app would link the whole scanf family for this one line.
    if (auto at = what.find(" at line "); at != std::string::npos) {
      std::size_t i = at + 9;
      const auto number = [&what, &i](unsigned long& out) {
        const std::size_t start = i;
        for (out = 0; i < what.size() && what[i] >= '0' && what[i] <= '9'; ++i) out = out * 10 + static_cast<unsigned long>(what[i] - '0');
        return i > start;
      };
      unsigned long line = 0, column = 0;
      if (number(line) && what.compare(i, 9, ", column ") == 0 && (i += 9, number(column))) {
        where = Error{"at.lineColumn", {line, column}};
      }
    }
    const char* code = what.find("number overflow") != std::string::npos          ? "json.numberTooLarge"
                       : what.find("UTF-8") != std::string::npos                   ? "json.utf8At"
                       : what.find("unexpected end of input") != std::string::npos ? "json.cutOff"
                                                                                   : "json.syntax";
    message_ = Error{code}.because(std::move(where));
    return false;
  }

  [[nodiscard]] bool tooDeep() const { return tooDeep_; }
  [[nodiscard]] const Error& message() const { return message_; }

 private:
  // Puts a value where the parser is: the root, the next array element, or the object member named by
  // the last key (a repeated key keeps its last value, as nlohmann's own DOM parser does).
  json* place(json value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    json& slot = parent[key_];
    slot = std::move(value);
    return &slot;
  }
  template <class V>
  bool put(V&& value) {
    place(json(std::forward<V>(value)));
    return true;
  }
  bool enter(json container) {
    if (open_.size() + 1 > maxDepth_) {
      tooDeep_ = true;
      return false;
    }
    open_.push_back(place(std::move(container)));
    return true;
  }
  bool leave() {
    open_.pop_back();
    return true;
  }

  json& root_;
  std::size_t maxDepth_;
  std::vector<json*> open_;  // the containers being filled, innermost last
  std::string key_;
  bool tooDeep_ = false;
  Error message_;
};

// ---------------------------------------------------------------------------------------------
// Migrations: kMigrations[i] turns a version i+1 board object into version i+2. Adding format v2
// means bumping kFormatVersion and appending one function here.
// ---------------------------------------------------------------------------------------------
using Migration = bool (*)(json& board, Error& error);
constexpr std::array<Migration, static_cast<std::size_t>(kFormatVersion - 1)> kMigrations{};

bool migrate(json& board, int fromVersion, Error& error) {
  for (int v = fromVersion; v < kFormatVersion; ++v) {
    if (!kMigrations[static_cast<std::size_t>(v - 1)](board, error)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Restore: JSON → Board with defaults, type checks naming the field path, unknown fields → extra.
// ---------------------------------------------------------------------------------------------
class Restorer {
 public:
  [[nodiscard]] bool failed() const { return !error_.code.empty(); }
  [[nodiscard]] const Error& error() const { return error_; }

  bool fail(Error e) {
    if (error_.code.empty()) error_ = std::move(e);
    return false;
  }

  // Each reader leaves `out` at its default when the key is missing (or null where allowed).
  bool text(const json& obj, const char* key, std::string& out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_string()) return fail(Error{"json.mustBeText", {path + "." + key}});
    out = it->get_ref<const std::string&>();
    return true;
  }

  bool flag(const json& obj, const char* key, bool& out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_boolean()) return fail(Error{"json.mustBeBool", {path + "." + key}});
    out = it->get<bool>();
    return true;
  }

  bool wholeNumber(const json& v, std::int64_t min, std::int64_t max, std::int64_t& out, const std::string& where) {
    auto tooLarge = [&] { return fail(Error{"json.tooLarge", {where, max}}); };
    auto tooSmall = [&] { return fail(Error{"json.tooSmall", {where, min}}); };
    if (v.is_number_unsigned()) {
      auto u = v.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(max)) return tooLarge();
      out = static_cast<std::int64_t>(u);
      return true;
    }
    if (v.is_number_integer()) {
      auto i = v.get<std::int64_t>();
      if (i < min) return tooSmall();
      if (i > max) return tooLarge();
      out = i;
      return true;
    }
    if (v.is_number_float()) {
      double d = v.get<double>();
      if (!std::isfinite(d) || d != std::floor(d)) return fail(Error{"json.mustBeWhole", {where}});
      if (d < static_cast<double>(min)) return tooSmall();
      if (d > static_cast<double>(max)) return tooLarge();
      out = static_cast<std::int64_t>(d);
      return true;
    }
    return fail(Error{"json.mustBeWhole", {where}});
  }

  template <class Int>
  bool integer(const json& obj, const char* key, Int& out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    constexpr std::int64_t kMin = std::is_unsigned_v<Int> ? 0
                                  : sizeof(Int) >= 8  ? -kMaxSafeInteger
                                                      : static_cast<std::int64_t>(std::numeric_limits<Int>::min());
    constexpr std::int64_t kMax =
        sizeof(Int) >= 8 ? kMaxSafeInteger : static_cast<std::int64_t>(std::numeric_limits<Int>::max());
    std::int64_t value = 0;
    if (!wholeNumber(*it, kMin, kMax, value, path + "." + key)) return false;
    out = static_cast<Int>(value);
    return true;
  }

  bool optionalScore(const json& obj, const char* key, std::optional<int>& out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return true;
    std::int64_t value = 0;
    if (!wholeNumber(*it, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(), value,
                     path + "." + key))
      return false;
    out = static_cast<int>(value);
    return true;
  }

  bool real(const json& obj, const char* key, float& out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_number()) return fail(Error{"json.mustBeNumber", {path + "." + key}});
    double d = it->get<double>();
    if (!std::isfinite(d) || std::fabs(d) > static_cast<double>(kMaxRectCoordinate)) {
      return fail(Error{"json.rectRange", {path + "." + key}});
    }
    out = static_cast<float>(d);
    return true;
  }

  bool textList(const json& obj, const char* key, std::vector<std::string>& out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_array()) return fail(Error{"json.mustBeTextList", {path + "." + key}});
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      if (!v.is_string()) return fail(Error{"json.mustBeText", {path + "." + key + "[" + std::to_string(i) + "]"}});
      out.push_back(v.get_ref<const std::string&>());
    }
    return true;
  }

  template <class Enum, class Parse>
  bool enumeration(const json& obj, const char* key, Enum& out, const std::string& path, Parse parse,
                   const char* allowed) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_string()) return fail(Error{"json.mustBeOneOf", {path + "." + key, allowed}});
    auto value = parse(it->get_ref<const std::string&>());
    if (!value) return fail(Error{"json.mustBeOneOfGot", {path + "." + key, allowed, quoted(it->get_ref<const std::string&>())}});
    out = *value;
    return true;
  }

  // Fields not in `known` go to `extra` verbatim.
  static void keepUnknown(const json& obj, std::initializer_list<const char*> known, Extra& extra) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool isKnown = false;
      for (const char* k : known) {
        if (it.key() == k) {
          isKnown = true;
          break;
        }
      }
      if (!isKnown) {
        if (!extra.is_object()) extra = json::object();
        extra[it.key()] = it.value();
      }
    }
  }

  bool object(const json& v, const std::string& path) {
    if (!v.is_object()) return fail(Error{"json.mustBeObject", {path}});
    return true;
  }

  bool rect(const json& obj, const char* key, Rect& out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    std::string p = path + "." + key;
    if (!object(*it, p)) return false;
    return real(*it, "x", out.x, p) && real(*it, "y", out.y, p) && real(*it, "w", out.w, p) &&
           real(*it, "h", out.h, p);
  }

  bool persona(const json& v, Persona& p, const std::string& path) {
    if (!object(v, path)) return false;
    keepUnknown(v, {"name", "role", "goal", "quote", "bio", "initials", "colour", "success"}, p.extra);
    return text(v, "name", p.name, path) && text(v, "role", p.role, path) && text(v, "goal", p.goal, path) &&
           text(v, "quote", p.quote, path) && text(v, "bio", p.bio, path) &&
           text(v, "initials", p.initials, path) && integer(v, "colour", p.colour, path) &&
           text(v, "success", p.success, path);
  }

  bool note(const json& v, Note& n, const std::string& path) {
    if (!object(v, path)) return false;
    keepUnknown(v, {"id", "text", "colour", "tags", "votes", "author", "evidence", "created", "modified", "section",
                    "stage", "lane", "order", "ballots"},
                n.extra);
    if (!ballots(v, n.ballots, path)) return false;
    return text(v, "id", n.id, path) && text(v, "text", n.text, path) && integer(v, "colour", n.colour, path) &&
           textList(v, "tags", n.tags, path) && integer(v, "votes", n.votes, path) &&
           text(v, "author", n.author, path) &&
           enumeration(v, "evidence", n.evidence, path, evidenceFromString, "\"assumed\" or \"observed\"") &&
           integer(v, "created", n.created, path) && integer(v, "modified", n.modified, path) &&
           text(v, "section", n.section, path) && text(v, "stage", n.stage, path) && text(v, "lane", n.lane, path) &&
           integer(v, "order", n.order, path);
  }

  bool action(const json& v, Action& a, const std::string& path) {
    if (!object(v, path)) return false;
    keepUnknown(v, {"id", "text", "owner", "status", "notes", "created", "modified"}, a.extra);
    return text(v, "id", a.id, path) && text(v, "text", a.text, path) && text(v, "owner", a.owner, path) &&
           enumeration(v, "status", a.status, path, actionStatusFromString, "\"open\", \"doing\" or \"done\"") &&
           textList(v, "notes", a.notes, path) && integer(v, "created", a.created, path) &&
           integer(v, "modified", a.modified, path);
  }

  bool section(const json& v, Section& s, const std::string& path) {
    if (!object(v, path)) return false;
    keepUnknown(v, {"id", "title", "hint", "colour", "rect"}, s.extra);
    return text(v, "id", s.id, path) && text(v, "title", s.title, path) && text(v, "hint", s.hint, path) &&
           integer(v, "colour", s.colour, path) && rect(v, "rect", s.rect, path);
  }

  bool stage(const json& v, Stage& s, const std::string& path) {
    if (!object(v, path)) return false;
    keepUnknown(v, {"id", "name", "description"}, s.extra);
    return text(v, "id", s.id, path) && text(v, "name", s.name, path) &&
           text(v, "description", s.description, path);
  }

  bool lane(const json& v, Lane& l, const std::string& path) {
    if (!object(v, path)) return false;
    keepUnknown(v, {"id", "name", "kind", "role", "showToBe", "emotions", "gaps"}, l.extra);
    if (!(text(v, "id", l.id, path) && text(v, "name", l.name, path) &&
          enumeration(v, "kind", l.kind, path, laneKindFromString, "\"text\", \"emotion\" or \"expectation\"") &&
          text(v, "role", l.role, path) && flag(v, "showToBe", l.showToBe, path)))
      return false;
    if (auto it = v.find("emotions"); it != v.end()) {
      std::string p = path + ".emotions";
      if (!object(*it, p)) return false;
      for (auto e = it->begin(); e != it->end(); ++e) {
        std::string ep = p + "." + e.key();
        if (!object(e.value(), ep)) return false;
        EmotionScore score;
        if (!(optionalScore(e.value(), "asIs", score.asIs, ep) && optionalScore(e.value(), "toBe", score.toBe, ep) &&
              text(e.value(), "reason", score.reason, ep)))
          return false;
        l.emotions[e.key()] = score;
      }
    }
    if (auto it = v.find("gaps"); it != v.end()) {
      std::string p = path + ".gaps";
      if (!object(*it, p)) return false;
      for (auto g = it->begin(); g != it->end(); ++g) {
        std::string gp = p + "." + g.key();
        if (!object(g.value(), gp)) return false;
        GapScore score;
        if (!(optionalScore(g.value(), "expectation", score.expectation, gp) &&
              optionalScore(g.value(), "experience", score.experience, gp)))
          return false;
        l.gaps[g.key()] = score;
      }
    }
    return true;
  }

  template <class T, class Read>
  bool list(const json& obj, const char* key, std::vector<T>& out, std::size_t limit, const char* what,
            const std::string& path, Read read) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    std::string p = path + "." + key;
    if (!it->is_array()) return fail(Error{"json.mustBeList", {p}});
    // Checked before anything is built, so a huge list costs no memory.
    if (it->size() > limit) return fail(tooMany(what, it->size(), limit));
    out.resize(it->size());
    for (std::size_t i = 0; i < it->size(); ++i) {
      if (!(this->*read)((*it)[i], out[i], p + "[" + std::to_string(i) + "]")) return false;
    }
    return true;
  }

  static Error tooMany(const char* what, std::size_t count, std::size_t limit) {
    return Error{"limit.tooMany", {ErrorParam::termOf(what), count, limit}};
  }

  bool board(const json& v, Board& b, const Limits& limits) {
    const std::string path = "board";
    keepUnknown(v, {"id", "template", "title", "lang", "createdAt", "modifiedAt", "appVersion", "clock", "persona",
                    "sections", "personaRect", "stages", "lanes", "notes", "actions", "stamps", "tombstones", "delta",
                    "baseClock"},
                b.extra);
    if (!(mergeBookkeeping(v, b, path))) return false;
    if (!(text(v, "id", b.id, path) && text(v, "template", b.templateId, path) && text(v, "title", b.title, path) &&
          enumeration(v, "lang", b.lang, path, langFromString, "\"de\" or \"en\"") &&
          integer(v, "createdAt", b.createdAt, path) && integer(v, "modifiedAt", b.modifiedAt, path) &&
          text(v, "appVersion", b.appVersion, path) && integer(v, "clock", b.clock, path) &&
          rect(v, "personaRect", b.personaRect, path)))
      return false;
    if (auto it = v.find("persona"); it != v.end() && !persona(*it, b.persona, path + ".persona")) return false;
    return list(v, "sections", b.sections, limits.maxSections, "sections", path, &Restorer::section) &&
           list(v, "stages", b.stages, limits.maxStages, "stages", path, &Restorer::stage) &&
           list(v, "lanes", b.lanes, limits.maxLanes, "lanes", path, &Restorer::lane) &&
           list(v, "notes", b.notes, limits.maxNotes, "notes", path, &Restorer::note) &&
           list(v, "actions", b.actions, limits.maxActions, "actions", path, &Restorer::action);
  }

 private:
  // Dot votes by voter (Note::ballots, Tombstone::ballots).
  bool ballots(const json& obj, std::map<std::string, Ballot>& out, const std::string& path) {
    auto it = obj.find("ballots");
    if (it == obj.end()) return true;
    const std::string p = path + ".ballots";
    if (!object(*it, p)) return false;
    if (it->size() > kMaxBallotsPerNote) return fail(tooMany("votersOnOneNote", it->size(), kMaxBallotsPerNote));
    for (auto e = it->begin(); e != it->end(); ++e) {
      const std::string bp = p + "." + e.key();
      if (!object(e.value(), bp)) return false;
      Ballot ballot;
      if (!(integer(e.value(), "count", ballot.count, bp) && integer(e.value(), "clock", ballot.clock, bp))) return false;
      out[e.key()] = ballot;
    }
    return true;
  }

  // Board::stamps, tombstones, isDelta, baseClock (core/merge.hpp).
  bool mergeBookkeeping(const json& v, Board& b, const std::string& path) {
    if (!(flag(v, "delta", b.isDelta, path) && integer(v, "baseClock", b.baseClock, path))) return false;
    if (auto it = v.find("stamps"); it != v.end()) {
      const std::string p = path + ".stamps";
      if (!object(*it, p)) return false;
      if (it->size() > kMaxStamps) return fail(tooMany("stamps", it->size(), kMaxStamps));
      for (auto e = it->begin(); e != it->end(); ++e) {
        std::uint64_t clock = 0;
        std::int64_t value = 0;
        if (!wholeNumber(e.value(), 0, kMaxSafeInteger, value, p + "." + e.key())) return false;
        clock = static_cast<std::uint64_t>(value);
        b.stamps[e.key()] = clock;
      }
    }
    if (auto it = v.find("tombstones"); it != v.end()) {
      const std::string p = path + ".tombstones";
      if (!it->is_array()) return fail(Error{"json.mustBeList", {p}});
      if (it->size() > kMaxTombstones) return fail(tooMany("tombstones", it->size(), kMaxTombstones));
      for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string tp = p + "[" + std::to_string(i) + "]";
        if (!object((*it)[i], tp)) return false;
        Tombstone t;
        if (!(text((*it)[i], "id", t.id, tp) && integer((*it)[i], "clock", t.clock, tp) &&
              ballots((*it)[i], t.ballots, tp)))
          return false;
        b.tombstones.push_back(std::move(t));
      }
    }
    return true;
  }

  Error error_;
};

// ---------------------------------------------------------------------------------------------
// Save: Board → JSON. Fields at their default are left out (restore puts them back), which keeps
// files and share links short; unknown fields from `extra` are written back.
// ---------------------------------------------------------------------------------------------
void putExtra(json& obj, const Extra& extra) {
  if (!extra.is_object()) return;
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    if (!obj.contains(it.key())) obj[it.key()] = it.value();
  }
}

void putText(json& obj, const char* key, const std::string& value) {
  if (!value.empty()) obj[key] = value;
}

template <class Int>
void putInt(json& obj, const char* key, Int value) {
  if (value != 0) obj[key] = value;
}

json rectJson(const Rect& r) {
  return json{{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
}

json personaJson(const Persona& p) {
  json o = json::object();
  putText(o, "name", p.name);
  putText(o, "role", p.role);
  putText(o, "goal", p.goal);
  putText(o, "quote", p.quote);
  putText(o, "bio", p.bio);
  putText(o, "initials", p.initials);
  putInt(o, "colour", p.colour);
  putText(o, "success", p.success);
  putExtra(o, p.extra);
  return o;
}

json ballotsJson(const std::map<std::string, Ballot>& ballots) {
  json b = json::object();
  for (const auto& [voter, ballot] : ballots) b[voter] = json{{"count", ballot.count}, {"clock", ballot.clock}};
  return b;
}

json noteJson(const Note& n) {
  json o = json::object();
  o["id"] = n.id;
  putText(o, "text", n.text);
  putInt(o, "colour", n.colour);
  if (!n.tags.empty()) o["tags"] = n.tags;
  putInt(o, "votes", n.votes);
  putText(o, "author", n.author);
  if (n.evidence != Evidence::Assumed) o["evidence"] = toString(n.evidence);
  putInt(o, "created", n.created);
  putInt(o, "modified", n.modified);
  putText(o, "section", n.section);
  putText(o, "stage", n.stage);
  putText(o, "lane", n.lane);
  putInt(o, "order", n.order);
  if (!n.ballots.empty()) o["ballots"] = ballotsJson(n.ballots);  // dot votes by anonymous voter id
  putExtra(o, n.extra);
  return o;
}

json actionJson(const Action& a) {
  json o = json::object();
  o["id"] = a.id;
  putText(o, "text", a.text);
  putText(o, "owner", a.owner);
  if (a.status != ActionStatus::Open) o["status"] = toString(a.status);
  if (!a.notes.empty()) o["notes"] = a.notes;
  putInt(o, "created", a.created);
  putInt(o, "modified", a.modified);
  putExtra(o, a.extra);
  return o;
}

json sectionJson(const Section& s) {
  json o = json::object();
  o["id"] = s.id;
  putText(o, "title", s.title);
  putText(o, "hint", s.hint);
  putInt(o, "colour", s.colour);
  if (s.rect != Rect{}) o["rect"] = rectJson(s.rect);
  putExtra(o, s.extra);
  return o;
}

json stageJson(const Stage& s) {
  json o = json::object();
  o["id"] = s.id;
  putText(o, "name", s.name);
  putText(o, "description", s.description);
  putExtra(o, s.extra);
  return o;
}

json laneJson(const Lane& l) {
  json o = json::object();
  o["id"] = l.id;
  putText(o, "name", l.name);
  if (l.kind != LaneKind::Text) o["kind"] = toString(l.kind);
  putText(o, "role", l.role);
  if (l.showToBe) o["showToBe"] = true;
  if (!l.emotions.empty()) {
    json e = json::object();
    for (const auto& [stage, score] : l.emotions) {
      json s = json::object();
      if (score.asIs) s["asIs"] = *score.asIs;
      if (score.toBe) s["toBe"] = *score.toBe;
      putText(s, "reason", score.reason);
      e[stage] = s;
    }
    o["emotions"] = e;
  }
  if (!l.gaps.empty()) {
    json g = json::object();
    for (const auto& [stage, score] : l.gaps) {
      json s = json::object();
      if (score.expectation) s["expectation"] = *score.expectation;
      if (score.experience) s["experience"] = *score.experience;
      g[stage] = s;
    }
    o["gaps"] = g;
  }
  putExtra(o, l.extra);
  return o;
}

template <class T, class Fn>
void putList(json& obj, const char* key, const std::vector<T>& items, Fn fn) {
  if (items.empty()) return;
  json a = json::array();
  for (const auto& item : items) a.push_back(fn(item));
  obj[key] = std::move(a);
}

// ---------------------------------------------------------------------------------------------
// Validate
// ---------------------------------------------------------------------------------------------
class Validator {
 public:
  Validator(const Board& b, const Limits& limits) : b_(b), limits_(limits) {}

  Error run() {
    if (!counts() || !header()) return error_;
    for (std::size_t i = 0; i < b_.sections.size() && ok(); ++i) section(i);
    for (std::size_t i = 0; i < b_.stages.size() && ok(); ++i) stage(i);
    for (std::size_t i = 0; i < b_.lanes.size() && ok(); ++i) lane(i);
    for (std::size_t i = 0; i < b_.notes.size() && ok(); ++i) note(i);
    for (std::size_t i = 0; i < b_.actions.size() && ok(); ++i) action(i);
    for (std::size_t i = 0; i < b_.tombstones.size() && ok(); ++i) {
      const std::string& id = b_.tombstones[i].id;
      if (id.empty() || id.size() > limits_.maxIdBytes) fail(Error{"valid.tombstoneId", {at("tombstones", i) + ".id"}});
    }
    return error_;
  }

 private:
  [[nodiscard]] bool ok() const { return error_.code.empty(); }
  bool fail(Error e) {
    if (error_.code.empty()) error_ = std::move(e);
    return false;
  }

  bool counts() {
    auto check = [this](std::size_t count, std::size_t limit, const char* what) {
      return count <= limit || fail(Restorer::tooMany(what, count, limit));
    };
    return check(b_.notes.size(), limits_.maxNotes, "notes") &&
           check(b_.sections.size(), limits_.maxSections, "sections") &&
           check(b_.stages.size(), limits_.maxStages, "stages") && check(b_.lanes.size(), limits_.maxLanes, "lanes") &&
           check(b_.actions.size(), limits_.maxActions, "actions");
  }

  bool text(const std::string& value, const std::string& path) {
    if (value.size() > limits_.maxTextBytes) {
      return fail(Error{"valid.textTooLong", {path, value.size(), limits_.maxTextBytes}});
    }
    if (auto bad = text::firstInvalidUtf8(value); bad != std::string_view::npos) {
      return fail(Error{"valid.utf8", {path, bad}});
    }
    return true;
  }

  bool colour(int value, const std::string& path) {
    if (value < 0 || value >= kPaletteSize) {
      return fail(Error{"valid.colour", {path, kPaletteSize - 1, value}});
    }
    return true;
  }

  bool rect(const Rect& r, const std::string& path) {
    auto in = [](float v) { return std::isfinite(v) && std::fabs(v) <= kMaxRectCoordinate; };
    if (!in(r.x) || !in(r.y) || !in(r.w) || !in(r.h)) {
      return fail(Error{"json.rectRange", {path}});
    }
    if (r.w <= 0 || r.h <= 0) return fail(Error{"valid.rectSize", {path}});
    return true;
  }

  bool id(const std::string& value, const std::string& path) {
    if (value.empty()) return fail(Error{"valid.idEmpty", {path + ".id"}});
    if (value.size() > limits_.maxIdBytes) {
      return fail(Error{"valid.idTooLong", {path, value.size(), limits_.maxIdBytes}});
    }
    if (!text(value, path + ".id")) return false;
    auto [it, inserted] = ids_.emplace(value, path);
    if (!inserted) return fail(Error{"valid.duplicateId", {quoted(value), it->second, path}});
    return true;
  }

  bool order(std::int64_t value, const std::string& path) {
    if (value < -kMaxSafeInteger || value > kMaxSafeInteger) return fail(Error{"valid.outOfRange", {path}});
    return true;
  }

  bool score(const std::optional<int>& value, const std::string& path) {
    if (value && (*value < kScoreMin || *value > kScoreMax)) {
      return fail(Error{"valid.score", {path, *value}});
    }
    return true;
  }

  bool header() {
    const Persona& p = b_.persona;
    if (b_.id.size() > limits_.maxIdBytes) {
      return fail(Error{"valid.idTooLong", {"board.id", b_.id.size(), limits_.maxIdBytes}});
    }
    return text(b_.id, "board.id") && text(b_.templateId, "board.template") && text(b_.title, "board.title") &&
           text(b_.appVersion, "board.appVersion") && order(b_.createdAt, "board.createdAt") &&
           order(b_.modifiedAt, "board.modifiedAt") &&
           order(static_cast<std::int64_t>(std::min<std::uint64_t>(b_.clock, std::uint64_t{1} << 62)), "board.clock") &&
           text(p.name, "board.persona.name") && text(p.role, "board.persona.role") &&
           text(p.goal, "board.persona.goal") && text(p.quote, "board.persona.quote") &&
           text(p.bio, "board.persona.bio") && text(p.initials, "board.persona.initials") &&
           text(p.success, "board.persona.success") && colour(p.colour, "board.persona.colour") &&
           rect(b_.personaRect, "board.personaRect");
  }

  static std::string at(const char* list, std::size_t i) { return std::string("board.") + list + "[" + std::to_string(i) + "]"; }

  void section(std::size_t i) {
    const Section& s = b_.sections[i];
    std::string p = at("sections", i);
    (void)(id(s.id, p) && text(s.title, p + ".title") && text(s.hint, p + ".hint") && colour(s.colour, p + ".colour") &&
           rect(s.rect, p + ".rect"));
  }

  void stage(std::size_t i) {
    const Stage& s = b_.stages[i];
    std::string p = at("stages", i);
    (void)(id(s.id, p) && text(s.name, p + ".name") && text(s.description, p + ".description"));
  }

  void lane(std::size_t i) {
    const Lane& l = b_.lanes[i];
    std::string p = at("lanes", i);
    if (!(id(l.id, p) && text(l.name, p + ".name") && text(l.role, p + ".role"))) return;
    if (!l.emotions.empty() && l.kind != LaneKind::Emotion) {
      fail(Error{"valid.emotionsOnWrongLane", {p}});
      return;
    }
    if (!l.gaps.empty() && l.kind != LaneKind::Expectation) {
      fail(Error{"valid.gapsOnWrongLane", {p}});
      return;
    }
    for (const auto& [stageId, e] : l.emotions) {
      std::string sp = p + ".emotions." + stageId;
      if (findStage(b_, stageId) == nullptr) {
        fail(Error{"valid.unknownStage", {p + ".emotions", quoted(stageId)}});
        return;
      }
      if (!(score(e.asIs, sp + ".asIs") && score(e.toBe, sp + ".toBe") && text(e.reason, sp + ".reason"))) return;
    }
    for (const auto& [stageId, g] : l.gaps) {
      std::string sp = p + ".gaps." + stageId;
      if (findStage(b_, stageId) == nullptr) {
        fail(Error{"valid.unknownStage", {p + ".gaps", quoted(stageId)}});
        return;
      }
      if (!(score(g.expectation, sp + ".expectation") && score(g.experience, sp + ".experience"))) return;
    }
  }

  void note(std::size_t i) {
    const Note& n = b_.notes[i];
    std::string p = at("notes", i);
    if (!(id(n.id, p) && text(n.text, p + ".text") && text(n.author, p + ".author") && colour(n.colour, p + ".colour") &&
          order(n.order, p + ".order")))
      return;
    if (n.votes < 0) {
      fail(Error{"valid.negativeVotes", {p + ".votes", n.votes}});
      return;
    }
    for (const auto& [voter, ballot] : n.ballots) {
      if (voter.empty() || voter.size() > limits_.maxIdBytes || !text(voter, p + ".ballots")) {
        fail(Error{"valid.voterId", {p + ".ballots"}});
        return;
      }
      if (ballot.count < 0 || ballot.count > 1000) {
        fail(Error{"valid.ballotCount", {p + ".ballots." + voter + ".count", ballot.count}});
        return;
      }
    }
    if (n.tags.size() > limits_.maxTags) {
      fail(Error{"valid.tooManyTags", {p, n.tags.size(), limits_.maxTags}});
      return;
    }
    for (std::size_t t = 0; t < n.tags.size(); ++t) {
      std::string tp = p + ".tags[" + std::to_string(t) + "]";
      if (n.tags[t].size() > limits_.maxTagBytes) {
        fail(Error{"valid.tagTooLong", {tp, n.tags[t].size(), limits_.maxTagBytes}});
        return;
      }
      if (!text(n.tags[t], tp)) return;
    }
    if (b_.kind == BoardKind::EmpathyMap) {
      if (findSection(b_, n.section) == nullptr) {
        fail(Error{"valid.unknownSection", {p, quoted(n.section)}});
      } else if (!n.stage.empty() || !n.lane.empty()) {
        fail(Error{"valid.empathyNoteInJourney", {p}});
      }
    } else {
      if (findStage(b_, n.stage) == nullptr) {
        fail(Error{"valid.unknownStage", {p, quoted(n.stage)}});
      } else if (findLane(b_, n.lane) == nullptr) {
        fail(Error{"valid.unknownLane", {p, quoted(n.lane)}});
      } else if (!n.section.empty()) {
        fail(Error{"valid.journeyNoteInSection", {p}});
      }
    }
  }

  void action(std::size_t i) {
    const Action& a = b_.actions[i];
    std::string p = at("actions", i);
    if (!(id(a.id, p) && text(a.text, p + ".text") && text(a.owner, p + ".owner"))) return;
    for (const auto& noteId : a.notes) {
      if (findNote(b_, noteId) == nullptr) {
        fail(Error{"valid.unknownNote", {p + ".notes", quoted(noteId)}});
        return;
      }
    }
  }

  const Board& b_;
  const Limits& limits_;
  std::unordered_map<std::string, std::string> ids_;  // id → where it was first seen
  Error error_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------
json toJsonValue(const Board& board) {
  json b = json::object();
  putText(b, "id", board.id);
  putText(b, "template", board.templateId);
  putText(b, "title", board.title);
  b["lang"] = toString(board.lang);
  putInt(b, "createdAt", board.createdAt);
  putInt(b, "modifiedAt", board.modifiedAt);
  putText(b, "appVersion", board.appVersion);
  putInt(b, "clock", board.clock);
  json persona = personaJson(board.persona);
  if (!persona.empty()) b["persona"] = std::move(persona);
  if (board.personaRect != Rect{}) b["personaRect"] = rectJson(board.personaRect);
  putList(b, "sections", board.sections, sectionJson);
  putList(b, "stages", board.stages, stageJson);
  putList(b, "lanes", board.lanes, laneJson);
  putList(b, "notes", board.notes, noteJson);
  putList(b, "actions", board.actions, actionJson);
  // Merge bookkeeping (core/merge.hpp), written only when present.
  if (!board.stamps.empty()) {
    json st = json::object();
    for (const auto& [id, clock] : board.stamps) st[id] = clock;
    b["stamps"] = std::move(st);
  }
  if (!board.tombstones.empty()) {
    json t = json::array();
    for (const auto& tomb : board.tombstones) {
      json entry{{"id", tomb.id}, {"clock", tomb.clock}};
      if (!tomb.ballots.empty()) entry["ballots"] = ballotsJson(tomb.ballots);
      t.push_back(std::move(entry));
    }
    b["tombstones"] = std::move(t);
  }
  if (board.isDelta) b["delta"] = true;
  putInt(b, "baseClock", board.baseClock);
  putExtra(b, board.extra);
  json doc = json::object();
  doc["format"] = kFormatName;
  doc["version"] = kFormatVersion;
  doc["kind"] = toString(board.kind);
  doc["board"] = std::move(b);
  return doc;
}

std::string saveJson(const Board& board, bool pretty) {
  return toJsonValue(board).dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

Result<bool> validate(const Board& board, const Limits& limits) {
  Error error = Validator(board, limits).run();
  if (!error.code.empty()) return error;
  return true;
}

Result<Board> loadJsonValue(const json& document, const Limits& limits) {
  if (!document.is_object()) return Error{"json.notObject"};
  auto format = document.find("format");
  if (format == document.end()) return Error{"json.noFormat"};
  if (!format->is_string() || format->get_ref<const std::string&>() != kFormatName) {
    if (!format->is_string()) return Error{"json.formatNotText", {kFormatName}};
    return Error{"json.wrongFormat", {quoted(format->get_ref<const std::string&>()), kFormatName}};
  }
  auto version = document.find("version");
  if (version == document.end()) return Error{"json.noVersion"};
  // A whole number written with a fraction or an exponent (7.0, 1e18) is still a version number: a
  // newer one must be reported as newer, not as a type error.
  const bool wholeFloat = version->is_number_float() && std::isfinite(version->get<double>()) &&
                          version->get<double>() == std::floor(version->get<double>());
  if (!version->is_number_integer() && !wholeFloat) {
    return Error{"json.versionNotWhole"};
  }
  const bool newer =
      version->is_number_unsigned()  ? version->get<std::uint64_t>() > static_cast<std::uint64_t>(kFormatVersion)
      : version->is_number_integer() ? version->get<std::int64_t>() > kFormatVersion
                                     : version->get<double>() > static_cast<double>(kFormatVersion);
  if (newer) {
    std::string v;  // a version is a name, written without thousands separators
    if (version->is_number_unsigned()) {
      v = std::to_string(version->get<std::uint64_t>());
    } else if (version->is_number_integer()) {
      v = std::to_string(version->get<std::int64_t>());
    } else if (version->get<double>() < 1e19) {
      v = std::to_string(static_cast<std::uint64_t>(version->get<double>()));
    } else {
      v = version->dump();
    }
    return Error{"json.newer", {v, std::to_string(kFormatVersion)}};
  }
  if (wholeFloat && version->get<double>() < 1.0) return Error{"json.unknownVersion", {version->dump()}};
  const std::int64_t fromVersion =
      version->is_number_integer() ? version->get<std::int64_t>() : static_cast<std::int64_t>(version->get<double>());
  if (fromVersion < 1) return Error{"json.unknownVersion", {std::to_string(fromVersion)}};
  auto kindField = document.find("kind");
  if (kindField == document.end()) return Error{"json.noKind"};
  std::optional<BoardKind> kind;
  if (kindField->is_string()) kind = boardKindFromString(kindField->get_ref<const std::string&>());
  if (!kind) return Error{"json.unknownKind"};
  auto boardField = document.find("board");
  if (boardField == document.end() || !boardField->is_object()) {
    return Error{"json.noBoard"};
  }

  json boardJson = *boardField;
  Error migrationError;
  if (!migrate(boardJson, static_cast<int>(fromVersion), migrationError)) return migrationError;

  Board board;
  board.kind = *kind;
  Restorer restorer;
  if (!restorer.board(boardJson, board, limits)) return restorer.error();
  if (auto valid = validate(board, limits); !valid.ok()) return valid.error();
  return board;
}

Result<Board> loadJson(std::string_view text, const Limits& limits) {
  if (text.size() > limits.maxBytes) {
    return Error{"json.tooBig", {text.size(), limits.maxBytes}};
  }
  if (auto bad = text::firstInvalidUtf8(text); bad != std::string_view::npos) {
    return Error{"text.utf8", {bad}};
  }
  json document;
  DepthLimitedDomBuilder builder(document, limits.maxDepth);
  bool parsed = json::sax_parse(text.data(), text.data() + text.size(), &builder, json::input_format_t::json,
                                true, false);
  if (builder.tooDeep()) {
    return Error{"json.tooDeep", {limits.maxDepth}};
  }
  if (!parsed) {
    return builder.message().code.empty() ? Error{"json.invalid"} : builder.message();
  }
  return loadJsonValue(document, limits);
}

json parseJson(std::string_view text, std::size_t maxDepth) {
  json document;
  DepthLimitedDomBuilder builder(document, maxDepth);
  if (!json::sax_parse(text.data(), text.data() + text.size(), &builder, json::input_format_t::json, true, false)) {
    return json(json::value_t::discarded);
  }
  return document;
}

std::string newerFormatVersion(std::string_view text) {
  const json doc = parseJson(text);
  if (!doc.is_object() || !doc.contains("version")) return {};
  const json& version = doc["version"];
  const bool newer = version.is_number_unsigned() ? version.get<std::uint64_t>() > static_cast<std::uint64_t>(kFormatVersion)
                     : version.is_number_integer() ? version.get<std::int64_t>() > kFormatVersion
                     : version.is_number_float()   ? version.get<double>() > static_cast<double>(kFormatVersion)
                                                   : false;
  return newer ? version.dump() : std::string();
}

}  // namespace mapathy
