// Tests of the QR encoder: the structure the standard fixes (finder, separator, timing and alignment
// patterns, the dark module, BCH-checked format and version information), symbol sizes, the
// capacity table, and an independent decode: every code is rendered to a PGM image and read back
// by zbar (`zbarimg`, Debian package zbar-tools), which must return exactly the encoded text.
#include "core/qr/qr.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/edit/merge.hpp"
#include "core/codec/share_link.hpp"
#include "sample_boards.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

constexpr std::array<QrEcc, 4> kLevels = {QrEcc::L, QrEcc::M, QrEcc::Q, QrEcc::H};

// ---- an independent reading of the symbol ----------------------------------------------------

// Remainder of `value` divided by `generator` over GF(2) (polynomials as bit masks).
int polyRemainder(int value, int generator) {
  int genBits = 0;
  for (int g = generator; g != 0; g >>= 1) ++genBits;
  for (int bit = 30; bit >= genBits - 1; --bit) {
    if ((value >> bit) & 1) value ^= generator << (bit - (genBits - 1));
  }
  return value;
}

// The 15 format bits around the top-left finder (bit 14 first, as ISO/IEC 18004 figure 25 orders them).
int formatCopyA(const QrCode& c) {
  int bits = 0;
  auto take = [&](int x, int y) { bits = (bits << 1) | (c.at(x, y) ? 1 : 0); };
  // bits 14..9 on row 8, columns 0..5; bit 8 at (7,8); bit 7 at (8,8); bit 6 at (8,7); bits 5..0 column 8, rows 5..0
  for (int x = 0; x <= 5; ++x) take(x, 8);
  take(7, 8);
  take(8, 8);
  take(8, 7);
  for (int y = 5; y >= 0; --y) take(8, y);
  return bits;
}

// The second copy: bits 14..8 down column 8 at the bottom left, bits 7..0 along row 8 at the top right.
int formatCopyB(const QrCode& c) {
  int bits = 0;
  auto take = [&](int x, int y) { bits = (bits << 1) | (c.at(x, y) ? 1 : 0); };
  for (int y = c.size - 1; y >= c.size - 7; --y) take(8, y);
  for (int x = c.size - 8; x < c.size; ++x) take(x, 8);
  return bits;
}

bool finderAt(const QrCode& c, int left, int top) {
  for (int dy = -1; dy <= 7; ++dy) {
    for (int dx = -1; dx <= 7; ++dx) {
      const int ring = std::max(std::abs(2 * dx - 6), std::abs(2 * dy - 6)) / 2;  // 0 centre … 4 separator
      const bool want = ring <= 1 || ring == 3;
      const int x = left + dx;
      const int y = top + dy;
      if (x < 0 || y < 0 || x >= c.size || y >= c.size) continue;
      if (c.at(x, y) != want) return false;
    }
  }
  return true;
}

// ---- rendering and zbar ----------------------------------------------------------------------

std::string writePgm(const QrCode& c, const std::string& name, int scale = 4, int quiet = 4) {
  const int side = (c.size + 2 * quiet) * scale;
  std::string pixels(static_cast<std::size_t>(side) * static_cast<std::size_t>(side), '\xff');
  for (int y = 0; y < c.size; ++y) {
    for (int x = 0; x < c.size; ++x) {
      if (!c.at(x, y)) continue;
      for (int sy = 0; sy < scale; ++sy) {
        for (int sx = 0; sx < scale; ++sx) {
          const int px = (x + quiet) * scale + sx;
          const int py = (y + quiet) * scale + sy;
          pixels[static_cast<std::size_t>(py) * static_cast<std::size_t>(side) + static_cast<std::size_t>(px)] = '\0';
        }
      }
    }
  }
  const std::filesystem::path path = std::filesystem::temp_directory_path() / ("mapathy_qr_" + name + ".pgm");
  std::ofstream out(path, std::ios::binary);
  out << "P5\n" << side << " " << side << "\n255\n";
  out.write(pixels.data(), static_cast<std::streamsize>(pixels.size()));
  return path.string();
}

std::string zbarPath() {
  for (const char* candidate : {"/usr/bin/zbarimg", "/usr/local/bin/zbarimg", "/bin/zbarimg"}) {
    if (std::filesystem::exists(candidate)) return candidate;
  }
  return "";
}

