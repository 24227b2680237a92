// The optimized kernels under differential test, taken from the kernel
// registry exactly as the interpreter chooses them (runtime/op_kernel.h: op,
// kernel set, type signature), so the wiring is tested with the kernels. And
// their working memory: exactly the bytes the registered kernel's size
// function asks for (kernels.h, "Scratch"),
// filled with garbage (a kernel must not rely on its scratch being zero) and
// followed by a guard the kernel must leave alone - so a size function that
// under-counts fails the case. Static, heap-free: shared by the host unit
// tests and the QEMU firmware.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/add/add.h"
#include "ops/average_pool_2d/average_pool_2d.h"
#include "ops/common/kernel_types.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "ops/fully_connected/fully_connected.h"
#include "ops/max_pool_2d/max_pool_2d.h"
#include "runtime/node.h"

namespace tinyinfer::diff {

constexpr std::size_t kMaxKernelWork = 192 * 1024;
constexpr std::size_t kKernelWorkGuard = 64;
constexpr uint8_t kWorkFill = 0x5A, kGuardFill = 0xA5;

struct KernelWork {
  alignas(16) uint8_t bytes[kMaxKernelWork + kKernelWorkGuard];
  std::size_t size = 0;

  // The scratch for a call needing `size` bytes; null if beyond the buffer.
  void* prepare(std::size_t bytes_needed) {
    if (bytes_needed > kMaxKernelWork) return nullptr;
    size = bytes_needed;
    std::memset(bytes, kWorkFill, size);
    std::memset(bytes + size, kGuardFill, kKernelWorkGuard);
    return bytes;
  }
  bool guard_intact() const {
    for (std::size_t i = 0; i < kKernelWorkGuard; ++i)
      if (bytes[size + i] != kGuardFill) return false;
    return true;
  }
};

inline KernelWork& kernel_work() {
  static KernelWork work;
  return work;
}

// A registered kernel: its op and the node type signature that selects it.
struct KernelUnderTest {
  const OpRegistration* op;
  TypeSignature types;
};
constexpr DataType kF32 = DataType::kFloat32, kI8 = DataType::kInt8, kI32 = DataType::kInt32;
constexpr KernelUnderTest kConv2dFloat{&kConv2dOp, signature({kF32, kF32, kF32}, kF32)};
constexpr KernelUnderTest kConv2dHybrid{&kConv2dOp, signature({kF32, kI8, kF32}, kF32)};
constexpr KernelUnderTest kConv2dInt8{&kConv2dOp, signature({kI8, kI8, kI32}, kI8)};
constexpr KernelUnderTest kDepthwiseFloat{&kDepthwiseConv2dOp, signature({kF32, kF32, kF32}, kF32)};
constexpr KernelUnderTest kDepthwiseHybrid{&kDepthwiseConv2dOp, signature({kF32, kI8, kF32}, kF32)};
constexpr KernelUnderTest kDepthwiseInt8{&kDepthwiseConv2dOp, signature({kI8, kI8, kI32}, kI8)};
constexpr KernelUnderTest kFullyConnectedFloat{&kFullyConnectedOp, signature({kF32, kF32, kF32}, kF32)};
constexpr KernelUnderTest kFullyConnectedHybrid{&kFullyConnectedOp, signature({kF32, kI8, kF32}, kF32)};
constexpr KernelUnderTest kFullyConnectedInt8{&kFullyConnectedOp, signature({kI8, kI8, kI32}, kI8)};
constexpr KernelUnderTest kMaxPoolFloat{&kMaxPool2dOp, signature({kF32}, kF32)};
constexpr KernelUnderTest kMaxPoolInt8{&kMaxPool2dOp, signature({kI8}, kI8)};
constexpr KernelUnderTest kAveragePoolInt8{&kAveragePool2dOp, signature({kI8}, kI8)};
constexpr KernelUnderTest kAddInt8{&kAddOp, signature({kI8, kI8}, kI8)};

// The kernel an optimized Cortex-M7 image runs for k (on the host too, where
// a host SIMD variant would win); null unless it is an optimized variant (a
// reference fallback would make the diff compare the reference with itself).
inline const OpKernel* optimized_kernel(const KernelUnderTest& k) {
  const OpKernel* kernel = select_kernel(*k.op, KernelChoice::kOptimized, k.types, cortex_m7_target_order());
  return kernel != nullptr && kernel->set == KernelChoice::kOptimized ? kernel : nullptr;
}

// The optimized variant's function. Precondition: optimized_kernel(k) is not
// null (the tests check every kernel under test first).
template <typename Fn>
Fn optimized(const KernelUnderTest& k) {
  return kernel_function<Fn>(*optimized_kernel(k));
}

inline kernels::ScratchQuery scratch_query(const kernels::Window& window, int32_t depth_multiplier,
                                           const kernels::Dims4& in, const kernels::Dims4& filter,
                                           const kernels::Dims4& out) {
  kernels::ScratchQuery q;
  q.window = window;
  q.depth_multiplier = depth_multiplier;
  q.in = in;
  q.filter = filter;
  q.out = out;
  return q;
}

// Scratch for the optimized kernel of this geometry, from the registered
// kernel's own size function (what the interpreter plans in the arena).
inline void* optimized_work(const KernelUnderTest& k, const kernels::ScratchQuery& q) {
  const OpKernel* kernel = optimized_kernel(k);
  return kernel_work().prepare(kernel != nullptr && kernel->scratch_bytes != nullptr ? kernel->scratch_bytes(q) : 0);
}

}  // namespace tinyinfer::diff
