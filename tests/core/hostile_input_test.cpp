// The bad-input list, one test each: a share link or board file from a stranger may be
// truncated, hand-edited, corrupted or made to hurt. For every case the core answers with a clear
// message naming the problem (checked here word for word where it matters), nothing crashes, memory
// stays bounded, and the CLI (`mapathy decode` / `mapathy validate`) exits 2 with exactly one line on
// standard error.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/codec/board_codec.hpp"
#include "core/codec/compress.hpp"
#include "core/io/format.hpp"
#include "core/codec/share_link.hpp"
#include "core/model/templates.hpp"
#include "crafted_links.hpp"
#include "sample_boards.hpp"
#include "error_wording.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using crafted::base64url;
using crafted::craftFragment;
using crafted::percentEncode;

// The fragment of a link whose board bytes are `raw` (compressed and checksummed correctly), so the
// test reaches the layers behind the checksum.
std::string fragmentOfRawBoard(const std::vector<std::uint8_t>& raw) {
  return craftFragment(raw, raw.size(), compress::compress(raw));
}

json typicalDocument() { return json::parse(saveJson(samples::typicalGermanEmpathyMap())); }

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

class HostileInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mapathy_hostile_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  fs::path write(const std::string& name, std::string_view content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
    return p;
  }

  CliRun cli(const std::string& args, const fs::path& stdinFile = {}) {
    const fs::path out = dir_ / "stdout";
    const fs::path err = dir_ / "stderr";
    std::string cmd = std::string("'") + MAPATHY_CLI_PATH + "' " + args + " >'" + out.string() + "' 2>'" +
                      err.string() + "'";
    if (!stdinFile.empty()) cmd += " <'" + stdinFile.string() + "'";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  // The CLI refuses the input with exit code 2, nothing on standard output and exactly one line on
  // standard error that contains `expected`.
  void expectCliRefuses(const CliRun& r, std::string_view expected, const std::string& what) {
    EXPECT_EQ(r.code, 2) << what << "\nstderr: " << r.err;
    EXPECT_TRUE(r.out.empty()) << what;
    ASSERT_FALSE(r.err.empty()) << what;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << what << ": not one line: " << r.err;
    EXPECT_EQ(r.err.rfind("mapathy: ", 0), 0u) << what << ": " << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << what << ": message was: " << r.err;
  }

  // The German wording contains `german`, has a wording for every code and no English in it.
  static void expectGerman(const Error& e, std::string_view german, const std::string& what) {
    const std::string de = mapathy::ui::describe(e, Lang::De);
    EXPECT_NE(de.find(german), std::string::npos) << what << ": German message was: " << de;
    mapathy::wording::expectReadsGerman(e, what);
  }

  // A link: the core refuses it with `expected` in its message, and so does `mapathy decode` (the
  // link passed through standard input, which also works for links longer than a command line may be).
  // `german`: what the German wording says (the UI's; checked free of English as well).
  void expectLinkRefused(const std::string& link, std::string_view expected, const std::string& what,
                         std::string_view german) {
    const auto r = decodeLink(link);
    ASSERT_FALSE(r.ok()) << what << " was accepted";
    EXPECT_NE(english(r.error()).find(expected), std::string::npos) << what << ": message was: " << english(r.error());
    expectGerman(r.error(), german, what);
    expectCliRefuses(cli("decode -", write("link.txt", link)), expected, what + " (CLI decode)");
  }

  // A board file: loadJson refuses it with `expected`; `mapathy validate FILE` exits 2 saying so.
  // When it is small enough for a link, the same document as a "#json=" link is refused the same way
  // (with `linkExpected` in the message, when the link names the problem in its own words).
  void expectFileRefused(std::string_view text, std::string_view expected, const std::string& what,
                         std::string_view german, std::string_view linkExpected = {},
                         std::string_view linkGerman = {}) {
    if (linkExpected.empty()) linkExpected = expected;
    if (linkGerman.empty()) linkGerman = german;
    const auto r = loadJson(text);
    ASSERT_FALSE(r.ok()) << what << " was accepted";
    EXPECT_NE(english(r.error()).find(expected), std::string::npos) << what << ": message was: " << english(r.error());
    expectGerman(r.error(), german, what);
    const fs::path file = write("board.json", text);
    expectCliRefuses(cli("validate '" + file.string() + "'"), expected, what + " (CLI validate)");
    if (text.size() * 3 + 6 < kMaxLinkChars) {
      const std::string link = "https://example.org/#json=" + percentEncode(text);
      const auto viaLink = decodeLink(link);
      ASSERT_FALSE(viaLink.ok()) << what << " was accepted as a json= link";
      EXPECT_NE(english(viaLink.error()).find(linkExpected), std::string::npos) << what << " (json= link): " << english(viaLink.error());
      expectGerman(viaLink.error(), linkGerman, what + " (json= link)");
    }
  }

  fs::path dir_;
};

