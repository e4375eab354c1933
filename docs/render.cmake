# Renders a Markdown document from its template, the doc programs' sources and their output,
# and checks or updates the checked-in copy. Run by CTest (MODE check) and by the target
# update_docs (MODE write); see docs/CMakeLists.txt.
#
#   cmake -DTEMPLATE=<file.md.in> -DDOCUMENT=<file.md> -DSOURCE_DIR=<docs>
#         -DPROGRAMS=<source>=<executable>|... -DMODE=check|write -P render.cmake
#
# A template line that is exactly one of these directives is replaced:
#   @code <source>     the file docs/<source> in a ```cpp block
#   @output <source>   what the program built from docs/<source> prints, in a ```text block
#   @example <source>  both
#   @insert <source>   what the program prints, as Markdown
# A program that exits with a non-zero status fails the rendering.
cmake_minimum_required(VERSION 3.25)

foreach(required TEMPLATE DOCUMENT SOURCE_DIR MODE)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "render.cmake: ${required} is not set")
  endif()
endforeach()

# Maps a source (tutorial/x.cpp) to its executable.
string(REPLACE "|" ";" PROGRAMS "${PROGRAMS}")
foreach(entry IN LISTS PROGRAMS)
  string(FIND "${entry}" "=" equals)
  string(SUBSTRING "${entry}" 0 ${equals} source)
  math(EXPR after "${equals} + 1")
  string(SUBSTRING "${entry}" ${after} -1 executable)
  set("program_${source}" "${executable}")
endforeach()

function(program_output source result)
  if(NOT DEFINED "program_${source}")
    message(FATAL_ERROR "render.cmake: ${TEMPLATE}: no program is built from ${source}")
  endif()
  execute_process(COMMAND "${program_${source}}" OUTPUT_VARIABLE out RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "render.cmake: ${program_${source}} (from ${source}) exited with ${status}")
  endif()
  set(${result} "${out}" PARENT_SCOPE)
endfunction()

function(fenced language text result)
  if(NOT text MATCHES "\n$")
    string(APPEND text "\n")
  endif()
  set(${result} "```${language}\n${text}```\n" PARENT_SCOPE)
endfunction()

file(READ "${TEMPLATE}" rest)
cmake_path(GET SOURCE_DIR PARENT_PATH root)
file(RELATIVE_PATH template_name "${root}" "${TEMPLATE}")
set(rendered "<!-- Generated from ${template_name} by docs/render.cmake: edit that file and run `cmake --build <build dir> --target update_docs`. -->\n")
set(directive_regex "(^|\n)@(code|output|example|insert) ([^\n]+)\n")
while(rest MATCHES "${directive_regex}")
  set(line "${CMAKE_MATCH_0}")
  set(kind "${CMAKE_MATCH_2}")
  string(STRIP "${CMAKE_MATCH_3}" source)
  string(FIND "${rest}" "${line}" at)
  string(LENGTH "${line}" line_length)
  if(CMAKE_MATCH_1 STREQUAL "\n")  # keep the newline that ends the previous line
    math(EXPR at "${at} + 1")
    math(EXPR line_length "${line_length} - 1")
  endif()
  string(SUBSTRING "${rest}" 0 ${at} before)
  math(EXPR after "${at} + ${line_length}")
  string(SUBSTRING "${rest}" ${after} -1 rest)
  string(APPEND rendered "${before}")

  set(block "")
  if(kind STREQUAL "code" OR kind STREQUAL "example")
    file(READ "${SOURCE_DIR}/${source}" code)
    fenced(cpp "${code}" code_block)
    string(APPEND block "${code_block}")
  endif()
  if(kind STREQUAL "example")
    string(APPEND block "\nIt prints:\n\n")
  endif()
  if(kind STREQUAL "output" OR kind STREQUAL "example")
    program_output("${source}" out)
    fenced(text "${out}" out_block)
    string(APPEND block "${out_block}")
  endif()
  if(kind STREQUAL "insert")
    program_output("${source}" block)
  endif()
  string(APPEND rendered "${block}")
endwhile()
string(APPEND rendered "${rest}")

if(MODE STREQUAL "write")
  file(WRITE "${DOCUMENT}" "${rendered}")
  message(STATUS "render.cmake: wrote ${DOCUMENT}")
elseif(MODE STREQUAL "check")
  file(READ "${DOCUMENT}" checked_in)
  if(NOT checked_in STREQUAL rendered)
    cmake_path(GET DOCUMENT FILENAME document_name)
    set(fresh "${CMAKE_CURRENT_BINARY_DIR}/${document_name}.rendered")
    file(WRITE "${fresh}" "${rendered}")
    execute_process(COMMAND diff -u "${DOCUMENT}" "${fresh}")
    message(FATAL_ERROR "render.cmake: ${DOCUMENT} is out of date: its sources or the programs' "
                        "output changed (rendered text in ${fresh}). Update it with "
                        "`cmake --build <build dir> --target update_docs`.")
  endif()
  message(STATUS "render.cmake: ${DOCUMENT} is up to date")
else()
  message(FATAL_ERROR "render.cmake: MODE must be check or write, not ${MODE}")
endif()
