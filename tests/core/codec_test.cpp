// Tests of the share-link internals: the context-mixing compressor, CRC-32, the compact binary board
// form, the UTF-8 checker, and the test-only lz-string reimplementation used as a size baseline.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "core/codec/board_codec.hpp"
#include "core/codec/compress.hpp"
#include "core/io/format.hpp"
#include "random_board.hpp"
#include "sample_boards.hpp"
#include "lz_string.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes bytesOf(std::string_view s) { return Bytes(s.begin(), s.end()); }

void expectRoundTrip(const Bytes& data) {
  const Bytes packed = compress::compress(data);
  const auto unpacked = compress::decompress(packed, data.size());
  EXPECT_EQ(unpacked.bytes, data);
}

// ---------------------------------------------------------------------------------------------
// Compressor
// ---------------------------------------------------------------------------------------------
TEST(Compressor, RoundTripsEmptyAndTinyInputs) {
  expectRoundTrip({});
  expectRoundTrip({0});
  expectRoundTrip({255});
  expectRoundTrip({0, 0, 0, 0, 0});
  expectRoundTrip(bytesOf("a"));
  expectRoundTrip(bytesOf("Kunde"));
}

TEST(Compressor, RoundTripsEveryByteValueAndRandomData) {
  Bytes all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<std::uint8_t>(i));
  expectRoundTrip(all);
  std::mt19937_64 rng(7);
  for (const std::size_t size : {1u, 3u, 17u, 100u, 1000u, 20000u}) {
    Bytes data(size);
    for (auto& b : data) b = static_cast<std::uint8_t>(rng());
    expectRoundTrip(data);
    // Random bytes cannot shrink; the coder's overhead stays small.
    EXPECT_LE(compress::compress(data).size(), size + size / 20 + 16) << size;
  }
}

TEST(Compressor, RoundTripsLongRunsAndText) {
  expectRoundTrip(Bytes(100000, 0));
  expectRoundTrip(Bytes(5000, 'x'));
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Wartet " + std::to_string(i) + " Minuten in der Hotline. Grüße, 😀\n";
  expectRoundTrip(bytesOf(text));
}

TEST(Compressor, CompressesRepetitiveDataHard) {
  EXPECT_LT(compress::compress(Bytes(100000, 0)).size(), 200u);
}

TEST(Compressor, PrimingTextMakesGermanNotesSmaller) {
  const std::string notes =
      std::string("Ich will nicht dreimal anrufen müssen") + '\0' + "Wartet 20 Minuten in der Hotline" + '\0' +
      "Kundenservice ruft nicht zurück" + '\0' + "Termin für den Rückruf vereinbaren" + '\0' +
      "Ist frustriert über die Wartezeit";
  const Bytes data = bytesOf(notes);
  const std::size_t unprimed = compress::compressUnprimed(data).size();
  for (const auto priming : {compress::Priming::Format1, compress::Priming::Format3}) {
    const std::size_t primed = compress::compress(data, priming).size();
    EXPECT_LT(primed * 10, unprimed * 9) << "primed " << primed << " vs unprimed " << unprimed;
    EXPECT_EQ(compress::decompress(compress::compress(data, priming), data.size(), priming).bytes, data);
  }
  // Format 1's priming held these very phrases (why link format 3 replaced it): it halves them.
  EXPECT_LT(compress::compress(data, compress::Priming::Format1).size() * 2, data.size());
  // The two primings are different models: a stream decodes only with its own.
  const Bytes three = compress::compress(data, compress::Priming::Format3);
  EXPECT_NE(compress::decompress(three, data.size(), compress::Priming::Format1).bytes, data);
}

TEST(Compressor, IsDeterministic) {
  const Bytes data = board_codec::serialize(samples::typicalGermanEmpathyMap());
  EXPECT_EQ(compress::compress(data), compress::compress(data));
}

TEST(Compressor, StreamHasNoTrailingZeroBytes) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 50; ++i) {
    Bytes data(static_cast<std::size_t>(rng() % 300));
    for (auto& b : data) b = static_cast<std::uint8_t>(rng() % 4);
    const Bytes packed = compress::compress(data);
    if (!packed.empty()) {
      EXPECT_NE(packed.back(), 0);
    }
    EXPECT_EQ(compress::decompress(packed, data.size()).bytes, data);
  }
}

TEST(Compressor, TruncatedStreamDecodesToDifferentBytesAndStopsEarly) {
  const Bytes data = board_codec::serialize(samples::typicalGermanEmpathyMap());
  const Bytes packed = compress::compress(data);
  const Bytes cut(packed.begin(), packed.begin() + static_cast<std::ptrdiff_t>(packed.size() / 2));
  const auto unpacked = compress::decompress(cut, data.size());
  EXPECT_NE(unpacked.bytes, data);
  EXPECT_GT(unpacked.bytesPastEnd, 0u);
}

