// libFuzzer target over the Keras file reader's an .h5 file (HDF5) input: any bytes, read as that format
// whatever they start with, must give a model or throw nnshape::shape_error (io::load_error is one);
// a crash, a sanitizer report (a leak of a handle's memory too) or any other exception is a finding.
#include <nnshape/io/keras_file/hdf5.hpp>
#include <nnshape/io/keras_json.hpp>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const nnshape::io::detail::KerasSource source{
        .bytes = {reinterpret_cast<const char*>(data), size}, .in_memory = true, .name = "fuzz.h5"};
    try {
        (void)nnshape::io::load_keras_json(nnshape::io::detail::read_keras_hdf5(source).json);
    } catch (const nnshape::shape_error&) {
    }
    return 0;
}