// ---- links ------------------------------------------------------------------------------------

TEST_F(HostileInput, TruncatedLink) {
  const std::string link = encodeLink(samples::typicalGermanEmpathyMap(), "https://example.org/");
  for (const std::size_t keep : {link.size() - 1, link.size() - 7, link.size() / 2, link.find('#') + 6}) {
    std::string cut = link.substr(0, keep);
    if (cut.back() == 'A' && keep == link.size() - 1) cut.pop_back();  // the optional padding 'A'
    expectLinkRefused(cut, "The link is incomplete — it may have been cut off by a chat app or email.",
                      "cut to " + std::to_string(keep), "Der Link ist unvollständig – vielleicht hat ihn eine Chat-App oder ein E-Mail-Programm abgeschnitten.");
  }
}

TEST_F(HostileInput, WrongOrUnknownVersionPrefix) {
  const std::string fragment = encodeFragment(samples::typicalGermanEmpathyMap());
  expectLinkRefused("https://example.org/#4" + fragment.substr(1),
                    "This link was made by a newer version of Mapathy (link format 4)", "prefix 4", "Dieser Link stammt von einer neueren Mapathy-Version (Linkformat 4)");
  expectLinkRefused("https://example.org/#x" + fragment.substr(1),
                    "This is not a Mapathy board link (it starts with 'x'; expected '1', '2', '3' or 'json=')",
                    "prefix x", "Das ist kein Mapathy-Board-Link (er beginnt mit 'x'; erwartet: „1“, „2“, „3“ oder „json=“)");
  expectLinkRefused("https://example.org/#0" + fragment.substr(1), "not a Mapathy board link", "prefix 0", "kein Mapathy-Board-Link");
  // Without its prefix the link starts with its first payload character. Digits 4–9 are reserved for
  // future link formats, so a payload starting with one reads as a newer link; a letter as no link; 1–3
  // as a link of that format whose payload does not check out.
  const char first = fragment[1];
  expectLinkRefused("https://example.org/#" + fragment.substr(1),
                    first >= '1' && first <= '3'   ? std::string("The link is")
                    : first >= '4' && first <= '9' ? std::string("a newer version of Mapathy (link format ") + first + ")"
                                                   : std::string("This is not a Mapathy board link (it starts with '") + first + "'",
                    "prefix missing", first >= '1' && first <= '3'   ? std::string("Der Link ist")
                    : first >= '4' && first <= '9' ? std::string("einer neueren Mapathy-Version (Linkformat ") + first + ")"
                                                   : std::string("Das ist kein Mapathy-Board-Link (er beginnt mit '") + first + "'");
  expectLinkRefused("https://example.org/#Q" + fragment.substr(1),
                    "This is not a Mapathy board link (it starts with 'Q'; expected '1', '2', '3' or 'json=')",
                    "prefix Q", "Das ist kein Mapathy-Board-Link (er beginnt mit 'Q'; erwartet: „1“, „2“, „3“ oder „json=“)");
}

TEST_F(HostileInput, CharactersOutsideTheAlphabet) {
  std::string fragment = encodeFragment(samples::typicalGermanEmpathyMap());
  fragment[20] = '!';
  expectLinkRefused("#" + fragment, "The link contains a character that cannot be part of it: '!' at position 21.",
                    "'!' in the link", "Der Link enthält ein Zeichen, das nicht hineingehört: '!' an Position 21.");
  fragment[20] = '%';
  expectLinkRefused("#" + fragment, "'%' at position 21", "'%' in the link", "'%' an Position 21");
  fragment[20] = '\x7F';
  expectLinkRefused("#" + fragment, "0x7F at position 21", "DEL in the link", "0x7F an Position 21");
}