TEST(Compressor, DecodingPastTheEndIsBoundedByTheRequestedSize) {
  // An empty stream read as zeros: whatever the model makes of it, never more than `size` bytes.
  // (How long it takes is a benchmark's business; the bound on the output is what is tested.)
  const auto unpacked = compress::decompress({}, 1u << 18);
  EXPECT_LE(unpacked.bytes.size(), 1u << 18);
}

TEST(Crc32, MatchesTheStandardCheckValue) {
  EXPECT_EQ(compress::crc32(bytesOf("123456789")), 0xCBF43926u);
  EXPECT_EQ(compress::crc32({}), 0u);
}

// ---------------------------------------------------------------------------------------------
// Binary board form
// ---------------------------------------------------------------------------------------------
void expectBoardRoundTrip(const Board& board) {
  const Bytes bytes = board_codec::serialize(board);
  const auto back = board_codec::deserialize(bytes);
  ASSERT_TRUE(back.ok()) << english(back.error());
  EXPECT_EQ(*back, board);
}

TEST(BoardCodec, RoundTripsTheSampleAndEmptyBoards) {
  expectBoardRoundTrip(samples::typicalGermanEmpathyMap());
  expectBoardRoundTrip(Board{});
  Board journey;
  journey.kind = BoardKind::Journey;
  expectBoardRoundTrip(journey);
  for (const Lang lang : {Lang::De, Lang::En}) {
    for (const auto& info : listTemplates(lang)) expectBoardRoundTrip(makeBoard(info.kind, info.id, lang).value());
  }
}

TEST(BoardCodec, TemplatePartsCostAlmostNothing) {
  const Board fresh = makeBoard(BoardKind::EmpathyMap, "canvas", Lang::De).value();
  EXPECT_LT(board_codec::serialize(fresh).size(), 60u);
  const Board journey = makeBoard(BoardKind::Journey, "lifecycle", Lang::En).value();
  EXPECT_LT(board_codec::serialize(journey).size(), 80u);
}

TEST(BoardCodec, RoundTripsCustomisedAndUnusualBoards) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  b.sections[1].title = "Denkt & fühlt";             // customised template section
  b.sections[2].rect.w = -0.0f;                      // sign of zero survives
  std::swap(b.sections[0], b.sections[3]);           // reordered
  b.sections.push_back(makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value().sections[0]);  // other language
  b.personaRect = Rect{1.5f, 2.25f, 3.0f, 1e-7f};
  b.templateId = "my-own";                           // unknown template: everything in full
  b.extra = nlohmann::json{{"future", {1, 2, {{"x", nullptr}}}}};
  b.persona.extra = nlohmann::json::object();        // an empty object is not null
  for (const char* id : {"n-00", "n-A", "-", "x-", "plain", "a-b-c-1z", "s-zzzzzzzzzzzz", "s-1", "s-0", "s-10", "", "n-1"}) {
    Note n;
    n.id = id;
    static const char kWeird[] = "null \0 and one \x01 byte, tab\t, newline\n, 😀 ß";
    n.text = std::string(kWeird, sizeof(kWeird) - 1);
    n.section = b.sections[0].id;
    n.order = -5;
    n.created = 18446744073709551615u;
    n.modified = 3;
    n.votes = -2;
    n.colour = 7;
    n.tags = {"", "wichtig"};
    n.author = "Ä";
    n.extra = nlohmann::json{{"reactions", {"👍"}}};
    b.notes.push_back(n);
  }
  b.notes[1].section = "nowhere";  // dangling references are kept (validate() judges them)
  b.notes[2].stage = "stage-x";
  Action a;
  a.id = "act";
  a.notes = {"n-00", "missing", "n-A"};
  a.status = ActionStatus::Done;
  a.created = 5;
  a.modified = 2;
  b.actions.push_back(a);
  expectBoardRoundTrip(b);

  Board j = makeBoard(BoardKind::Journey, "lifecycle", Lang::De).value();
  j.stages[0].description = "geändert";
  j.lanes[0].extra = nlohmann::json{{"collapsed", true}};
  for (auto& lane : j.lanes) {
    lane.showToBe = true;
    lane.emotions[j.stages[1].id] = EmotionScore{-2, 2, "Warteschleife"};
    lane.emotions["unknown-stage"] = EmotionScore{std::nullopt, 1, ""};
    lane.gaps[j.stages[0].id] = GapScore{2, -1};
    lane.gaps[j.stages[2].id] = GapScore{std::nullopt, std::nullopt};
  }
  expectBoardRoundTrip(j);
}

TEST(BoardCodec, RoundTripsRandomBoards) {
  std::mt19937_64 rng(20251123);
  for (int i = 0; i < 150; ++i) {
    const BoardKind kind = i % 2 ? BoardKind::Journey : BoardKind::EmpathyMap;
    const Board b = randomBoard(rng, kind, static_cast<int>(rng() % 60));
    const Bytes bytes = board_codec::serialize(b);
    const auto back = board_codec::deserialize(bytes);
    ASSERT_TRUE(back.ok()) << english(back.error()) << "\n" << saveJson(b);
    ASSERT_EQ(*back, b) << "board " << i;
  }
}

