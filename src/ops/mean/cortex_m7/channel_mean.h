// The geometry the Cortex-M7 MEAN kernels speed up: the walker's view
// (reduce_kernels.h) [outer kept] x rows reduced x channels kept, i.e. every
// output is the sum of one channel down `rows` rows `channels` apart. Global
// average pooling (NHWC, axes {1, 2}, any keep_dims) is rows = H*W; any other
// axis set that merges into it (e.g. {0, 1, 2} of NHWC, {-2} of [B, T, C])
// takes the same path, the rest runs the reference.
#pragma once

#include <cstdint>

#include "ops/common/reduce_kernels.h"

namespace tinyinfer::kernels::cortex_m7 {

struct ChannelMeanShape {
  int64_t outer = 1;     // independent [rows, channels] slabs
  int32_t rows = 0;      // summed per output
  int32_t channels = 0;  // outputs per slab, contiguous in the input row
};

// True (and the shape) when p is that geometry with at least one element.
inline bool as_channel_mean(const ReduceParams& p, ChannelMeanShape* shape) {
  if (p.empty) return false;
  const int32_t first = p.rank - 2;  // the reduced dimension
  if (p.rank == 2) {
    shape->outer = 1;
  } else if (p.rank == 3 && p.out_strides[0] == p.dims[2]) {
    shape->outer = p.dims[0];
  } else {
    return false;
  }
  if (p.out_strides[first] != 0 || p.out_strides[first + 1] != 1) return false;
  shape->rows = p.dims[first];
  shape->channels = p.dims[first + 1];
  return true;
}

// The int32 sums of the quantized kernels wrap like the reference's: kept in
// uint32 so the order of the additions cannot change a bit.
inline uint32_t widen_low(uint32_t pair) {
  return static_cast<uint32_t>(static_cast<int32_t>(static_cast<int16_t>(pair)));
}
inline uint32_t widen_high(uint32_t pair) { return static_cast<uint32_t>(static_cast<int32_t>(pair) >> 16); }

// sums[c] = wrapping sum of column c, for the channels the block kernel
// (block_width channels a call) does not cover, one column at a time.
template <typename T>
void sum_columns(const T* in, int32_t rows, int32_t stride, int32_t from, int32_t to, int32_t* sums) {
  for (int32_t c = from; c < to; ++c) {
    uint32_t total = 0;
    const T* column = in + c;
    for (int32_t r = 0; r < rows; ++r, column += stride) total += static_cast<uint32_t>(int32_t{*column});
    sums[c] = static_cast<int32_t>(total);
  }
}

template <typename T>
using ChannelBlockFn = void (*)(const T* first_column, int32_t rows, int32_t row_stride, int32_t* sums);

// The int32 sums of every channel of every slab into sums[outer *
// channels]: blocks of kWide channels, then of kNarrow, by the kernel's block
// functions, the rest one column at a time. The blocks are template
// arguments so that each inlines into its loop.
template <typename T, int32_t kWide, ChannelBlockFn<T> wide, int32_t kNarrow, ChannelBlockFn<T> narrow>
void sum_channels(const ChannelMeanShape& shape, const T* in, int32_t* sums) {
  const int32_t channels = shape.channels;
  for (int64_t b = 0; b < shape.outer; ++b) {
    const T* slab = in + b * shape.rows * channels;
    int32_t* slab_sums = sums + b * channels;
    int32_t c = 0;
    for (; c + kWide <= channels; c += kWide) wide(slab + c, shape.rows, channels, slab_sums + c);
    for (; c + kNarrow <= channels; c += kNarrow) narrow(slab + c, shape.rows, channels, slab_sums + c);
    sum_columns(slab, shape.rows, channels, c, channels, slab_sums);
  }
}

}  // namespace tinyinfer::kernels::cortex_m7
