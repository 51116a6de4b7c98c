// Mapathy core — a small strtod (see read_double.hpp).
#include "core/base/read_double.hpp"

#include <cstdint>
#include <limits>

namespace mapathy::text {

namespace {

// 10^0 … 10^22: every one exactly representable as a double.
constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `word` (lower case) at `p`, in any case.
bool startsWith(const char* p, const char* word) {
  for (; *word != '\0'; ++p, ++word) {
    if (lower(*p) != *word) return false;
  }
  return true;
}

// value × 10^exponent, the power applied in exact steps of at most 10^22.
double scaled(double value, int exponent) {
  while (exponent > 22 && value != 0.0 && value <= std::numeric_limits<double>::max()) {
    value *= 1e22;
    exponent -= 22;
  }
  while (exponent < -22 && value != 0.0) {
    value /= 1e22;
    exponent += 22;
  }
  return exponent >= 0 ? value * kExactPowers[exponent] : value / kExactPowers[-exponent];
}

}  // namespace

double readDouble(const char* text, char** end) {
  const char* p = text;
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
  bool negative = false;
  if (*p == '+' || *p == '-') negative = *p++ == '-';
  const auto done = [&](const char* at, double value) {
    if (end != nullptr) *end = const_cast<char*>(at);
    return negative ? -value : value;
  };
  if (startsWith(p, "inf")) return done(p + (startsWith(p, "infinity") ? 8 : 3), std::numeric_limits<double>::infinity());
  if (startsWith(p, "nan")) return done(p + 3, std::numeric_limits<double>::quiet_NaN());

  std::uint64_t mantissa = 0;
  int digits = 0;    // significant digits kept in the mantissa (at most 19; later ones only scale)
  int exponent = 0;  // of ten: digits dropped before the point, kept after it
  bool any = false;
  const auto digit = [&](char c, bool afterPoint) {
    any = true;
    if (digits < 19) {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
      if (mantissa != 0) ++digits;
      if (afterPoint) --exponent;
    } else if (!afterPoint) {
      ++exponent;
    }
  };
  for (; *p >= '0' && *p <= '9'; ++p) digit(*p, false);
  if (*p == '.') {
    for (++p; *p >= '0' && *p <= '9'; ++p) digit(*p, true);
  }
  if (!any) {  // no digits ("", "-", "." …): nothing read
    if (end != nullptr) *end = const_cast<char*>(text);
    return 0.0;
  }
  if (*p == 'e' || *p == 'E') {  // an exponent only when digits follow; else the number ends before the 'e'
    const char* q = p + 1;
    bool negativeExponent = false;
    if (*q == '+' || *q == '-') negativeExponent = *q++ == '-';
    if (*q >= '0' && *q <= '9') {
      int e = 0;
      for (; *q >= '0' && *q <= '9'; ++q) {
        if (e < 100000) e = e * 10 + (*q - '0');
      }
      exponent += negativeExponent ? -e : e;
      p = q;
    }
  }
  if (mantissa == 0) return done(p, 0.0);
  if (exponent + digits > 310) return done(p, std::numeric_limits<double>::infinity());
  if (exponent + digits < -330) return done(p, 0.0);
  // Within 10^±22 and 2^53 both operands are exact and scaled() rounds once: correctly rounded.
  return done(p, scaled(static_cast<double>(mantissa), exponent));
}

}  // namespace mapathy::text
