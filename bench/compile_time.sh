#!/usr/bin/env bash
# Compile-time benchmark of nnshape: what including it and checking models with static_assert costs.
#
#   bench/compile_time.sh                 # from the project root; prints Markdown tables
#   RUNS=5 COMPILERS="g++" STEPS=0 bench/compile_time.sh
#
# For each compiler (default: g++ and clang++-19) each translation unit below is compiled RUNS times
# (default 3) with
#     -std=c++20 -O0 -c -o /dev/null -I include
# (-c rather than -fsyntax-only: what a user's build pays, code generation included; at -O0 as in a
# debug build) under `/usr/bin/time -f "%e %M"`; the table gives the median wall time (s) and the
# median peak memory (MB) of the compiler process. Every compile also gets raised constant-evaluation
# limits (Clang -fconstexpr-steps=100000000, GCC -fconstexpr-ops-limit=1000000000) so that every TU
# compiles; the limits change no timing.
#
#   (a) empty TU including the standard headers nnshape uses
#   (b) (a) + #include <nnshape/nnshape.hpp>
#   (c) (b) + #include <nnshape/fmt.hpp> (with fmt's <fmt/format.h>)
#   (d) tests/static/notebook_static.cpp: static_asserts on the seed notebook's models
#   (e) static_assert on ResNet50's count (#include <nnshape/applications/resnet.hpp>), 177 layers
#   (f) static_assert on a 500-layer Sequential (Dense(16) x 500, model.add() in a constexpr function)
#   (g) static_assert on a 500-layer functional chain (Input, then Dense(16) called 500 times)
#   (h) a user's program (bench/user_program.cpp): keras.io's toy ResNet in a Graph, static_assert on its
#       count, its summary printed; (h2) the same at -O2
#   (k) the user's program as a program linking nnshape::compiled compiles it (-DNNSHAPE_COMPILED_LIBRARY:
#       the summary's instantiations come from the library, compiled once); (k2) the same at -O2
#   (p) the user's program as a program linking nnshape::precompiled compiles it: (k) with nnshape.hpp and
#       summary.hpp as a precompiled header, included first as CMake does (made once per target with the
#       target's flags, that build timed apart: the summary line "precompiled header built in"); (p2) -O2;
#       (pb) (b) in such a target
#   (r) a program that reads a Keras file and prints its summary (bench/reader_program.cpp), header-only;
#       (s) the same as a program linking nnshape::keras_file_compiled compiles it
#       (-DNNSHAPE_IO_COMPILED_LIBRARY -DNNSHAPE_COMPILED_LIBRARY: the readers come from the library)
#   (v) every built-in layer class added to a Graph and to a Sequential (bench/every_class.cpp): the
#       per-class code of a translation unit that can meet any class (the readers, the test harness)
#   (n) the yardstick: a one-line nlohmann::json program (bench/nlohmann_one_liner.cpp); (n2) at -O2
#
# With STEPS=1 (default) it then bisects, for (e), (f) and (g), the smallest -fconstexpr-steps
# clang++-19 accepts (-fsyntax-only: the count does not depend on code generation) and divides it by
# the number of layers (len(model.layers): ResNet50 177, (f) 500, (g) 501 with the InputLayer).
#
# Targets (issue 17): (b) - (a) <= 0.5 s; (h) / (n) <= 1 and (h2) / (n2) <= 1, (h) under 250 MB; (e) - (b)
# <= 1 s; Clang steps <= 900 per functional layer call and <= 500 per Sequential layer. Needs bash, GNU time
# (/usr/bin/time), the compilers, libfmt-dev for (c), nlohmann-json3-dev, libzip-dev and libhdf5-dev for
# (r) and (s). Run it on an otherwise idle machine.
set -euo pipefail

RUNS=${RUNS:-3}
COMPILERS=${COMPILERS:-"g++ clang++-19"}
STEPS=${STEPS:-1}
CLANG=${CLANG:-clang++-19}

root=$(pwd)
if [[ ! -f "$root/include/nnshape/nnshape.hpp" ]]; then
    echo "compile_time.sh: run it from the project root" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

std_headers='#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>'

