// Mapathy core — the fast share-link compressor (see fast_compress.hpp for the why).
//
// Stream (link format 2): a sequence of tokens, coded with adaptive binary probabilities by a 32-bit
// carry-less arithmetic coder, until the declared size is reached:
//   isMatch                      context: the kinds of the last two tokens
//   literal:  8 bits, MSB first  context: the previous byte and the bits of this one so far (order 1)
//   match:    isRepeat           context: the kinds of the last two tokens
//             length - kMinMatch Elias-gamma, adaptive (separate models for repeats and new distances)
//             distance - 1       Elias-gamma, adaptive, only when not a repeat of the last distance
// Elias-gamma of v: x = v + 1 has n significant bits; n - 1 in unary (one model per position), then the
// n - 1 bits of x below its top bit (one model per n and bit position).
// The encoder's choices (hash chains, repeat preference, one-step lazy matching) only decide which
// tokens it writes; the decoder accepts any token sequence, so the encoder may get smarter later.
#include "core/codec/fast_compress.hpp"

#include "core/codec/arithmetic_coder.hpp"

#include <algorithm>
#include <array>

namespace mapathy::fast_compress {
namespace {

constexpr int kMaxGammaBits = 32;      // values coded are below 2^31 - 1 (declared sizes are far smaller)
constexpr int kTokenRate = 4;          // adaptation shift for token, length and distance models
constexpr int kLiteralRate = 4;        // adaptation shift for literal models
constexpr int kHashBits = 16;          // match finder: hash of the next kMinMatch bytes
constexpr std::size_t kWindow = std::size_t{1} << 18;  // how far back matches may start
constexpr int kMaxChain = 24;          // candidates tried per position
constexpr std::size_t kFarShortMatch = 4096;  // a 3-byte match further back costs more than 3 literals

// A probability that the next bit is 1, in 1/65536, adapting by 1/2^Rate of the error per bit.
using Prob = std::uint16_t;
constexpr Prob kHalf = 32768;

template <int Rate>
void adapt(Prob& p, int bit) {
  if (bit)
    p = static_cast<Prob>(p + ((65536 - p) >> Rate));
  else
    p = static_cast<Prob>(p - (p >> Rate));
}

std::uint32_t scaled(Prob p) { return std::clamp<std::uint32_t>(p >> 4, 1u, 4095u); }

// ---------------------------------------------------------------------------------------------
// The arithmetic coder of format 1 (core/arithmetic_coder.hpp), with adaptive probabilities.
// ---------------------------------------------------------------------------------------------
class BitEncoder {
 public:
  template <int Rate>
  void encode(int bit, Prob& p) {
    coder_.encode(bit, scaled(p));
    adapt<Rate>(p, bit);
  }
  std::vector<std::uint8_t> finish() { return coder_.finish(); }
  void reserve(std::size_t n) { coder_.reserve(n); }

 private:
  arithmetic::Encoder coder_;
};

class BitDecoder {
 public:
  explicit BitDecoder(std::span<const std::uint8_t> in) : coder_(in) {}
  template <int Rate>
  int decode(Prob& p) {
    const int bit = coder_.decode(scaled(p));
    adapt<Rate>(p, bit);
    return bit;
  }
  std::size_t pastEnd() const { return coder_.pastEnd(); }
  std::size_t unused() const { return coder_.unused(); }

 private:
  arithmetic::Decoder coder_;
};

// ---------------------------------------------------------------------------------------------
// The models, shared by encoder and decoder.
// ---------------------------------------------------------------------------------------------
struct GammaModel {
  std::array<Prob, kMaxGammaBits> unary;
  std::array<Prob, kMaxGammaBits * kMaxGammaBits> low;
  GammaModel() {
    unary.fill(kHalf);
    low.fill(kHalf);
  }
};

struct Models {
  std::array<Prob, 4> isMatch;
  std::array<Prob, 4> isRepeat;
  std::vector<Prob> literal = std::vector<Prob>(std::size_t{256} * 256, kHalf);  // [previous byte][tree node]
  std::array<GammaModel, 2> length;  // [0] new distance, [1] repeated distance
  GammaModel distance;
  Models() {
    isMatch.fill(kHalf);
    isRepeat.fill(kHalf);
  }
};

int bitWidth(std::uint64_t x) {
  int n = 0;
  while (x != 0) {
    ++n;
    x >>= 1;
  }
  return n;
}

void encodeGamma(BitEncoder& coder, GammaModel& model, std::uint64_t value) {
  const std::uint64_t x = value + 1;
  const int n = bitWidth(x);
  if (n >= kMaxGammaBits) {
    // Too large for the format (only encodeTokens() is ever asked for this): a unary part no
    // decoder accepts.
    for (int k = 0; k < kMaxGammaBits - 1; ++k) coder.encode<kTokenRate>(1, model.unary[static_cast<std::size_t>(k)]);
    return;
  }
  for (int k = 0; k < n - 1; ++k) coder.encode<kTokenRate>(1, model.unary[static_cast<std::size_t>(k)]);
  coder.encode<kTokenRate>(0, model.unary[static_cast<std::size_t>(n - 1)]);
  for (int i = n - 2; i >= 0; --i)
    coder.encode<kTokenRate>(static_cast<int>((x >> i) & 1u), model.low[static_cast<std::size_t>(n * kMaxGammaBits + i)]);
}

// False when the unary part says kMaxGammaBits or more (only a damaged stream does that).
bool decodeGamma(BitDecoder& coder, GammaModel& model, std::uint64_t& value) {
  int n = 1;
  while (n < kMaxGammaBits && coder.decode<kTokenRate>(model.unary[static_cast<std::size_t>(n - 1)]) == 1) ++n;
  if (n >= kMaxGammaBits) return false;
  std::uint64_t x = 1;
  for (int i = n - 2; i >= 0; --i)
    x = (x << 1) |
        static_cast<std::uint64_t>(coder.decode<kTokenRate>(model.low[static_cast<std::size_t>(n * kMaxGammaBits + i)]));
  value = x - 1;
  return true;
}

// Writes tokens; the caller says which byte preceded each literal (it is the literal's context).
class TokenWriter {
 public:
  explicit TokenWriter(std::size_t expectedBytes) { coder_.reserve(expectedBytes / 4 + 16); }

