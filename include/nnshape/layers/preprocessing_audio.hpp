#pragma once
// Keras 3's audio preprocessing layers: MelSpectrogram and STFTSpectrogram
// (keras/src/layers/preprocessing/mel_spectrogram.py, stft_spectrogram.py).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "../detail/checked.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/spatial.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

// Keras's MelSpectrogram(fft_length=2048, sequence_stride=512, sequence_length=None, window="hann",
// sampling_rate=16000, num_mel_bins=128, min_freq=20.0, max_freq=None, power_to_db=True, top_db=80.0,
// mag_exp=2.0, min_power=1e-10, ref_power=1.0): (batch, samples) -> (batch, num_mel_bins, frames), one
// signal (samples,) -> (num_mel_bins, frames), frames = (samples + sequence_stride + 1) //
// sequence_stride (Keras's compute_output_shape). No weights.
struct MelSpectrogram {
    std::int64_t fft_length = 2048;
    std::int64_t sequence_stride = 512;
    std::optional<std::int64_t> sequence_length{};
    NNSHAPE_ACCEPTED(window);
    NNSHAPE_ACCEPTED(sampling_rate);
    std::int64_t num_mel_bins = 128;
    NNSHAPE_ACCEPTED(min_freq);
    NNSHAPE_ACCEPTED(max_freq);
    NNSHAPE_ACCEPTED(power_to_db);
    NNSHAPE_ACCEPTED(top_db);
    NNSHAPE_ACCEPTED(mag_exp);
    NNSHAPE_ACCEPTED(min_power);
    NNSHAPE_ACCEPTED(ref_power);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "MelSpectrogram";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("fft_length", l.fft_length);
        key("sequence_stride", l.sequence_stride);
        key("sequence_length", l.sequence_length);
        key("window", l.window);
        key("sampling_rate", l.sampling_rate);
        key("num_mel_bins", l.num_mel_bins);
        key("min_freq", l.min_freq);
        key("max_freq", l.max_freq);
        key("power_to_db", l.power_to_db);
        key("top_db", l.top_db);
        key("mag_exp", l.mag_exp);
        key("min_power", l.min_power);
        key("ref_power", l.ref_power);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(fft_length >= sequence_length.value_or(fft_length),
                        "MelSpectrogram: `fft_length` must be greater than or equal to `sequence_length`.");
        detail::require(sequence_stride > 0, "MelSpectrogram: `sequence_stride` must be a positive integer.");
        detail::require(in.rank() > 0, "MelSpectrogram: expected a signal (samples,) or a batch of signals.");
        const std::size_t samples = in.rank() == 1 ? 0 : 1;
        const Dim frames = in[samples].known()
                               ? Dim(detail::checked_add(in[samples].value(), sequence_stride + 1) / sequence_stride)
                               : None;
        if (in.rank() == 1) return Shape{num_mel_bins, frames};
        return Shape{in[0], num_mel_bins, frames};
    }
    // The frequency bins of each frame's FFT, which the mel filterbank maps to num_mel_bins.
    constexpr std::int64_t frequency_bins() const { return fft_length / 2 + 1; }
};

// Keras's STFTSpectrogram(mode="log", frame_length=256, frame_step=None, fft_length=None,
// window="hann", periodic=False, scaling="density", padding="valid", expand_dims=False,
// data_format=None): a strided 1D convolution of each channel of (batch, time, channels) with the
// STFT's real and imaginary kernels, (frame_length, 1, fft_length // 2 + 1) each, which are weights
// (trainable unless the layer is not). "real" and "imag" use one kernel; "stft" outputs both.
struct STFTSpectrogram {
    Name mode = "log";
    std::int64_t frame_length = 256;
    std::optional<std::int64_t> frame_step{};
    std::optional<std::int64_t> fft_length{};
    NNSHAPE_ACCEPTED(window);
    NNSHAPE_ACCEPTED(periodic);
    NNSHAPE_ACCEPTED(scaling);
    Padding padding = valid;
    bool expand_dims = false;
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "STFTSpectrogram";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("mode", l.mode);
        key("frame_length", l.frame_length);
        key("frame_step", l.frame_step);
        key("fft_length", l.fft_length);
        key("window", l.window);
        key("periodic", l.periodic);
        key("scaling", l.scaling);
        key("padding", l.padding);
        key("expand_dims", l.expand_dims);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        check_arguments();
        detail::require(in.rank() == 3, "STFTSpectrogram: expected ndim=3");
        const bool last = data_format == channels_last;
        const Dim channels = in[last ? 2 : 1];
        const Dim frequencies = (mode.view() == "stft" ? 2 : 1) * frequency_bins();
        const Dim frames = detail::conv_output_length(in[last ? 1 : 2], frame_length, step(), padding, 1);
        // if statements, not `?:` between two Shapes (GCC 12 miscompiles that in constant evaluation)
        if (expand_dims && last) return Shape{in[0], frames, frequencies, channels};
        if (expand_dims) return Shape{in[0], channels, frames, frequencies};
        if (last) return Shape{in[0], frames, frequencies * channels};
        return Shape{in[0], frequencies * channels, frames};
    }
    constexpr Params params(const Shape& in) const
    {
        output_shape(in);
        return {detail::checked_mul(kernel_count(), detail::checked_mul(frame_length, frequency_bins()))};
    }

    // Keras's `_fft_length`: the given one, else the smallest power of two not below frame_length.
    constexpr std::int64_t fft_size() const
    {
        if (fft_length) return *fft_length;
        std::int64_t size = 1;
        while (size < frame_length) size = detail::checked_mul(size, 2);
        return size;
    }
    constexpr std::int64_t frequency_bins() const { return fft_size() / 2 + 1; }
    constexpr std::int64_t kernel_count() const { return (mode.view() != "imag") + (mode.view() != "real"); }
    // Keras's `_frame_step`: the given one, else half the frame.
    constexpr std::int64_t step() const { return frame_step.value_or(frame_length / 2); }

private:
    constexpr void check_arguments() const
    {
        detail::require(!frame_step || (*frame_step <= frame_length && *frame_step >= 1),
                        "STFTSpectrogram: `frame_step` should be a positive integer not greater than `frame_length`.");
        detail::require(!fft_length || *fft_length >= frame_length,
                        "STFTSpectrogram: `fft_length` should be not less than `frame_length`.");
        const std::string_view m = mode;
        detail::require(m == "log" || m == "magnitude" || m == "psd" || m == "real" || m == "imag" || m == "angle" ||
                            m == "stft",
                        "STFTSpectrogram: Output mode is invalid, it must be one of log, magnitude, psd, real, imag, "
                        "angle, stft.");
        detail::require(padding != causal, "STFTSpectrogram: Padding is invalid, it should be 'valid', 'same'.");
        // frame_length 1 gives Keras a frame step of 0, a division by zero in its shape rule.
        detail::require(frame_length >= 1 && step() >= 1,
                        "STFTSpectrogram: `frame_length` must be positive and its frame step (`frame_step`, else "
                        "`frame_length // 2`) at least 1.");
    }
};

namespace detail {
using preprocessing_audio_layers = type_list<MelSpectrogram, STFTSpectrogram>;
} // namespace detail

} // namespace nnshape