TEST_F(HostileInput, CorruptedCompressedBytes) {
  const Board board = samples::typicalGermanEmpathyMap();
  const std::vector<std::uint8_t> raw = board_codec::serialize(board);
  std::vector<std::uint8_t> stream = compress::compress(raw);
  ASSERT_GT(stream.size(), 40u);
  // Flip bits in the middle and near the end of the compressed stream (header intact).
  for (const std::size_t at : {stream.size() / 2, stream.size() - 3}) {
    std::vector<std::uint8_t> bad = stream;
    bad[at] ^= 0x24;
    expectLinkRefused("#" + craftFragment(raw, raw.size(), bad),
                      "The link is damaged — some of its characters were changed, so the board cannot be read.",
                      "stream byte " + std::to_string(at) + " flipped", "Der Link ist beschädigt – einige seiner Zeichen wurden verändert, daher lässt sich das Board nicht lesen.");
  }
  // A wrong checksum with an intact stream is the same "damaged".
  std::vector<std::uint8_t> otherRaw = raw;
  otherRaw[0] ^= 1;
  expectLinkRefused("#" + craftFragment(otherRaw, raw.size(), stream), "The link is damaged", "checksum mismatch", "Der Link ist beschädigt");
}

TEST_F(HostileInput, DecompressionBombIsStoppedAtTheCap) {
  // 192 KiB of zeros compress to under 100 bytes; a link can claim any unpacked size for them. The
  // declared size is checked against the cap (the 4 MiB document limit) before anything is unpacked
  // or allocated, so a link claiming 4 MiB + 1 — or 2^40 bytes — fails at once.
  const std::vector<std::uint8_t> zeros(192u * 1024u, 0);
  const std::vector<std::uint8_t> stream = compress::compress(zeros);
  ASSERT_LT(stream.size(), 100u);
  expectLinkRefused("#" + craftFragment(zeros, 4u * 1024u * 1024u + 1u, stream),
                    "The link says its board is 4,194,305 bytes unpacked, more than the limit of 4,194,304 bytes — "
                    "it was not unpacked.",
                    "4 MiB bomb", "Laut Link wäre sein Board entpackt 4.194.305 Bytes groß, mehr als die Grenze von 4.194.304 Bytes – es wurde nicht entpackt.");
  expectLinkRefused("#" + craftFragment(zeros, std::uint64_t{1} << 40, stream), "more than the limit", "1 TiB bomb", "mehr als die Grenze");

  // A bomb that lies (declares 64 KiB, carries 4 MiB): the decompressor never produces more than the
  // declared size — the output buffer is exactly that big and never grows — and the unread rest of
  // the stream marks the link as damaged.
  const std::size_t declared = 64u * 1024u;
  const auto unpacked = compress::decompress(stream, declared);
  EXPECT_EQ(unpacked.bytes.size(), declared);
  EXPECT_LE(unpacked.bytes.capacity(), declared);
  EXPECT_GT(unpacked.bytesUnused, 0u);
  expectLinkRefused("#" + craftFragment(std::vector<std::uint8_t>(declared, 0), declared, stream),
                    "The link is damaged", "lying bomb", "Der Link ist beschädigt");

  // Limits given by the caller are the cap (the app may use smaller ones).
  Limits small;
  small.maxBytes = 1000;
  const auto r = decodeLink("#" + craftFragment(zeros, 1001, stream), small);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(english(r.error()).find("more than the limit of 1,000 bytes"), std::string::npos) << english(r.error());
  EXPECT_NE(mapathy::ui::describe(r.error(), Lang::De).find("mehr als die Grenze von 1.000 Bytes"), std::string::npos);
}

TEST_F(HostileInput, InvalidUtf8) {
  // In a board file.
  std::string text = saveJson(samples::typicalGermanEmpathyMap());
  const auto at = text.find("Sabine");
  ASSERT_NE(at, std::string::npos);
  text[at + 2] = '\xC3';  // a lead byte followed by an ASCII letter
  expectFileRefused(text, "The text is not valid UTF-8 (at byte", "invalid UTF-8 in a file", "Der Text ist kein gültiges UTF-8 (bei Byte",
                    "The link's JSON is not valid UTF-8 text (at byte",
                    "Das JSON im Link ist kein gültiger UTF-8-Text (bei Byte");
  // Inside a compact link (behind a correct checksum).
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  b.title = "Titel";
  std::vector<std::uint8_t> raw = board_codec::serialize(b);
  bool patched = false;
  for (std::size_t i = 0; i + 5 <= raw.size() && !patched; ++i) {
    if (std::string(raw.begin() + static_cast<std::ptrdiff_t>(i), raw.begin() + static_cast<std::ptrdiff_t>(i + 5)) ==
        "Titel") {
      raw[i + 1] = 0xED;  // start of an encoded surrogate (ED A0 80 …), never valid UTF-8
      raw[i + 2] = 0xA0;
      raw[i + 3] = 0x80;
      patched = true;
    }
  }
  ASSERT_TRUE(patched);
  expectLinkRefused("#" + fragmentOfRawBoard(raw), "UTF-8", "invalid UTF-8 in a link", "ein Text ist kein gültiges UTF-8");
  // In a json= link.
  expectLinkRefused("#json=%7B%22format%22%3A%22%FF%22%7D", "The link's JSON is not valid UTF-8 text (at byte",
                    "invalid UTF-8 in a json= link", "Das JSON im Link ist kein gültiger UTF-8-Text (bei Byte");
}

