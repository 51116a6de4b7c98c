// Mapathy core — small text helpers every parser and writer needs: UTF-8 checking, decoding and encoding,
// numbers grouped by thousands for messages people read ("100,000 notes"), printf-style messages and
// the file name a board is downloaded under.
//
// Why one place: links, JSON, Markdown and the binary codec all take text from strangers. They must agree
// exactly on what well-formed UTF-8 is (no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF),
// or a board one loader accepts could be refused by another after a round trip.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>

namespace mapathy::text {

// Offset of the first byte that is not part of well-formed UTF-8, or std::string_view::npos.
std::size_t firstInvalidUtf8(std::string_view s);

// Decodes the code point at `i` and advances `i` past it. An ill-formed sequence gives U+FFFD and
// advances one byte, so a caller walking any byte string always makes progress.
char32_t decodeUtf8(std::string_view s, std::size_t& i);

// Appends `cp` as UTF-8; a surrogate or a value above U+10FFFF is written as U+FFFD.
void appendUtf8(std::string& out, char32_t cp);

// 1234567 → "1,234,567".
std::string groupedThousands(std::uint64_t n);

// printf for messages whose pattern comes from a string table ("%d notes", "%s is too big"): the one
// helper every layer uses, so nobody sizes a buffer by hand. std::string arguments are passed as
// C strings; any length fits. Without arguments the pattern comes back as it is.
namespace detail {
inline const char* printfArg(const std::string& s) { return s.c_str(); }
inline const char* printfArg(const char* s) { return s; }
template <class T>
  requires std::is_arithmetic_v<T> || std::is_enum_v<T>
T printfArg(T v) {
  return v;
}
}  // namespace detail

template <class... Args>
std::string format(const char* pattern, const Args&... args) {
  if constexpr (sizeof...(Args) == 0) {
    return pattern;  // nothing to fill in (and no "%%" to undo)
  } else {
    const int size = std::snprintf(nullptr, 0, pattern, detail::printfArg(args)...);
    if (size <= 0) return {};
    std::string out(static_cast<std::size_t>(size) + 1, '\0');
    std::snprintf(out.data(), out.size(), pattern, detail::printfArg(args)...);
    out.resize(static_cast<std::size_t>(size));
    return out;
  }
}

// The file name (without extension) a board titled `title` is downloaded under, whatever the format:
// lower-case ASCII letters and digits, German umlauts spelled out ("Kundenreise Über 60" →
// "kundenreise-ueber-60"), anything else one dash; "mapathy-board" when nothing is left.
std::string fileStem(std::string_view title);

}  // namespace mapathy::text