  void literal(std::uint8_t byte, std::uint8_t previous) {
    coder_.encode<kTokenRate>(0, models_.isMatch[state_]);
    Prob* tree = &models_.literal[static_cast<std::size_t>(previous) * 256];
    std::size_t node = 1;
    for (int i = 7; i >= 0; --i) {
      const int bit = (byte >> i) & 1;
      coder_.encode<kLiteralRate>(bit, tree[node]);
      node = node * 2 + static_cast<std::size_t>(bit);
    }
    state_ = (state_ << 1) & 3u;
  }

  // distance 0 repeats the last distance.
  void match(std::uint64_t length, std::uint64_t distance) {
    coder_.encode<kTokenRate>(1, models_.isMatch[state_]);
    const bool repeat = distance == 0;
    coder_.encode<kTokenRate>(repeat ? 1 : 0, models_.isRepeat[state_]);
    encodeGamma(coder_, models_.length[repeat ? 1 : 0], length - kMinMatch);
    if (!repeat) encodeGamma(coder_, models_.distance, distance - 1);
    state_ = ((state_ << 1) | 1u) & 3u;
  }

  std::vector<std::uint8_t> finish() { return coder_.finish(); }

 private:
  BitEncoder coder_;
  Models models_;
  std::size_t state_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Match finder: hash chains over the last kWindow positions.
// ---------------------------------------------------------------------------------------------
class MatchFinder {
 public:
  explicit MatchFinder(std::span<const std::uint8_t> data)
      : data_(data), head_(std::size_t{1} << kHashBits, -1), chain_(std::min(data.size(), kWindow), -1) {}

  // Adds position `p` (which needs kMinMatch bytes after it) to the chains.
  void insert(std::size_t p) {
    const std::size_t h = hashAt(p);
    chain_[p % kWindow] = head_[h];
    head_[h] = static_cast<std::int32_t>(p);
  }

  std::size_t matchLength(std::size_t p, std::size_t from) const {
    const std::size_t limit = data_.size() - p;
    std::size_t len = 0;
    while (len < limit && data_[from + len] == data_[p + len]) ++len;
    return len;
  }

  // The longest match for position `p` among earlier positions (before insert(p)); distance 0 = none.
  void longest(std::size_t p, std::size_t& bestLength, std::size_t& bestDistance) const {
    bestLength = 0;
    bestDistance = 0;
    std::int32_t candidate = head_[hashAt(p)];
    for (int tries = 0; tries < kMaxChain && candidate >= 0; ++tries) {
      const auto from = static_cast<std::size_t>(candidate);
      if (from >= p || p - from > kWindow) break;  // a slot reused by a newer position: chain ends
      if (data_[from + bestLength] == data_[p + bestLength] || bestLength == 0) {
        const std::size_t len = matchLength(p, from);
        if (len > bestLength) {
          bestLength = len;
          bestDistance = p - from;
          if (p + len == data_.size()) break;
        }
      }
      candidate = chain_[from % kWindow];
    }
  }

 private:
  std::size_t hashAt(std::size_t p) const {
    const std::uint32_t v = static_cast<std::uint32_t>(data_[p]) | (static_cast<std::uint32_t>(data_[p + 1]) << 8) |
                            (static_cast<std::uint32_t>(data_[p + 2]) << 16);
    return (v * 2654435761u) >> (32 - kHashBits);
  }