TEST_F(HostileInput, JsonNestedAHundredThousandLevelsDeep) {
  json doc = typicalDocument();
  std::string text = doc.dump();
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto board = text.find("\"board\":{");
  ASSERT_NE(board, std::string::npos);
  text.insert(board + 9, "\"x\":" + deep + ",");  // inside "board", as an unknown field
  ASSERT_EQ(json::accept(text), true);              // deep but well-formed: the depth is what fails
  expectFileRefused(text, "The board is nested too deeply (more than 32 levels).", "100,000 levels", "Das Board ist zu tief verschachtelt (mehr als 32 Ebenen).");
  // Objects instead of arrays, and unbalanced (never closed).
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  expectFileRefused(objects, "nested too deeply", "100,000 unclosed objects", "zu tief verschachtelt");
}

TEST_F(HostileInput, NumbersOutOfRangeNanAndHugeExponents) {
  json doc = typicalDocument();
  doc["board"]["notes"][0]["colour"] = 99;
  expectFileRefused(doc.dump(), "board.notes[0].colour must be a palette index 0…", "colour 99", "board.notes[0].colour muss eine Farbnummer von 0 bis 7 sein");
  doc = typicalDocument();
  doc["board"]["notes"][0]["votes"] = -5;
  expectFileRefused(doc.dump(), "board.notes[0].votes", "votes -5", "board.notes[0].votes");
  doc = typicalDocument();
  doc["board"]["notes"][0]["order"] = 1e300;
  expectFileRefused(doc.dump(), "board.notes[0].order", "order 1e300", "board.notes[0].order");
  doc = typicalDocument();
  doc["board"]["notes"][0]["order"] = 9007199254740993.0 * 4;
  expectFileRefused(doc.dump(), "board.notes[0].order", "order beyond 2^53", "board.notes[0].order");

  // NaN and Infinity are not JSON; a huge exponent does not fit a double. The value is written as
  // the first field of the first note (which has its "votes" taken out, so it is the only one).
  doc = typicalDocument();
  doc["board"]["notes"][0].erase("votes");
  const std::string text = doc.dump();
  auto withVotes = [&](const std::string& value) {
    std::string t = text;
    const auto notes = t.find("\"notes\":[{");
    EXPECT_NE(notes, std::string::npos);
    t.insert(notes + 10, "\"votes\":" + value + ",");
    return t;
  };
  ASSERT_TRUE(loadJson(withVotes("3")).ok()) << english(loadJson(withVotes("3")).error());
  EXPECT_EQ(loadJson(withVotes("3"))->notes[0].votes, 3);
  expectFileRefused(withVotes("NaN"), "This is not valid JSON (syntax error at line", "NaN", "Das ist kein gültiges JSON (Syntaxfehler in Zeile");
  expectFileRefused(withVotes("Infinity"), "This is not valid JSON", "Infinity", "Das ist kein gültiges JSON");
  expectFileRefused(withVotes("1e999999"), "A number is too large to read at byte", "1e999999", "Eine Zahl ist zu groß zum Lesen (bei Byte");
  expectFileRefused(withVotes("-1e400"), "A number is too large to read", "-1e400", "Eine Zahl ist zu groß zum Lesen");
  expectFileRefused(withVotes("123456789012345678901234567890"), "board.notes[0].votes", "30-digit integer", "board.notes[0].votes");
  expectFileRefused(withVotes("2.5"), "board.notes[0].votes must be a whole number", "votes 2.5", "board.notes[0].votes muss eine ganze Zahl sein");
}

