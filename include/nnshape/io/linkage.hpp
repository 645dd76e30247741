#pragma once
// How the readers' and writers' entry points (load_keras_json, read_keras_file, model_to_cpp, ...) are
// linked. Header-only by default: `inline`, defined in the headers. With the optional compiled library
// nnshape::keras_file_compiled (CMake; it defines NNSHAPE_IO_COMPILED_LIBRARY for every program that
// links it) they are compiled once, in src/keras_file.cpp, and a program's translation units see only
// their declarations: a reader instantiates every layer class's config rules, which at -O0 costs each
// translation unit that defines it about 15 s (docs/performance.md).

// `inline` unless the entry points are the compiled library's.
#if defined(NNSHAPE_IO_COMPILED_LIBRARY)
#define NNSHAPE_IO_API
#else
#define NNSHAPE_IO_API inline
#endif

// Whether this translation unit defines the entry points: header-only use, or the library's own
// source (NNSHAPE_IO_BUILDING_LIBRARY).
#if !defined(NNSHAPE_IO_COMPILED_LIBRARY) || defined(NNSHAPE_IO_BUILDING_LIBRARY)
#define NNSHAPE_IO_DEFINES_API 1
#else
#define NNSHAPE_IO_DEFINES_API 0
#endif
