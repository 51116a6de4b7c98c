// Mapathy core — a small strtod: what the web build links instead of the C library's (libc_shims.cpp).
//
// Why: musl's strtod reads through long-double arithmetic (software 128-bit floats in WebAssembly), about
// 3 KB gzip of the editor's first download, for the one caller there is: nlohmann/json reading the numbers of
// a board file or a tools answer, where the only fractions are section rectangles stored as floats.
//
// What it reads: leading white space, a sign, decimal digits with an optional point and exponent, "inf",
// "infinity" and "nan" (any case); nothing else (no hexadecimal floats). The result is exact (correctly
// rounded) when the significant digits fit in 2^53 and the power of ten is at most 22 either way — every
// number up to 15 significant digits with a modest exponent; otherwise it is within a few units in the last
// place, which a float (what the board keeps) never sees. Out of range: ±inf or 0, as strtod gives.
#pragma once

namespace mapathy::text {

// Like std::strtod: `*end` (when given) points after the number read, or at `text` when there was none.
double readDouble(const char* text, char** end);

}  // namespace mapathy::text
