// Random differential testing: `property_tests [--count N] [--seed S]` builds N random models of each
// kind from seed S (default 1) and checks the invariants in random_models.hpp, plus two properties of
// Keras's length rules on random arguments. Prints each violation with the seed and case number that
// reproduce it; exits 1 if there was any.
#include "random_models.hpp"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace {

using namespace nnshape;
using property::Generator;
using property::Pcg32;

// Keras conv_output_length and deconv_output_length (spec §0.4, §0.5), output_padding None: a
// Conv2DTranspose with the Conv2D's kernel, strides and padding restores the length L when
//   'same':  ceil(L / s) * s == L, i.e. s divides L;
//   'valid': ((L - k) / s + 1) * s + max(k - s, 0) == L, i.e. k >= s and s divides L - k.
std::string transpose_inverts_conv(Generator<Pcg32>& gen)
{
    const std::int64_t length = gen.pick(1, 40), k = gen.pick(1, 6), s = gen.pick(1, 4);
    const Padding padding = gen.chance(50) ? same : valid;
    const bool restores = padding == same ? length % s == 0 : k >= s && length >= k && (length - k) % s == 0;
    if (!restores) return {};
    const Shape conv = Conv2D{.filters = 3, .kernel_size = k, .strides = s, .padding = padding}.output_shape(
        Shape{None, length, length + s, 5});
    const Shape back =
        Conv2DTranspose{.filters = 5, .kernel_size = k, .strides = s, .padding = padding}.output_shape(conv);
    if (back == Shape{None, length, length + s, 5}) return {};
    return "Conv2DTranspose did not restore Conv2D's input " + to_string(Shape{None, length, length + s, 5}) +
           " (k=" + std::to_string(k) + ", s=" + std::to_string(s) + "): got " + to_string(back);
}

// 'same' padding with stride 1 keeps every spatial length, whatever the kernel and dilation (§0.4).
std::string same_stride1_keeps_spatial(Generator<Pcg32>& gen)
{
    const Shape in{None, gen.pick(1, 30), gen.pick(1, 30), gen.pick(1, 30), gen.pick(1, 8)};
    const Shape out = Conv3D{.filters = gen.pick(1, 8),
                             .kernel_size = {gen.pick(1, 7), gen.pick(1, 7), gen.pick(1, 7)},
                             .padding = same,
                             .dilation_rate = {gen.pick(1, 3), gen.pick(1, 3), gen.pick(1, 3)}}
                          .output_shape(in);
    if (out[1] == in[1] && out[2] == in[2] && out[3] == in[3]) return {};
    return "same-padded stride-1 Conv3D changed the spatial dims of " + to_string(in) + ": " + to_string(out);
}

std::int64_t parse(std::string_view text)
{
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v < 0) {
        std::fprintf(stderr, "property_tests: expected a non-negative integer, got \"%.*s\"\n", int(text.size()),
                     text.data());
        std::exit(2);
    }
    return v;
}

} // namespace

int main(int argc, char** argv)
{
    std::int64_t count = 200, seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view arg = argv[i];
        if (arg == "--count")
            count = parse(argv[i + 1]);
        else if (arg == "--seed")
            seed = parse(argv[i + 1]);
        else
            return std::fprintf(stderr, "usage: property_tests [--count N] [--seed S]\n"), 2;
    }
    int failures = 0;
    std::int64_t valid = 0, invalid = 0;
    const auto report = [&](std::int64_t n, const char* what, const std::string& violation) {
        if (violation.empty()) return;
        ++failures;
        std::printf("seed %lld case %lld (%s): %s\n", static_cast<long long>(seed), static_cast<long long>(n), what,
                    violation.c_str());
    };
    for (std::int64_t n = 0; n < count; ++n) {
        // One stream per case, so a failing case reruns alone: --seed S --count n+1 reaches it.
        Pcg32 rng{std::uint64_t(seed), std::uint64_t(n)};
        Generator<Pcg32> gen(rng);
        const property::Outcome s = property::random_sequential(gen, 12);
        report(n, "Sequential", s.violation);
        const property::Outcome g = property::random_graph(gen, 16);
        report(n, "functional", g.violation);
        (s.valid ? valid : invalid) += 1;
        (g.valid ? valid : invalid) += 1;
        report(n, "Conv2DTranspose", transpose_inverts_conv(gen));
        report(n, "same padding", same_stride1_keeps_spatial(gen));
    }
    std::printf("property_tests: %lld cases from seed %lld: %lld valid and %lld invalid models, %d violations\n",
                static_cast<long long>(count), static_cast<long long>(seed), static_cast<long long>(valid),
                static_cast<long long>(invalid), failures);
    return failures == 0 ? 0 : 1;
}
