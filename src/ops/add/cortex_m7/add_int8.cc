// ADD int8 for ARMv7E-M, the non-broadcast case (both inputs the output's
// shape, as in residual blocks); broadcasts keep the reference.
// Each input's rescaled value MBQM((q + offset) << left_shift, m, s) depends
// only on the byte q, so for long tensors it is tabulated once per call
// (256 entries per input); the sum is then requantized per element with the
// exact shortcut of dsp.h. Bit-exact with reference::add_int8.
#include "dsp/armv7em_simd.h"
#include "ops/add/add.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

// Below this many elements the tables cost more than they save.
constexpr int64_t kTableThreshold = 1024;

inline int32_t scale_input(int32_t q, int32_t offset, int32_t left_shift, const ChannelRequant& r) {
  return requantize(static_cast<int32_t>(static_cast<uint32_t>(q + offset) << left_shift), r);
}

bool same_shapes(const BroadcastShape& shape, int64_t* count) {
  if (shape.rank < 0 || shape.rank > kMaxBroadcastRank) return false;
  int64_t total = 1;
  for (int32_t d = 0; d < shape.rank; ++d) {
    if (shape.in1[d] != shape.out[d] || shape.in2[d] != shape.out[d]) return false;
    total *= shape.out[d];
  }
  *count = total;
  return true;
}

template <typename OutRq>
void add_elements(const int8_t* __restrict in1, const int8_t* __restrict in2, int8_t* __restrict out, int64_t count,
                  const int32_t* __restrict table1, const int32_t* __restrict table2, const OutRq& out_rq) {
  for (int64_t i = 0; i < count; ++i) {
    out[i] = out_rq(table1[static_cast<uint8_t>(in1[i])] + table2[static_cast<uint8_t>(in2[i])]);
  }
}

}  // namespace

// The two 256-entry tables live in the op's scratch (planned in the arena).
std::size_t add_int8_scratch_bytes(int64_t input1_elements, int64_t input2_elements, int64_t output_elements) {
  // Broadcasting only ever repeats an input, so equal counts mean equal shapes.
  const bool same = input1_elements == output_elements && input2_elements == output_elements;
  return same && output_elements >= kTableThreshold ? ScratchCarver::bytes_of<int32_t>(2 * 256) : 0;
}

void add_int8(const AddInt8Params& p, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output, void* scratch) {
  int64_t count = 0;
  if (scratch == nullptr || !same_shapes(shape, &count) || count < kTableThreshold || p.left_shift < 0 ||
      p.left_shift > 22) {
    reference::add_int8(p, shape, input1, input2, output);
    return;
  }
  int32_t* const table1 = static_cast<int32_t*>(scratch);
  int32_t* const table2 = table1 + 256;
  const ChannelRequant r1 = make_channel_requant(p.input1_multiplier, p.input1_shift);
  const ChannelRequant r2 = make_channel_requant(p.input2_multiplier, p.input2_shift);
  for (int32_t q = -128; q < 128; ++q) {
    table1[static_cast<uint8_t>(q)] = scale_input(q, p.input1_offset, p.left_shift, r1);
    table2[static_cast<uint8_t>(q)] = scale_input(q, p.input2_offset, p.left_shift, r2);
  }
  // Bound of the sum for the fast output requantization.
  int64_t bound = 0;
  for (int32_t i = 0; i < 256; ++i) {
    const int64_t a = table1[i] < 0 ? -int64_t{table1[i]} : table1[i];
    const int64_t b = table2[i] < 0 ? -int64_t{table2[i]} : table2[i];
    bound = a > bound ? a : bound;
    bound = b > bound ? b : bound;
  }
  bound *= 2;
  const int32_t out_shift = p.output_shift;
  if (fits_fast_requant(bound, &out_shift, 1)) {
    const FastChannel f = make_fast_channel(p.output_multiplier, p.output_shift);
    const int32_t half_offset = 1 + 2 * p.output_offset;
    add_elements(input1, input2, output, count, table1, table2, [&](int32_t sum) {
      return clamp_to_int8(fast_requantize(sum, f.multiplier, f.pre_shift, f.post_shift, half_offset), p.act_min,
                           p.act_max);
    });
  } else {
    const ChannelRequant r = make_channel_requant(p.output_multiplier, p.output_shift);
    add_elements(input1, input2, output, count, table1, table2,
                 [&](int32_t sum) { return finish(requantize(sum, r), p.output_offset, p.act_min, p.act_max); });
  }
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
// The per-byte lookup tables: in = input 1, filter = input 2, out = output,
// each {1, 1, 1, elements}.
std::size_t add_int8_scratch(const kernels::ScratchQuery& q) {
  return kernels::cortex_m7::add_int8_scratch_bytes(q.in.c, q.filter.c, q.out.c);
}
}  // namespace

TINYINFER_KERNEL_LIST(add_int8_cortex_m7,
                      {&kAddOp, "add_int8_cortex_m7", KernelChoice::kOptimized, signature({kI8, kI8}, kI8),
                       kernel_entry<kernels::AddInt8Fn, kernels::cortex_m7::add_int8>(), add_int8_scratch});

}  // namespace tinyinfer