TEST_F(HostileInput, WrongTypes) {
  json doc = typicalDocument();
  doc["board"]["title"] = 42;
  expectFileRefused(doc.dump(), "board.title", "title 42", "board.title muss Text sein");
  doc = typicalDocument();
  doc["board"]["notes"] = "none";
  expectFileRefused(doc.dump(), "board.notes must be a list", "notes a string", "board.notes muss eine Liste sein");
  doc = typicalDocument();
  doc["board"]["notes"][3] = json::array({1, 2});
  expectFileRefused(doc.dump(), "board.notes[3] must be an object", "a note that is a list", "board.notes[3] muss ein Objekt sein");
  doc = typicalDocument();
  doc["board"]["notes"][0]["tags"] = json{{"a", 1}};
  expectFileRefused(doc.dump(), "board.notes[0].tags must be a list of text", "tags an object", "board.notes[0].tags muss eine Liste von Texten sein");
  doc = typicalDocument();
  doc["board"] = json::array();
  expectFileRefused(doc.dump(), "This file has no board (the \"board\" object is missing).", "board a list", "Diese Datei enthält kein Board (das Objekt „board“ fehlt).");
  expectFileRefused("[1,2,3]", "This is not a Mapathy board (expected a JSON object).", "a list", "Das ist kein Mapathy-Board (erwartet: ein JSON-Objekt).");
}

TEST_F(HostileInput, DuplicateIds) {
  json doc = typicalDocument();
  doc["board"]["notes"][5]["id"] = doc["board"]["notes"][2]["id"];
  const std::string id = doc["board"]["notes"][2]["id"].get<std::string>();
  expectFileRefused(doc.dump(), "Duplicate id \"" + id + "\" (board.notes[2] and board.notes[5]).", "two notes", "Doppelte ID \"" + id + "\" (board.notes[2] und board.notes[5]).");
  doc = typicalDocument();
  doc["board"]["notes"][0]["id"] = doc["board"]["sections"][1]["id"];
  expectFileRefused(doc.dump(), "Duplicate id", "a note with a section's id", "Doppelte ID");
  // Through a compact link (the binary form behind a correct checksum).
  Board b = samples::typicalGermanEmpathyMap();
  b.notes[7].id = b.notes[6].id;
  expectLinkRefused("#" + fragmentOfRawBoard(board_codec::serialize(b)), "Duplicate id", "duplicate in a link", "Doppelte ID");
}

TEST_F(HostileInput, NotesPointingAtMissingSections) {
  json doc = typicalDocument();
  doc["board"]["notes"][4]["section"] = "no-such-section";
  expectFileRefused(doc.dump(), "board.notes[4] refers to unknown section \"no-such-section\".", "missing section", "board.notes[4] verweist auf den unbekannten Bereich \"no-such-section\".");
  doc = typicalDocument();
  doc["board"]["sections"].erase(0);
  expectFileRefused(doc.dump(), "refers to unknown section", "section deleted under its notes", "verweist auf den unbekannten Bereich");
  // A journey note pointing at a stage that does not exist.
  Board j = makeBoard(BoardKind::Journey, "lifecycle", Lang::En).value();
  Note n;
  n.id = "n-1";
  n.stage = "gone";
  n.lane = j.lanes[0].id;
  j.notes.push_back(n);
  expectFileRefused(toJsonValue(j).dump(), "board.notes[0] refers to unknown stage \"gone\".", "missing stage", "board.notes[0] verweist auf die unbekannte Phase \"gone\".");
  expectLinkRefused("#" + fragmentOfRawBoard(board_codec::serialize(j)), "unknown stage", "missing stage in a link", "unbekannte Phase");
}

TEST_F(HostileInput, FormatVersionFromTheFuture) {
  json doc = typicalDocument();
  doc["version"] = 7;
  expectFileRefused(doc.dump(), "This board was made by a newer Mapathy (format version 7; this app reads up to 1)",
                    "version 7", "Dieses Board stammt von einer neueren Mapathy (Formatversion 7; diese App liest bis 1)");
  doc["version"] = 1e18;
  expectFileRefused(doc.dump(), "newer Mapathy", "version 1e18", "neueren Mapathy");
  doc["version"] = 0;
  expectFileRefused(doc.dump(), "Unknown format version 0.", "version 0", "Unbekannte Formatversion 0.");
  doc["version"] = "1";
  expectFileRefused(doc.dump(), "The format version must be a whole number.", "version as text", "Die Formatversion muss eine ganze Zahl sein.");
}

