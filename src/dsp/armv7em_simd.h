// ARMv7E-M DSP building blocks of the int8 kernels, and the requantization
// they share. On a core with the DSP extension (__ARM_FEATURE_DSP: Cortex-M4/
// M7/M33) each helper is one instruction; elsewhere (the host) it is portable
// C that computes exactly the same bits, so the host differential tests run
// the very algorithm the Cortex-M7 runs.
//
// Packed operands are uint32_t holding two int16 lanes: lane 0 = bits 15:0,
// lane 1 = bits 31:16 (little-endian memory order of int16 pairs).
#pragma once

#include <cstdint>
#include <cstring>

#include "ops/common/kernel_types.h"

#if defined(__ARM_FEATURE_DSP)
#include <arm_acle.h>
#endif

namespace tinyinfer::kernels::cortex_m7 {

// 4 bytes from any address (the M7 allows unaligned LDR; memcpy lets the
// compiler emit exactly one).
inline uint32_t load_u32(const void* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store_u32(void* p, uint32_t v) { std::memcpy(p, &v, sizeof v); }

// Word view of int16 scratch buffers (written as int16, read as pairs).
using pair_word = uint32_t __attribute__((__may_alias__));

#if defined(__ARM_FEATURE_DSP)

// acc + lo(a)*lo(b) + hi(a)*hi(b), signed 16x16 products, wrapping add.
inline int32_t smlad(uint32_t a, uint32_t b, int32_t acc) {
  return __smlad(static_cast<int16x2_t>(a), static_cast<int16x2_t>(b), acc);
}
// acc + lo(a)*lo(b) + hi(a)*hi(b) into a 64-bit accumulator (int16x8 kernels).
inline int64_t smlald(uint32_t a, uint32_t b, int64_t acc) {
  return __smlald(static_cast<int16x2_t>(a), static_cast<int16x2_t>(b), acc);
}
// Bytes 0 and 2 sign-extended to the two int16 lanes.
inline uint32_t sxtb16(uint32_t x) { return static_cast<uint32_t>(__sxtb16(static_cast<int8x4_t>(x))); }
// Bytes 1 and 3 sign-extended to the two int16 lanes (SXTB16 with ROR #8).
inline uint32_t sxtb16_odd(uint32_t x) {
  uint32_t r;
  asm("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
  return r;
}
// a + sign-extended bytes 0 and 2 of x, per int16 lane (wrapping).
inline uint32_t sxtab16(uint32_t a, uint32_t x) {
  return static_cast<uint32_t>(__sxtab16(static_cast<int16x2_t>(a), static_cast<int8x4_t>(x)));
}
// a + sign-extended bytes 1 and 3 of x, per int16 lane (SXTAB16 with ROR #8).
inline uint32_t sxtab16_odd(uint32_t a, uint32_t x) {
  uint32_t r;
  asm("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(x));
  return r;
}
// Lane-wise int16 addition (wrapping).
inline uint32_t sadd16(uint32_t a, uint32_t b) {
  return static_cast<uint32_t>(__sadd16(static_cast<int16x2_t>(a), static_cast<int16x2_t>(b)));
}
// Saturating 32-bit addition.
inline int32_t qadd(int32_t a, int32_t b) { return __qadd(a, b); }
// acc + lane0(a)*lane0(b) / acc + lane1(a)*lane1(b).
inline int32_t smlabb(uint32_t a, uint32_t b, int32_t acc) {
  return __smlabb(static_cast<int32_t>(a), static_cast<int32_t>(b), acc);
}
inline int32_t smlatt(uint32_t a, uint32_t b, int32_t acc) {
  return __smlatt(static_cast<int32_t>(a), static_cast<int32_t>(b), acc);
}

#else  // portable twins

inline int32_t lane(uint32_t x, int i) { return static_cast<int16_t>(static_cast<uint16_t>(x >> (16 * i))); }
inline uint32_t pack(int32_t lo, int32_t hi) {
  return (static_cast<uint32_t>(lo) & 0xFFFFu) | (static_cast<uint32_t>(hi) << 16);
}
inline int32_t smlad(uint32_t a, uint32_t b, int32_t acc) {
  const uint32_t sum = static_cast<uint32_t>(acc) + static_cast<uint32_t>(lane(a, 0) * lane(b, 0)) +
                       static_cast<uint32_t>(lane(a, 1) * lane(b, 1));
  return static_cast<int32_t>(sum);
}
inline int64_t smlald(uint32_t a, uint32_t b, int64_t acc) {
  const uint64_t sum = static_cast<uint64_t>(acc) + static_cast<uint64_t>(int64_t{lane(a, 0) * lane(b, 0)}) +
                       static_cast<uint64_t>(int64_t{lane(a, 1) * lane(b, 1)});
  return static_cast<int64_t>(sum);
}
inline uint32_t sxtb16(uint32_t x) {
  return pack(static_cast<int8_t>(x & 0xFF), static_cast<int8_t>((x >> 16) & 0xFF));
}
inline uint32_t sxtb16_odd(uint32_t x) {
  return pack(static_cast<int8_t>((x >> 8) & 0xFF), static_cast<int8_t>((x >> 24) & 0xFF));
}
inline uint32_t sadd16(uint32_t a, uint32_t b) { return pack(lane(a, 0) + lane(b, 0), lane(a, 1) + lane(b, 1)); }
inline uint32_t sxtab16(uint32_t a, uint32_t x) { return sadd16(a, sxtb16(x)); }
inline uint32_t sxtab16_odd(uint32_t a, uint32_t x) { return sadd16(a, sxtb16_odd(x)); }
inline int32_t smlabb(uint32_t a, uint32_t b, int32_t acc) {
  return static_cast<int32_t>(static_cast<uint32_t>(acc) + static_cast<uint32_t>(lane(a, 0) * lane(b, 0)));
}
inline int32_t smlatt(uint32_t a, uint32_t b, int32_t acc) {
  return static_cast<int32_t>(static_cast<uint32_t>(acc) + static_cast<uint32_t>(lane(a, 1) * lane(b, 1)));
}
inline int32_t qadd(int32_t a, int32_t b) {
  const int64_t s = static_cast<int64_t>(a) + b;
  return s > INT32_MAX ? INT32_MAX : s < INT32_MIN ? INT32_MIN : static_cast<int32_t>(s);
}

#endif

// Both int16 lanes set to v.
inline uint32_t splat16(int32_t v) { return (static_cast<uint32_t>(v) & 0xFFFFu) * 0x00010001u; }

// Per-output-channel requantization, prepared once per channel so the
// per-output work is a handful of instructions. It computes
// quant::multiply_by_quantized_multiplier(acc, multiplier, shift):
//  - the left shift wraps like TFLite's int32 multiply (done unsigned);
//  - SaturatingRoundingDoublingHighMul(a, m) = floor((a*m + 2^30) / 2^31):
//    for a*m < 0 gemmlowp's nudge 1-2^30 followed by truncation toward zero
//    is ceil((a*m + 1 - 2^30) / 2^31), which is the same number. (Its one
//    saturating case, a = m = INT32_MIN, cannot happen: multipliers are >= 0.)
//  - RoundingDivideByPOT(x, e), e > 0, ties away from zero, is
//    floor((y + 2^(e-1)) / 2^e) with y = x - [x < 0] (x - 1 cannot wrap:
//    |x| < 2^31 after the high mul), computed as ((y >> (e-1)) + 1) >> 1
//    (nested floors compose). Only e = 1, y = INT32_MAX could overflow the
//    + 1; QADD saturates it to 2^30 - 1 instead of 2^30, which every int8
//    clamp maps to act_max just the same. So the int8 results are exact for
//    every accumulator.
struct ChannelRequant {
  int32_t multiplier;
  uint32_t left_shift;   // 0..31
  uint32_t right_shift;  // e, 0..31
};

inline ChannelRequant make_channel_requant(int32_t multiplier, int32_t shift) {
  ChannelRequant r;
  r.multiplier = multiplier;
  r.left_shift = shift > 0 ? static_cast<uint32_t>(shift) : 0u;
  r.right_shift = shift > 0 ? 0u : static_cast<uint32_t>(-shift);
  return r;
}

inline int32_t requantize(int32_t acc, int32_t multiplier, uint32_t left_shift, uint32_t right_shift) {
  const int32_t a = static_cast<int32_t>(static_cast<uint32_t>(acc) << left_shift);
  const int64_t p = static_cast<int64_t>(a) * multiplier + (int64_t{1} << 30);
  int32_t x = static_cast<int32_t>(p >> 31);
  if (right_shift != 0) {
    const int32_t y = x + (x >> 31);
    x = qadd(y >> (right_shift - 1), 1) >> 1;
  }
  return x;
}

inline int32_t requantize(int32_t acc, const ChannelRequant& r) {
  return requantize(acc, r.multiplier, r.left_shift, r.right_shift);
}

// The same result in fewer instructions when the accumulator is known to be
// small, |acc << left_shift| < 2^30 (the caller proves it per call from the
// dot-product length and the biases, see fits_fast_requant):
//  - 2a fits int32, so SRDHM(a, m) = floor((2a*m + 2^31) / 2^32) = SMMULR(2a, m);
//  - with z = 2x - [x<0], RoundingDivideByPOT(x, e) = ((z >> e) + 1) >> 1 for
//    every e >= 0 (e >= 1: z and 2(x - [x<0]) differ by 1 below an even
//    number, which floor(./2^e) cannot see; e = 0: ((2x - [x<0] + 1) >> 1 = x);
//  - adding the output offset before the final halving is exact:
//    ((t + 1) >> 1) + off = (t + 1 + 2*off) >> 1.
struct FastChannel {
  int32_t multiplier;
  uint32_t pre_shift;   // left_shift + 1
  uint32_t post_shift;  // right shift e
};

inline FastChannel make_fast_channel(int32_t multiplier, int32_t shift) {
  FastChannel f;
  f.multiplier = multiplier;
  f.pre_shift = (shift > 0 ? static_cast<uint32_t>(shift) : 0u) + 1u;
  f.post_shift = shift > 0 ? 0u : static_cast<uint32_t>(-shift);
  return f;
}

#if defined(__ARM_FEATURE_DSP)
inline int32_t smmulr(int32_t a, int32_t b) {
  int32_t r;
  asm("smmulr %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
#else
inline int32_t smmulr(int32_t a, int32_t b) {
  return static_cast<int32_t>((static_cast<int64_t>(a) * b + 0x80000000ll) >> 32);
}
#endif

// Returns (requantized + output_offset) before the clamp; half_offset = 1 + 2*output_offset.
inline int32_t fast_requantize(int32_t acc, int32_t multiplier, uint32_t pre_shift, uint32_t post_shift,
                               int32_t half_offset) {
  const int32_t x = smmulr(static_cast<int32_t>(static_cast<uint32_t>(acc) << pre_shift), multiplier);
  const int32_t z = 2 * x + (x >> 31);
  return ((z >> post_shift) + half_offset) >> 1;
}

// True when every accumulator bounded by |acc| <= acc_bound may take
// fast_requantize with these shifts.
inline bool fits_fast_requant(int64_t acc_bound, const int32_t* shifts, int32_t channels) {
  for (int32_t c = 0; c < channels; ++c) {
    const int32_t ls = shifts[c] > 0 ? shifts[c] : 0;
    if (ls > 30 || (acc_bound << ls) >= (int64_t{1} << 30)) return false;
  }
  return true;
}
inline bool fits_fast_requant(int64_t acc_bound, const Requant& rq, int32_t channels) {
  return fits_fast_requant(acc_bound, rq.shifts, rq.per_channel ? channels : 1);
}

// Largest |acc| of a dot product of `length` terms (x + input_offset) * w
// with int8 x and w, plus the largest |bias|.
inline int64_t accumulator_bound(int64_t length, int32_t input_offset, int32_t filter_offset, const int32_t* bias,
                                 int32_t channels) {
  const int64_t x_max = 128 + (input_offset < 0 ? -int64_t{input_offset} : input_offset);
  const int64_t w_max = 128 + (filter_offset < 0 ? -int64_t{filter_offset} : filter_offset);
  int64_t b_max = 0;
  if (bias != nullptr) {
    for (int32_t c = 0; c < channels; ++c) {
      const int64_t b = bias[c] < 0 ? -int64_t{bias[c]} : bias[c];
      b_max = b > b_max ? b : b_max;
    }
  }
  return length * x_max * w_max + b_max;
}

inline int8_t clamp_to_int8(int32_t x, int32_t act_min, int32_t act_max) {
  x = x < act_min ? act_min : x;
  x = x > act_max ? act_max : x;
  return static_cast<int8_t>(x);
}

// acc -> int8 with the output offset and the activation clamp.
inline int8_t finish(int32_t x, int32_t output_offset, int32_t act_min, int32_t act_max) {
  x += output_offset;
  x = x < act_min ? act_min : x;
  x = x > act_max ? act_max : x;
  return static_cast<int8_t>(x);
}

}  // namespace tinyinfer::kernels::cortex_m7
