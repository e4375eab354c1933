# cmake -DINCLUDE_DIR=<include> -P cmake/check_no_unique_address.cmake
#
# Fails when a header of matdiff declares a member `[[no_unique_address]]`.
#
# Why: clang 16 reads and writes freed memory while generating the code of an aggregate
# initialisation that value-initialises such a member inside another aggregate (a node over
# nodes, `R{}`), in every build of a unit that does it; it crashes only when the freed block
# has been reused, so a unit that compiled in every run before fails in one
# (docs/compile_time.md, "A clang crash"). Empty members cost a byte each instead.
cmake_minimum_required(VERSION 3.25)

get_filename_component(INCLUDE_DIR "${INCLUDE_DIR}" ABSOLUTE)
file(GLOB_RECURSE headers "${INCLUDE_DIR}/matdiff/*.hpp")
set(problems "")
foreach(header IN LISTS headers)
  file(STRINGS "${header}" lines REGEX "^[^/]*\\[\\[no_unique_address\\]\\]")
  foreach(line IN LISTS lines)
    file(RELATIVE_PATH where "${INCLUDE_DIR}" "${header}")
    string(APPEND problems "  ${where}: ${line}\n")
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "matdiff: members declared [[no_unique_address]] "
                      "(cmake/check_no_unique_address.cmake says why):\n${problems}")
endif()
message(STATUS "No header declares a member [[no_unique_address]].")
