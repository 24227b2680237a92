// What the Cortex-M7 DEPTHWISE_CONV_2D int8 paths share: the dispatcher
// (depthwise_conv_2d_int8.cc) sizes the scratch of the fast paths with their
// layouts here and calls them (depthwise_conv_2d_int8_dm1.cc,
// depthwise_conv_2d_int8_3x3.cc); the tap ranges that make padding free.
#pragma once

#include <cstddef>
#include <cstdint>

#include "dsp/armv7em_simd.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer::kernels::cortex_m7::depthwise_int8_paths {

// First and one-past-last filter index whose tap lands inside [0, size).
inline void tap_range(int32_t origin, int32_t dilation, int32_t taps, int32_t size, int32_t* begin, int32_t* end) {
  int32_t b = 0;
  if (origin < 0) b = (-origin + dilation - 1) / dilation;
  int32_t e = taps;
  // origin + (e-1)*dilation <= size-1
  const int32_t last = size - 1 - origin;
  if (last < 0) {
    e = 0;
  } else if ((taps - 1) * dilation > last) {
    e = last / dilation + 1;
  }
  if (b > e) b = e;
  *begin = b;
  *end = e;
}

// Working memory of the fast paths, carved from the call's scratch (planned
// in the arena, depthwise_int8_scratch_bytes).
struct Dm1Scratch {
  uint32_t* fext;         // taps x groups x 2 words: the filter as int16 lane pairs
  FastChannel* channels;  // out_c
  std::size_t bytes;
};

inline Dm1Scratch carve_dm1(void* base, int32_t taps, int32_t c_all) {
  ScratchCarver carve(base);
  Dm1Scratch s;
  s.fext = carve.take<uint32_t>(2 * static_cast<std::size_t>(taps) * static_cast<std::size_t>(c_all >> 2));
  s.channels = carve.take<FastChannel>(static_cast<std::size_t>(c_all));
  s.bytes = carve.bytes();
  return s;
}

struct Dw3x3Scratch {
  uint32_t* fext;  // 9 x groups x 2 words
  int32_t* table;  // 3 x out_c: multiplier, pre shift, post shift - 1
  int32_t* bias;   // out_c
  int8_t* patch;   // 9 x out_c: the window of a border pixel
  std::size_t bytes;
};

inline Dw3x3Scratch carve_3x3(void* base, int32_t c_all) {
  const std::size_t c = static_cast<std::size_t>(c_all);
  ScratchCarver carve(base);
  Dw3x3Scratch s;
  s.fext = carve.take<uint32_t>(9 * (c / 4) * 2);
  s.table = carve.take<int32_t>(3 * c);
  s.bias = carve.take<int32_t>(c);
  s.patch = carve.take<int8_t>(9 * c);
  s.bytes = carve.bytes();
  return s;
}

// The paths, each out of line: inlined into one dispatcher the compiler
// allocates registers for all of them at once (measured: +7 % instructions
// on kws's 3x3 depthwise layers).
void depthwise_dm1_fast(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                        const Dims4& filter, const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                        int8_t* output, void* scratch);
void depthwise_3x3_dm1(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                       const int8_t* filter_data, const int32_t* bias, const Dims4& out, int8_t* output, void* scratch);

}  // namespace tinyinfer::kernels::cortex_m7::depthwise_int8_paths