  std::span<const std::uint8_t> data_;
  std::vector<std::int32_t> head_;
  std::vector<std::int32_t> chain_;
};

}  // namespace

std::vector<std::uint8_t> compress(std::span<const std::uint8_t> data) {
  TokenWriter writer(data.size());
  MatchFinder finder(data);
  const std::size_t n = data.size();
  std::size_t lastDistance = 0;
  std::size_t p = 0;
  while (p < n) {
    std::size_t length = 0, distance = 0;
    bool repeat = false;
    if (p + kMinMatch <= n) {
      finder.longest(p, length, distance);
      if (length == kMinMatch && distance > kFarShortMatch) length = 0;
      if (lastDistance != 0 && lastDistance <= p) {
        const std::size_t repeatLength = finder.matchLength(p, p - lastDistance);
        // A repeat costs no distance: take it unless the other match is clearly longer.
        if (repeatLength >= kMinMatch && repeatLength + 2 >= length) {
          length = repeatLength;
          distance = lastDistance;
          repeat = true;
        }
      }
      finder.insert(p);
    }
    // Lazy matching: when the next position starts a clearly longer match, this byte goes as a literal.
    if (length >= kMinMatch && !repeat && p + 1 + kMinMatch <= n) {
      std::size_t nextLength = 0, nextDistance = 0;
      finder.longest(p + 1, nextLength, nextDistance);
      if (nextLength > length + 1) length = 0;
    }
    if (length >= kMinMatch) {
      writer.match(length, repeat ? 0 : distance);
      lastDistance = distance;
      const std::size_t end = p + length;
      for (++p; p < end; ++p)
        if (p + kMinMatch <= n) finder.insert(p);
    } else {
      writer.literal(data[p], p > 0 ? data[p - 1] : 0);
      ++p;
    }
  }
  return writer.finish();
}

std::vector<std::uint8_t> encodeTokens(std::span<const Token> tokens) {
  TokenWriter writer(tokens.size() * 4);
  std::vector<std::uint8_t> out;  // what a decoder would produce, for the literals' context
  std::uint64_t lastDistance = 0;
  for (const Token& t : tokens) {
    if (t.length == 0) {
      writer.literal(t.literal, out.empty() ? 0 : out.back());
      out.push_back(t.literal);
      continue;
    }
    writer.match(t.length, t.distance);
    if (t.distance != 0) lastDistance = t.distance;
    for (std::uint64_t i = 0; i < t.length && out.size() < (std::size_t{1} << 24); ++i)
      out.push_back(lastDistance != 0 && lastDistance <= out.size() ? out[out.size() - static_cast<std::size_t>(lastDistance)] : 0);
  }
  return writer.finish();
}

Decompressed decompress(std::span<const std::uint8_t> stream, std::size_t size, std::size_t maxPastEnd) {
  Decompressed result;
  std::vector<std::uint8_t>& out = result.bytes;
  out.reserve(size);
  BitDecoder coder(stream);
  Models models;
  std::size_t state = 0;
  std::size_t lastDistance = 0;
  while (out.size() < size) {
    if (coder.pastEnd() > maxPastEnd + 4) break;  // cut off: no point decoding zeros
    if (coder.decode<kTokenRate>(models.isMatch[state]) == 0) {
      Prob* tree = &models.literal[static_cast<std::size_t>(out.empty() ? 0 : out.back()) * 256];
      std::size_t node = 1;
      while (node < 256) node = node * 2 + static_cast<std::size_t>(coder.decode<kLiteralRate>(tree[node]));
      out.push_back(static_cast<std::uint8_t>(node & 0xFFu));
      state = (state << 1) & 3u;
      continue;
    }
    const bool repeat = coder.decode<kTokenRate>(models.isRepeat[state]) == 1;
    std::uint64_t length = 0, distance = lastDistance;
    if (!decodeGamma(coder, models.length[repeat ? 1 : 0], length)) {
      result.damaged = true;
      break;
    }
    length += kMinMatch;
    if (!repeat) {
      if (!decodeGamma(coder, models.distance, distance)) {
        result.damaged = true;
        break;
      }
      distance += 1;
    }
    // Checked before anything is copied: a match may neither start before the first byte nor end
    // after the declared size.
    if (distance == 0 || distance > out.size() || length > size - out.size()) {
      result.damaged = true;
      break;
    }
    const std::size_t from = out.size() - static_cast<std::size_t>(distance);
    for (std::size_t i = 0; i < length; ++i) out.push_back(out[from + i]);
    lastDistance = static_cast<std::size_t>(distance);
    state = ((state << 1) | 1u) & 3u;
  }
  result.bytesPastEnd = coder.pastEnd() > 4 ? coder.pastEnd() - 4 : 0;
  result.bytesUnused = coder.unused();
  return result;
}

}  // namespace mapathy::fast_compress
