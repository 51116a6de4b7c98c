// Mapathy core — a QR code encoder (ISO/IEC 18004, model 2), written here from the standard's
// algorithm, so share links can be shown as a code to scan from a projector or a phone.
//
// Only what links need: byte mode (the link's UTF-8 bytes), versions 1–40, error-correction levels
// L/M/Q/H, Reed–Solomon over GF(256), all eight masks scored by the standard's four penalty rules
// (the lowest score wins), format and version information. No Kanji/alphanumeric/ECI segments: a
// share link is base64url and fits byte mode at the same or better size than mixed segments would
// give for such short alphanumeric runs.
//
// Pure computation, no I/O. The output is a square matrix of modules (true = dark) without the
// quiet zone; qrToSvg() adds the quiet zone and draws it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace mapathy {

// How many codewords may be lost and still be recovered: roughly 7%, 15%, 25%, 30%.
enum class QrEcc { L, M, Q, H };

inline constexpr int kQrMinVersion = 1;
inline constexpr int kQrMaxVersion = 40;

struct QrCode {
  int version = 1;            // 1..40
  QrEcc ecc = QrEcc::M;
  int mask = 0;               // 0..7, the one the penalty rules chose
  int size = 21;              // modules per side: 17 + 4 × version
  std::vector<std::uint8_t> modules;  // size × size, row-major, 1 = dark

  // Module at column x, row y (0-based, without quiet zone). Outside the symbol is light.
  [[nodiscard]] bool at(int x, int y) const {
    if (x < 0 || y < 0 || x >= size || y >= size) return false;
    return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)] != 0;
  }
};

struct QrOptions {
  QrEcc ecc = QrEcc::M;
  int minVersion = kQrMinVersion;  // the smallest version that fits in [minVersion, maxVersion] is used
  int maxVersion = kQrMaxVersion;
  int mask = -1;                   // -1: choose by penalty; 0..7 forces a mask (tests)
};

// Encodes `text` (its bytes, UTF-8 for links) in byte mode. Errors: bad options, or the text is
// longer than the largest allowed version holds at that level ("… 3,120 bytes; a QR code at level M
// holds at most 2,331").
Result<QrCode> encodeQr(std::string_view text, const QrOptions& options = {});

// Largest number of bytes byte mode fits into `version` at `ecc` (0 for a version outside 1..40).
// Version 40: L 2953, M 2331, Q 1663, H 1273. The share dialog's "fits a QR code" meter compares a
// link's length against qrByteCapacity(kQrMaxVersion, ecc).
std::size_t qrByteCapacity(int version, QrEcc ecc);
// Smallest version that holds `bytes` bytes at `ecc`, or 0 when none does.
int qrVersionFor(std::size_t bytes, QrEcc ecc);

// A standalone SVG document: a white background and one path of dark modules, one unit per
// module, with `quietZone` light modules around (4 is what the standard asks for).
std::string qrToSvg(const QrCode& code, int quietZone = 4);

const char* toString(QrEcc ecc);  // "L", "M", "Q", "H"

}  // namespace mapathy
