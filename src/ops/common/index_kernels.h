// Kernels of the indexing ops (GATHER, GATHER_ND, EMBEDDING_LOOKUP,
// DYNAMIC_UPDATE_SLICE, BROADCAST_ARGS): whole rows are copied with memcpy
// from positions that arrive as tensor data. Those positions may be runtime
// values, so every kernel validates all of them before it writes anything
// and returns false (nothing read out of bounds) when one is out of range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/common/move_kernels.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer::kernels {

// GATHER: input seen as [batch, outer, axis_size, inner], positions as
// [batch, coords]; output [batch, outer, coords, inner].
struct GatherGeometry {
  int64_t batch = 1, outer = 1, coords = 1, inner = 1;
  int32_t axis_size = 0;
};

// GATHER_ND: `slices` index tuples of `depth` entries each select a block of
// `slice` elements; entry j indexes a dimension of size dims[j] whose
// elements lie strides[j] apart.
struct GatherNdGeometry {
  int64_t slices = 0, slice = 1;
  int32_t depth = 0;
  int32_t dims[kMaxRank] = {0};
  int64_t strides[kMaxRank] = {0};
};

// EMBEDDING_LOOKUP: `ids` row numbers into a table of `rows` rows of
// `columns` elements; `scales` dequantize an int8 table into a float output
// (one scale, or one per row when the table is quantized along dimension 0).
struct EmbeddingGeometry {
  int32_t ids = 0, rows = 0;
  int64_t columns = 1;
  const float* scales = nullptr;  // into the model
  bool per_row = false;
};

// BROADCAST_ARGS: the lengths of the two shapes and of the result (the
// longer of the two).
struct BroadcastArgsGeometry {
  int32_t a_count = 0, b_count = 0, count = 0;
};

// DYNAMIC_UPDATE_SLICE: the operand's and the update's dimensions (same rank).
struct UpdateSliceGeometry {
  int32_t rank = 1;
  int32_t dims[kMaxRank] = {0};
  int32_t update_dims[kMaxRank] = {0};
};

namespace index {

template <typename I>
bool all_below(const I* values, int64_t count, int64_t limit) {
  for (int64_t i = 0; i < count; ++i)
    if (values[i] < 0 || values[i] >= limit) return false;
  return true;
}

template <typename T, typename I>
bool gather(const GatherGeometry& g, const T* in, const I* positions, T* out) {
  if (!all_below(positions, g.batch * g.coords, g.axis_size)) return false;
  const std::size_t run = static_cast<std::size_t>(g.inner) * sizeof(T);
  for (int64_t b = 0; b < g.batch; ++b) {
    const I* pos = positions + b * g.coords;
    for (int64_t o = 0; o < g.outer; ++o) {
      const T* block = in + (b * g.outer + o) * g.axis_size * g.inner;
      for (int64_t c = 0; c < g.coords; ++c, out += g.inner)
        std::memcpy(out, block + static_cast<int64_t>(pos[c]) * g.inner, run);
    }
  }
  return true;
}

template <typename T, typename I>
bool gather_nd(const GatherNdGeometry& g, const T* in, const I* indices, T* out) {
  for (int64_t k = 0; k < g.slices * g.depth; ++k) {
    const I v = indices[k];
    if (v < 0 || v >= g.dims[k % g.depth]) return false;
  }
  const std::size_t run = static_cast<std::size_t>(g.slice) * sizeof(T);
  for (int64_t s = 0; s < g.slices; ++s, out += g.slice) {
    int64_t from = 0;
    for (int32_t j = 0; j < g.depth; ++j) from += static_cast<int64_t>(indices[s * g.depth + j]) * g.strides[j];
    std::memcpy(out, in + from, run);
  }
  return true;
}

template <typename T>
bool embedding_lookup(const EmbeddingGeometry& g, const int32_t* ids, const T* table, T* out) {
  if (!all_below(ids, g.ids, g.rows)) return false;
  const std::size_t run = static_cast<std::size_t>(g.columns) * sizeof(T);
  for (int32_t i = 0; i < g.ids; ++i, out += g.columns) std::memcpy(out, table + int64_t{ids[i]} * g.columns, run);
  return true;
}

// The int8 table's rows dequantized (zero point 0) as TFLite does: q * scale.
inline bool embedding_lookup_hybrid(const EmbeddingGeometry& g, const int32_t* ids, const int8_t* table, float* out) {
  if (!all_below(ids, g.ids, g.rows)) return false;
  for (int32_t i = 0; i < g.ids; ++i) {
    const int8_t* row = table + int64_t{ids[i]} * g.columns;
    const float scale = g.scales[g.per_row ? ids[i] : 0];
    for (int64_t c = 0; c < g.columns; ++c) *out++ = static_cast<float>(row[c]) * scale;
  }
  return true;
}

// Start indices are clamped into [0, dim - update_dim] (TFLite's rule), so
// no start is ever out of range.
template <typename T, typename I>
void dynamic_update_slice(const UpdateSliceGeometry& g, const T* operand, const T* update, const I* start, T* out) {
  int64_t total = 1, update_total = 1;
  for (int32_t d = 0; d < g.rank; ++d) {
    total *= g.dims[d];
    update_total *= g.update_dims[d];
  }
  if (operand != out) std::memcpy(out, operand, static_cast<std::size_t>(total) * sizeof(T));
  if (update_total == 0) return;
  if (g.rank == 0) {  // a scalar: the update replaces it
    *out = *update;
    return;
  }
  int64_t strides[kMaxRank];
  int64_t stride = 1;
  int64_t offset = 0;
  for (int32_t d = g.rank - 1; d >= 0; --d) {
    strides[d] = stride;
    int64_t s = start[d];
    const int64_t high = int64_t{g.dims[d]} - g.update_dims[d];
    s = s < 0 ? 0 : (s > high ? high : s);
    offset += s * stride;
    stride *= g.dims[d];
  }
  const int32_t last = g.rank - 1;
  const int32_t n = g.update_dims[last];
  int32_t index[kMaxRank] = {0};
  T* row = out + offset;
  for (;;) {
    std::memcpy(row, update, static_cast<std::size_t>(n) * sizeof(T));
    update += n;
    int32_t d = last - 1;
    for (; d >= 0; --d) {
      row += strides[d];
      if (++index[d] < g.update_dims[d]) break;
      row -= strides[d] * g.update_dims[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

// Right-aligned broadcast of two shapes; false when a pair of dimensions is
// neither equal nor 1 (the op then clears the output).
template <typename T>
bool broadcast_args(const BroadcastArgsGeometry& g, const T* a, const T* b, T* out) {
  for (int32_t i = 0; i < g.count; ++i) {
    const int32_t ia = g.a_count - g.count + i, ib = g.b_count - g.count + i;
    const T x = ia >= 0 ? a[ia] : T{1};
    const T y = ib >= 0 ? b[ib] : T{1};
    if (x != y && x != 1 && y != 1) return false;
    out[i] = x == 1 ? y : x;
  }
  return true;
}

// BROADCAST_TO, DEPTH_TO_SPACE and SPACE_TO_DEPTH are strided views of their
// input (stride 0 along broadcast dimensions): the move ops' walk per type.
template <typename T>
void strided_view(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<T>(p, static_cast<const T*>(input), static_cast<T*>(output));
}

}  // namespace index
}  // namespace tinyinfer::kernels