printf '%s\n' "$std_headers" > "$work/a.cpp"
printf '%s\n#include <nnshape/nnshape.hpp>\n' "$std_headers" > "$work/b.cpp"
printf '%s\n#include <nnshape/nnshape.hpp>\n#include <nnshape/fmt.hpp>\n' "$std_headers" > "$work/c.cpp"
cp "$root/tests/static/notebook.cpp" "$work/d.cpp"
cp "$root/bench/user_program.cpp" "$work/h.cpp"
cp "$root/bench/user_program.cpp" "$work/h2.cpp"
cp "$root/bench/user_program.cpp" "$work/k.cpp"
cp "$root/bench/user_program.cpp" "$work/k2.cpp"
cp "$root/bench/user_program.cpp" "$work/p.cpp"
cp "$root/bench/user_program.cpp" "$work/p2.cpp"
cp "$work/b.cpp" "$work/pb.cpp"
# What nnshape::precompiled precompiles (CMakeLists.txt).
printf '#include <nnshape/nnshape.hpp>\n#include <nnshape/summary.hpp>\n' > "$work/precompiled.hpp"
cp "$root/bench/reader_program.cpp" "$work/r.cpp"
cp "$root/bench/reader_program.cpp" "$work/s.cpp"
cp "$root/bench/every_class.cpp" "$work/v.cpp"
cp "$root/bench/nlohmann_one_liner.cpp" "$work/n.cpp"
cp "$root/bench/nlohmann_one_liner.cpp" "$work/n2.cpp"
cat > "$work/e.cpp" <<'EOF'
#include <cstdint>
#include <nnshape/applications/resnet.hpp>
constexpr std::int64_t f()
{
    nnshape::Graph g;
    return nnshape::applications::ResNet50(g).count_params();
}
static_assert(f() == 25'636'712);
EOF
cat > "$work/f.cpp" <<'EOF'
#include <cstdint>
#include <nnshape/nnshape.hpp>
using namespace nnshape;
constexpr int layers = 500;
constexpr std::int64_t f()
{
    Sequential model;
    model.add(Dense{.units = 16, .input_shape = {16}});
    for (int i = 1; i < layers; ++i) model.add(Dense{.units = 16});
    return model.count_params();
}
static_assert(f() == layers * 272);
EOF
cat > "$work/g.cpp" <<'EOF'
#include <cstdint>
#include <nnshape/nnshape.hpp>
using namespace nnshape;
constexpr int layers = 500;
constexpr std::int64_t f()
{
    Graph g;
    const Tensor inputs = Input(g, {.shape = {16}});
    Tensor x = inputs;
    for (int i = 0; i < layers; ++i) x = Dense{.units = 16}(x);
    return Model{inputs, x}.count_params();
}
static_assert(f() == layers * 272);
EOF

tus=(a b c d e f g h h2 k k2 p p2 pb r s v n n2)
declare -A label=(
    [a]="(a) standard headers"
    [b]="(b) + nnshape.hpp"
    [c]="(c) + fmt.hpp"
    [d]="(d) notebook static_asserts"
    [e]="(e) ResNet50 static_assert"
    [f]="(f) 500-layer Sequential static_assert"
    [g]="(g) 500-layer functional static_assert"
    [h]="(h) user program (-O0)"
    [h2]="(h2) user program (-O2)"
    [k]="(k) user program, nnshape::compiled (-O0)"
    [k2]="(k2) user program, nnshape::compiled (-O2)"
    [p]="(p) user program, nnshape::precompiled (-O0)"
    [p2]="(p2) user program, nnshape::precompiled (-O2)"
    [pb]="(pb) (b) with nnshape::precompiled"
    [r]="(r) reader program, header-only (-O0)"
    [s]="(s) reader program, nnshape::keras_file_compiled (-O0)"
    [v]="(v) every layer class in a Graph and a Sequential (-O0)"
    [n]="(n) nlohmann one-liner (-O0)"
    [n2]="(n2) nlohmann one-liner (-O2)"
)
optimization() { [[ "$1" == *2 ]] && echo "-O2" || echo "-O0"; } # (h2), (k2), (p2) and (n2) at -O2
# (k): nnshape::compiled's definition; (r), (s): the file reader's formats, HDF5's include directory, (s)
# nnshape::keras_file_compiled's definitions.
defines() {
    case "$1" in
        k* | p*) echo "-DNNSHAPE_COMPILED_LIBRARY" ;;
        r) echo "$reader" ;;
        s) echo "$reader -DNNSHAPE_IO_COMPILED_LIBRARY -DNNSHAPE_COMPILED_LIBRARY" ;;
    esac
}
reader="-DNNSHAPE_KERAS_FILE_ZIP=1 -DNNSHAPE_KERAS_FILE_HDF5=1 -isystem /usr/include/hdf5/serial"

