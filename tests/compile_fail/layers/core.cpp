// Compile-fail cases (see check.cmake): the rules of the core, activation, regularization, reshaping,
// normalization, opaque and preprocessing layers.
#include <nnshape/nnshape.hpp>

using namespace nnshape;

// --- layers/core.hpp

// expect: InputLayer: pass exactly one of shape, batch_shape or batch_input_shape
constexpr Sequential input_layer_two_shapes{InputLayer{.shape = Shape{4}, .batch_shape = Shape{None, 4}},
                                            Dense{.units = 2}};

// expect: InputLayer: batch_size goes with shape, not with batch_shape
constexpr Sequential input_layer_batch_size{InputLayer{.batch_size = 2, .batch_shape = Shape{None, 4}}};

// expect: Dense: units must be a positive integer
constexpr Sequential dense_no_units{Dense{.input_shape = Shape{4}}};

// expect: Dense: expected min_ndim=2
constexpr Sequential dense_on_rank1{Dense{.units = 2, .input_shape = Shape{}}};

// tf.keras's message for Dense on (None, 3, None).
// expect: Dense: The last dimension of the inputs to a Dense layer should be defined. Found None.
constexpr Sequential dense_unknown_last_dim{Dense{.units = 5, .input_shape = Shape{3, None}}};

// expect: Embedding: input_dim and output_dim must be positive integers
constexpr Sequential embedding_no_output_dim{Embedding{.input_dim = 10, .input_shape = Shape{4}}};

// expect: Embedding: expected min_ndim=1
constexpr Sequential embedding_on_scalar{Embedding{.input_dim = 10, .output_dim = 4, .batch_input_shape = Shape{}}};

// expect: Embedding: with input_length the input must be (batch, input_length)
constexpr Sequential embedding_length_on_rank3{
    Embedding{.input_dim = 10, .output_dim = 4, .input_length = 5, .input_shape = Shape{5, 2}}};

// expect: Embedding: "input_length" does not match the input's sequence length
constexpr Sequential embedding_other_length{
    Embedding{.input_dim = 10, .output_dim = 4, .input_length = 5, .input_shape = Shape{6}}};

// expect: Lambda: nnshape cannot compute the shape of a Lambda layer without output_shape (its output comes from Python
// code)
constexpr Sequential lambda_without_output_shape{Lambda{.function = "f", .input_shape = Shape{4}}};

// expect: Lambda: the first input needs a batch axis
constexpr Sequential lambda_on_scalar{Lambda{.output_shape = {2}, .batch_input_shape = Shape{}}};

// expect: TernaryDense: Received an invalid value for `units`, expected a positive integer.
constexpr Sequential ternary_dense_no_units{TernaryDense{.input_shape = Shape{4}}};

// expect: TernaryDense: Received an invalid value for `threshold`, expected a non-negative float or None.
constexpr Sequential ternary_dense_negative_threshold{
    TernaryDense{.units = 2, .threshold = -1.0, .input_shape = Shape{4}}};

// expect: TernaryDense: expected min_ndim=2
constexpr Sequential ternary_dense_on_rank1{TernaryDense{.units = 2, .input_shape = Shape{}}};

// expect: TernaryDense: the last dimension of the input (the kernel's rows) must be defined
constexpr Sequential ternary_dense_unknown_last_dim{TernaryDense{.units = 2, .input_shape = Shape{None}}};

// expect: RandomFourierFeatures: `output_dim` should be a positive integer.
constexpr Sequential rff_no_output_dim{RandomFourierFeatures{.input_shape = Shape{4}}};

// expect: RandomFourierFeatures: When provided, `scale` should be a positive float.
constexpr Sequential rff_zero_scale{RandomFourierFeatures{.output_dim = 4, .scale = 0.0, .input_shape = Shape{4}}};

// expect: RandomFourierFeatures: The rank of the input tensor should be 2.
constexpr Sequential rff_on_rank3{RandomFourierFeatures{.output_dim = 4, .input_shape = Shape{2, 4}}};

// expect: RandomFourierFeatures: The last dimension of the input tensor should be defined. Found `None`.
constexpr Sequential rff_unknown_features{RandomFourierFeatures{.output_dim = 4, .input_shape = Shape{None}}};

// --- layers/legacy.hpp

// expect: MaxoutDense: output_dim and nb_feature must be positive integers
constexpr Sequential maxout_no_output_dim{MaxoutDense{.input_dim = 4}};

