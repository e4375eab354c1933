# Compile time and peak compiler memory of every test and benchmark translation unit, and
# the compile-time ratio of matdiff's kernels for the three comparison problems to the
# same kernels written by hand in Eigen.
#
#   cmake --preset test                     # any configured build directory will do
#   cmake -DBUILD_DIR=build/test -P tools/compile_time/compile_time.cmake
#
# Options (-D): BUILD_DIR   a CMake build directory with compile_commands.json (required)
#               FILTER      only translation units whose path matches this regex
#               SKIP_UNITS  ON: only the ratio, not every translation unit
#               REPORT      also write the tables to this Markdown file
# Each unit is compiled once, with the exact command of the build (compile_commands.json),
# into a scratch object, under /usr/bin/time -v (Debian package "time"): wall time, user
# CPU time and maximum resident set size of the compiler. On a busy machine wall time grows
# while CPU time does not: compare CPU times.
cmake_minimum_required(VERSION 3.25)

if(NOT BUILD_DIR)
  message(FATAL_ERROR "usage: cmake -DBUILD_DIR=<build dir> [-DFILTER=<regex>] -P ${CMAKE_CURRENT_LIST_FILE}")
endif()
cmake_path(ABSOLUTE_PATH BUILD_DIR NORMALIZE)
set(database ${BUILD_DIR}/compile_commands.json)
if(NOT EXISTS ${database})
  message(FATAL_ERROR "${database} not found: configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON "
                      "(the presets do)")
endif()
if(NOT EXISTS /usr/bin/time)
  message(FATAL_ERROR "/usr/bin/time not found: apt-get install time")
endif()
cmake_path(GET CMAKE_CURRENT_LIST_DIR PARENT_PATH tools_dir)
cmake_path(GET tools_dir PARENT_PATH source_dir)
set(scratch ${BUILD_DIR}/compile_time)
file(MAKE_DIRECTORY ${scratch})

