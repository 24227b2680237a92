// ADD_N: the elementwise sum of two or more tensors of one shape.
#pragma once

#include <cstdint>

#include "ops/common/reduce_rescale.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kAddNOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

struct AddNParams {
  int64_t elements = 0;
  int32_t inputs = 0;
  SumRescale rescale;  // int8 only (every input shares one quantization)
};

using AddNFn = void (*)(const AddNParams& p, const void* const* inputs, void* output);

namespace reduce {

// out[e] = scale_out(add(...add(start, scale_in(in_0[e]))..., scale_in(in_n-1[e]))).
template <typename T, typename Acc, typename Add, typename In, typename Out>
void add_n(const AddNParams& p, const void* const* inputs, T* out, Acc start, Add add, In scale_in, Out scale_out) {
  for (int64_t e = 0; e < p.elements; ++e) {
    Acc acc = start;
    for (int32_t j = 0; j < p.inputs; ++j) acc = add(acc, scale_in(static_cast<const T*>(inputs[j])[e]));
    out[e] = scale_out(acc);
  }
}

}  // namespace reduce

namespace reference {
void add_n_float32(const AddNParams& p, const void* const* inputs, void* output);
void add_n_int8(const AddNParams& p, const void* const* inputs, void* output);
void add_n_int32(const AddNParams& p, const void* const* inputs, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