// expect: MaxoutDense/Highway: expected ndim=2 (batch, input_dim)
constexpr Sequential highway_on_rank3{Highway{.input_shape = Shape{3, 4}}};

// expect: MaxoutDense/Highway: the input_dim (last) dimension of the input must be defined
constexpr Sequential highway_unknown_features{Highway{.input_shape = Shape{None}}};

// --- layers/activations.hpp

// expect: ReLU: max_value of a ReLU layer cannot be a negative value.
constexpr Sequential relu_max_value{ReLU{.max_value = -1.0, .input_shape = Shape{4}}};

// expect: ReLU: negative_slope of a ReLU layer cannot be None or a negative value.
constexpr Sequential relu_negative_slope{ReLU{.negative_slope = -0.1, .input_shape = Shape{4}}};

// expect: ReLU: threshold of a ReLU layer cannot be None or a negative value.
constexpr Sequential relu_threshold{ReLU{.threshold = -1, .input_shape = Shape{4}}};

// expect: LeakyReLU: The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float.
constexpr Sequential leaky_relu_slope{LeakyReLU{.negative_slope = -0.3, .input_shape = Shape{4}}};

// Axis 3 of a rank-3 input.
// expect: PReLU: shared_axes are 1-based axes of the input (axis 0 is the batch axis)
constexpr Sequential prelu_shared_axis{PReLU{.shared_axes = {3}, .input_shape = Shape{4, 5}}};

// PReLU() on (None, None, 3): alpha would have shape (None, 3) (spec §2.10 [run]: an error).
// expect: Shapes used to initialize variables must be fully-defined (no `None` dimensions).
constexpr Sequential prelu_unknown_dim{PReLU{.input_shape = {None, 3}}};

// expect: ThresholdedReLU: The theta value of a Thresholded ReLU layer should be >=0.
constexpr Sequential thresholded_relu_theta{ThresholdedReLU{.theta = -1, .input_shape = Shape{4}}};

// expect: Axis is out of bounds for input shape
constexpr Sequential softmax_axis{Softmax{.axis = 2, .input_shape = Shape{4}}};

// --- layers/regularization.hpp

// Keras 3's Dropout message for rate=1.5.
// expect: Invalid value received for argument `rate`. Expected a float value between 0 and 1.
constexpr Sequential dropout_rate{Dropout{.rate = 1.5, .input_shape = Shape{4}}};

// expect: SpatialDropout1D: takes no data_format argument (its input is (batch, steps, channels))
constexpr Sequential spatial_dropout1d_channels_first{
    SpatialDropout1D{.rate = 0.5, .data_format = channels_first, .input_shape = Shape{5, 4}}};

// expect: GaussianNoise: Invalid value received for argument `stddev`. Expected a float value between 0 and 1.
constexpr Sequential gaussian_noise_stddev{GaussianNoise{.stddev = 2, .input_shape = Shape{4}}};

// expect: ActivityRegularization: Invalid value for argument l1: expected a non-negative float.
constexpr Sequential activity_regularization_l1{ActivityRegularization{.l1 = -1, .input_shape = Shape{4}}};

// expect: ActivityRegularization: Invalid value for argument l2: expected a non-negative float.
constexpr Sequential activity_regularization_l2{ActivityRegularization{.l2 = -1, .input_shape = Shape{4}}};

// --- layers/reshaping.hpp

// expect: Flatten: expected min_ndim=1
constexpr Sequential flatten_scalar{Flatten{.batch_input_shape = Shape{}}};

// tf.keras / Keras 3 reject Permute((1, 1)).
// expect: Permute: Invalid permutation argument dims for Permute Layer. The set of indices in dims must be consecutive
// and start from 1.
constexpr Sequential permute_repeated_axis{Permute{.dims = {1, 1}, .input_shape = Shape{3, 4}}};

// expect: Permute: expected ndim = len(dims) + 1
constexpr Sequential permute_on_rank4{Permute{.dims = {2, 1}, .input_shape = Shape{3, 4, 5}}};

// expect: Reshape: expected min_ndim=1
constexpr Sequential reshape_scalar{Reshape{.target_shape = {1}, .batch_input_shape = Shape{}}};

// expect: Reshape: Each dimension in target_shape must be a non-negative integer, or -1
constexpr Sequential reshape_minus_two{Reshape{.target_shape = {-2, 3}, .input_shape = Shape{6}}};