TEST(BoardCodec, EveryTruncationAndEveryByteFlipFailsCleanlyOrRoundTrips) {
  const Board b = samples::typicalGermanEmpathyMap();
  const Bytes bytes = board_codec::serialize(b);
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    const auto r = board_codec::deserialize(std::span<const std::uint8_t>(bytes).first(n));
    ASSERT_FALSE(r.ok()) << "prefix of " << n << " bytes was accepted";
    EXPECT_FALSE(english(r.error()).empty());
  }
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (const int mask : {0x01, 0x80, 0xFF}) {
      Bytes flipped = bytes;
      flipped[i] = static_cast<std::uint8_t>(flipped[i] ^ mask);
      const auto r = board_codec::deserialize(flipped);  // must not crash; any result is fine
      if (!r.ok()) {
        EXPECT_FALSE(english(r.error()).empty());
      }
    }
  }
}

TEST(BoardCodec, RefusesHugeCountsWithoutAllocating) {
  // kind, lang, template ref, three empty strings via a text stream, times, clock, no extra, persona mask 0,
  // then a section count of 2^62.
  Bytes bytes = {3, 0, 0, 0, /* structure: */ 0, 1, 1, 0, 0, 0, 0, 0};
  for (const int b : {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40}) bytes.push_back(static_cast<std::uint8_t>(b));
  const auto r = board_codec::deserialize(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(english(r.error()).find("sections"), std::string::npos) << english(r.error());
}

TEST(BoardCodec, RejectsInvalidUtf8InStrings) {
  Board b;
  b.title = "ok";
  Bytes bytes = board_codec::serialize(b);
  // The text stream starts after its length byte: id "" (0), then title "ok" (o, k, 0).
  ASSERT_EQ(bytes[2], 'o');
  bytes[2] = 0xC3;  // lead byte followed by 'k': broken sequence
  const auto r = board_codec::deserialize(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(english(r.error()).find("UTF-8"), std::string::npos) << english(r.error());
}

TEST(BoardCodec, RejectsDeeplyNestedExtraFields) {
  Board b;
  nlohmann::json deep = 1;
  for (int i = 0; i < 40; ++i) deep = nlohmann::json::array({deep});
  b.extra = nlohmann::json{{"deep", deep}};
  const auto r = board_codec::deserialize(board_codec::serialize(b));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(english(r.error()).find("nested"), std::string::npos) << english(r.error());
}

TEST(Utf8, AcceptsWellFormedAndFindsTheFirstBadByte) {
  using board_codec::firstInvalidUtf8;
  constexpr auto npos = std::string_view::npos;
  EXPECT_EQ(firstInvalidUtf8("Grüße 😀 中文 ß"), npos);
  EXPECT_EQ(firstInvalidUtf8(""), npos);
  EXPECT_EQ(firstInvalidUtf8("ab\xC3"), 2u);              // cut sequence
  EXPECT_EQ(firstInvalidUtf8("a\xC0\xAF"), 1u);           // overlong '/'
  EXPECT_EQ(firstInvalidUtf8("\xED\xA0\x80"), 0u);        // UTF-16 surrogate
  EXPECT_EQ(firstInvalidUtf8("x\xF4\x90\x80\x80"), 1u);   // above U+10FFFF
  EXPECT_EQ(firstInvalidUtf8("ok\xFF"), 2u);
  EXPECT_EQ(firstInvalidUtf8("\x80"), 0u);                // lone continuation byte
}

// ---------------------------------------------------------------------------------------------
// lz-string reimplementation (test-only baseline). Expected values come from the npm package
// lz-string 1.5.0 (see tools/linksize.mjs --lz-string-of).
// ---------------------------------------------------------------------------------------------
TEST(LzStringBaseline, MatchesTheReferenceImplementation) {
  using baseline::lzStringCompressToEncodedURIComponent;
  EXPECT_EQ(lzStringCompressToEncodedURIComponent(""), "Q");
  EXPECT_EQ(lzStringCompressToEncodedURIComponent("hello"), "BYUwNmD2Q");
  EXPECT_EQ(lzStringCompressToEncodedURIComponent("Grüße aus Köln 😀 ababababab"),
            "OIJwPw+wpgBAhgVwM4wNIDeA2A7GheDcAA9+AIzlPLKA");
  EXPECT_EQ(lzStringCompressToEncodedURIComponent("{\"a\":[1,2,3],\"b\":\"Übergröße\"}"),
            "N4IghiBcDaCMA0AmeBmAuvEAjKIA7WApgE4DmxAbwPuEgC+QA");
}

}  // namespace
}  // namespace mapathy
