// Kernels shared by the reductions (MEAN, SUM, REDUCE_MAX, REDUCE_MIN,
// REDUCE_PROD, REDUCE_ALL, REDUCE_ANY): one walker over the input in
// row-major order that folds every element into its output slot, as
// TFLite's reference Reduce does; so float sums add in TFLite's order and
// round alike. The op's prepare (reduce_params.h) resolves the axes into the
// walker's geometry once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include "dsp/fixed_point.h"
#include "ops/common/kernel_types.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer::kernels {

// The input seen as `rank` dimensions (size-1 dimensions dropped, runs of
// reduced or of kept dimensions merged); out_strides[d] is the output step
// of dimension d, 0 where it is reduced.
struct ReduceParams {
  int32_t rank = 1;
  int32_t dims[kMaxRank] = {1};
  int64_t out_strides[kMaxRank] = {0};
  int64_t outputs = 1;  // output elements
  int64_t count = 1;    // input elements folded into each output
  bool empty = false;   // the input has no elements: outputs keep their start value
  // Quantized MEAN / SUM (TFLite's QuantizedMeanOrSum): out =
  //   clamp(MBQM(sum(q) - input_zero_point * count, multiplier, shift) + output_zero_point)
  // with the mean's 1/count already folded into multiplier and shift.
  int32_t input_zero_point = 0;
  int32_t output_zero_point = 0;
  int32_t multiplier = 0;
  int32_t shift = 0;
};

// Every reduction kernel: input and output of the node's types; scratch
// holds the int32 sums of the quantized MEAN / SUM (reduce_sum_bytes).
using ReduceFn = void (*)(const ReduceParams& p, const void* input, void* output, void* scratch);

// Scratch of the quantized MEAN / SUM kernels: one int32 per output, the
// output count given as query.out.
inline std::size_t reduce_sum_bytes(const ScratchQuery& query) {
  return ScratchCarver::bytes_of<int32_t>(static_cast<std::size_t>(query.out.elements()));
}

namespace reduce {

template <typename T>
void fill(T* out, int64_t n, T value) {
  for (int64_t i = 0; i < n; ++i) out[i] = value;
}

// acc[o] = step(acc[o], in[i]) for every input element i in row-major order,
// o its output slot. The innermost dimension is either reduced (one slot) or
// kept (output step 1: it is the output's innermost dimension too).
template <typename In, typename Acc, typename Step>
void walk(const ReduceParams& p, const In* in, Acc* acc, Step step) {
  if (p.empty) return;
  const int32_t last = p.rank - 1;
  const int32_t n = p.dims[last];
  const bool reduced = p.out_strides[last] == 0;
  int32_t index[kMaxRank] = {0};
  Acc* row = acc;
  for (;;) {
    if (reduced) {
      Acc a = *row;
      for (int32_t j = 0; j < n; ++j) a = step(a, in[j]);
      *row = a;
    } else {
      for (int32_t j = 0; j < n; ++j) row[j] = step(row[j], in[j]);
    }
    in += n;
    int32_t d = last - 1;
    for (; d >= 0; --d) {
      row += p.out_strides[d];
      if (++index[d] < p.dims[d]) break;
      row -= p.out_strides[d] * p.dims[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

// out = fold of `step` from `init` over each output's elements.
template <typename T, typename Step>
void fold(const ReduceParams& p, const T* in, T* out, T init, Step step) {
  fill(out, p.outputs, init);
  walk(p, in, out, step);
}

// out = the int32 sums of a quantized MEAN / SUM requantized to T (the
// per-output half of quantized_mean_or_sum, shared with the optimized
// kernels that compute the sums their own way).
template <typename T>
void requantize_sums(const ReduceParams& p, const int32_t* sums, T* out) {
  // sum - zero_point * count, kept to its low 32 bits as TFLite's cast does.
  const auto offset = static_cast<uint32_t>(static_cast<uint64_t>(int64_t{p.input_zero_point} * p.count));
  for (int64_t o = 0; o < p.outputs; ++o) {
    const auto shifted = static_cast<int32_t>(static_cast<uint32_t>(sums[o]) - offset);
    const int32_t scaled = quant::multiply_by_quantized_multiplier(shifted, p.multiplier, p.shift);
    auto v = static_cast<int32_t>(static_cast<uint32_t>(scaled) + static_cast<uint32_t>(p.output_zero_point));
    v = v < std::numeric_limits<T>::min() ? std::numeric_limits<T>::min() : v;
    v = v > std::numeric_limits<T>::max() ? std::numeric_limits<T>::max() : v;
    out[o] = static_cast<T>(v);
  }
}

// The int32 sums of a quantized MEAN / SUM (wrapping on overflow as TFLite
// does), requantized to T. An empty input gives zeros, as in TFLite.
template <typename T>
void quantized_mean_or_sum(const ReduceParams& p, const T* in, T* out, int32_t* sums) {
  if (p.empty) {
    fill(out, p.outputs, T(0));
    return;
  }
  fill(sums, p.outputs, int32_t{0});
  walk(p, in, sums, [](int32_t a, T q) {
    return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(static_cast<int32_t>(q)));
  });
  requantize_sums(p, sums, out);
}

}  // namespace reduce
}  // namespace tinyinfer::kernels
