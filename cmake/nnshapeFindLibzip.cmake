# libzip (>= 1.2, for reading archives from memory) as the imported target PkgConfig::nnshape_libzip,
# through pkg-config's libzip.pc. Not libzip's own CMake package: Debian 12's cannot be loaded
# without the separate zipcmp/zipmerge/ziptool packages (it stops on their missing executables).
# Used by the build (CMakeLists.txt) and by the installed nnshapeConfig.cmake.
if(NOT TARGET PkgConfig::nnshape_libzip)
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(nnshape_libzip QUIET IMPORTED_TARGET GLOBAL libzip>=1.2)
  endif()
endif()
