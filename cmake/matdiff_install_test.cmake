# Builds and runs the consumer in tests/install/ the way a downstream project
# would use matdiff. Run by the install_consumer and subdirectory_consumer tests.
#   MODE=install       install matdiff to a prefix, then find_package(matdiff)
#   MODE=subdirectory  add_subdirectory(<matdiff source>)
# Other inputs (-D): SOURCE_DIR BINARY_DIR WORK_DIR CONFIG GENERATOR
#                    CXX_COMPILER Eigen3_DIR
cmake_minimum_required(VERSION 3.25)

# Runs a command; if it fails, shows its output unreformatted and stops.
function(run)
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    list(JOIN ARGN " " command)
    message("$ ${command}\n${output}")
    message(FATAL_ERROR "command failed (${result})")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(build_dir ${WORK_DIR}/build)
# Same compiler and the very dependencies the main build found.
set(configure_args -B ${build_dir} -G ${GENERATOR}
  -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
  -DEigen3_DIR=${Eigen3_DIR})
if(CONFIG)
  list(APPEND configure_args -DCMAKE_BUILD_TYPE=${CONFIG})
  set(config_args --config ${CONFIG})
endif()

if(MODE STREQUAL "install")
  set(prefix ${WORK_DIR}/prefix)
  # Header-only: installing needs no prior build.
  run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix} ${config_args})
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/install/consumer ${configure_args}
    -DCMAKE_PREFIX_PATH=${prefix})
elseif(MODE STREQUAL "subdirectory")
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/install/subdirectory ${configure_args}
    -DMATDIFF_SOURCE_DIR=${SOURCE_DIR})
else()
  message(FATAL_ERROR "Unknown MODE \"${MODE}\"")
endif()
run(${CMAKE_COMMAND} --build ${build_dir} ${config_args})

# Multi-config generators put the executable in a per-config subdirectory.
find_program(consumer consumer PATHS ${build_dir} ${build_dir}/${CONFIG}
  NO_DEFAULT_PATH REQUIRED)
run(${consumer})