// Runs `zbarimg --raw -q` and returns what it printed, without the one newline it appends.
// zbar transcodes byte-mode text it guesses to be in another charset; `-Sbinary` makes it hand
// the bytes through exactly as stored.
std::string zbarDecode(const std::string& imagePath, int* exitCode) {
  const std::string command = zbarPath() + " --raw -q -Sbinary '" + imagePath + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *exitCode = -1;
    return "";
  }
  std::string out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  *exitCode = pclose(pipe);
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

void expectZbarReads(const std::string& text, const QrOptions& options, const std::string& name) {
  ASSERT_FALSE(zbarPath().empty()) << "zbarimg was not found: install Debian's zbar-tools (emsdk-setup.sh does). "
                                      "The QR encoder is only tested for real when an independent decoder reads it.";
  Result<QrCode> code = encodeQr(text, options);
  ASSERT_TRUE(code.ok()) << english(code.error());
  const std::string path = writePgm(*code, name);
  int exitCode = 0;
  const std::string decoded = zbarDecode(path, &exitCode);
  EXPECT_EQ(exitCode, 0) << "zbarimg found no code in " << path << " (version " << code->version << ", level "
                         << toString(code->ecc) << ", mask " << code->mask << ")";
  EXPECT_EQ(decoded, text) << "version " << code->version << ", level " << toString(code->ecc) << ", mask "
                           << code->mask;
  if (decoded == text) std::filesystem::remove(path);
}

std::string linkLikeText(std::size_t length, std::uint64_t seed) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::mt19937_64 rng(seed);
  std::string s;
  for (std::size_t i = 0; i < length; ++i) s += kAlphabet[rng() % 64];
  return s;
}

// ---- structure --------------------------------------------------------------------------------

TEST(Qr, SizeIs17Plus4TimesVersion) {
  ASSERT_EQ(std::string_view("http://m.de/#1").size(), qrByteCapacity(1, QrEcc::M));
  for (int v = kQrMinVersion; v <= kQrMaxVersion; ++v) {
    QrOptions o;
    o.minVersion = v;
    Result<QrCode> c = encodeQr("http://m.de/#1", o);  // 14 bytes: the most version 1 holds at M
    ASSERT_TRUE(c.ok()) << english(c.error());
    EXPECT_EQ(c->version, v);
    EXPECT_EQ(c->size, 17 + 4 * v);
    EXPECT_EQ(c->modules.size(), static_cast<std::size_t>(c->size * c->size));
  }
}

TEST(Qr, FinderSeparatorTimingAndDarkModule) {
  for (int v : {1, 2, 7, 21, 40}) {
    QrOptions o;
    o.minVersion = v;
    o.ecc = kLevels[static_cast<std::size_t>(v) % 4];
    Result<QrCode> c = encodeQr("Kundin ruft an", o);
    ASSERT_TRUE(c.ok());
    const int s = c->size;
    EXPECT_TRUE(finderAt(*c, 0, 0)) << "v" << v;
    EXPECT_TRUE(finderAt(*c, s - 7, 0)) << "v" << v;
    EXPECT_TRUE(finderAt(*c, 0, s - 7)) << "v" << v;
    EXPECT_FALSE(finderAt(*c, s - 7, s - 7)) << "no finder bottom right";
    for (int i = 8; i < s - 8; ++i) {
      EXPECT_EQ(c->at(i, 6), i % 2 == 0) << "horizontal timing v" << v << " x" << i;
      EXPECT_EQ(c->at(6, i), i % 2 == 0) << "vertical timing v" << v << " y" << i;
    }
    EXPECT_TRUE(c->at(8, s - 8)) << "the dark module";
  }
}

TEST(Qr, AlignmentPatternsWhereTheStandardPutsThem) {
  // Annex E: version 7 → 6, 22, 38; version 32 → 6, 34, 60, 86, 112, 138 (the irregular one).
  struct Case {
    int version;
    std::vector<int> centres;
  };
  for (const Case& k : {Case{2, {6, 18}}, Case{7, {6, 22, 38}}, Case{32, {6, 34, 60, 86, 112, 138}},
                        Case{40, {6, 30, 58, 86, 114, 142, 170}}}) {
    QrOptions o;
    o.minVersion = k.version;
    Result<QrCode> c = encodeQr("x", o);
    ASSERT_TRUE(c.ok());
    const std::size_t n = k.centres.size();
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        if ((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0)) continue;
        const int cx = k.centres[i];
        const int cy = k.centres[j];
        for (int dy = -2; dy <= 2; ++dy) {
          for (int dx = -2; dx <= 2; ++dx) {
            const bool want = std::max(std::abs(dx), std::abs(dy)) != 1;
            EXPECT_EQ(c->at(cx + dx, cy + dy), want) << "v" << k.version << " alignment at " << cx << "," << cy;
          }
        }
      }
    }
  }
}

