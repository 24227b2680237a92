// ADD int16 for ARMv7E-M, every shape (broadcasts included): the output is
// walked row by row along its innermost dimension, where each input either
// advances or repeats one element (then rescaled once per row). Per element:
// each input's rescale MBQM((q + offset) << left_shift, m, s), the wrapping
// sum, the output's MBQM, offset and clamp - the reference's arithmetic, done
// with the exact requantization of armv7em_simd.h:
//  - zero point 0 and left shift 15 (what converters produce): q << 16 is
//    2 * (q << 15) for every int16 q, so the rescale is one SMMULR and the
//    rounding shift of fast_requantize;
//  - other offsets or shifts: requantize(), exact for every accumulator;
//  - the output takes fast_requantize when the largest possible sum allows it
//    (fits_fast_requant), else requantize().
// Bit-exact with reference::add_int16.
#include <algorithm>
#include <cstdint>

#include "dsp/armv7em_simd.h"
#include "ops/add/add.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

inline int32_t wrapping_add(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}

// An input's rescale with any offset and left shift.
struct ExactRescale {
  int32_t offset;
  uint32_t left_shift;
  ChannelRequant r;
  int32_t operator()(int16_t q) const {
    return requantize(static_cast<int32_t>(static_cast<uint32_t>(int32_t{q} + offset) << left_shift), r);
  }
};

// Zero offset, left shift 15, right-only multiplier: SMMULR(q << 16, m) is
// SaturatingRoundingDoublingHighMul(q << 15, m), then RoundingDivideByPOT.
struct Zp0Rescale {
  int32_t multiplier;
  uint32_t right_shift;
  int32_t operator()(int16_t q) const {
    const int32_t x = smmulr(static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint16_t>(q)) << 16), multiplier);
    const int32_t z = 2 * x + (x >> 31);
    return ((z >> right_shift) + 1) >> 1;
  }
};

struct ExactOutput {
  ChannelRequant r;
  int32_t offset, act_min, act_max;
  int16_t operator()(int32_t sum) const {
    const int32_t x = requantize(sum, r) + offset;
    return static_cast<int16_t>(x < act_min ? act_min : (x > act_max ? act_max : x));
  }
};

struct FastOutput {
  FastChannel f;
  int32_t half_offset, act_min, act_max;
  int16_t operator()(int32_t sum) const {
    const int32_t x = fast_requantize(sum, f.multiplier, f.pre_shift, f.post_shift, half_offset);
    return static_cast<int16_t>(x < act_min ? act_min : (x > act_max ? act_max : x));
  }
};

// x clamped to the int16 range: one SSAT on the M7.
inline int16_t saturate_int16(int32_t x) {
#if defined(__ARM_FEATURE_SAT)
  return static_cast<int16_t>(__ssat(x, 16));
#else
  return static_cast<int16_t>(x < INT16_MIN ? INT16_MIN : (x > INT16_MAX ? INT16_MAX : x));
#endif
}

// The usual case of FastOutput - output zero point 0, no clamp inside the
// int16 range, right-only multiplier - in fewer registers: the shifts and
// offset are constants and the clamp is one SSAT.
struct PlainOutput {
  int32_t multiplier;
  uint32_t right_shift;
  int16_t operator()(int32_t sum) const { return saturate_int16(fast_requantize(sum, multiplier, 1, right_shift, 1)); }
};

// One output row of n elements; step 0: that input repeats its element.
template <typename In, typename Out>
void add_row(const int16_t* a, int64_t step_a, const int16_t* b, int64_t step_b, int16_t* out, int32_t n, const In& in1,
             const In& in2, const Out& finish) {
  if (step_a != 0 && step_b != 0) {
    for (int32_t i = 0; i < n; ++i) out[i] = finish(wrapping_add(in1(a[i]), in2(b[i])));
  } else if (step_b != 0) {
    const int32_t sa = in1(*a);
    for (int32_t i = 0; i < n; ++i) out[i] = finish(wrapping_add(sa, in2(b[i])));
  } else if (step_a != 0) {
    const int32_t sb = in2(*b);
    for (int32_t i = 0; i < n; ++i) out[i] = finish(wrapping_add(in1(a[i]), sb));
  } else {
    const int16_t v = finish(wrapping_add(in1(*a), in2(*b)));
    for (int32_t i = 0; i < n; ++i) out[i] = v;
  }
}

