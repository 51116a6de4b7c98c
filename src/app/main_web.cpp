// Entry point of the WebAssembly app: wiring only (see src/platform/web/web_platform.hpp).
#include "platform/web/web_platform.hpp"

int main() { return mapathy::platform::web::start() ? 0 : 1; }