TEST(Qr, FormatInformationIsBchCodedAndNamesLevelAndMask) {
  const std::array<int, 4> levelBits = {1, 0, 3, 2};  // L M Q H
  for (std::size_t l = 0; l < kLevels.size(); ++l) {
    for (int mask = 0; mask < 8; ++mask) {
      QrOptions o;
      o.ecc = kLevels[l];
      o.mask = mask;
      Result<QrCode> c = encodeQr("https://mapathy.example/#1", o);
      ASSERT_TRUE(c.ok());
      const int a = formatCopyA(*c);
      EXPECT_EQ(a, formatCopyB(*c)) << "both copies agree";
      const int unmasked = a ^ 0x5412;
      EXPECT_EQ(polyRemainder(unmasked, 0x537), 0) << "BCH(15,5) codeword";
      EXPECT_EQ(unmasked >> 13, levelBits[l]);
      EXPECT_EQ((unmasked >> 10) & 7, mask);
      EXPECT_EQ(c->mask, mask);
    }
  }
}

TEST(Qr, VersionInformationFromVersion7) {
  for (int v = 7; v <= kQrMaxVersion; ++v) {
    QrOptions o;
    o.minVersion = v;
    Result<QrCode> c = encodeQr("v", o);
    ASSERT_TRUE(c.ok());
    const int s = c->size;
    int topRight = 0;
    int bottomLeft = 0;
    for (int i = 17; i >= 0; --i) {  // bit i sits at (s − 11 + i % 3, i / 3) and mirrored
      topRight = (topRight << 1) | (c->at(s - 11 + i % 3, i / 3) ? 1 : 0);
      bottomLeft = (bottomLeft << 1) | (c->at(i / 3, s - 11 + i % 3) ? 1 : 0);
    }
    EXPECT_EQ(topRight, bottomLeft) << "v" << v;
    EXPECT_EQ(topRight >> 12, v);
    EXPECT_EQ(polyRemainder(topRight, 0x1F25), 0) << "BCH(18,6) codeword, v" << v;
  }
}

// ---- capacity ---------------------------------------------------------------------------------

TEST(Qr, ByteCapacityMatchesTheStandardsTable) {
  struct Row {
    int version;
    std::array<std::size_t, 4> lmqh;
  };
  // ISO/IEC 18004 table 7, byte mode.
  for (const Row& r : {Row{1, {17, 14, 11, 7}}, Row{2, {32, 26, 20, 14}}, Row{5, {106, 84, 60, 44}},
                       Row{7, {154, 122, 86, 64}}, Row{10, {271, 213, 151, 119}}, Row{20, {858, 666, 482, 382}},
                       Row{40, {2953, 2331, 1663, 1273}}}) {
    for (std::size_t l = 0; l < 4; ++l) {
      EXPECT_EQ(qrByteCapacity(r.version, kLevels[l]), r.lmqh[l]) << "v" << r.version << " " << toString(kLevels[l]);
    }
  }
  EXPECT_EQ(qrByteCapacity(0, QrEcc::L), 0u);
  EXPECT_EQ(qrByteCapacity(41, QrEcc::L), 0u);
  for (QrEcc e : kLevels) {
    for (int v = 2; v <= kQrMaxVersion; ++v) EXPECT_GT(qrByteCapacity(v, e), qrByteCapacity(v - 1, e));
  }
}

TEST(Qr, SmallestVersionThatFitsIsChosen) {
  for (QrEcc e : kLevels) {
    for (int v : {1, 9, 10, 26, 39}) {
      const std::size_t cap = qrByteCapacity(v, e);
      QrOptions o;
      o.ecc = e;
      EXPECT_EQ(encodeQr(std::string(cap, 'a'), o)->version, v);
      EXPECT_EQ(encodeQr(std::string(cap + 1, 'a'), o)->version, v + 1);
      EXPECT_EQ(qrVersionFor(cap, e), v);
      EXPECT_EQ(qrVersionFor(cap + 1, e), v + 1);
    }
  }
}

