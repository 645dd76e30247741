// TensorFlow.js's cost per layer of what bench/scaling.cpp's Sequential/Dense times in nnshape: a
// Sequential of Dense layers on (None, 16) built with add(), then countParams() and the output shape.
// TensorFlow.js infers each layer's shape and makes its weights as it is added, as Keras does; the
// CPU backend keeps weight creation in plain JavaScript arrays.
//
//   cmake --build <bench build> --target run_bench_tfjs     (or: npm install --prefix bench/tfjs &&
//   node bench/tfjs/sequential_dense.js [layers ...])
//
// At 10,000 layers TensorFlow.js 4.22 stops with "RangeError: Maximum call stack size exceeded" under
// Node's default stack (its graph code recurses per layer), so the default sizes are 100 and 1,000.
//
// Prints one line per size: layers, milliseconds for the model, nanoseconds per layer (best of the runs).
const tf = require('@tensorflow/tfjs');

function build(layers) {
    const model = tf.sequential();
    model.add(tf.layers.dense({units: 16, inputShape: [16]}));
    for (let i = 1; i < layers; ++i) model.add(tf.layers.dense({units: 16}));
    const params = model.countParams();
    const shape = model.outputs[0].shape;
    if (params !== layers * 272 || shape[1] !== 16) throw new Error('unexpected model: ' + params + ' ' + shape);
    model.dispose();
}

async function main() {
    await tf.setBackend('cpu');
    const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100, 1000];
    const runs = Number(process.env.RUNS || 3);
    build(10); // warm up the JIT
    for (const layers of sizes) {
        let best = Infinity;
        for (let r = 0; r < runs; ++r) {
            const start = process.hrtime.bigint();
            build(layers);
            best = Math.min(best, Number(process.hrtime.bigint() - start));
        }
        console.log(`tfjs Sequential/Dense layers=${layers} ms=${(best / 1e6).toFixed(1)} ns_per_layer=${(best / layers).toFixed(0)}`);
    }
}
main();
