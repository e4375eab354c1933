# Helpers that register matdiff's test programs with CTest.
# Included from tests/, docs/ and benchmarks/; needs the matdiff and matdiff_warnings targets.

# matdiff_use_precompiled_headers(<target> [CATCH])
# <target>'s units start from matdiff, Eigen and the standard streams (and Catch2 with CATCH)
# precompiled once for the whole build, unless MATDIFF_PRECOMPILE_HEADERS is OFF. Parsing
# those headers is about a second of every unit, most of the compile time of a small test.
# The headers come first in each unit, so a unit that must see its own macros before Eigen
# or matdiff (tests/support/allocation_count.hpp; a unit that sets a MATDIFF_ macro of its
# own with #undef) does not use them.
function(matdiff_use_precompiled_headers target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "CATCH" "" "")
  if(NOT MATDIFF_PRECOMPILE_HEADERS)
    return()
  endif()
  set(headers <matdiff/matdiff.hpp> <Eigen/Dense> <iostream>)
  set(precompiled matdiff_precompiled)
  if(arg_CATCH)
    list(APPEND headers <catch2/catch.hpp>)
    set(precompiled matdiff_precompiled_catch)
  endif()
  if(NOT TARGET ${precompiled})
    # The headers are compiled with the programs' own flags (those of matdiff_warnings
    # and the build type) from an empty unit; the programs reuse the result.
    set(empty ${PROJECT_BINARY_DIR}/${precompiled}.cpp)
    file(CONFIGURE OUTPUT ${empty} CONTENT "// The unit that precompiles the headers.\n")
    add_library(${precompiled} OBJECT ${empty})
    target_link_libraries(${precompiled} PRIVATE matdiff::matdiff matdiff_warnings)
    if(arg_CATCH)
      target_link_libraries(${precompiled} PRIVATE Catch2::Catch2)
    endif()
    target_precompile_headers(${precompiled} PRIVATE ${headers})
  endif()
  target_precompile_headers(${target} REUSE_FROM ${precompiled})
endfunction()

# matdiff_add_program(<name> <source>)
# Executable <name> built with strict warnings and run as the CTest <name>.
function(matdiff_add_program name source)
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE matdiff::matdiff matdiff_warnings)
  add_test(NAME ${name} COMMAND ${name})
endfunction()

# matdiff_add_test(<source>)
# Catch2 test for tests/<dir>/<name>.cpp, named test_<dir>_<name>
# (tests/<name>.cpp gives test_<name>). Needs target matdiff_catch_main.
function(matdiff_add_test source)
  cmake_path(ABSOLUTE_PATH source OUTPUT_VARIABLE path)
  cmake_path(RELATIVE_PATH path BASE_DIRECTORY ${matdiff_SOURCE_DIR}/tests)
  cmake_path(REMOVE_EXTENSION path LAST_ONLY)
  string(REPLACE "/" "_" name "test_${path}")
  matdiff_add_program(${name} ${source})
  target_link_libraries(${name} PRIVATE matdiff_catch_main Catch2::Catch2)
  file(STRINGS ${source} own_macros REGEX "#include .*allocation_count.hpp|^#undef MATDIFF_")
  if(NOT own_macros)
    matdiff_use_precompiled_headers(${name} CATCH)
  endif()
endfunction()

# matdiff_add_compile_fail_test(NAME <name> SOURCE <file> EXPECT <regex>...
#                               [EXPECT_FIRST <regex>...]
#                               [EXPECT_COUNT "<count> <regex>"...])
# Passes only if <file> fails to compile, the diagnostics match every <regex>
# of EXPECT, the first line containing "error" matches every <regex> of
# EXPECT_FIRST, and for each EXPECT_COUNT item have exactly <count> matches of
# its <regex>. The compiler is run directly by the test rather than through a
# build target, so these files never break the normal build.
function(matdiff_add_compile_fail_test)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;SOURCE" "EXPECT;EXPECT_FIRST;EXPECT_COUNT")
  if(NOT arg_NAME OR NOT arg_SOURCE OR NOT arg_EXPECT)
    message(FATAL_ERROR "matdiff_add_compile_fail_test needs NAME, SOURCE and EXPECT")
  endif()
  cmake_path(ABSOLUTE_PATH arg_SOURCE)
  add_test(NAME ${arg_NAME}
    COMMAND ${CMAKE_COMMAND}
      -DCOMPILER=${CMAKE_CXX_COMPILER}
      -DSOURCE=${arg_SOURCE}
      -DPROJECT_INCLUDE_DIR=${matdiff_SOURCE_DIR}/include
      # matdiff's usage requirements, transitively: Eigen and any
      # dependency added later.
      "-DINCLUDE_DIRS=$<TARGET_PROPERTY:matdiff,INTERFACE_INCLUDE_DIRECTORIES>"
      "-DDEFINITIONS=$<TARGET_PROPERTY:matdiff,INTERFACE_COMPILE_DEFINITIONS>"
      "-DIMPLICIT_DIRS=${CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES}"
      "-DEXPECT=${arg_EXPECT}"
      "-DEXPECT_FIRST=${arg_EXPECT_FIRST}"
      "-DEXPECT_COUNT=${arg_EXPECT_COUNT}"
      -P ${matdiff_SOURCE_DIR}/cmake/matdiff_compile_fail.cmake)
endfunction()
