// What the reductions (MEAN, SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD,
// REDUCE_ALL, REDUCE_ANY) share at prepare and invoke: inputs (input, axis),
// the constant axis list (int32 or int64, negative and repeated entries
// allowed, as TFLite's ResolveAxis), keep_dims, the walker's geometry and
// the requantization each op needs.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ops/common/reduce_kernels.h"
#include "runtime/node.h"

namespace tinyinfer {

// How the op maps int8/int16 inputs to its output.
enum class ReduceQuant : uint8_t {
  kNone,       // no quantized kernels (bool, float, int32)
  kSameQuant,  // REDUCE_MAX / REDUCE_MIN: the output must carry the input's scale and zero point
  kSum,        // SUM: sum rescaled by input / output scale
  kMean,       // MEAN: the same with 1/count folded in
};

struct ReduceData {
  kernels::ReduceParams params;
  int8_t axes[kMaxRank];  // resolved, without repeats, for describe()
  int8_t axis_count;
  bool keep_dims;
};

// The steps of prepare_reduce the kernels' differential tests repeat on
// their own shapes (tests/firmware_diff/mean_diff_cases.h):
// p's geometry for an input whose dimensions d with reduced[d] are reduced;
void build_reduce_geometry(const Shape& in, const bool* reduced, kernels::ReduceParams* p);
// MEAN's 1/count folded into the sum's multiplier and shift, as TFLite does.
void fold_mean_count(int64_t count, int32_t* multiplier, int32_t* shift);

// Checks the node, chooses the kernel for input type -> output type, derives
// the geometry and the requantization, and requests the kernel's scratch.
Status prepare_reduce(PrepareContext& ctx, ReduceQuant quant);

// Runs the node's kernels::ReduceFn.
void eval_reduce(const EvalContext& ctx);

// One fold per input element.
int64_t reduce_macs(const Node& node, const TensorSlot* tensors);
// "axes 1,2 keep_dims".
void describe_reduce(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);

}  // namespace tinyinfer
