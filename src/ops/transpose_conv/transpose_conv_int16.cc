// Reference TRANSPOSE_CONV int16x8 (int16 activations, int8 weights, int64 or
// int16 bias; common/mm16_transpose_conv.h): int64 sums in the scratch, then
// TFLite's 64-bit requantization (common/mm16_int16.h).
#include "ops/common/mm16_int16.h"
#include "ops/common/mm16_transpose_conv.h"
#include "ops/transpose_conv/transpose_conv.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

namespace {

template <typename Bias>
void transpose_conv_int16x8(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                            const Dims4& filter, const int8_t* filter_data, const Bias* bias, const Dims4& out,
                            int16_t* output, void* scratch) {
  transpose_conv_walk(window, in, input, filter, filter_data, out, output, static_cast<int64_t*>(scratch),
                      Int16Product{}, Int16Finish<Bias>{bias, rq});
}

}  // namespace

void transpose_conv_int16(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                          const Dims4& filter, const int8_t* filter_data, const int64_t* bias, const Dims4& out,
                          int16_t* output, void* scratch) {
  transpose_conv_int16x8(window, rq, in, input, filter, filter_data, bias, out, output, scratch);
}

void transpose_conv_int16_bias16(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                                 const Dims4& filter, const int8_t* filter_data, const int16_t* bias, const Dims4& out,
                                 int16_t* output, void* scratch) {
  transpose_conv_int16x8(window, rq, in, input, filter, filter_data, bias, out, output, scratch);
}

std::size_t transpose_conv_int16_scratch_bytes(const ScratchQuery& query) {
  return ScratchCarver::bytes_of<int64_t>(static_cast<std::size_t>(query.out.elements()));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    transpose_conv_int16,
    {&kTransposeConvOp, "transpose_conv_int16", KernelChoice::kReference, signature({kI16, kI8, kI64}, kI16),
     kernel_entry<kernels::TransposeConvInt16Fn, kernels::reference::transpose_conv_int16>(),
     kernels::reference::transpose_conv_int16_scratch_bytes},
    {&kTransposeConvOp, "transpose_conv_int16", KernelChoice::kReference, signature({kI16, kI8, kI16}, kI16),
     kernel_entry<kernels::TransposeConvInt16Bias16Fn, kernels::reference::transpose_conv_int16_bias16>(),
     kernels::reference::transpose_conv_int16_scratch_bytes});

}  // namespace tinyinfer
