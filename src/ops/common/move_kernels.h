// Kernels shared by the data-movement ops (CONCATENATION, PACK, SPLIT,
// TRANSPOSE, SLICE, PAD, ...): they never look at values, so one template per
// element type moves whole contiguous runs (memcpy) wherever the layout
// allows and falls back to an element loop only where the innermost input
// stride is not 1. The op's prepare reduces its geometry to these forms once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "tinyinfer/tensor.h"

namespace tinyinfer::kernels {

// Contiguous output = a strided view of the input:
//   out[i0, ..., in] = in[offset + sum_k i_k * strides[k]]   (element units)
// Strides may be negative (REVERSE_V2, STRIDED_SLICE with a negative step).
struct StridedCopy {
  int32_t rank = 1;
  int32_t dims[kMaxRank] = {0};
  int64_t strides[kMaxRank] = {1};
  int64_t offset = 0;
};

// Concatenation along one axis seen as [outer, run_i]: for each of `outer`
// rows, input i contributes runs[i] contiguous elements (the split ops walk
// it the other way round).
struct ConcatRuns {
  int64_t outer = 1;
  int32_t count = 0;
  const int64_t* runs = nullptr;  // persistent, `count` entries
};

// Constant padding: per dimension `before` and `after` elements around the
// input's `in_dims`; dimensions without padding are already merged into
// their outer neighbour, so the innermost run is as long as possible.
struct PadGeometry {
  int32_t rank = 1;
  int32_t in_dims[kMaxRank] = {0};
  int32_t before[kMaxRank] = {0};
  int32_t after[kMaxRank] = {0};
};

// MIRROR_PAD: same geometry, padding filled with the mirrored input
// (offset 1: REFLECT excludes the edge, 0: SYMMETRIC repeats it). The
// trailing unpadded dimensions form `block`, the unit that is mirrored.
struct MirrorPadGeometry {
  PadGeometry pad;
  int64_t block = 1;
  int32_t offset = 0;
};

namespace move {

template <typename T>
void strided_copy(const StridedCopy& p, const T* in, T* out) {
  for (int32_t d = 0; d < p.rank; ++d)
    if (p.dims[d] == 0) return;
  const int32_t last = p.rank - 1;
  const int32_t n = p.dims[last];
  const int64_t step = p.strides[last];
  int32_t index[kMaxRank] = {0};
  const T* row = in + p.offset;
  for (;;) {
    if (step == 1) {
      std::memcpy(out, row, static_cast<std::size_t>(n) * sizeof(T));
    } else {
      const T* src = row;
      for (int32_t j = 0; j < n; ++j, src += step) out[j] = *src;
    }
    out += n;
    // Next row: an odometer over the outer dimensions.
    int32_t d = last - 1;
    for (; d >= 0; --d) {
      row += p.strides[d];
      if (++index[d] < p.dims[d]) break;
      row -= p.strides[d] * p.dims[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

template <typename T>
void concat(const ConcatRuns& p, const void* const* inputs, void* output) {
  T* out = static_cast<T*>(output);
  for (int64_t o = 0; o < p.outer; ++o) {
    for (int32_t i = 0; i < p.count; ++i) {
      const int64_t run = p.runs[i];
      std::memcpy(out, static_cast<const T*>(inputs[i]) + o * run, static_cast<std::size_t>(run) * sizeof(T));
      out += run;
    }
  }
}

template <typename T>
void split(const ConcatRuns& p, const void* input, void* const* outputs) {
  const T* in = static_cast<const T*>(input);
  for (int64_t o = 0; o < p.outer; ++o) {
    for (int32_t i = 0; i < p.count; ++i) {
      const int64_t run = p.runs[i];
      std::memcpy(static_cast<T*>(outputs[i]) + o * run, in, static_cast<std::size_t>(run) * sizeof(T));
      in += run;
    }
  }
}

template <typename T>
inline T* fill_run(T* out, int64_t n, T value) {
  for (int64_t j = 0; j < n; ++j) out[j] = value;
  return out + n;
}

template <typename T>
void pad(const PadGeometry& p, const T* in, T* out, T value) {
  const int32_t last = p.rank - 1;
  for (int32_t d = 0; d < p.rank; ++d)
    if (p.in_dims[d] + p.before[d] + p.after[d] == 0) return;
  const int32_t in_n = p.in_dims[last];
  const int64_t out_n = int64_t{p.before[last]} + in_n + p.after[last];
  int32_t index[kMaxRank] = {0};
  for (;;) {
    bool inside = true;
    for (int32_t d = 0; d < last; ++d)
      inside = inside && index[d] >= p.before[d] && index[d] < p.before[d] + p.in_dims[d];
    if (inside) {
      // The input rows inside the padding come in input order.
      out = fill_run(out, p.before[last], value);
      std::memcpy(out, in, static_cast<std::size_t>(in_n) * sizeof(T));
      in += in_n;
      out = fill_run(out + in_n, p.after[last], value);
    } else {
      out = fill_run(out, out_n, value);
    }
    int32_t d = last - 1;
    for (; d >= 0; --d) {
      if (++index[d] < p.before[d] + p.in_dims[d] + p.after[d]) break;
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

// The input index that output index i along one padded dimension mirrors.
inline int32_t mirror_index(int32_t i, int32_t before, int32_t size, int32_t offset) {
  if (i < before) return before - 1 + offset - i;
  i -= before;
  if (i < size) return i;
  return size - 1 - offset - (i - size);
}

template <typename T>
void mirror_pad(const MirrorPadGeometry& g, const T* in, T* out) {
  const PadGeometry& p = g.pad;
  const int32_t last = p.rank - 1;
  for (int32_t d = 0; d < p.rank; ++d)
    if (p.in_dims[d] == 0) return;
  const int64_t block = g.block;
  int64_t in_strides[kMaxRank];
  int64_t stride = block;
  for (int32_t d = last; d >= 0; --d) {
    in_strides[d] = stride;
    stride *= p.in_dims[d];
  }
  const int32_t in_n = p.in_dims[last];
  const std::size_t block_bytes = static_cast<std::size_t>(block) * sizeof(T);
  int32_t index[kMaxRank] = {0};
  for (;;) {
    int64_t base = 0;
    for (int32_t d = 0; d < last; ++d)
      base += int64_t{mirror_index(index[d], p.before[d], p.in_dims[d], g.offset)} * in_strides[d];
    const T* row = in + base;
    for (int32_t j = 0; j < p.before[last]; ++j, out += block)
      std::memcpy(out, row + int64_t{mirror_index(j, p.before[last], in_n, g.offset)} * block, block_bytes);
    std::memcpy(out, row, block_bytes * static_cast<std::size_t>(in_n));
    out += block * in_n;
    for (int32_t j = 0; j < p.after[last]; ++j, out += block)
      std::memcpy(out, row + int64_t{in_n - 1 - g.offset - j} * block, block_bytes);
    int32_t d = last - 1;
    for (; d >= 0; --d) {
      if (++index[d] < p.before[d] + p.in_dims[d] + p.after[d]) break;
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

}  // namespace move
}  // namespace tinyinfer::kernels

namespace tinyinfer::kernels {

// Kernel types of the ops that share a walk (each op's header names its own).
using MoveConcatFn = void (*)(const ConcatRuns& p, const void* const* inputs, void* output);
using MoveSplitFn = void (*)(const ConcatRuns& p, const void* input, void* const* outputs);
using MoveStridedFn = void (*)(const StridedCopy& p, const void* input, void* output);
// Copies `count` elements unchanged (SQUEEZE, EXPAND_DIMS).
using MoveCopyFn = void (*)(const void* input, void* output, std::size_t count);
// Constant padding with the element at `value` (PAD, PADV2).
using MovePadFn = void (*)(const PadGeometry& p, const void* input, void* output, const void* value);

}  // namespace tinyinfer::kernels
