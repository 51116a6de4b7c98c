// Mapathy core — a small vsnprintf (see printf.hpp).
#include "core/base/printf.hpp"

#include <cmath>
#include <cstdint>

namespace mapathy::text {

namespace {

// Appends to the caller's buffer as far as it reaches and counts everything.
class Sink {
 public:
  Sink(char* out, std::size_t size) : out_(out), size_(size) {}
  void put(char c) {
    if (count_ + 1 < size_) out_[count_] = c;
    ++count_;
  }
  void put(const char* s, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) put(s[i]);
  }
  void repeat(char c, int n) {
    for (int i = 0; i < n; ++i) put(c);
  }
  int finish() {
    if (size_ > 0) out_[count_ < size_ ? count_ : size_ - 1] = '\0';
    return static_cast<int>(count_);
  }

 private:
  char* out_;
  std::size_t size_;
  std::size_t count_ = 0;
};

struct Spec {
  bool left = false, plus = false, space = false, alt = false, zero = false;
  int width = 0;
  int precision = -1;  // none
};

// Writes `prefix` (sign, 0x), then `body` padded to the width: spaces before (or after, with '-'), or zeros
// between the prefix and the body when `zeroPad`.
void padded(Sink& sink, const Spec& spec, const char* prefix, std::size_t prefixLength, const char* body,
            std::size_t bodyLength, bool zeroPad) {
  const int length = static_cast<int>(prefixLength + bodyLength);
  const int fill = spec.width > length ? spec.width - length : 0;
  if (!spec.left && !zeroPad) sink.repeat(' ', fill);
  sink.put(prefix, prefixLength);
  if (!spec.left && zeroPad) sink.repeat('0', fill);
  sink.put(body, bodyLength);
  if (spec.left) sink.repeat(' ', fill);
}

void integer(Sink& sink, const Spec& spec, std::uint64_t magnitude, bool negative, unsigned base, bool upper,
             bool isSigned) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char buffer[80];
  int n = 0;
  for (std::uint64_t v = magnitude; v != 0; v /= base) buffer[n++] = digits[v % base];
  const int minimum = spec.precision < 0 ? 1 : spec.precision;
  while (n < minimum && n < 70) buffer[n++] = '0';
  if (base == 8 && spec.alt && (n == 0 || buffer[n - 1] != '0')) buffer[n++] = '0';
  char body[80];
  for (int i = 0; i < n; ++i) body[i] = buffer[n - 1 - i];
  char prefix[3];
  std::size_t p = 0;
  if (isSigned) {
    if (negative) prefix[p++] = '-';
    else if (spec.plus) prefix[p++] = '+';
    else if (spec.space) prefix[p++] = ' ';
  }
  if (base == 16 && spec.alt && magnitude != 0) {
    prefix[p++] = '0';
    prefix[p++] = upper ? 'X' : 'x';
  }
  padded(sink, spec, prefix, p, body, static_cast<std::size_t>(n), spec.zero && !spec.left && spec.precision < 0);
}

// The decimal digits of a non-negative whole number held in a double (exact up to 2^53, close beyond).
int wholeDigits(double whole, char* out, int room) {
  char reversed[400];
  int n = 0;
  do {
    const double next = std::floor(whole / 10.0);
    int digit = static_cast<int>(whole - next * 10.0);
    digit = digit < 0 ? 0 : digit > 9 ? 9 : digit;
    reversed[n++] = static_cast<char>('0' + digit);
    whole = next;
  } while (whole >= 1.0 && n < 399);
  const int shown = n < room ? n : room;
  for (int i = 0; i < shown; ++i) out[i] = reversed[n - 1 - i];
  return shown;
}

// A tie (exactly half, as the binary value is) goes to the even digit, as the C library rounds. A mantissa
// scaled down from a larger exponent is exact only when scaling back gives the value again; one scaled up
// from a small value is not, and there a half is taken as the value's excess over it and rounds up.
bool odd(double whole) { return std::floor(whole / 2.0) * 2.0 != whole; }

// Fixed notation of |value| with `precision` digits after the point; returns the length written.
int fixedDigits(double value, int precision, bool point, char* out, int room, bool tiesEven = true) {
  double whole = std::floor(value);
  double fraction = value - whole;
  char digits[64];
  int nd = 0;
  // The fraction's digits, rounded at the last one (carried into the whole part when it overflows).
  if (precision > 0) {
    const int exact = precision < 17 ? precision : 17;
    double scale = 1.0;
    for (int i = 0; i < exact; ++i) scale *= 10.0;
    const double raw = fraction * scale;
    double scaled = std::floor(raw);
    if (raw - scaled > 0.5 || (raw - scaled == 0.5 && (!tiesEven || odd(scaled)))) scaled += 1.0;
    if (scaled >= scale) {
      scaled -= scale;
      whole += 1.0;
    }
    for (int i = exact - 1; i >= 0; --i) {
      const double next = std::floor(scaled / 10.0);
      digits[i] = static_cast<char>('0' + static_cast<int>(scaled - next * 10.0));
      scaled = next;
    }
    nd = exact;
  } else if (fraction > 0.5 || (fraction == 0.5 && (!tiesEven || odd(whole)))) {
    whole += 1.0;
  }
  int n = wholeDigits(whole, out, room);
  if ((precision > 0 || point) && n < room) out[n++] = '.';
  for (int i = 0; i < precision && n < room; ++i) out[n++] = i < nd ? digits[i] : '0';
  return n;
}