// expect: Reshape: There must be at most one unknown dimension (-1) in target_shape.
constexpr Sequential reshape_two_unknowns{Reshape{.target_shape = {-1, -1}, .input_shape = Shape{6}}};

// expect: Reshape: The total size of the tensor must be unchanged.
constexpr Sequential reshape_other_size{Reshape{.target_shape = {5}, .input_shape = Shape{4}}};

// 4 is not a multiple of 3: no size for the -1.
// expect: Reshape: The total size of the tensor must be unchanged.
constexpr Sequential reshape_no_inferred_size{Reshape{.target_shape = {-1, 3}, .input_shape = Shape{4}}};

// expect: RepeatVector: Argument `n` should be a positive integer.
constexpr Sequential repeat_vector_n{RepeatVector{.input_shape = Shape{4}}};

// Keras 3 repeat_vector.py: InputSpec(ndim=2).
// expect: RepeatVector: expected ndim=2
constexpr Sequential repeat_vector_rank{RepeatVector{.n = 3, .input_shape = Shape{4, 5}}};

// expect: UpSampling1D: Argument `size` should be a positive integer.
constexpr Sequential upsampling1d_size{UpSampling1D{.size = 0, .input_shape = Shape{5, 4}}};

// expect: UpSampling: The `size` argument must be a tuple of integers that satisfy `value > 0`
constexpr Sequential upsampling2d_size{UpSampling2D{.size = {2, 0}, .input_shape = Shape{5, 5, 4}}};

// expect: UpSampling1D: Unrecognized keyword arguments passed to UpSampling1D: {'data_format': 'channels_first'}
constexpr Sequential upsampling1d_channels_first{
    UpSampling1D{.data_format = channels_first, .input_shape = Shape{5, 4}}};

// expect: ZeroPadding: The `padding` argument must be a tuple of integers that satisfy `value >= 0`
constexpr Sequential zero_padding_negative{ZeroPadding2D{.padding = -1, .input_shape = Shape{5, 5, 4}}};

// expect: Cropping: `cropping` cannot be negative.
constexpr Sequential cropping_negative{Cropping2D{.cropping = -1, .input_shape = Shape{5, 5, 4}}};

// expect: Cropping1D: Unrecognized keyword arguments passed to Cropping1D: {'data_format': 'channels_first'}
constexpr Sequential cropping1d_channels_first{Cropping1D{.data_format = channels_first, .input_shape = Shape{4, 5}}};

// Keras 3 cropping1d.py: the default cropping (1, 1) on a length-2 input leaves nothing.
// expect: Cropping1D: `cropping` parameter of `Cropping1D` layer must be smaller than the input length.
constexpr Sequential cropping1d_too_large{Cropping1D{.input_shape = Shape{2, 4}}};

// expect: Cropping: Values in `cropping` argument should be smaller than the corresponding spatial dimension of the
// input.
constexpr Sequential cropping2d_too_large{Cropping2D{.cropping = 2, .input_shape = Shape{4, 5, 3}}};

// --- layers/normalization.hpp

// expect: Axis is out of bounds for input shape
constexpr Sequential batch_norm_axis{BatchNormalization{.axis = 2, .input_shape = Shape{4}}};

// RMSNormalization's scale takes each normalized axis once.
// expect: RMSNormalization: an axis is given twice
constexpr Sequential rms_norm_axis_twice{RMSNormalization{.axis = {-1, 2}, .input_shape = Shape{4, 5}}};

// expect: Axis of input tensor should have a defined dimension
constexpr Sequential batch_norm_unknown_channels{BatchNormalization{.input_shape = Shape{4, None}}};

// LayerNormalization's gamma and beta take the normalized axes' sizes.
// expect: Shapes used to initialize variables must be fully-defined (no `None` dimensions).
constexpr Sequential layer_norm_unknown_axis{LayerNormalization{.input_shape = Shape{4, None}}};

// Axes 1 and -2 of a rank-3 input are the same axis.
// expect: LayerNormalization: Duplicate axes are not allowed.
constexpr Sequential layer_norm_duplicate_axes{LayerNormalization{.axis = {1, -2}, .input_shape = Shape{3, 4}}};

// expect: GroupNormalization: Received an invalid value for argument `groups`, expected a positive integer (or `-1` for
// instance normalization).
constexpr Sequential group_norm_zero_groups{GroupNormalization{.groups = 0, .input_shape = Shape{2, 2, 4}}};