TEST(Qr, TooLongForVersion40IsAnError) {
  QrOptions o;
  o.ecc = QrEcc::M;
  EXPECT_TRUE(encodeQr(std::string(2331, 'a'), o).ok());
  Result<QrCode> r = encodeQr(std::string(2332, 'a'), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(english(r.error()), "The text is 2,332 bytes; a QR code at level M holds at most 2,331.");
  EXPECT_EQ(qrVersionFor(2954, QrEcc::L), 0);
  o.maxVersion = 5;
  EXPECT_FALSE(encodeQr(std::string(85, 'a'), o).ok());
  o.minVersion = 6;
  EXPECT_FALSE(encodeQr("a", o).ok()) << "min above max";
  o = {};
  o.mask = 8;
  EXPECT_FALSE(encodeQr("a", o).ok());
}

TEST(Qr, EmptyTextIsAValidCode) {
  Result<QrCode> c = encodeQr("");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->version, 1);
}

TEST(Qr, SvgHasQuietZoneAndOneRectanglePerRun) {
  QrOptions o;
  o.ecc = QrEcc::L;
  Result<QrCode> c = encodeQr("Hallo", o);
  ASSERT_TRUE(c.ok());
  const std::string svg = qrToSvg(*c, 4);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\"", 0), 0u) << svg.substr(0, 80);
  EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos) << "top row of the top-left finder";
  int runs = 0;
  for (int y = 0; y < c->size; ++y) {
    for (int x = 0; x < c->size; ++x) {
      if (c->at(x, y) && !c->at(x - 1, y)) ++runs;
    }
  }
  std::size_t paths = 0;
  for (std::size_t p = svg.find('M'); p != std::string::npos; p = svg.find('M', p + 1)) ++paths;
  EXPECT_EQ(paths, static_cast<std::size_t>(runs));
  EXPECT_NE(qrToSvg(*c, 0).find("M0 0h7v1h-7z"), std::string::npos);
}

TEST(Qr, DeterministicAndMaskChosenByPenalty) {
  const std::string text = "https://mapathy.example/#1ABCdef";
  Result<QrCode> a = encodeQr(text);
  Result<QrCode> b = encodeQr(text);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->modules, b->modules);
  // Forcing the chosen mask gives the same symbol; the other masks give different ones.
  for (int m = 0; m < 8; ++m) {
    QrOptions o;
    o.mask = m;
    Result<QrCode> forced = encodeQr(text, o);
    ASSERT_TRUE(forced.ok());
    EXPECT_EQ(forced->modules == a->modules, m == a->mask) << "mask " << m;
  }
}

// ---- independent decode by zbar ---------------------------------------------------------------

TEST(QrZbar, ZbarimgIsInstalled) {
  EXPECT_FALSE(zbarPath().empty()) << "zbarimg was not found: install Debian's zbar-tools (emsdk-setup.sh does).";
}

TEST(QrZbar, AsciiAndGermanUmlauts) {
  expectZbarReads("Hello, Mapathy!", {}, "ascii");
  expectZbarReads("Grüße aus Köln: Kundin ärgert sich über die Öffnungszeiten, Straße gesperrt. ß ÄÖÜ", {}, "umlauts");
  QrOptions h;
  h.ecc = QrEcc::H;
  expectZbarReads("Größe 😀 „Zitat“ — 中文", h, "utf8_h");
}

TEST(QrZbar, EveryMaskDecodes) {
  for (int m = 0; m < 8; ++m) {
    QrOptions o;
    o.mask = m;
    o.ecc = kLevels[static_cast<std::size_t>(m) % 4];
    expectZbarReads("Maske " + std::to_string(m) + ": https://mapathy.example/#1" + linkLikeText(60, 7U + static_cast<std::uint64_t>(m)), o,
                    "mask" + std::to_string(m));
  }
}