limits() { # the raised constant-evaluation limit for compiler $1
    case "$1" in
        clang*) echo "-fconstexpr-steps=100000000" ;;
        *) echo "-fconstexpr-ops-limit=1000000000" ;;
    esac
}

# (p), (p2): the precompiled header for compiler $1 at the TU's optimization, as CMake makes and uses it
# (Clang: with -fpch-instantiate-templates); an unusable one fails the compile.
pch_dir() { echo "$work/pch-$1$(optimization "$2")"; }
precompiled() {
    case "$2" in
        p*) echo "-include $(pch_dir "$1" "$2")/precompiled.hpp -Winvalid-pch -Werror=invalid-pch" ;;
    esac
}
build_pch() { # compiler, TU (p or p2): prints the build's wall time
    local dir ext flags=""
    dir=$(pch_dir "$1" "$2")
    mkdir -p "$dir"
    cp "$work/precompiled.hpp" "$dir/"
    case "$1" in
        clang*) ext=pch flags="-fpch-instantiate-templates" ;;
        *) ext=gch ;;
    esac
    /usr/bin/time -o "$work/time.txt" -f "%e" "$1" -std=c++20 $(optimization "$2") $(defines "$2") -I "$root/include" \
        $(limits "$1") $flags -x c++-header "$dir/precompiled.hpp" -o "$dir/precompiled.hpp.$ext"
    tail -n 1 "$work/time.txt"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A secs mem pch_secs
for cxx in $COMPILERS; do
    "$cxx" --version | head -n 1 >&2
    for tu in p p2; do
        pch_secs[$cxx,$tu]=$(build_pch "$cxx" "$tu")
        echo "  precompiled header for ${label[$tu]}: ${pch_secs[$cxx,$tu]} s" >&2
    done
    for tu in "${tus[@]}"; do
        times=() mems=()
        for ((r = 0; r < RUNS; ++r)); do
            if ! /usr/bin/time -o "$work/time.txt" -f "%e %M" "$cxx" -std=c++20 $(optimization "$tu") $(defines "$tu") -c -o /dev/null \
                    -I "$root/include" $(limits "$cxx") $(precompiled "$cxx" "$tu") "$work/$tu.cpp" >"$work/log.txt" 2>&1; then
                echo "compile_time.sh: $cxx failed on ${label[$tu]}:" >&2
                cat "$work/log.txt" >&2
                exit 1
            fi
            last=$(tail -n 1 "$work/time.txt")
            times+=("${last% *}")
            mems+=("${last#* }")
        done
        secs[$cxx,$tu]=$(printf '%s\n' "${times[@]}" | median)
        mem[$cxx,$tu]=$(printf '%s\n' "${mems[@]}" | median)
        echo "  ${label[$tu]}: ${secs[$cxx,$tu]} s, ${mem[$cxx,$tu]} KB" >&2
    done
done

echo
echo "Compile time (-std=c++20 -c, -O0 but (h2), (k2), (p2) and (n2) -O2), median of $RUNS runs: wall time and peak memory; Δ = minus (a)."
echo
header="| Translation unit |"
rule="|---|"
for cxx in $COMPILERS; do
    header+=" $cxx s | Δ s | MB |"
    rule+="---:|---:|---:|"
done
echo "$header"
echo "$rule"
for tu in "${tus[@]}"; do
    row="| ${label[$tu]} |"
    for cxx in $COMPILERS; do
        s=${secs[$cxx,$tu]} a=${secs[$cxx,a]}
        row+=$(awk -v s="$s" -v a="$a" -v m="${mem[$cxx,$tu]}" -v base="$tu" \
            'BEGIN { d = (base == "a") ? "" : sprintf("%+.2f", s - a); printf " %.2f | %s | %.0f |", s, d, m / 1024 }')
    done
    echo "$row"
