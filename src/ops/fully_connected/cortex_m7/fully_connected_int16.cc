// FULLY_CONNECTED int16x8 for ARMv7E-M: each input row is laid out once in
// the paired order of common/cortex_m7/mm16_dot.h, then every unit's weights
// are dotted against it with SMLALD; bit-exact with the reference.
#include <cstddef>

#include "ops/common/cortex_m7/mm16_dot.h"
#include "ops/fully_connected/fully_connected.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

template <typename Bias>
void fully_connected_int16x8(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int16_t* input,
                             const int8_t* filter, const Bias* bias, int16_t* output, void* scratch) {
  int16_t* const row = static_cast<int16_t*>(scratch);
  for (int32_t b = 0; b < batches; ++b) {
    mm16_pair_row(input + static_cast<std::ptrdiff_t>(b) * depth, depth, row);
    mm16_dot_units(row, depth, filter, units, bias, rq, output + static_cast<std::ptrdiff_t>(b) * units, 1);
  }
}

}  // namespace

std::size_t fully_connected_int16_scratch_bytes(int32_t depth) { return mm16_row_bytes(depth); }

void fully_connected_int16(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int16_t* input,
                           const int8_t* filter, const int64_t* bias, int16_t* output, void* scratch) {
  if (depth <= 0 || scratch == nullptr || rq.input_offset != 0 || rq.filter_offset != 0) {
    reference::fully_connected_int16(rq, batches, depth, units, input, filter, bias, output);
    return;
  }
  fully_connected_int16x8(rq, batches, depth, units, input, filter, bias, output, scratch);
}

void fully_connected_int16_bias32(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                                  const int16_t* input, const int8_t* filter, const int32_t* bias, int16_t* output,
                                  void* scratch) {
  if (depth <= 0 || scratch == nullptr || rq.input_offset != 0 || rq.filter_offset != 0) {
    reference::fully_connected_int16_bias32(rq, batches, depth, units, input, filter, bias, output);
    return;
  }
  fully_connected_int16x8(rq, batches, depth, units, input, filter, bias, output, scratch);
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
// The paired row is the only scratch; with small_arena the reference
// kernel runs instead.
std::size_t fully_connected_int16_scratch(const kernels::ScratchQuery& q) {
  return q.small_arena ? 0 : kernels::cortex_m7::fully_connected_int16_scratch_bytes(q.in.c);
}
}  // namespace

TINYINFER_KERNEL_LIST(
    fully_connected_int16_cortex_m7,
    {&kFullyConnectedOp, "fully_connected_int16_cortex_m7", KernelChoice::kOptimized,
     signature({kI16, kI8, kI64}, kI16),
     kernel_entry<kernels::FullyConnectedInt16Fn, kernels::cortex_m7::fully_connected_int16>(),
     fully_connected_int16_scratch},
    {&kFullyConnectedOp, "fully_connected_int16_cortex_m7", KernelChoice::kOptimized,
     signature({kI16, kI8, kI32}, kI16),
     kernel_entry<kernels::FullyConnectedInt16Bias32Fn, kernels::cortex_m7::fully_connected_int16_bias32>(),
     fully_connected_int16_scratch});

}  // namespace tinyinfer
