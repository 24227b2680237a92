// Working memory for the optimized kernels under differential test: exactly
// the bytes the kernel set's size function asks for (kernels.h, "Scratch"),
// filled with garbage (a kernel must not rely on its scratch being zero) and
// followed by a guard the kernel must leave alone - so a size function that
// under-counts fails the case. Static, heap-free: shared by the host unit
// tests and the QEMU firmware.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "kernels/kernels.h"

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

inline kernels::ScratchQuery scratch_query(kernels::KernelOp op, kernels::KernelType type,
                                           const kernels::Window& window, int32_t depth_multiplier,
                                           const kernels::Dims4& in, const kernels::Dims4& filter,
                                           const kernels::Dims4& out) {
  kernels::ScratchQuery q;
  q.op = op;
  q.type = type;
  q.window = window;
  q.depth_multiplier = depth_multiplier;
  q.in = in;
  q.filter = filter;
  q.out = out;
  return q;
}

// Scratch for the optimized kernel of this geometry, from the optimized set's
// own size function (what the interpreter plans in the arena).
inline void* optimized_work(const kernels::ScratchQuery& q) {
  return kernel_work().prepare(kernels::optimized_kernels().scratch_bytes(q));
}

}  // namespace tinyinfer::diff
