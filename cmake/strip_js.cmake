# Copies a JavaScript file of web/ into the site without its comment lines and indentation (issue 7:
# platform.js is read before the first frame; this takes a third off its gzip size). Deliberately simple and
# safe for our own files: only whole lines that start with // are dropped and only leading blanks are
# removed, so code, strings and line breaks (automatic semicolon insertion) are untouched. It relies on
# web/*.js having no template literals that span lines (tests/browser checks the page works with the result).
#   cmake -DINPUT=web/platform.js -DOUTPUT=build/web/site/platform.js -P cmake/strip_js.cmake
file(READ "${INPUT}" _js)
string(FIND "${_js}" "`" _backtick)
if(NOT _backtick EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains a template literal; strip_js.cmake cannot strip it safely")
endif()
set(_js "\n${_js}")
string(REGEX REPLACE "\n[ \t]*//[^\n]*" "" _js "${_js}")
string(REGEX REPLACE "\n[ \t]+" "\n" _js "${_js}")
string(REGEX REPLACE "\n\n+" "\n" _js "${_js}")
string(REGEX REPLACE "^\n" "" _js "${_js}")
file(WRITE "${OUTPUT}" "${_js}")
