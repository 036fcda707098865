# CMake glue for system packages from Debian 12. No third-party code lives here.
# Included (not add_subdirectory) from the top-level CMakeLists.txt, so the imported targets
# are visible to every module.
find_package(PkgConfig REQUIRED)

# GDAL 3.6 (libgdal-dev) ships a CMake config; GEOS and PROJ come through pkg-config.
find_package(GDAL CONFIG REQUIRED)
pkg_check_modules(GEOS REQUIRED IMPORTED_TARGET geos)

# OpenGL function loading (GL and EGL) through libepoxy.
pkg_check_modules(EPOXY REQUIRED IMPORTED_TARGET epoxy)
pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)

# Debian's libimgui-dev (1.86) has no CMake config. Its libimgui.a already holds the GLFW and
# OpenGL3 backends and imgui_freetype; the OpenGL3 backend loads GL itself with dlopen, so
# libdl is needed, and imgui_freetype needs FreeType.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
find_path(IMGUI_BACKENDS_DIR imgui_impl_opengl3.h PATHS ${IMGUI_INCLUDE_DIRS} PATH_SUFFIXES backends REQUIRED)
add_library(vak_imgui INTERFACE)
add_library(vak::imgui ALIAS vak_imgui)
target_include_directories(vak_imgui SYSTEM INTERFACE ${IMGUI_INCLUDE_DIRS} ${IMGUI_BACKENDS_DIR})
target_link_libraries(vak_imgui INTERFACE PkgConfig::IMGUI PkgConfig::FREETYPE PkgConfig::GLFW ${CMAKE_DL_LIBS})

find_package(Threads REQUIRED)
