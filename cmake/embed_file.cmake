# Turns a binary file into a C++ source defining a byte array, at build time (cmake -P, no xxd needed).
#   cmake -DINPUT=<file> -DOUTPUT=<file.cpp> -DSYMBOL=<name> -P embed_file.cmake
# The source defines `mapathy::embedded::<SYMBOL>` and `<SYMBOL>_size` (see src/platform/fonts.cpp).
file(READ "${INPUT}" _hex HEX)
string(LENGTH "${_hex}" _hex_length)
math(EXPR _size "${_hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," _bytes "${_hex}")
# Break the initializer into lines of 32 bytes so compilers and editors cope.
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){32})" "\\1\n" _bytes "${_bytes}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed_file.cmake. Do not edit.\n"
  "#include <cstddef>\n"
  "namespace mapathy::embedded {\n"
  "extern const unsigned char ${SYMBOL}[];\n"
  "extern const std::size_t ${SYMBOL}_size;\n"
  "alignas(4) const unsigned char ${SYMBOL}[] = {\n${_bytes}\n};\n"
  "const std::size_t ${SYMBOL}_size = ${_size};\n"
  "}  // namespace mapathy::embedded\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
