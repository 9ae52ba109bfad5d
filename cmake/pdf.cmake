# The PDF renderer's libraries and run-time data, kept in one file so the
# top-level CMakeLists.txt only includes it.
#
# Libraries: libharu (no pkg-config file in Debian), HarfBuzz with its
# subsetter, libhyphen (no pkg-config file either).
# Data: the TrueType fonts named in fonts/manifest.tsv and the en-US
# hyphenation patterns are copied from their Debian packages into
# <build>/share/pressroom/ at build time, where data_dir() finds them next to
# the binary; install() puts them in <prefix>/share/pressroom/.
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz harfbuzz-subset)
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_library(HPDF_LIBRARY NAMES hpdf REQUIRED)
find_path(HYPHEN_INCLUDE_DIR hyphen.h REQUIRED)
find_library(HYPHEN_LIBRARY NAMES hyphen REQUIRED)
target_include_directories(pressroom_core SYSTEM PRIVATE "${HPDF_INCLUDE_DIR}" "${HYPHEN_INCLUDE_DIR}")
target_link_libraries(pressroom_core PUBLIC PkgConfig::HARFBUZZ "${HPDF_LIBRARY}" "${HYPHEN_LIBRARY}")

set(PRESSROOM_HYPHEN_SOURCE "/usr/share/hyphen/hyph_en_US.dic" CACHE FILEPATH
    "en-US hyphenation patterns for libhyphen (Debian package hyphen-en-us)")
set(PRESSROOM_SHARE "${CMAKE_BINARY_DIR}/share/pressroom")

set(pressroom_data_outputs "")
set(pressroom_font_files "")
file(STRINGS "${CMAKE_SOURCE_DIR}/fonts/manifest.tsv" manifest_lines)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/fonts/manifest.tsv")
foreach(line IN LISTS manifest_lines)
  if(line MATCHES "^#" OR line STREQUAL "")
    continue()
  endif()
  string(REPLACE "\t" ";" fields "${line}")
  list(LENGTH fields nfields)
  if(NOT nfields EQUAL 6)
    message(FATAL_ERROR "fonts/manifest.tsv: expected 6 tab-separated fields in: ${line}")
  endif()
  list(GET fields 1 font_file)
  list(GET fields 4 font_package)
  list(GET fields 5 font_source)
  if(NOT EXISTS "${font_source}")
    message(FATAL_ERROR "Font ${font_source} is missing: install the Debian package ${font_package} "
                        "(scripts/packages.sh lists it)")
  endif()
  add_custom_command(OUTPUT "${PRESSROOM_SHARE}/fonts/${font_file}"
    COMMAND ${CMAKE_COMMAND} -E copy "${font_source}" "${PRESSROOM_SHARE}/fonts/${font_file}"
    DEPENDS "${font_source}" VERBATIM)
  list(APPEND pressroom_data_outputs "${PRESSROOM_SHARE}/fonts/${font_file}")
  list(APPEND pressroom_font_files "${PRESSROOM_SHARE}/fonts/${font_file}")
  # The fonts' licences travel with them.
  set(licence "/usr/share/doc/${font_package}/copyright")
  if(EXISTS "${licence}" AND NOT "${PRESSROOM_SHARE}/fonts/licences/${font_package}.txt" IN_LIST pressroom_data_outputs)
    add_custom_command(OUTPUT "${PRESSROOM_SHARE}/fonts/licences/${font_package}.txt"
      COMMAND ${CMAKE_COMMAND} -E copy "${licence}" "${PRESSROOM_SHARE}/fonts/licences/${font_package}.txt"
      DEPENDS "${licence}" VERBATIM)
    list(APPEND pressroom_data_outputs "${PRESSROOM_SHARE}/fonts/licences/${font_package}.txt")
  endif()
endforeach()
add_custom_command(OUTPUT "${PRESSROOM_SHARE}/fonts/manifest.tsv"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/fonts/manifest.tsv" "${PRESSROOM_SHARE}/fonts/manifest.tsv"
  DEPENDS "${CMAKE_SOURCE_DIR}/fonts/manifest.tsv" VERBATIM)
list(APPEND pressroom_data_outputs "${PRESSROOM_SHARE}/fonts/manifest.tsv")

if(NOT EXISTS "${PRESSROOM_HYPHEN_SOURCE}")
  message(FATAL_ERROR "Hyphenation patterns ${PRESSROOM_HYPHEN_SOURCE} are missing: install the Debian "
                      "package hyphen-en-us (scripts/packages.sh lists it)")
endif()
add_custom_command(OUTPUT "${PRESSROOM_SHARE}/hyphen/hyph_en_US.dic"
  COMMAND ${CMAKE_COMMAND} -E copy "${PRESSROOM_HYPHEN_SOURCE}" "${PRESSROOM_SHARE}/hyphen/hyph_en_US.dic"
  DEPENDS "${PRESSROOM_HYPHEN_SOURCE}" VERBATIM)
list(APPEND pressroom_data_outputs "${PRESSROOM_SHARE}/hyphen/hyph_en_US.dic")

# The normalizer's English dictionary (Hunspell, Debian hunspell-en-us): it
# tells a word split by a line-end hyphen from a compound, and finds words a
# scraper glued together. Copied beside the fonts, like them.
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
target_link_libraries(pressroom_core PUBLIC PkgConfig::HUNSPELL)
set(PRESSROOM_DICTIONARY_SOURCES "")  # for the packages test (tests/check_packages.py)
foreach(ext aff dic)
  set(dict_source "/usr/share/hunspell/en_US.${ext}")
  list(APPEND PRESSROOM_DICTIONARY_SOURCES "${dict_source}")
  if(NOT EXISTS "${dict_source}")
    message(FATAL_ERROR "${dict_source} is missing: install the Debian package hunspell-en-us (scripts/packages.sh lists it)")
  endif()
  add_custom_command(OUTPUT "${PRESSROOM_SHARE}/hunspell/en_US.${ext}"
    COMMAND ${CMAKE_COMMAND} -E copy "${dict_source}" "${PRESSROOM_SHARE}/hunspell/en_US.${ext}"
    DEPENDS "${dict_source}" VERBATIM)
  list(APPEND pressroom_data_outputs "${PRESSROOM_SHARE}/hunspell/en_US.${ext}")
endforeach()

add_custom_target(pressroom_data ALL DEPENDS ${pressroom_data_outputs} COMMENT "Copying fonts, hyphenation patterns and the dictionary")
# Everything that renders (the binary, the tests) links the core library.
add_dependencies(pressroom_core pressroom_data)

include(GNUInstallDirs)
install(DIRECTORY "${PRESSROOM_SHARE}/" DESTINATION "${CMAKE_INSTALL_DATADIR}/pressroom" COMPONENT tool)
