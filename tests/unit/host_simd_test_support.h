// Shared by the host SIMD differential tests (tests/unit/host_simd_*_test.cc):
// the variant the optimized set picks and the reference it is checked
// against, taken from the kernel table; float bit patterns; shape text.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

#include "ops/common/binary_kernels.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::host_simd_test {

// The host SIMD variant linked for op and types, null without one (a build
// without Highway).
inline const OpKernel* host_variant(const OpRegistration& op, const TypeSignature& types) {
  const OpKernel* k = select_kernel(op, KernelChoice::kOptimized, types);
  return k != nullptr && k->target == KernelTarget::kHostSimd ? k : nullptr;
}

// The reference kernel of op and types as Fn, null without one.
template <typename Fn>
Fn reference_function(const OpRegistration& op, const TypeSignature& types) {
  const OpKernel* k = select_kernel(op, KernelChoice::kReference, types);
  return k != nullptr ? kernel_function<Fn>(*k) : nullptr;
}

inline float from_bits(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

inline uint32_t bits_of(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}

inline int64_t elements(const int32_t* dims, int32_t rank) {
  int64_t n = 1;
  for (int32_t d = 0; d < rank; ++d) n *= dims[d];
  return n;
}

// "[2,3] x [1,3] -> [2,3]"
inline std::string shape_text(const kernels::BroadcastShape& s) {
  auto dims = [&](const int32_t* d) {
    std::string t = "[";
    for (int32_t i = 0; i < s.rank; ++i) t += (i ? "," : "") + std::to_string(d[i]);
    return t + "]";
  };
  return dims(s.in1) + " x " + dims(s.in2) + " -> " + dims(s.out);
}

}  // namespace tinyinfer::host_simd_test
