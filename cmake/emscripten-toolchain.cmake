# Finds Emscripten's own CMake toolchain file and includes it, so the `web` preset works with whatever
# emsdk-setup.sh found: an activated emsdk ($EMSDK), the emsdk it cloned into third_party/emsdk, an emcc on
# PATH, or Debian's emscripten package (/usr/share/emscripten, 3.1.6).
set(_mapathy_emscripten_candidates "")
if(DEFINED ENV{EMSDK} AND NOT "$ENV{EMSDK}" STREQUAL "")
  list(APPEND _mapathy_emscripten_candidates "$ENV{EMSDK}/upstream/emscripten")
endif()
if(DEFINED ENV{EMSCRIPTEN} AND NOT "$ENV{EMSCRIPTEN}" STREQUAL "")
  list(APPEND _mapathy_emscripten_candidates "$ENV{EMSCRIPTEN}")
endif()
list(APPEND _mapathy_emscripten_candidates "${CMAKE_CURRENT_LIST_DIR}/../third_party/emsdk/upstream/emscripten")
find_program(_mapathy_emcc NAMES emcc NO_CACHE)
if(_mapathy_emcc)
  # Resolve symlinks: Debian's /usr/bin/emcc points into /usr/share/emscripten.
  file(REAL_PATH "${_mapathy_emcc}" _mapathy_emcc_real)
  get_filename_component(_mapathy_emcc_dir "${_mapathy_emcc_real}" DIRECTORY)
  list(APPEND _mapathy_emscripten_candidates "${_mapathy_emcc_dir}")
endif()
list(APPEND _mapathy_emscripten_candidates "/usr/share/emscripten" "/usr/lib/emscripten")

foreach(_dir IN LISTS _mapathy_emscripten_candidates)
  set(_file "${_dir}/cmake/Modules/Platform/Emscripten.cmake")
  if(EXISTS "${_file}")
    set(MAPATHY_EMSCRIPTEN_TOOLCHAIN "${_file}")
    break()
  endif()
endforeach()

if(NOT MAPATHY_EMSCRIPTEN_TOOLCHAIN)
  message(FATAL_ERROR "Emscripten not found (looked in: ${_mapathy_emscripten_candidates}). Run ./emsdk-setup.sh first.")
endif()
include("${MAPATHY_EMSCRIPTEN_TOOLCHAIN}")
