// Mapathy core — identifiers (see ids.hpp).
#include "core/base/ids.hpp"

namespace mapathy::ids {
namespace {

constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string base36(std::uint64_t value) {
  std::string out;
  do {
    out.insert(out.begin(), kDigits[value % 36]);
    value /= 36;
  } while (value != 0);
  return out;
}

bool parseBase36(std::string_view text, std::uint64_t& value) {
  if (text.empty() || text.size() > 13 || (text.size() > 1 && text.front() == '0')) return false;
  std::uint64_t v = 0;
  for (const char c : text) {
    const int d = digitValue(c);
    if (d < 0) return false;
    if (v > (UINT64_MAX - static_cast<std::uint64_t>(d)) / 36) return false;
    v = v * 36 + static_cast<std::uint64_t>(d);
  }
  value = v;
  return true;
}

std::string randomBase36(std::uint64_t randomBits, std::size_t digits) {
  std::string out;
  out.reserve(digits);
  for (std::size_t i = 0; i < digits; ++i, randomBits /= 36) out.push_back(kDigits[randomBits % 36]);
  return out;
}

bool isBase36(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (digitValue(c) < 0) return false;
  }
  return true;
}

}  // namespace mapathy::ids