done

echo
for cxx in $COMPILERS; do
    awk -v c="$cxx" -v a="${secs[$cxx,a]}" -v b="${secs[$cxx,b]}" -v e="${secs[$cxx,e]}" \
        -v h="${secs[$cxx,h]}" -v h2="${secs[$cxx,h2]}" -v n="${secs[$cxx,n]}" -v n2="${secs[$cxx,n2]}" \
        -v k="${secs[$cxx,k]}" -v k2="${secs[$cxx,k2]}" -v hm="${mem[$cxx,h]}" \
        -v p="${secs[$cxx,p]}" -v p2="${secs[$cxx,p2]}" -v pm="${mem[$cxx,p]}" \
        -v pb="${pch_secs[$cxx,p]}" -v pb2="${pch_secs[$cxx,p2]}" -v pi="${secs[$cxx,pb]}" 'BEGIN {
        printf "- %s: (b) - (a) = %.2f s (target <= 0.5 s: %s); (e) - (b) = %.2f s (target <= 1 s: %s)\n",
            c, b - a, (b - a <= 0.5) ? "met" : "missed", e - b, (e - b <= 1) ? "met" : "missed"
        printf "  user program / nlohmann one-liner: %.2f at -O0, %.2f at -O2 (target <= 1: %s); (h) %.0f MB (target <= 250: %s)\n",
            h / n, h2 / n2, (h / n <= 1 && h2 / n2 <= 1) ? "met" : "missed", hm / 1024, (hm / 1024 <= 250) ? "met" : "missed"
        printf "  with nnshape::compiled: %.2f at -O0, %.2f at -O2\n", k / n, k2 / n2
        printf "  with nnshape::precompiled: %.2f at -O0, %.2f at -O2 (target <= 1: %s), (p) %.0f MB (target <= 250: %s);\n",
            p / n, p2 / n2, (p / n <= 1 && p2 / n2 <= 1) ? "met" : "missed", pm / 1024, (pm / 1024 <= 250) ? "met" : "missed"
        printf "  its precompiled header built in %.2f s at -O0, %.2f s at -O2 (once per target); (pb) - (a) = %.2f s (target <= 0.5 s: %s)\n",
            pb, pb2, pi - a, (pi - a <= 0.5) ? "met" : "missed" }'
done

[[ "$STEPS" == 1 ]] || exit 0

accepts() { # clang accepts TU $1 with -fconstexpr-steps=$2
    "$CLANG" -std=c++20 -fsyntax-only -I "$root/include" "-fconstexpr-steps=$2" "$work/$1.cpp" >/dev/null 2>&1
}

min_steps() { # the smallest -fconstexpr-steps that TU $1 compiles with
    local lo=0 hi=1048576 mid
    while ! accepts "$1" "$hi"; do
        lo=$hi
        hi=$((hi * 2))
        if ((hi > 1073741824)); then echo "none"; return; fi
    done
    while ((hi - lo > 1)); do
        mid=$(((lo + hi) / 2))
        if accepts "$1" "$mid"; then hi=$mid; else lo=$mid; fi
    done
    echo "$hi"
}

declare -A layers=([e]=177 [f]=500 [g]=501)
echo
echo "Smallest -fconstexpr-steps $CLANG accepts (bisection; the default limit is 1,048,576):"
echo
echo "| Translation unit | Layers | Steps | Steps per layer | Target (500 Sequential, 900 functional) |"
echo "|---|---:|---:|---:|---|"
for tu in e f g; do
    echo "  bisecting ${label[$tu]} ..." >&2
    steps=$(min_steps "$tu")
    if [[ "$steps" == none ]]; then
        echo "| ${label[$tu]} | ${layers[$tu]} | > 1,073,741,824 | | missed |"
        continue
    fi
    awk -v t="${label[$tu]}" -v n="${layers[$tu]}" -v s="$steps" 'BEGIN {
        p = s / n; limit = (t ~ /Sequential/) ? 500 : 900
        printf "| %s | %d | %d | %.0f | %s |\n", t, n, s, p, (p <= limit) ? "met" : "missed" }'
done