// The broadcast walk by rows of the innermost dimension (the outer ones
// counted like an odometer); equal shapes are one row.
template <typename In, typename Out>
void add_broadcast(const BroadcastShape& shape, const int16_t* input1, const int16_t* input2, int16_t* output,
                   const In& in1, const In& in2, const Out& finish) {
  const int32_t rank = shape.rank;
  int64_t total = 1;
  bool same = true;
  for (int32_t d = 0; d < rank; ++d) {
    total *= shape.out[d];
    same = same && shape.in1[d] == shape.out[d] && shape.in2[d] == shape.out[d];
  }
  if (total <= 0) return;
  if (same || rank <= 1) {
    const int64_t step1 = rank == 0 || shape.in1[0] == shape.out[0] ? 1 : 0;
    const int64_t step2 = rank == 0 || shape.in2[0] == shape.out[0] ? 1 : 0;
    // One row: the whole tensor (int32 counts per row; the arena is far smaller).
    add_row(input1, step1, input2, step2, output, static_cast<int32_t>(total), in1, in2, finish);
    return;
  }
  // The outer dimensions walked by the reference's odometer: its indices
  // count rows, each input's row being its innermost extent long.
  BroadcastShape outer;
  outer.rank = rank - 1;
  for (int32_t d = 0; d < outer.rank; ++d) {
    outer.out[d] = shape.out[d];
    outer.in1[d] = shape.in1[d];
    outer.in2[d] = shape.in2[d];
  }
  const int32_t inner = shape.out[rank - 1];
  const int32_t inner1 = shape.in1[rank - 1], inner2 = shape.in2[rank - 1];
  const int64_t step1 = inner1 == inner ? 1 : 0, step2 = inner2 == inner ? 1 : 0;
  reference::for_each_broadcast(outer, [&](int64_t row1, int64_t row2, int64_t row) {
    add_row(input1 + row1 * inner1, step1, input2 + row2 * inner2, step2, output + row * inner, inner, in1, in2,
            finish);
  });
}

// The output's requantization: the fast form when every possible sum fits it.
template <typename In>
void add_with(const BinaryParams& p, const BroadcastShape& shape, const int16_t* input1, const int16_t* input2,
              int16_t* output, const In& in1, const In& in2) {
  // Each rescale is monotonic in q, so its extremes are at the int16 ends.
  auto magnitude = [](const In& f) {
    const int64_t lo = f(INT16_MIN), hi = f(INT16_MAX);
    return std::max(lo < 0 ? -lo : lo, hi < 0 ? -hi : hi);
  };
  const int64_t bound = magnitude(in1) + magnitude(in2);
  const int32_t out_shift = p.output_shift;
  if (!fits_fast_requant(bound, &out_shift, 1)) {
    const ExactOutput finish{make_channel_requant(p.output_multiplier, p.output_shift), p.output_offset, p.act_min,
                             p.act_max};
    add_broadcast(shape, input1, input2, output, in1, in2, finish);
  } else if (p.output_offset == 0 && p.act_min == INT16_MIN && p.act_max == INT16_MAX && p.output_shift <= 0) {
    const PlainOutput finish{p.output_multiplier, static_cast<uint32_t>(-p.output_shift)};
    add_broadcast(shape, input1, input2, output, in1, in2, finish);
  } else {
    const FastOutput finish{make_fast_channel(p.output_multiplier, p.output_shift), 1 + 2 * p.output_offset, p.act_min,
                            p.act_max};
    add_broadcast(shape, input1, input2, output, in1, in2, finish);
  }
}

// Offsets of int16 zero points, non-negative multipliers and (inputs) no
// left shift, as prepare derives them: each rescale is then monotonic in q
// and free of wrapping. Anything else runs the reference.
bool rescale_fits(int32_t offset, int32_t multiplier, int32_t shift, int32_t max_shift) {
  return offset >= -32768 && offset <= 32768 && multiplier >= 0 && shift >= -31 && shift <= max_shift;
}

}  // namespace

void add_int16(const BinaryParams& p, const BroadcastShape& shape, const int16_t* input1, const int16_t* input2,
               int16_t* output) {
  if (shape.rank < 0 || shape.rank > kMaxBroadcastRank || p.left_shift < 0 || p.left_shift > 15 ||
      !rescale_fits(p.input1_offset, p.input1_multiplier, p.input1_shift, 0) ||
      !rescale_fits(p.input2_offset, p.input2_multiplier, p.input2_shift, 0) ||
      !rescale_fits(p.output_offset, p.output_multiplier, p.output_shift, 31)) {
    reference::add_int16(p, shape, input1, input2, output);
    return;
  }
  if (p.left_shift == 15 && p.input1_offset == 0 && p.input2_offset == 0) {
    const Zp0Rescale in1{p.input1_multiplier, static_cast<uint32_t>(-p.input1_shift)};
    const Zp0Rescale in2{p.input2_multiplier, static_cast<uint32_t>(-p.input2_shift)};
    add_with(p, shape, input1, input2, output, in1, in2);
    return;
  }
  const ExactRescale in1{p.input1_offset, static_cast<uint32_t>(p.left_shift),
                         make_channel_requant(p.input1_multiplier, p.input1_shift)};
  const ExactRescale in2{p.input2_offset, static_cast<uint32_t>(p.left_shift),
                         make_channel_requant(p.input2_multiplier, p.input2_shift)};
  add_with(p, shape, input1, input2, output, in1, in2);
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

// No scratch: nothing is tabulated (65,536 entries per input would not pay).
TINYINFER_KERNEL_LIST(add_int16_cortex_m7,
                      {&kAddOp, "add_int16_cortex_m7", KernelChoice::kOptimized, signature({kI16, kI16}, kI16),
                       kernel_entry<kernels::BinaryFn<int16_t>, kernels::cortex_m7::add_int16>(), nullptr});

}  // namespace tinyinfer
