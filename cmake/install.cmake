# Installing pressroom, as a tool and as a library, and packaging it.
#
#   cmake --install build-release --prefix P     P/bin/pressroom, P/share/pressroom/ (fonts, hyphenation,
#                                         dictionary, schemas), P/share/man/man1/pressroom.1.gz,
#                                         P/share/bash-completion/completions/pressroom,
#                                         P/lib/libpressroom.so + P/include/pressroom/ + the CMake
#                                         package (find_package(pressroom), pressroom::pressroom)
#   cpack --config build-release/CPackConfig.cmake   a .deb of the tool (component "tool")
#
# The installed binary finds its data relative to itself (<exe>/../share/
# pressroom), and links the core statically: copy the prefix anywhere and it
# still works.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# --- the library: the core as a shared library with the public headers -----
add_library(pressroom_shared SHARED "${CMAKE_SOURCE_DIR}/src/api/library_main.cpp")
target_link_libraries(pressroom_shared PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,pressroom_core>")
target_include_directories(pressroom_shared INTERFACE
  "$<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>" "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
target_compile_features(pressroom_shared INTERFACE cxx_std_20)
set_target_properties(pressroom_shared PROPERTIES
  OUTPUT_NAME pressroom EXPORT_NAME pressroom
  VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
  LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/lib")
add_library(pressroom::pressroom ALIAS pressroom_shared)

install(TARGETS pressroom RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT tool)
install(TARGETS pressroom_shared EXPORT pressroomTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev NAMELINK_COMPONENT dev)
install(DIRECTORY "${CMAKE_SOURCE_DIR}/include/pressroom" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT dev)
install(EXPORT pressroomTargets NAMESPACE pressroom:: DESTINATION "${CMAKE_INSTALL_LIBDIR}/cmake/pressroom" COMPONENT dev)
configure_package_config_file("${CMAKE_SOURCE_DIR}/cmake/pressroomConfig.cmake.in"
  "${CMAKE_BINARY_DIR}/pressroomConfig.cmake" INSTALL_DESTINATION "${CMAKE_INSTALL_LIBDIR}/cmake/pressroom")
write_basic_package_version_file("${CMAKE_BINARY_DIR}/pressroomConfigVersion.cmake" COMPATIBILITY SameMajorVersion)
install(FILES "${CMAKE_BINARY_DIR}/pressroomConfig.cmake" "${CMAKE_BINARY_DIR}/pressroomConfigVersion.cmake"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/cmake/pressroom" COMPONENT dev)

# --- data: the schemas for users' own tools (pressroom embeds its copies) ---
install(FILES "${CMAKE_SOURCE_DIR}/schemas/release.xsd" "${CMAKE_SOURCE_DIR}/schemas/rules.xsd"
              "${CMAKE_SOURCE_DIR}/schemas/release.schema.json"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/pressroom/schemas" COMPONENT tool)

# --- documentation generated from the command table ---------------------------
find_program(GZIP gzip REQUIRED)
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/man/pressroom.1" "${CMAKE_BINARY_DIR}/man/pressroom.1.gz"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/man"
  COMMAND pressroom --man-page > "${CMAKE_BINARY_DIR}/man/pressroom.1"
  COMMAND "${GZIP}" -9 -n -c "${CMAKE_BINARY_DIR}/man/pressroom.1" > "${CMAKE_BINARY_DIR}/man/pressroom.1.gz"
  DEPENDS pressroom VERBATIM)
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/completion/pressroom" "${CMAKE_BINARY_DIR}/completion/_pressroom"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/completion"
  COMMAND pressroom --bash-completion > "${CMAKE_BINARY_DIR}/completion/pressroom"
  COMMAND pressroom --zsh-completion > "${CMAKE_BINARY_DIR}/completion/_pressroom"
  DEPENDS pressroom VERBATIM)
add_custom_target(pressroom_docs ALL DEPENDS "${CMAKE_BINARY_DIR}/man/pressroom.1.gz" "${CMAKE_BINARY_DIR}/completion/pressroom"
  "${CMAKE_BINARY_DIR}/completion/_pressroom")
install(FILES "${CMAKE_BINARY_DIR}/completion/_pressroom"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions" COMPONENT tool)
install(FILES "${CMAKE_BINARY_DIR}/man/pressroom.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT tool)
install(FILES "${CMAKE_BINARY_DIR}/completion/pressroom"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" COMPONENT tool)
install(FILES "${CMAKE_SOURCE_DIR}/packaging/copyright" DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT tool)
# A native package (no Debian revision): its changelog is changelog.gz.
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/changelog.gz"
  COMMAND "${GZIP}" -9 -n -c "${CMAKE_SOURCE_DIR}/packaging/changelog" > "${CMAKE_BINARY_DIR}/changelog.gz"
  DEPENDS "${CMAKE_SOURCE_DIR}/packaging/changelog" VERBATIM)
add_custom_target(pressroom_changelog ALL DEPENDS "${CMAKE_BINARY_DIR}/changelog.gz")
install(FILES "${CMAKE_BINARY_DIR}/changelog.gz" DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT tool)

# --- the .deb -----------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pressroom)
set(CPACK_PACKAGE_VENDOR "The pressroom authors")
set(CPACK_PACKAGE_CONTACT "pressroom maintainers <maintainers@pressroom.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "press releases to publication-ready XML, text, PDF and EPUB")
set(CPACK_PACKAGE_DESCRIPTION "pressroom reads press releases as scraped from the web (text dumps,
saved HTML pages, markdown exports, feeds), removes the web chrome, extracts
the metadata, rebuilds the paragraphs, repairs scraping damage, and writes
release XML, plain text, a typeset PDF and EPUB 3.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENT_TOOL_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_COMPONENTS_ALL tool)
set(CPACK_DEBIAN_TOOL_PACKAGE_NAME pressroom)
set(CPACK_DEBIAN_TOOL_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://pressroom.invalid/")
# dpkg-shlibdeps reads the binary's libraries: the dependencies are exactly
# the runtime packages it links (libxml2, libhpdf, libzip, Boost.Program_options ...).
set(CPACK_DEBIAN_TOOL_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