TEST(QrZbar, RealShareLinkOfAThousandCharacters) {
  // A real link: the typical German board's link, cut to its first 1,000 characters would not be
  // a link any more, so take the whole link of a board that is about that long.
  Board board = samples::typicalGermanEmpathyMap();
  board.actions.clear();  // its action links notes that are taken away below
  std::string link = encodeLink(board, "https://mapathy-app.github.io/mapathy/");
  while (link.size() > 1000 && !board.notes.empty()) {
    board.notes.pop_back();
    link = encodeLink(board, "https://mapathy-app.github.io/mapathy/");
  }
  ASSERT_GT(link.size(), 800u);
  ASSERT_LE(link.size(), 1000u);
  ASSERT_TRUE(decodeLink(link).ok());
  for (QrEcc e : {QrEcc::L, QrEcc::M, QrEcc::Q}) {
    QrOptions o;
    o.ecc = e;
    expectZbarReads(link, o, std::string("link_") + toString(e));
  }
}

// Both directions of a workshop: the facilitator's link shown to the room, and a participant's
// contribution (a delta with votes) sent back. zbar must read each code back to the exact link,
// and the link it read must still decode and merge.
TEST(QrZbar, FacilitatorLinkAndContributionLinkBothDecode) {
  const std::string baseUrl = "https://mapathy-app.github.io/mapathy/";
  const Board facilitator = samples::typicalGermanEmpathyMap();
  const std::string roomLink = encodeLink(facilitator, baseUrl);
  expectZbarReads(roomLink, {}, "to_room");

  Board participant = facilitator;
  const std::vector<std::string> texts = {"Wartezeit zu lang", "Will Rückruf", "Kennt Tarif nicht",
                                          "Ärger über Brief", "Sucht Kundennummer"};
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Note n;
    n.id = "qrp-" + std::to_string(i + 1);
    n.text = texts[i];
    n.section = facilitator.sections[i % facilitator.sections.size()].id;
    n.created = n.modified = ++participant.clock;
    n.order = 1000000 + static_cast<std::int64_t>(i);
    participant.notes.push_back(n);
  }
  setVotesPerPerson(participant, 3);
  ASSERT_TRUE(placeVote(participant, facilitator.notes.front().id, "qr-voter", 2));
  const std::string backLink = encodeLink(makeDelta(facilitator, participant, "qr-voter"), baseUrl);
  ASSERT_LT(backLink.size(), roomLink.size());
  expectZbarReads(backLink, {}, "to_facilitator");

  // What zbar read is the link itself, so the facilitator's merge of the scanned text works.
  Result<QrCode> code = encodeQr(backLink);
  ASSERT_TRUE(code.ok());
  int exitCode = 0;
  const std::string scanned = zbarDecode(writePgm(*code, "to_facilitator_merge"), &exitCode);
  ASSERT_EQ(scanned, backLink);
  Result<Board> delta = decodeLink(scanned);
  ASSERT_TRUE(delta.ok()) << english(delta.error());
  EXPECT_TRUE(delta->isDelta);
  Result<MergeResult> merged = merge(facilitator, *delta);
  ASSERT_TRUE(merged.ok()) << english(merged.error());
  EXPECT_EQ(merged->summary.addedNotes.size(), texts.size());
  EXPECT_EQ(findNote(merged->board, facilitator.notes.front().id)->votes, facilitator.notes.front().votes + 2);
}

// Exactly full codes at each level, for versions that change the layout (first alignment pattern,
// first version information, 16-bit count, irregular alignment step, the largest): a wrong block
// table or placement shows up here as a code zbar cannot read.
TEST(QrZbar, CapacityBoundariesAtEachLevel) {
  std::uint64_t seed = 1;
  for (int v : {1, 2, 6, 7, 9, 10, 14, 27, 32, 40}) {
    for (QrEcc e : kLevels) {
      const std::size_t cap = qrByteCapacity(v, e);
      QrOptions o;
      o.ecc = e;
      o.minVersion = v;
      o.maxVersion = v;
      expectZbarReads(linkLikeText(cap, ++seed), o, "cap_v" + std::to_string(v) + toString(e));
    }
  }
}

// Every version at one level each (rotating), full, so every row of the block table is read once.
TEST(QrZbar, EveryVersionDecodes) {
  for (int v = kQrMinVersion; v <= kQrMaxVersion; ++v) {
    const QrEcc e = kLevels[static_cast<std::size_t>(v) % 4];
    QrOptions o;
    o.ecc = e;
    o.minVersion = v;
    o.maxVersion = v;
    expectZbarReads(linkLikeText(qrByteCapacity(v, e), 1000U + static_cast<std::uint64_t>(v)), o,
                    "every_v" + std::to_string(v));
  }
}

}  // namespace
}  // namespace mapathy