# measure(<command list> <directory> <prefix>): sets <prefix>_wall, <prefix>_cpu (seconds)
# and <prefix>_mb (peak resident MB) in the caller; fails on a compile error.
function(measure command directory prefix)
  execute_process(COMMAND /usr/bin/time -v ${command}
    WORKING_DIRECTORY ${directory}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    list(JOIN command " " shown)
    message(FATAL_ERROR "$ ${shown}\n${output}")
  endif()
  string(REGEX MATCH "User time \\(seconds\\): ([0-9.]+)" _ "${output}")
  set(user ${CMAKE_MATCH_1})
  string(REGEX MATCH "System time \\(seconds\\): ([0-9.]+)" _ "${output}")
  set(system ${CMAKE_MATCH_1})
  string(REGEX MATCH "Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): ([0-9:.]+)" _ "${output}")
  string(REPLACE ":" ";" parts "${CMAKE_MATCH_1}")
  set(wall 0)
  foreach(part IN LISTS parts)  # [h:]m:ss.cc
    math(EXPR wall "${wall} * 60")
    string(REGEX REPLACE "\\..*" "" whole "${part}")
    math(EXPR wall "${wall} + ${whole}")
  endforeach()
  string(REGEX MATCH "Maximum resident set size \\(kbytes\\): ([0-9]+)" _ "${output}")
  math(EXPR mb "${CMAKE_MATCH_1} / 1024")
  # CMake's math() is integer-only: CPU time in tenths of a second, printed as x.y.
  string(REGEX REPLACE "^([0-9]+)\\.([0-9]).*" "\\1\\2" user_tenths "${user}")
  string(REGEX REPLACE "^([0-9]+)\\.([0-9]).*" "\\1\\2" system_tenths "${system}")
  math(EXPR cpu_tenths "${user_tenths} + ${system_tenths}")
  set(${prefix}_cpu_tenths ${cpu_tenths} PARENT_SCOPE)
  set(${prefix}_wall ${wall} PARENT_SCOPE)
  set(${prefix}_mb ${mb} PARENT_SCOPE)
endfunction()

function(tenths_text tenths out)
  math(EXPR whole "${tenths} / 10")
  math(EXPR fraction "${tenths} % 10")
  set(${out} "${whole}.${fraction}" PARENT_SCOPE)
endfunction()

# The compile command of a unit as a list, writing its object to <object>.
function(command_for entry object out)
  string(JSON text GET "${entry}" command)
  separate_arguments(command UNIX_COMMAND "${text}")
  list(FIND command "-o" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "no -o in ${text}")
  endif()
  math(EXPR at "${at} + 1")
  list(REMOVE_AT command ${at})
  list(INSERT command ${at} ${object})
  set(${out} "${command}" PARENT_SCOPE)
endfunction()

file(READ ${database} json)
string(JSON count LENGTH "${json}")
math(EXPR last "${count} - 1")

set(rows)
set(total_cpu 0)
set(peak_mb 0)
set(template_entry)
foreach(i RANGE ${last})
  string(JSON entry GET "${json}" ${i})
  string(JSON file GET "${entry}" file)
  string(JSON directory GET "${entry}" directory)
  cmake_path(RELATIVE_PATH file BASE_DIRECTORY ${source_dir} OUTPUT_VARIABLE relative)
  # A test unit is the template for the comparison units: the flags of the test build.
  if(NOT template_entry AND relative MATCHES "^tests/eval/")
    set(template_entry "${entry}")
  endif()
  if(SKIP_UNITS OR NOT relative MATCHES "^(tests|benchmarks|docs)/")
    continue()
  endif()
  if(FILTER AND NOT relative MATCHES "${FILTER}")
    continue()
  endif()
  command_for("${entry}" ${scratch}/unit.o command)
  measure("${command}" ${directory} unit)
  tenths_text(${unit_cpu_tenths} cpu)
  math(EXPR total_cpu "${total_cpu} + ${unit_cpu_tenths}")
  if(unit_mb GREATER peak_mb)
    set(peak_mb ${unit_mb})
  endif()
  # Zero-padded CPU time first, so a natural sort orders the rows by cost.
  string(LENGTH "${unit_cpu_tenths}" digits)
  math(EXPR pad "8 - ${digits}")
  string(REPEAT "0" ${pad} padding)
  list(APPEND rows "${padding}${unit_cpu_tenths}|${relative}|${cpu}|${unit_wall}|${unit_mb}")
  message(STATUS "${relative}: ${cpu} s CPU, ${unit_wall} s wall, ${unit_mb} MB")
endforeach()

set(report "")
if(rows)
  list(SORT rows COMPARE NATURAL ORDER DESCENDING)
  string(APPEND report "| translation unit | CPU s | wall s | peak MB |\n| --- | ---: | ---: | ---: |\n")
  foreach(row IN LISTS rows)
    string(REPLACE "|" ";" fields "${row}")
    list(GET fields 1 relative)
    list(GET fields 2 cpu)
    list(GET fields 3 wall)
    list(GET fields 4 mb)
    string(APPEND report "| ${relative} | ${cpu} | ${wall} | ${mb} |\n")
  endforeach()
  tenths_text(${total_cpu} total)
  list(LENGTH rows units)
  string(APPEND report "\n${units} units, ${total} s CPU in total, largest peak ${peak_mb} MB.\n\n")
endif()

# --- matdiff's kernels against hand-written Eigen, with the flags of the test build ---
if(NOT template_entry)
  message(FATAL_ERROR "no tests/eval unit in ${database} to take the flags from")
endif()
string(JSON template_file GET "${template_entry}" file)
string(JSON template_directory GET "${template_entry}" directory)
foreach(variant IN ITEMS matdiff eigen)
  set(source ${CMAKE_CURRENT_LIST_DIR}/neurips_${variant}.cpp)
  command_for("${template_entry}" ${scratch}/neurips_${variant}.o command)
  list(TRANSFORM command REPLACE "^${template_file}$" "${source}")
  # Without the build's precompiled headers: both units parse their headers, as a user's do.
  list(FIND command "-include" at)
  if(NOT at EQUAL -1)
    math(EXPR header "${at} + 1")
    list(REMOVE_AT command ${at} ${header})
  endif()
  measure("${command}" ${template_directory} ${variant})
  # Link and run: both print the same values.
  list(GET command 0 compiler)
  execute_process(COMMAND ${compiler} ${scratch}/neurips_${variant}.o -o ${scratch}/neurips_${variant}
                  COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND ${scratch}/neurips_${variant} OUTPUT_VARIABLE ${variant}_output
                  COMMAND_ERROR_IS_FATAL ANY)
endforeach()
tenths_text(${matdiff_cpu_tenths} matdiff_cpu)
tenths_text(${eigen_cpu_tenths} eigen_cpu)
math(EXPR ratio_hundredths "100 * ${matdiff_cpu_tenths} / ${eigen_cpu_tenths}")
math(EXPR ratio_whole "${ratio_hundredths} / 100")
math(EXPR ratio_fraction "${ratio_hundredths} % 100")
if(ratio_fraction LESS 10)
  set(ratio_fraction "0${ratio_fraction}")
endif()
if(matdiff_output STREQUAL eigen_output)
  set(agree "the two programs print the same values")
else()
  set(agree "the two programs print DIFFERENT values:\n${matdiff_output}\n${eigen_output}")
endif()
string(APPEND report
  "| kernels (value, gradient and Hessian) | CPU s | wall s | peak MB |\n| --- | ---: | ---: | ---: |\n"
  "| matdiff (neurips_matdiff.cpp) | ${matdiff_cpu} | ${matdiff_wall} | ${matdiff_mb} |\n"
  "| hand-written Eigen (neurips_eigen.cpp) | ${eigen_cpu} | ${eigen_wall} | ${eigen_mb} |\n"
  "\nCompile-time ratio matdiff / Eigen (CPU): ${ratio_whole}.${ratio_fraction}; ${agree}.\n")
message("${report}")
if(REPORT)
  file(WRITE ${REPORT} "${report}")
endif()