TEST_F(HostileInput, EmptyFragmentAndEmptyInput) {
  expectLinkRefused("https://example.org/mapathy/#", "The link has no board in it (nothing follows '#').",
                    "empty fragment", "Der Link enthält kein Board (nach „#“ folgt nichts).");
  expectLinkRefused("#   ", "nothing follows '#'", "blank fragment", "nach „#“ folgt nichts");
  expectLinkRefused("", "The link is empty.", "empty link", "Der Link ist leer.");
  expectLinkRefused("https://example.org/mapathy/", "The link has no board in it (it has no '#' part).", "no fragment", "Der Link enthält kein Board (er hat keinen Teil nach „#“).");
  expectLinkRefused("#json=", "The link has no board in it (nothing follows 'json=').", "empty json= form", "Der Link enthält kein Board (nach „json=“ folgt nichts).");
  expectFileRefused("", "", "empty file", "JSON", "", "nach „json=“ folgt nichts");
}

TEST_F(HostileInput, TenMegabyteNote) {
  const std::string tenMegabytes(10u * 1024u * 1024u, 'x');
  // As a file: refused by size before it is parsed.
  json doc = typicalDocument();
  doc["board"]["notes"][0]["text"] = tenMegabytes;
  expectFileRefused(doc.dump(), "The board is too big: 10,", "10 MB note in a file", "Das Board ist zu groß: 10.");
  // As a link with the note in it: longer than any link is read.
  Board b = samples::typicalGermanEmpathyMap();
  expectLinkRefused("#json=" + percentEncode(doc.dump()), "The link is too long (", "10 MB note in a json= link", "Der Link ist zu lang (");
  // As a compact link: its header declares the board's real size (over 10 MB), which is refused
  // before the stream is read (the stream here is only the board's first 64 KiB: compressing all
  // 10 MB would only slow the test down, and the decoder never looks at it).
  b.notes[0].text = tenMegabytes;
  const std::vector<std::uint8_t> raw = board_codec::serialize(b);
  const std::vector<std::uint8_t> prefix(raw.begin(), raw.begin() + 65536);
  const std::string fragment = craftFragment(raw, raw.size(), compress::compress(prefix));
  ASSERT_LT(fragment.size(), kMaxLinkChars);
  expectLinkRefused("#" + fragment, "more than the limit of 4,194,304 bytes — it was not unpacked.",
                    "10 MB note in a compact link", "mehr als die Grenze von 4.194.304 Bytes – es wurde nicht entpackt.");
  // Just over the per-note limit (4,000 bytes) in a small board: the text limit names the note.
  b.notes[0].text = std::string(4001, 'x');
  expectLinkRefused("#" + encodeFragment(b), "Text too long in board.notes[0].text: 4,001 bytes (the limit is 4,000).",
                    "4,001-byte note in a link", "Text zu lang in board.notes[0].text: 4.001 Bytes (die Grenze ist 4.000).");
  doc["board"]["notes"][0]["text"] = std::string(4001, 'x');
  expectFileRefused(doc.dump(), "Text too long in board.notes[0].text: 4,001 bytes", "4,001-byte note in a file", "Text zu lang in board.notes[0].text: 4.001 Bytes");
}

TEST_F(HostileInput, AHundredThousandNotes) {
  // As a file: small notes so the document stays under the size limit and the count is what fails.
  std::string text = R"({"format":"mapathy","version":1,"kind":"empathy-map","board":{"templateId":"classic","notes":[)";
  for (int i = 0; i < 100000; ++i) {
    if (i > 0) text += ',';
    text += "{\"id\":\"n" + std::to_string(i) + "\"}";
  }
  text += "]}}";
  ASSERT_LT(text.size(), Limits{}.maxBytes);
  expectFileRefused(text, "Too many notes: 100,000 (the limit is 5,000).", "100,000 notes in a file", "Zu viele Notizen: 100.000 (die Grenze ist 5.000).");
  // As a compact link: the count is checked against the limit before anything is allocated.
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  b.id = "b-1";
  b.notes.resize(100000);
  for (std::size_t i = 0; i < b.notes.size(); ++i) {
    b.notes[i].id = "n-" + std::to_string(i);
    b.notes[i].section = b.sections[0].id;
  }
  const std::string fragment = fragmentOfRawBoard(board_codec::serialize(b));
  expectLinkRefused("#" + fragment, "notes", "100,000 notes in a link", "Notizen");
  const auto r = decodeLink("#" + fragment);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(english(r.error()).find("100,000"), std::string::npos) << english(r.error());
  EXPECT_NE(mapathy::ui::describe(r.error(), Lang::De).find("100.000"), std::string::npos);
}

}  // namespace
}  // namespace mapathy