// Scientific notation of |value| (> 0) with `precision` digits after the point.
int scientificDigits(double value, int precision, bool point, bool upper, char* out, int room,
                     int* exponentOut = nullptr) {
  // Scaled by tens (no log10/pow: the web build would link them for this alone).
  int exponent = 0;
  double mantissa = value;
  if (mantissa > 0.0) {
    while (mantissa >= 10.0) {
      mantissa /= 10.0;
      ++exponent;
    }
    while (mantissa < 1.0) {
      mantissa *= 10.0;
      --exponent;
    }
  }
  double back = mantissa;
  for (int i = 0; i < exponent; ++i) back *= 10.0;
  const bool exact = exponent >= 0 && back == value;
  char digits[400];
  int n = fixedDigits(mantissa, precision, point, digits, static_cast<int>(sizeof digits), exact);
  if (n > 1 && digits[0] == '1' && digits[1] == '0') {  // rounding reached 10.000…: 1.000… and one more
    n = fixedDigits(mantissa / 10.0, precision, point, digits, static_cast<int>(sizeof digits), exact);
    ++exponent;
  }
  if (exponentOut != nullptr) *exponentOut = exponent;
  int w = 0;
  for (int i = 0; i < n && w < room; ++i) out[w++] = digits[i];
  if (w + 4 < room) {
    out[w++] = upper ? 'E' : 'e';
    out[w++] = exponent < 0 ? '-' : '+';
    const int e = exponent < 0 ? -exponent : exponent;
    if (e >= 100) out[w++] = static_cast<char>('0' + e / 100);
    out[w++] = static_cast<char>('0' + (e / 10) % 10);
    out[w++] = static_cast<char>('0' + e % 10);
  }
  return w;
}

void floating(Sink& sink, const Spec& spec, double value, char conversion) {
  const bool upper = conversion == 'F' || conversion == 'E' || conversion == 'G' || conversion == 'A';
  const bool negative = std::signbit(value);
  const double magnitude = std::fabs(value);
  char prefix[1];
  std::size_t p = 0;
  if (negative) prefix[p++] = '-';
  else if (spec.plus) prefix[p++] = '+';
  else if (spec.space) prefix[p++] = ' ';
  if (!std::isfinite(value)) {
    const char* word = std::isnan(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    padded(sink, spec, prefix, p, word, 3, false);
    return;
  }
  char body[512];
  int n = 0;
  const int room = static_cast<int>(sizeof body);
  int precision = spec.precision < 0 ? 6 : spec.precision;
  if (precision > 300) precision = 300;
  const char kind = conversion == 'F' ? 'f' : conversion == 'E' || conversion == 'a' || conversion == 'A' ? 'e'
                    : conversion == 'G' ? 'g' : conversion;
  if (kind == 'f') {
    n = fixedDigits(magnitude, precision, spec.alt, body, room);
  } else if (kind == 'e') {
    n = scientificDigits(magnitude, precision, spec.alt, upper, body, room);
  } else {  // g: the shorter of the two, as the standard decides, without trailing zeros unless '#'
    const int significant = precision == 0 ? 1 : precision;
    char probe[512];
    int exponent = 0;  // of the %e form at this precision (after its rounding)
    (void)scientificDigits(magnitude, significant - 1, false, upper, probe, room, &exponent);
    const bool fixed = exponent < significant && exponent >= -4;
    n = fixed ? fixedDigits(magnitude, significant - 1 - exponent, spec.alt, body, room)
              : scientificDigits(magnitude, significant - 1, spec.alt, upper, body, room);
    if (!spec.alt) {
      int mantissaEnd = n;
      for (int i = 0; i < n; ++i) {
        if (body[i] == 'e' || body[i] == 'E') {
          mantissaEnd = i;
          break;
        }
      }
      bool hasPoint = false;
      for (int i = 0; i < mantissaEnd; ++i) hasPoint = hasPoint || body[i] == '.';
      if (hasPoint) {
        int cut = mantissaEnd;
        while (cut > 0 && body[cut - 1] == '0') --cut;
        if (cut > 0 && body[cut - 1] == '.') --cut;
        for (int i = mantissaEnd; i < n; ++i) body[cut + (i - mantissaEnd)] = body[i];
        n = cut + (n - mantissaEnd);
      }
    }
  }
  padded(sink, spec, prefix, p, body, static_cast<std::size_t>(n), spec.zero && !spec.left);
}

}  // namespace