// expect: GroupNormalization: Number of groups (G) cannot be more than the number of channels (C).
constexpr Sequential group_norm_more_groups{GroupNormalization{.groups = 8, .input_shape = Shape{2, 2, 4}}};

// GroupNormalization(groups=3) on 4 channels (Keras 3 group_normalization_test).
// expect: GroupNormalization: Number of groups (G) must be a multiple of the number of channels (C).
constexpr Sequential group_norm_not_multiple{GroupNormalization{.groups = 3, .input_shape = Shape{2, 2, 4}}};

// --- layers/opaque.hpp

// expect: OpaqueLayer: needs keras_class, the Keras class it stands for
constexpr Sequential opaque_without_class{OpaqueLayer{.outputs = {Shape{None, 2}}, .input_shape = Shape{4}}};

// expect: OpaqueLayer: needs its output shapes (outputs)
constexpr Sequential opaque_without_outputs{OpaqueLayer{.keras_class = "KerasLayer", .input_shape = Shape{4}}};

// expect: OpaqueLayer: a weight count must be >= 0
constexpr Sequential opaque_negative_weights{
    OpaqueLayer{.keras_class = "KerasLayer", .outputs = {Shape{None, 2}}, .weights = {-1}, .input_shape = Shape{4}}};

// --- layers/preprocessing.hpp

// expect: Normalization: When setting values directly, both `mean` and `variance` must be set.
constexpr Sequential normalization_mean_only{Normalization{.mean = 1.0, .input_shape = Shape{4}}};

// expect: Normalization: When setting values directly, `mean` and `variance` must have the same shape.
constexpr Sequential normalization_other_shapes{
    Normalization{.mean = {1.0, 2.0}, .variance = 1.0, .input_shape = Shape{2}}};

// `axis = {}` is Keras's axis=None: no axis for a list of means.
// expect: Normalization: The rank of `mean` must be less than or equal to the number of axes
constexpr Sequential normalization_mean_rank{
    Normalization{.axis = {}, .mean = {1.0, 2.0}, .variance = {1.0, 2.0}, .input_shape = Shape{2}}};

// expect: Normalization: All `axis` values must be in the range [-ndim, ndim).
constexpr Sequential normalization_axis{Normalization{.axis = 2, .input_shape = Shape{4}}};

// Normalization() keeps the last axis, whose size is None here (spec §2.8).
// expect: Normalization: All `axis` values to be kept must have a known shape.
constexpr Sequential normalization_unknown_axis{Normalization{.input_shape = Shape{5, None}}};

// expect: Normalization: `mean` and `variance` must broadcast to the kept axes' shape
constexpr Sequential normalization_mean_size{
    Normalization{.mean = {1.0, 2.0}, .variance = {1.0, 2.0}, .input_shape = Shape{3}}};

// expect: `size` must have positive height and width.
constexpr Sequential resizing_zero_height{Resizing{.height = 0, .width = 4, .input_shape = Shape{8, 8, 3}}};

// expect: Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images).
constexpr Sequential center_crop_rank5{CenterCrop{.height = 4, .width = 4, .input_shape = Shape{2, 8, 8, 3}}};

// expect: Resizing: Invalid value for argument `interpolation`. Expected of one ('bilinear', 'nearest', 'lanczos3',
// 'lanczos5', 'bicubic', 'area').
constexpr Sequential resizing_interpolation{
    Resizing{.height = 4, .width = 4, .interpolation = "cubic", .input_shape = Shape{8, 8, 3}}};

// expect: Resizing: Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.
constexpr Sequential resizing_crop_and_pad{Resizing{
    .height = 4, .width = 4, .crop_to_aspect_ratio = true, .pad_to_aspect_ratio = true, .input_shape = Shape{8, 8, 3}}};

// Keras 3's RandomFlip raises "RandomFlip layer {name} received an unknown mode argument {mode}".
// expect: RandomFlip: received an unknown mode argument (expected
constexpr Sequential random_flip_unknown_mode{RandomFlip{.mode = "sideways", .input_shape = Shape{8, 8, 3}}};

// --- layers/core.hpp: LoRA ranks

// expect: Dense: lora_rank must be a non-negative integer
constexpr Sequential dense_negative_lora_rank{Dense{.units = 2, .lora_rank = -1, .input_shape = Shape{4}}};

// expect: Embedding: lora_rank must be a non-negative integer
constexpr Sequential embedding_negative_lora_rank{
    Embedding{.input_dim = 10, .output_dim = 4, .lora_rank = -1, .input_shape = Shape{3}}};
