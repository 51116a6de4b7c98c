// Mapathy core — float sine and cosine (see sin_cos.hpp).
#include "core/base/sin_cos.hpp"

namespace mapathy::text {
namespace {

constexpr double kTwoOverPi = 0.63661977236758134308;
// π/2 in two parts (Cody and Waite): the first has 25 significant bits, so k·kHalfPiHigh is exact for every
// |k| below 2^28, and the second carries the rest.
constexpr double kHalfPiHigh = 1.57079631090164184570e+00;
constexpr double kHalfPiLow = 1.58932547735281966916e-08;

// sin and cos of r, |r| <= π/4, by their Taylor series up to r^15 and r^16 (the first term left out is below
// 2^-60 of the result there).
double sinSeries(double r) {
  const double r2 = r * r;
  double s = 1.0 / 1307674368000.0;  // 1/15!
  s = s * -r2 + 1.0 / 6227020800.0;  // 1/13!
  s = s * -r2 + 1.0 / 39916800.0;    // 1/11!
  s = s * -r2 + 1.0 / 362880.0;      // 1/9!
  s = s * -r2 + 1.0 / 5040.0;        // 1/7!
  s = s * -r2 + 1.0 / 120.0;         // 1/5!
  s = s * -r2 + 1.0 / 6.0;           // 1/3!
  return r - r * r2 * s;
}

double cosSeries(double r) {
  const double r2 = r * r;
  double c = 1.0 / 20922789888000.0;  // 1/16!
  c = c * -r2 + 1.0 / 87178291200.0;  // 1/14!
  c = c * -r2 + 1.0 / 479001600.0;    // 1/12!
  c = c * -r2 + 1.0 / 3628800.0;      // 1/10!
  c = c * -r2 + 1.0 / 40320.0;        // 1/8!
  c = c * -r2 + 1.0 / 720.0;          // 1/6!
  c = c * -r2 + 1.0 / 24.0;           // 1/4!
  c = c * -r2 + 0.5;                  // 1/2!
  return 1.0 - r2 * c;
}

// sin (cosine = false) or cos of x: x = k·π/2 + r, then the quadrant k mod 4 picks the series and sign.
float sinOrCos(float x, bool cosine) {
  if (x != x || x - x != 0.0f) return (x - x) * 0.0f;  // NaN, ±inf → NaN
  if (x == 0.0f) return cosine ? 1.0f : x;             // sin keeps the sign of a zero
  const double d = x;
  const double q = d * kTwoOverPi;
  const auto k = static_cast<long long>(q >= 0 ? q + 0.5 : q - 0.5);
  const double r = (d - static_cast<double>(k) * kHalfPiHigh) - static_cast<double>(k) * kHalfPiLow;
  const unsigned quadrant = static_cast<unsigned>(k + (cosine ? 1 : 0)) & 3u;
  const double v = (quadrant & 1u) != 0 ? cosSeries(r) : sinSeries(r);
  return static_cast<float>((quadrant & 2u) != 0 ? -v : v);
}

}  // namespace

float sinFloat(float x) { return sinOrCos(x, false); }
float cosFloat(float x) { return sinOrCos(x, true); }

}  // namespace mapathy::text