int formatV(char* out, std::size_t size, const char* format, std::va_list args) {
  Sink sink(out, size);
  for (const char* f = format; *f != '\0'; ++f) {
    if (*f != '%') {
      sink.put(*f);
      continue;
    }
    const char* start = f++;
    Spec spec;
    for (;; ++f) {
      if (*f == '-') spec.left = true;
      else if (*f == '+') spec.plus = true;
      else if (*f == ' ') spec.space = true;
      else if (*f == '#') spec.alt = true;
      else if (*f == '0') spec.zero = true;
      else break;
    }
    if (*f == '*') {
      spec.width = va_arg(args, int);
      if (spec.width < 0) {
        spec.left = true;
        spec.width = -spec.width;
      }
      ++f;
    } else {
      while (*f >= '0' && *f <= '9') spec.width = spec.width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
      ++f;
      spec.precision = 0;
      if (*f == '*') {
        spec.precision = va_arg(args, int);
        if (spec.precision < 0) spec.precision = -1;
        ++f;
      } else {
        while (*f >= '0' && *f <= '9') spec.precision = spec.precision * 10 + (*f++ - '0');
      }
    }
    // Length: 0 int, 1 char, 2 short, 3 long, 4 long long, 5 size_t, 6 intmax_t, 7 ptrdiff_t, 8 long double.
    int length = 0;
    if (*f == 'h') {
      length = f[1] == 'h' ? 1 : 2;
      f += length == 1 ? 2 : 1;
    } else if (*f == 'l') {
      length = f[1] == 'l' ? 4 : 3;
      f += length == 4 ? 2 : 1;
    } else if (*f == 'z') {
      length = 5, ++f;
    } else if (*f == 'j') {
      length = 6, ++f;
    } else if (*f == 't') {
      length = 7, ++f;
    } else if (*f == 'L') {
      length = 8, ++f;
    }
    const char c = *f;
    switch (c) {
      case 'd':
      case 'i': {
        std::int64_t v = 0;
        switch (length) {
          case 1: v = static_cast<signed char>(va_arg(args, int)); break;
          case 2: v = static_cast<short>(va_arg(args, int)); break;
          case 3: v = va_arg(args, long); break;
          case 4: v = va_arg(args, long long); break;
          case 5: v = static_cast<std::int64_t>(va_arg(args, std::size_t)); break;
          case 6: v = va_arg(args, std::intmax_t); break;
          case 7: v = va_arg(args, std::ptrdiff_t); break;
          default: v = va_arg(args, int); break;
        }
        const std::uint64_t magnitude = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
        integer(sink, spec, magnitude, v < 0, 10, false, true);
        break;
      }
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        std::uint64_t v = 0;
        switch (length) {
          case 1: v = static_cast<unsigned char>(va_arg(args, unsigned)); break;
          case 2: v = static_cast<unsigned short>(va_arg(args, unsigned)); break;
          case 3: v = va_arg(args, unsigned long); break;
          case 4: v = va_arg(args, unsigned long long); break;
          case 5: v = va_arg(args, std::size_t); break;
          case 6: v = va_arg(args, std::uintmax_t); break;
          case 7: v = static_cast<std::uint64_t>(va_arg(args, std::ptrdiff_t)); break;
          default: v = va_arg(args, unsigned); break;
        }
        integer(sink, spec, v, false, c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X', false);
        break;
      }
      case 'p': {
        const auto v = reinterpret_cast<std::uintptr_t>(va_arg(args, void*));
        Spec hex = spec;
        hex.alt = true;
        integer(sink, hex, v, false, 16, false, false);
        break;
      }
      case 'c': {
        const char ch = static_cast<char>(va_arg(args, int));
        padded(sink, spec, "", 0, &ch, 1, false);
        break;
      }
      case 's': {
        const char* s = va_arg(args, const char*);
        if (s == nullptr) s = "(null)";
        std::size_t n = 0;
        while (s[n] != '\0' && (spec.precision < 0 || n < static_cast<std::size_t>(spec.precision))) ++n;
        padded(sink, spec, "", 0, s, n, false);
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
      case 'a':
      case 'A': {
        if (length == 8) {  // long double: taken off the list, printed as it stands (nothing here passes one)
          (void)va_arg(args, long double);
          for (const char* s = start; s <= f; ++s) sink.put(*s);
          break;
        }
        floating(sink, spec, va_arg(args, double), c);
        break;
      }
      case 'n':
        (void)va_arg(args, void*);
        break;
      case '%':
        sink.put('%');
        break;
      default:  // an unknown conversion (or the format's end): printed as it stands
        for (const char* s = start; s <= f && *s != '\0'; ++s) sink.put(*s);
        if (*f == '\0') return sink.finish();
        break;
    }
  }
  return sink.finish();
}

int formatTo(char* out, std::size_t size, const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  const int n = formatV(out, size, format, args);
  va_end(args);
  return n;
}

}  // namespace mapathy::text
