// For reference kernel entries: the reference kernels need no working memory,
// so they take the scratch argument of their op's kernel type and drop it.
#pragma once

#include "runtime/op_kernel.h"

namespace tinyinfer {

template <auto Kernel>
struct WithoutScratch;
template <typename... Args, void (*Kernel)(Args...)>
struct WithoutScratch<Kernel> {
  static void call(Args... args, void*) { Kernel(args...); }
};

}  // namespace tinyinfer
