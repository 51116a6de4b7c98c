// QR code encoder, ISO/IEC 18004 model 2, byte mode. See qr.hpp.
//
// Steps, as the standard orders them: pick the smallest version whose data capacity holds the bit
// stream → build the bit stream (mode, count, bytes, terminator, pad codewords) → split into blocks
// and append each block's Reed–Solomon codewords → interleave → place in the zigzag around the
// function patterns → try the eight masks, keep the lowest penalty → write format (and version) info.
#include "core/qr/qr.hpp"
#include "core/base/text.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace mapathy {
namespace {

// ---------------------------------------------------------------------------------------------
// Tables of the standard (ISO/IEC 18004, table 9): per level L, M, Q, H and version 1..40, the
// Reed–Solomon codewords of one block and the number of blocks. Index 0 is unused.
// ---------------------------------------------------------------------------------------------
constexpr std::array<std::array<std::int8_t, 41>, 4> kEccPerBlock = {{
    {-1, 7,  10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}};
constexpr std::array<std::array<std::int8_t, 41>, 4> kBlocks = {{
    {-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4,  4,  4,  4,  4,  6,  6,  6,  6,  7,  8,
     8,  9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {-1, 1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,  10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {-1, 1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8,  10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {-1, 1,  1,  2,  4,  4,  4,  5,  6,  8,  8,  11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}};

int eccIndex(QrEcc ecc) { return static_cast<int>(ecc); }
std::size_t idx(int i) { return static_cast<std::size_t>(i); }

// The two format-information bits that name the level (table 12): L 01, M 00, Q 11, H 10.
int eccFormatBits(QrEcc ecc) {
  switch (ecc) {
    case QrEcc::L: return 1;
    case QrEcc::M: return 0;
    case QrEcc::Q: return 3;
    case QrEcc::H: return 2;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator α = 2.
// ---------------------------------------------------------------------------------------------
struct Galois {
  std::array<std::uint8_t, 512> exp{};  // doubled so exp[log a + log b] needs no modulo
  std::array<int, 256> log{};
  Galois() {
    int x = 1;
    for (int i = 0; i < 255; ++i) {
      exp[idx(i)] = static_cast<std::uint8_t>(x);
      log[idx(x)] = i;
      x <<= 1;
      if (x & 0x100) x ^= 0x11D;
    }
    for (int i = 255; i < 512; ++i) exp[idx(i)] = exp[idx(i - 255)];
  }
  [[nodiscard]] std::uint8_t mul(std::uint8_t a, std::uint8_t b) const {
    if (a == 0 || b == 0) return 0;
    return exp[idx(log[a] + log[b])];
  }
};

const Galois& galois() {
  static const Galois g;
  return g;
}

// Generator polynomial ∏_{i<n} (x − α^i), coefficients highest degree first (the leading 1 included).
std::vector<std::uint8_t> rsGenerator(int degree) {
  const Galois& gf = galois();
  std::vector<std::uint8_t> g{1};
  for (int i = 0; i < degree; ++i) {
    const std::uint8_t root = gf.exp[idx(i)];
    std::vector<std::uint8_t> next(g.size() + 1, 0);
    for (std::size_t k = 0; k < g.size(); ++k) {
      next[k] ^= g[k];                    // g · x
      next[k + 1] ^= gf.mul(g[k], root);  // g · α^i   (− is + in GF(2^8))
    }
    g = std::move(next);
  }
  return g;
}

// Remainder of data(x) · x^n divided by the generator: the n error-correction codewords.
std::vector<std::uint8_t> rsRemainder(const std::vector<std::uint8_t>& data, const std::vector<std::uint8_t>& gen) {
  const Galois& gf = galois();
  const std::size_t n = gen.size() - 1;
  std::vector<std::uint8_t> buf(data);
  buf.resize(data.size() + n, 0);
  for (std::size_t i = 0; i < data.size(); ++i) {
    const std::uint8_t coef = buf[i];
    if (coef == 0) continue;
    for (std::size_t j = 1; j <= n; ++j) buf[i + j] ^= gf.mul(gen[j], coef);
  }
  return {buf.begin() + static_cast<std::ptrdiff_t>(data.size()), buf.end()};
}

// ---------------------------------------------------------------------------------------------
// Symbol layout
// ---------------------------------------------------------------------------------------------
int sizeOf(int version) { return 17 + 4 * version; }

// Centres of the alignment patterns along one axis (Annex E): 6, then evenly spaced (even steps)
// back from size − 7. Version 32 is the one version whose step the even-rounding rule misses.
std::vector<int> alignmentCentres(int version) {
  if (version == 1) return {};
  const int count = version / 7 + 2;
  const int size = sizeOf(version);
  const int step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
  std::vector<int> centres(idx(count));
  centres[0] = 6;
  for (int i = count - 1, pos = size - 7; i >= 1; --i, pos -= step) centres[idx(i)] = pos;
  return centres;
}

// Format information: 2 level bits + 3 mask bits, BCH(15,5) with generator 0x537, XOR 0x5412 so
// it is never all zero.
int formatBits(QrEcc ecc, int mask) {
  const int data = (eccFormatBits(ecc) << 3) | mask;
  int rem = data;
  for (int i = 0; i < 10; ++i) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
  return ((data << 10) | (rem & 0x3FF)) ^ 0x5412;
}

// Version information (versions ≥ 7): 6 version bits + BCH(18,6) with generator 0x1F25.
int versionBits(int version) {
  int rem = version;
  for (int i = 0; i < 12; ++i) rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
  return (version << 12) | (rem & 0xFFF);
}

class Matrix {
 public:
  explicit Matrix(int version)
      : version_(version), size_(sizeOf(version)), dark_(idx(size_ * size_), 0), function_(idx(size_ * size_), 0) {
    drawFunctionPatterns();
  }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool dark(int x, int y) const { return dark_[cell(x, y)] != 0; }
  [[nodiscard]] bool isFunction(int x, int y) const { return function_[cell(x, y)] != 0; }

  [[nodiscard]] int dataModules() const {
    return static_cast<int>(std::count(function_.begin(), function_.end(), std::uint8_t{0}));
  }

  // Places codeword bits in the two-column zigzag from the bottom-right corner, skipping the
  // vertical timing column; modules left over (remainder bits) stay light.
  void placeData(const std::vector<std::uint8_t>& codewords) {
    const std::size_t totalBits = codewords.size() * 8;
    std::size_t bit = 0;
    for (int right = size_ - 1; right >= 1; right -= 2) {
      if (right == 6) right = 5;
      const bool upward = ((right + 1) & 2) == 0;
      for (int step = 0; step < size_; ++step) {
        const int y = upward ? size_ - 1 - step : step;
        for (int j = 0; j < 2; ++j) {
          const int x = right - j;
          if (isFunction(x, y)) continue;
          bool value = false;
          if (bit < totalBits) {
            value = ((codewords[bit / 8] >> (7 - bit % 8)) & 1) != 0;
            ++bit;
          }
          dark_[cell(x, y)] = value ? 1 : 0;
        }
      }
    }
  }

  // XOR with mask pattern `mask` (table 10); applying it twice undoes it.
  void applyMask(int mask) {
    for (int y = 0; y < size_; ++y) {
      for (int x = 0; x < size_; ++x) {
        if (isFunction(x, y)) continue;
        bool flip = false;
        switch (mask) {
          case 0: flip = (x + y) % 2 == 0; break;
          case 1: flip = y % 2 == 0; break;
          case 2: flip = x % 3 == 0; break;
          case 3: flip = (x + y) % 3 == 0; break;
          case 4: flip = (y / 2 + x / 3) % 2 == 0; break;
          case 5: flip = (x * y) % 2 + (x * y) % 3 == 0; break;
          case 6: flip = ((x * y) % 2 + (x * y) % 3) % 2 == 0; break;
          default: flip = ((x + y) % 2 + (x * y) % 3) % 2 == 0; break;
        }
        if (flip) dark_[cell(x, y)] ^= 1;
      }
    }
  }

  // Writes the 15 format bits twice: around the top-left finder, and split between the other two
  // finders. Bit 14 is the most significant.
  void drawFormat(QrEcc ecc, int mask) {
    const int bits = formatBits(ecc, mask);
    auto bitAt = [bits](int i) { return ((bits >> i) & 1) != 0; };
    for (int i = 0; i <= 5; ++i) set(8, i, bitAt(i));
    set(8, 7, bitAt(6));
    set(8, 8, bitAt(7));
    set(7, 8, bitAt(8));
    for (int i = 9; i < 15; ++i) set(14 - i, 8, bitAt(i));
    for (int i = 0; i < 8; ++i) set(size_ - 1 - i, 8, bitAt(i));
    for (int i = 8; i < 15; ++i) set(8, size_ - 15 + i, bitAt(i));
    set(8, size_ - 8, true);  // the dark module, always dark
  }

  // Penalty score of the current (masked) matrix, rules N1–N4 of the standard.
  [[nodiscard]] long penalty() const {
    long score = 0;
    // N1: runs of five or more same-coloured modules in a row or column: 3 + (run − 5).
    // N3: the finder-like 1:1:3:1:1 pattern with four light modules on one side: 40 each.
    for (int pass = 0; pass < 2; ++pass) {
      const bool rows = pass == 0;
      for (int a = 0; a < size_; ++a) {
        auto get = [&](int b) {
          if (b < 0 || b >= size_) return false;  // the quiet zone is light
          return rows ? dark(b, a) : dark(a, b);
        };
        int run = 1;
        for (int b = 1; b <= size_; ++b) {
          if (b < size_ && get(b) == get(b - 1)) {
            ++run;
          } else {
            if (run >= 5) score += 3 + (run - 5);
            run = 1;
          }
        }
        for (int b = 0; b + 7 <= size_; ++b) {
          if (!(get(b) && !get(b + 1) && get(b + 2) && get(b + 3) && get(b + 4) && !get(b + 5) && get(b + 6))) {
            continue;
          }
          const bool lightBefore = !get(b - 1) && !get(b - 2) && !get(b - 3) && !get(b - 4);
          const bool lightAfter = !get(b + 7) && !get(b + 8) && !get(b + 9) && !get(b + 10);
          if (lightBefore || lightAfter) score += 40;
        }
      }
    }
    // N2: each 2×2 block of one colour: 3.
    for (int y = 0; y + 1 < size_; ++y) {
      for (int x = 0; x + 1 < size_; ++x) {
        const bool c = dark(x, y);
        if (c == dark(x + 1, y) && c == dark(x, y + 1) && c == dark(x + 1, y + 1)) score += 3;
      }
    }
    // N4: 10 per full 5% the share of dark modules is away from 50%.
    const long total = static_cast<long>(size_) * size_;
    const long darkCount = static_cast<long>(std::count(dark_.begin(), dark_.end(), std::uint8_t{1}));
    score += 10 * (std::labs(darkCount * 20 - total * 10) / total);
    return score;
  }

  [[nodiscard]] std::vector<std::uint8_t> modules() const { return dark_; }

 private:
  [[nodiscard]] std::size_t cell(int x, int y) const { return idx(y * size_ + x); }
  void set(int x, int y, bool isDark) {
    dark_[cell(x, y)] = isDark ? 1 : 0;
    function_[cell(x, y)] = 1;
  }

  void drawFunctionPatterns() {
    // Timing patterns first: finders and alignment patterns overwrite them where they cross.
    for (int i = 0; i < size_; ++i) {
      set(6, i, i % 2 == 0);
      set(i, 6, i % 2 == 0);
    }
    drawFinder(3, 3);
    drawFinder(size_ - 4, 3);
    drawFinder(3, size_ - 4);
    const std::vector<int> centres = alignmentCentres(version_);
    const std::size_t n = centres.size();
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        const bool overlapsFinder = (i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0);
        if (!overlapsFinder) drawAlignment(centres[i], centres[j]);
      }
    }
    drawFormat(QrEcc::M, 0);  // reserves the format areas; rewritten once the mask is chosen
    if (version_ >= 7) {
      const int bits = versionBits(version_);
      for (int i = 0; i < 18; ++i) {
        const bool bit = ((bits >> i) & 1) != 0;
        const int a = size_ - 11 + i % 3;
        const int b = i / 3;
        set(a, b, bit);  // top right block, 6 rows × 3 columns
        set(b, a, bit);  // bottom left block, 3 rows × 6 columns
      }
    }
  }

  // 7×7 finder (dark ring, light ring, 3×3 dark centre) plus its light separator.
  void drawFinder(int cx, int cy) {
    for (int dy = -4; dy <= 4; ++dy) {
      for (int dx = -4; dx <= 4; ++dx) {
        const int x = cx + dx;
        const int y = cy + dy;
        if (x < 0 || y < 0 || x >= size_ || y >= size_) continue;
        const int ring = std::max(std::abs(dx), std::abs(dy));
        set(x, y, ring != 2 && ring != 4);
      }
    }
  }

  void drawAlignment(int cx, int cy) {
    for (int dy = -2; dy <= 2; ++dy) {
      for (int dx = -2; dx <= 2; ++dx) set(cx + dx, cy + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
    }
  }

  int version_;
  int size_;
  std::vector<std::uint8_t> dark_;
  std::vector<std::uint8_t> function_;
};

// Codewords (data + error correction) a version holds: its free modules over 8, computed from the
// layout itself so the table above only has to carry the block split.
int totalCodewords(int version) {
  static const std::array<int, 41> table = [] {
    std::array<int, 41> t{};
    for (int v = kQrMinVersion; v <= kQrMaxVersion; ++v) t[idx(v)] = Matrix(v).dataModules() / 8;
    return t;
  }();
  return table[idx(version)];
}

int dataCodewords(int version, QrEcc ecc) {
  const int e = eccIndex(ecc);
  return totalCodewords(version) - kEccPerBlock[idx(e)][idx(version)] * kBlocks[idx(e)][idx(version)];
}

int countBits(int version) { return version <= 9 ? 8 : 16; }  // byte mode character count indicator

class BitWriter {
 public:
  void put(std::uint32_t value, int bits) {
    for (int i = bits - 1; i >= 0; --i) bits_.push_back(((value >> i) & 1U) != 0);
  }
  [[nodiscard]] std::size_t size() const { return bits_.size(); }
  [[nodiscard]] std::vector<std::uint8_t> bytes() const {
    std::vector<std::uint8_t> out(bits_.size() / 8, 0);
    for (std::size_t i = 0; i < out.size() * 8; ++i) {
      if (bits_[i]) out[i / 8] = static_cast<std::uint8_t>(out[i / 8] | (0x80 >> (i % 8)));
    }
    return out;
  }

 private:
  std::vector<bool> bits_;
};

// Splits the data codewords into blocks (the short blocks first, long blocks one data codeword
// longer), adds each block's error correction, then interleaves: data column by column, then ECC.
std::vector<std::uint8_t> addErrorCorrection(const std::vector<std::uint8_t>& data, int version, QrEcc ecc) {
  const int e = eccIndex(ecc);
  const int blocks = kBlocks[idx(e)][idx(version)];
  const int eccLen = kEccPerBlock[idx(e)][idx(version)];
  const int total = totalCodewords(version);
  const int shortBlocks = blocks - total % blocks;
  const int shortDataLen = total / blocks - eccLen;
  const std::vector<std::uint8_t> gen = rsGenerator(eccLen);

  std::vector<std::vector<std::uint8_t>> dataBlocks;
  std::vector<std::vector<std::uint8_t>> eccBlocks;
  std::size_t pos = 0;
  for (int b = 0; b < blocks; ++b) {
    const std::size_t len = idx(shortDataLen + (b < shortBlocks ? 0 : 1));
    std::vector<std::uint8_t> block(data.begin() + static_cast<std::ptrdiff_t>(pos),
                                    data.begin() + static_cast<std::ptrdiff_t>(pos + len));
    pos += len;
    eccBlocks.push_back(rsRemainder(block, gen));
    dataBlocks.push_back(std::move(block));
  }
  std::vector<std::uint8_t> out;
  out.reserve(idx(total));
  for (int i = 0; i <= shortDataLen; ++i) {
    for (const auto& block : dataBlocks) {
      if (idx(i) < block.size()) out.push_back(block[idx(i)]);
    }
  }
  for (int i = 0; i < eccLen; ++i) {
    for (const auto& block : eccBlocks) out.push_back(block[idx(i)]);
  }
  return out;
}

}  // namespace

const char* toString(QrEcc ecc) {
  switch (ecc) {
    case QrEcc::L: return "L";
    case QrEcc::M: return "M";
    case QrEcc::Q: return "Q";
    case QrEcc::H: return "H";
  }
  return "?";
}

std::size_t qrByteCapacity(int version, QrEcc ecc) {
  if (version < kQrMinVersion || version > kQrMaxVersion) return 0;
  const int bits = dataCodewords(version, ecc) * 8 - 4 - countBits(version);
  return bits <= 0 ? 0 : idx(bits / 8);
}

int qrVersionFor(std::size_t bytes, QrEcc ecc) {
  for (int v = kQrMinVersion; v <= kQrMaxVersion; ++v) {
    if (bytes <= qrByteCapacity(v, ecc)) return v;
  }
  return 0;
}

Result<QrCode> encodeQr(std::string_view text, const QrOptions& options) {
  if (options.minVersion < kQrMinVersion || options.maxVersion > kQrMaxVersion ||
      options.minVersion > options.maxVersion) {
    return Error{"qr.versions"};
  }
  if (options.mask < -1 || options.mask > 7) return Error{"qr.mask"};
  int version = 0;
  for (int v = options.minVersion; v <= options.maxVersion; ++v) {
    if (text.size() <= qrByteCapacity(v, options.ecc)) {
      version = v;
      break;
    }
  }
  if (version == 0) {
    return Error{"qr.tooLong", {text.size(), std::string(toString(options.ecc)), qrByteCapacity(options.maxVersion, options.ecc)}};
  }

  // Bit stream: mode 0100 (byte), character count, the bytes, up to four terminator zeros, zero
  // bits to a byte boundary, then the pad codewords 0xEC 0x11 alternately.
  const std::size_t capacityBits = idx(dataCodewords(version, options.ecc) * 8);
  BitWriter bits;
  bits.put(0x4, 4);
  bits.put(static_cast<std::uint32_t>(text.size()), countBits(version));
  for (const char c : text) bits.put(static_cast<unsigned char>(c), 8);
  bits.put(0, static_cast<int>(std::min<std::size_t>(4, capacityBits - bits.size())));
  bits.put(0, static_cast<int>((8 - bits.size() % 8) % 8));
  for (std::uint32_t pad = 0xEC; bits.size() < capacityBits; pad ^= 0xEC ^ 0x11) bits.put(pad, 8);

  const std::vector<std::uint8_t> codewords = addErrorCorrection(bits.bytes(), version, options.ecc);
  Matrix matrix(version);
  matrix.placeData(codewords);

  int mask = options.mask;
  if (mask < 0) {
    long best = -1;
    for (int m = 0; m < 8; ++m) {
      matrix.applyMask(m);
      matrix.drawFormat(options.ecc, m);
      const long score = matrix.penalty();
      if (best < 0 || score < best) {
        best = score;
        mask = m;
      }
      matrix.applyMask(m);  // undo
    }
  }
  matrix.applyMask(mask);
  matrix.drawFormat(options.ecc, mask);

  QrCode code;
  code.version = version;
  code.ecc = options.ecc;
  code.mask = mask;
  code.size = matrix.size();
  code.modules = matrix.modules();
  return code;
}

std::string qrToSvg(const QrCode& code, int quietZone) {
  quietZone = std::max(0, quietZone);
  const int full = code.size + 2 * quietZone;
  const std::string side = std::to_string(full);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side +
                    "\" width=\"" + std::to_string(full * 8) + "\" height=\"" + std::to_string(full * 8) +
                    "\" shape-rendering=\"crispEdges\">";
  svg += "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  // One rectangle per horizontal run of dark modules keeps the path short.
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size;) {
      if (!code.at(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (code.at(x + run, y)) ++run;
      svg += "M" + std::to_string(x + quietZone) + " " + std::to_string(y + quietZone) + "h" +
             std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  }
  svg += "\"/></svg>\n";
  return svg;
}

}  // namespace mapathy
