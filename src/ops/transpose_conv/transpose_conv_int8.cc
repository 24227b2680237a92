// Reference TRANSPOSE_CONV int8 (per-tensor or per-channel weights, int32
// bias; common/mm16_transpose_conv.h): int32 sums in the scratch, kept
// unsigned so that they wrap as TFLite's do, then TFLite's requantization.
#include <algorithm>

#include "dsp/fixed_point.h"
#include "ops/common/mm16_transpose_conv.h"
#include "ops/transpose_conv/transpose_conv.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void transpose_conv_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                         const Dims4& filter, const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                         int8_t* output, void* scratch) {
  transpose_conv_walk(
      window, in, input, filter, filter_data, out, output, static_cast<uint32_t*>(scratch),
      [&rq](int8_t x, int8_t w) { return static_cast<uint32_t>((int32_t{x} + rq.input_offset) * int32_t{w}); },
      [&rq, bias](uint32_t sum, int32_t oc) {
        const uint32_t with_bias = sum + (bias != nullptr ? static_cast<uint32_t>(bias[oc]) : 0U);
        int32_t v =
            quant::multiply_by_quantized_multiplier(static_cast<int32_t>(with_bias), rq.multiplier(oc), rq.shift(oc));
        v += rq.output_offset;
        return static_cast<int8_t>(std::min(std::max(v, rq.act_min), rq.act_max));
      });
}

std::size_t transpose_conv_int8_scratch_bytes(const ScratchQuery& query) {
  return ScratchCarver::bytes_of<uint32_t>(static_cast<std::size_t>(query.out.elements()));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(transpose_conv_int8,
                      {&kTransposeConvOp, "transpose_conv_int8", KernelChoice::kReference,
                       signature({kI8, kI8, kI32}, kI8),
                       kernel_entry<kernels::TransposeConvInt8Fn, kernels::reference::transpose_conv_int8>(),
                       kernels::reference::transpose_conv_int8_scratch_bytes});

}  // namespace tinyinfer
