#include <cstdint>

#include "kernels/reference/reference.h"
#include "quant/fixed_point.h"

namespace tinyinfer::kernels::reference {

namespace {

// Element strides of one input in the output's rank; 0 on a broadcast
// dimension (input dim 1, output dim > 1) so the same element repeats.
void broadcast_strides(const int32_t* in_dims, const int32_t* out_dims, int32_t rank,
                       int64_t* strides) {
  int64_t stride = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    strides[d] = (in_dims[d] == 1 && out_dims[d] != 1) ? 0 : stride;
    stride *= in_dims[d];
  }
}

// Calls op(index1, index2, out_index) for every output element in row-major
// order. Rank 0 is a single scalar element.
template <typename Op>
void for_each_broadcast(const BroadcastShape& shape, Op op) {
  const int32_t rank = shape.rank;
  if (rank < 0 || rank > kMaxBroadcastRank) return;
  int64_t stride1[kMaxBroadcastRank] = {};
  int64_t stride2[kMaxBroadcastRank] = {};
  broadcast_strides(shape.in1, shape.out, rank, stride1);
  broadcast_strides(shape.in2, shape.out, rank, stride2);
  int64_t total = 1;
  for (int32_t d = 0; d < rank; ++d) total *= shape.out[d];
  if (total <= 0) return;

  // Odometer over the output index; the input offsets follow incrementally.
  int32_t counter[kMaxBroadcastRank] = {};
  int64_t index1 = 0, index2 = 0;
  for (int64_t out_index = 0; out_index < total; ++out_index) {
    op(index1, index2, out_index);
    for (int32_t d = rank - 1; d >= 0; --d) {
      ++counter[d];
      index1 += stride1[d];
      index2 += stride2[d];
      if (counter[d] < shape.out[d]) break;
      // Wrap this digit and carry into the next one.
      index1 -= stride1[d] * counter[d];
      index2 -= stride2[d] * counter[d];
      counter[d] = 0;
    }
  }
}

}  // namespace

void add_float(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1,
               const float* input2, float* output) {
  for_each_broadcast(shape, [&](int64_t i1, int64_t i2, int64_t o) {
    const float sum = input1[i1] + input2[i2];
    output[o] = sum < clamp.min ? clamp.min : (sum > clamp.max ? clamp.max : sum);
  });
}

void add_int8(const AddInt8Params& params, const BroadcastShape& shape, const int8_t* input1,
              const int8_t* input2, int8_t* output) {
  // (q + offset) fits in 9 bits, so the shift by 20 cannot overflow int32.
  const int32_t shift_scale = int32_t{1} << params.left_shift;
  for_each_broadcast(shape, [&](int64_t i1, int64_t i2, int64_t o) {
    const int32_t shifted1 = (input1[i1] + params.input1_offset) * shift_scale;
    const int32_t shifted2 = (input2[i2] + params.input2_offset) * shift_scale;
    const int32_t scaled1 = quant::multiply_by_quantized_multiplier(
        shifted1, params.input1_multiplier, params.input1_shift);
    const int32_t scaled2 = quant::multiply_by_quantized_multiplier(
        shifted2, params.input2_multiplier, params.input2_shift);
    const int32_t raw_sum = scaled1 + scaled2;
    int32_t q = quant::multiply_by_quantized_multiplier(raw_sum, params.output_multiplier,
                                                        params.output_shift) +
                params.output_offset;
    q = q < params.act_min ? params.act_min : (q > params.act_max ? params.act_max : q);
    output[o] = static_cast<int8_t>(q);
  });
}

}  // namespace tinyinfer::kernels::reference
