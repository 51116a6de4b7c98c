// Mapathy core — small text helpers every parser and writer needs: UTF-8 checking, decoding and encoding,
// and numbers grouped by thousands for messages people read ("100,000 notes").
//
// Why one place: links, JSON, Markdown and the binary codec all take text from strangers. They must agree
// exactly on what well-formed UTF-8 is (no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF),
// or a board one loader accepts could be refused by another after a round trip.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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

}  // namespace mapathy::text
