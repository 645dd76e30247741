// MelSpectrogram and STFTSpectrogram against Keras 3's tests (keras/src/layers/preprocessing/
// mel_spectrogram_test.py, stft_spectrogram_test.py: run_layer_test's expected_output_shape and weight counts)
// and STFTSpectrogram.build's kernel shape (frame_length, 1, fft_length // 2 + 1). Each constexpr test runs at
// compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/analysis/flops.hpp>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

namespace unit_layers_preprocessing_audio_test {

namespace {
using namespace nnshape;

constexpr bool test_mel_spectrogram()
{
    // test_mel_spectrogram_basics: num_mel_bins=80, sequence_stride=128, fft_length=2048 on (2, 16000) ->
    // (2, 80, 126), on (16000,) -> (80, 126); no weights.
    const MelSpectrogram mel{.fft_length = 2048, .sequence_stride = 128, .sampling_rate = 16000, .num_mel_bins = 80};
    FACT(mel.output_shape(Shape{2, 16000}) == Shape{2, 80, 126});
    FACT(mel.output_shape(Shape{16000}) == Shape{80, 126});
    FACT(mel.output_shape(Shape{None, None}) == Shape{None, 80, None});
    FACT((Sequential{MelSpectrogram{.input_shape = {16000}}}.params() == Params{}));
    return true;
}
static_assert(test_mel_spectrogram());

constexpr bool test_stft_spectrogram()
{
    // test_spectrogram_basics, "stft": frame_length=500, frame_step=25, fft_length=1024 on (2, 16000, 1) ->
    // (2, 15500 // 25 + 1, 513 * 2), 2 trainable kernels of 500 * 513.
    const STFTSpectrogram stft{.mode = "stft", .frame_length = 500, .frame_step = 25, .fft_length = 1024};
    FACT(stft.output_shape(Shape{2, 16000, 1}) == Shape{2, 15500 / 25 + 1, 513 * 2});
    FACT(stft.params(Shape{2, 16000, 1}) == Params{2 * 500 * 513});
    // "real", frame_step=71, fft_length=4096 on (2, 160000, 1) -> (2, 159850 // 71 + 1, 2049), one kernel.
    const STFTSpectrogram real{.mode = "real", .frame_length = 150, .frame_step = 71, .fft_length = 4096};
    FACT(real.output_shape(Shape{2, 160000, 1}) == Shape{2, 159850 / 71 + 1, 2049});
    FACT(real.params(Shape{2, 160000, 1}) == Params{150 * 2049});
    // "imag", padding "same", frame_step=43, fft_length=512 -> (2, 160000 // 43 + 1, 257), one kernel.
    const STFTSpectrogram imag{
        .mode = "imag", .frame_length = 150, .frame_step = 43, .fft_length = 512, .padding = same};
    FACT(imag.output_shape(Shape{2, 160000, 1}) == Shape{2, 160000 / 43 + 1, 257});
    FACT(imag.params(Shape{2, 160000, 1}) == Params{150 * 257});
    // trainable=False, "same", frame_step=10, fft_length=512 on 3 channels: (2, 160000, 3) -> (2, 16000, 257 * 3),
    // 2 non-trainable kernels; channels_first with expand_dims (2, 3, 160000) -> (2, 3, 16000, 257).
    const Sequential frozen{STFTSpectrogram{.frame_length = 150,
                                            .frame_step = 10,
                                            .fft_length = 512,
                                            .padding = same,
                                            .trainable = false,
                                            .batch_input_shape = {2, 160000, 3}}};
    FACT(frozen.output_shape() == Shape{2, 16000, 257 * 3});
    FACT(frozen.params() == Params{0, 2 * 150 * 257});
    const STFTSpectrogram expanded{.frame_length = 150,
                                   .frame_step = 10,
                                   .fft_length = 512,
                                   .padding = same,
                                   .expand_dims = true,
                                   .data_format = channels_first};
    FACT(expanded.output_shape(Shape{2, 3, 160000}) == Shape{2, 3, 160000 / 10, 257});
    // Defaults: frame_length=256, frame_step 128, fft_length 256 (the next power of two): 129 bins.
    FACT(STFTSpectrogram{}.output_shape(Shape{None, 16000, 1}) == Shape{None, (16000 - 256) / 128 + 1, 129});
    FACT(STFTSpectrogram{.frame_length = 200}.output_shape(Shape{None, None, 2}) == Shape{None, None, 129 * 2});
    return true;
}
static_assert(test_stft_spectrogram());

constexpr bool test_audio_costs()
{
    // The STFT's convolutions (STFTSpectrogram.build's kernels): 621 frames x 2 kernels x 513 bins x 500 taps per
    // sample, 2 FLOPs per MAC. The mel filterbank: 80 x 126 outputs x 1025 bins.
    Graph g;
    const Tensor audio = Input(g, {.shape = {16000, 1}});
    const Model stft{audio,
                     STFTSpectrogram{.mode = "stft", .frame_length = 500, .frame_step = 25, .fft_length = 1024}(audio)};
    FACT(cost(stft).total == Cost{621 * 2 * 513 * 500, 2 * 621 * 2 * 513 * 500});
    Graph h;
    const Tensor signal = Input(h, {.shape = {16000}});
    const Model mel{signal, MelSpectrogram{.sequence_stride = 128, .num_mel_bins = 80}(signal)};
    FACT(cost(mel).total == Cost{80 * 126 * 1025, 2 * 80 * 126 * 1025});
    return true;
}
static_assert(test_audio_costs());

} // namespace

TEST_CASE("audio preprocessing layers: shapes, weights and costs at run time (same tests as the static_asserts)")
{
    CHECK(test_mel_spectrogram());
    CHECK(test_stft_spectrogram());
    CHECK(test_audio_costs());
}

TEST_CASE("audio preprocessing layers: Keras's argument checks")
{
    // mel_spectrogram_test test_invalid_fft_length_raises: fft_length=256 with sequence_length=512.
    CHECK_THROWS_WITH_AS((MelSpectrogram{.fft_length = 256, .sequence_length = 512}.output_shape(Shape{None, 16000})),
                         "MelSpectrogram: `fft_length` must be greater than or equal to `sequence_length`.",
                         shape_error);
    CHECK_THROWS_AS((MelSpectrogram{.sequence_stride = 0}.output_shape(Shape{None, 16000})), shape_error);
    const Shape audio{None, 16000, 1};
    CHECK_THROWS_AS((STFTSpectrogram{.frame_length = 100, .frame_step = 101}.output_shape(audio)), shape_error);
    CHECK_THROWS_AS((STFTSpectrogram{.frame_length = 100, .fft_length = 64}.output_shape(audio)), shape_error);
    CHECK_THROWS_AS((STFTSpectrogram{.mode = "power"}.output_shape(audio)), shape_error);
    CHECK_THROWS_AS((STFTSpectrogram{.padding = causal}.output_shape(audio)), shape_error);
    CHECK_THROWS_AS((STFTSpectrogram{.frame_length = 1}.output_shape(audio)), shape_error);
    CHECK_THROWS_WITH_AS(STFTSpectrogram{}.output_shape(Shape{None, 16000}), "STFTSpectrogram: expected ndim=3",
                         shape_error);
    // a 'valid' frame longer than the signal
    CHECK_THROWS_AS(STFTSpectrogram{}.output_shape(Shape{None, 100, 1}), shape_error);
}

} // namespace unit_layers_preprocessing_audio_test
