# cmake -DINCLUDE_DIR=<include> -P cmake/check_internal_linkage.cmake
#
# Fails when a function template or variable template at namespace scope of the symbolic
# engine (matdiff/core, ops, calculus, rules, io) is not `static`.
#
# Why: g++ 12 gives every instantiation of a template with external linkage a COMDAT group
# named after its mangled name, whether or not code is generated for it, and allocates each
# long name by walking the list of pages its collector has freed. The engine's functions are
# instantiated over the types of every prefix of a sum, every step of a derivation, and run
# while compiling: with internal linkage an instantiation nothing calls is never named. The
# value and gradient of a 64-term sum took 75.0 s with external and 54.5 s with internal
# linkage (medians of three runs; docs/compile_time.md, "Internal linkage"). Run-time code
# (matdiff/eval, matdiff/testing) keeps external linkage, so a program's units share it.
#
# Namespace scope is column 0 in these headers (clang-format does not indent namespaces):
# a declaration at column 0 after a template header at column 0 (and its requires-clause)
# must begin with `static`, unless it declares a class, an alias, a concept, a deduction
# guide, a member defined outside its class, or is an explicit or partial specialization
# (which take the primary's linkage). The values a user writes (`md::matrix<"X", 3, 3>`,
# `inline constexpr ... matrix{};`) stay one object for the program.
cmake_minimum_required(VERSION 3.25)

get_filename_component(INCLUDE_DIR "${INCLUDE_DIR}" ABSOLUTE)
set(checked core ops calculus rules io)
set(problems "")
foreach(dir IN LISTS checked)
  file(GLOB_RECURSE headers "${INCLUDE_DIR}/matdiff/${dir}/*.hpp")
  foreach(header IN LISTS headers)
    file(STRINGS "${header}" lines)
    set(in_header OFF)      # after `template <...>` at column 0
    set(in_requires OFF)    # in the requires-clause after it
    set(number 0)
    foreach(line IN LISTS lines)
      math(EXPR number "${number} + 1")
      if(line MATCHES "^template <>")
        set(in_header OFF)
      elseif(line MATCHES "^template <.*>$")
        set(in_header ON)
        set(in_requires OFF)
      elseif(in_header AND (line MATCHES "^ +requires" OR (in_requires AND line MATCHES "^ ")))
        set(in_requires ON)
      elseif(in_header)
        # The declaration the template header introduces.
        set(in_header OFF)
        if(line MATCHES "^[a-z_A-Z]"
           AND NOT line MATCHES "^(static |struct |class |union |using |concept |friend |template )"
           AND NOT line MATCHES "->"                                  # a deduction guide
           AND NOT line MATCHES "^[^=(]*[a-z_0-9]<.*> *="             # a partial specialization
           AND NOT line MATCHES "^[^(]* [a-z_]+::[a-z_]+\\("           # a member defined outside
           AND NOT line MATCHES "^inline constexpr .* [a-z_]+{};$")   # a value the user writes
          file(RELATIVE_PATH where "${INCLUDE_DIR}" "${header}")
          string(APPEND problems "  ${where}:${number}: ${line}\n")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "matdiff: these namespace-scope templates of the symbolic engine are not `static` "
                      "(cmake/check_internal_linkage.cmake says why):\n${problems}")
endif()
message(STATUS "Every namespace-scope function and variable template of the symbolic engine is static.")
