// Mapathy core — float sine and cosine: what the web build links instead of the C library's sinf and cosf
// (libc_shims.cpp).
//
// Why: musl's sinf and cosf bring their own argument reduction for huge angles (__rem_pio2f), about 1 KB gzip
// of the editor's first download, for callers that only ever pass angles of a few turns: Dear ImGui drawing
// arcs and circles (ImCos, ImSin). Here the angle is reduced in double precision, then sine and cosine of
// the remainder (at most π/4) are series in double, rounded to float once: within one unit in the last
// place of the float result for |x| up to 2^20 (tests/core/sin_cos_test.cpp checks against the double
// functions). Beyond that the reduction loses accuracy; infinities and NaN give NaN, as sinf and cosf do.
#pragma once

namespace mapathy::text {

float sinFloat(float x);
float cosFloat(float x);

}  // namespace mapathy::text
