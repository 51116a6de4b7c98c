// Test-only: lz-string's compressToEncodedURIComponent (the TypeScript playground's share-link
// encoding), written here from the algorithm's description so the share-link size test can compare
// against it without JavaScript. Cross-checked against the npm package by tools/linksize.mjs.
//
// The algorithm: LZW over UTF-16 code units. The dictionary starts empty; a code unit seen for the
// first time is emitted as a literal (code 0 + 8 bits, or code 1 + 16 bits when ≥ 256); otherwise the
// longest known phrase's code is emitted. Codes are written LSB-first with a width that starts at 2
// bits and grows by one whenever the code space fills. Code 2 ends the stream. Bits are packed
// MSB-first into 6-bit digits of the alphabet A–Z a–z 0–9 + - $.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mapathy::baseline {

inline std::u16string utf8ToUtf16(std::string_view s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = b;
    std::size_t len = 1;
    if (b >= 0xF0) {
      cp = b & 0x07u;
      len = 4;
    } else if (b >= 0xE0) {
      cp = b & 0x0Fu;
      len = 3;
    } else if (b >= 0xC0) {
      cp = b & 0x1Fu;
      len = 2;
    }
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

class LzStringWriter {
 public:
  void bits(std::uint32_t value, int count) {  // LSB first
    for (int i = 0; i < count; ++i) {
      bit(value & 1u);
      value >>= 1;
    }
  }
  void bit(std::uint32_t b) {
    acc_ = (acc_ << 1) | b;
    if (++filled_ == 6) {
      out_.push_back(kDigits[acc_]);
      acc_ = 0;
      filled_ = 0;
    }
  }
  std::string finish() {
    // The reference implementation pads with zero bits until it has emitted one more digit.
    do {
      acc_ <<= 1;
    } while (++filled_ < 6);
    out_.push_back(kDigits[acc_]);
    return out_;
  }

 private:
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
  std::string out_;
  std::uint32_t acc_ = 0;
  int filled_ = 0;
};

inline std::string lzStringCompressToEncodedURIComponent(std::string_view utf8) {
  const std::u16string input = utf8ToUtf16(utf8);
  std::map<std::u16string, std::uint32_t> dictionary;
  std::map<std::u16string, bool> notYetEmitted;  // single code units added but not yet written as literal
  std::uint32_t nextCode = 3;
  int width = 2;
  std::uint32_t untilWider = 2;
  LzStringWriter out;

  auto countDown = [&]() {
    if (--untilWider == 0) {
      untilWider = 1u << width;
      ++width;
    }
  };
  auto emit = [&](const std::u16string& phrase) {
    const auto pending = notYetEmitted.find(phrase);
    if (pending != notYetEmitted.end()) {
      const char16_t unit = phrase[0];
      if (unit < 256) {
        out.bits(0, width);
        out.bits(unit, 8);
      } else {
        out.bits(1, width);
        out.bits(unit, 16);
      }
      countDown();
      notYetEmitted.erase(pending);
    } else {
      out.bits(dictionary[phrase], width);
    }
    countDown();
  };

  std::u16string w;
  for (const char16_t c : input) {
    const std::u16string single(1, c);
    if (!dictionary.count(single)) {
      dictionary[single] = nextCode++;
      notYetEmitted[single] = true;
    }
    std::u16string wc = w + c;
    if (dictionary.count(wc)) {
      w = std::move(wc);
    } else {
      emit(w);
      dictionary[wc] = nextCode++;
      w = single;
    }
  }
  if (!w.empty()) emit(w);
  out.bits(2, width);
  return out.finish();
}

}  // namespace mapathy::baseline
