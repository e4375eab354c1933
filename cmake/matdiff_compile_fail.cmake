# Compiles SOURCE and succeeds only if that fails with diagnostics matching
# every regex in EXPECT, whose first error line (the first line containing
# "error") matches every regex in EXPECT_FIRST, and, for each "<count> <regex>"
# item of EXPECT_COUNT, having exactly <count> matches of <regex>. Run by the
# tests of matdiff_add_compile_fail_test().
# Inputs (-D): COMPILER SOURCE PROJECT_INCLUDE_DIR INCLUDE_DIRS DEFINITIONS
#              IMPLICIT_DIRS EXPECT EXPECT_FIRST EXPECT_COUNT
cmake_minimum_required(VERSION 3.25)

set(args -std=c++20 -fsyntax-only -Wall -Wextra "-I${PROJECT_INCLUDE_DIR}")
# Dependencies go in as -isystem, as in the real build. The compiler's own
# directories are left out: re-adding /usr/include breaks #include_next.
foreach(dir IN LISTS INCLUDE_DIRS)
  cmake_path(NORMAL_PATH dir)
  if(NOT dir IN_LIST IMPLICIT_DIRS AND NOT dir STREQUAL PROJECT_INCLUDE_DIR)
    list(APPEND args -isystem ${dir})
  endif()
endforeach()
foreach(definition IN LISTS DEFINITIONS)
  list(APPEND args -D${definition})
endforeach()

execute_process(COMMAND ${COMPILER} ${args} ${SOURCE}
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)

# Fails the test, showing the compiler output unreformatted.
function(fail reason)
  list(JOIN args " " flags)
  message("$ ${COMPILER} ${flags} ${SOURCE}\n${output}")
  message(FATAL_ERROR "${reason}")
endfunction()

if(result EQUAL 0)
  fail("${SOURCE} compiled, but must not")
endif()
foreach(regex IN LISTS EXPECT)
  if(NOT output MATCHES "${regex}")
    fail("the compiler output has no match for \"${regex}\"")
  endif()
endforeach()
# The first error line is what a reader sees first (and all an IDE may show):
# it must say what is wrong by itself.
string(FIND "${output}" "error" error_at)
if(error_at EQUAL -1)
  fail("the compiler output has no line containing \"error\"")
endif()
string(SUBSTRING "${output}" 0 ${error_at} before_error)
string(FIND "${before_error}" "\n" line_start REVERSE)
math(EXPR line_start "${line_start} + 1")
string(SUBSTRING "${output}" ${line_start} -1 from_line_start)
string(FIND "${from_line_start}" "\n" line_length)
string(SUBSTRING "${from_line_start}" 0 ${line_length} first_error_line)
foreach(regex IN LISTS EXPECT_FIRST)
  if(NOT first_error_line MATCHES "${regex}")
    fail("the first error line has no match for \"${regex}\":\n${first_error_line}")
  endif()
endforeach()
foreach(item IN LISTS EXPECT_COUNT)
  if(NOT item MATCHES "^([0-9]+) (.+)$")
    message(FATAL_ERROR "EXPECT_COUNT item \"${item}\" is not \"<count> <regex>\"")
  endif()
  set(count ${CMAKE_MATCH_1})
  set(regex "${CMAKE_MATCH_2}")
  string(REGEX MATCHALL "${regex}" matches "${output}")
  list(LENGTH matches found)
  if(NOT found EQUAL count)
    fail("the compiler output has ${found} matches for \"${regex}\", not ${count}")
  endif()
endforeach()
