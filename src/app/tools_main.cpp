// Entry point of mapathy-tools.wasm, the second WebAssembly module (see src/app/tools.hpp): no main loop,
// no ImGui, one exported call. web/platform.js (MapathyWeb.tools) loads it after the first frame.
#include <emscripten/emscripten.h>

#include <string>

#include "app/tools.hpp"

extern "C" {

// The result stays valid until the next call (the loader copies it out at once).
EMSCRIPTEN_KEEPALIVE const char* tools_run(const char* requestJson) {
  static std::string result;
  result = mapathy::tools::runTool(requestJson != nullptr ? requestJson : "");
  return result.c_str();
}

}  // extern "C"
