// Registered kernels: each op's kernels are data, keyed by the op, the kernel
// set they belong to and their full type signature, so that adding a kernel
// or an op never edits a positional table. At prepare an op builds its node's
// signature and select_kernel() picks the kernel: in the optimized set the
// variant for the best target the image runs on (KernelTarget: host SIMD,
// then Cortex-M7), else the reference kernel (the fallback rule that
// `tinyinfer ops` prints); none at all is a clear error.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ops/common/kernel_types.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer {

struct OpRegistration;

// Short names for signatures: signature({kI8, kI8, kI32}, kI8).
constexpr DataType kF32 = DataType::kFloat32, kI8 = DataType::kInt8, kI16 = DataType::kInt16, kI32 = DataType::kInt32,
                   kI64 = DataType::kInt64, kBool = DataType::kBool;

// In a kernel's signature: matches any type. In a node's signature: an
// optional input that is absent (matches any kernel type).
constexpr DataType kAnyType = static_cast<DataType>(-1);
constexpr DataType kAbsent = static_cast<DataType>(-2);

// The tensor types a kernel is written for. Which tensors form the key is the
// op's choice, stated where it registers: the inputs in op order (conv: input,
// filter, bias; an LSTM would add its state), then the output.
struct TypeSignature {
  static constexpr int kMaxInputs = 4;
  DataType inputs[kMaxInputs] = {kAbsent, kAbsent, kAbsent, kAbsent};
  int8_t input_count = 0;
  DataType output = kAbsent;

  // A node's signature against a kernel's (this one).
  bool accepts(const TypeSignature& node) const;
  // "int8 x int8 x int32 -> int8".
  void format(char* buffer, std::size_t size) const;
};

// Builds a signature: signature({kInt8, kInt8, kInt32}, kInt8).
template <int N>
constexpr TypeSignature signature(const DataType (&inputs)[N], DataType output) {
  static_assert(N <= TypeSignature::kMaxInputs, "too many key inputs");
  TypeSignature s;
  for (int i = 0; i < N; ++i) s.inputs[i] = inputs[i];
  s.input_count = N;
  s.output = output;
  return s;
}

// A kernel function kept in a constant object, so that the kernel tables
// are constant-initialized: they stay in flash with no start-up code, and the
// linker drops every kernel no table entry reaches. Its op reads it back with
// kernel_function<Fn>().
template <typename Fn>
struct KernelFunction {
  Fn function;
};
template <typename Fn, Fn kFunction>
inline constexpr KernelFunction<Fn> kKernelFunction{kFunction};
// For OpKernel::function: kernel_entry<kernels::Conv2dInt8Fn, kernels::cortex_m7::conv2d_int8>().
template <typename Fn, Fn kFunction>
constexpr const void* kernel_entry() {
  return &kKernelFunction<Fn, kFunction>;
}

// The machine a kernel is written for, stated per kernel so that selection
// never depends on the order of the kernel table.
enum class KernelTarget : uint8_t {
  kPortable,  // plain C++, any machine: the reference kernels
  kCortexM7,  // ARMv7E-M DSP / FPv5 (src/ops/<op>/cortex_m7/; on the host through portable twins of the instructions)
  kHostSimd,  // the host's vector units, chosen at run time (src/ops/<op>/host/, Highway); host builds only
};
const char* kernel_target_name(KernelTarget target);  // "portable", "cortex-m7", "host-simd"

// The targets whose optimized variants an image may run, best first; the
// reference kernel (kPortable) closes every order.
struct TargetOrder {
  const KernelTarget* targets;
  int32_t count;
};
// This build: host SIMD (linked in host builds with Highway only), then Cortex-M7.
const TargetOrder& this_build_target_order();
// An optimized Cortex-M7 image: its variants only (what `tinyinfer ops` prints for the chip).
const TargetOrder& cortex_m7_target_order();

struct OpKernel {
  const OpRegistration* op;
  const char* name;  // "conv_2d_int8_cortex_m7" = its list's name: what `tinyinfer ops` prints
  KernelChoice set;  // the kernel set it belongs to
  TypeSignature types;
  const void* function;                   // a KernelFunction of its op's kernel type: see kernel_function()
  kernels::ScratchBytesFn scratch_bytes;  // its working memory for a geometry; null: none
  // Default: a reference kernel is portable, an optimized one a Cortex-M7
  // variant (the only kind registered before host variants); host variants
  // state kHostSimd.
  KernelTarget target = set == KernelChoice::kReference ? KernelTarget::kPortable : KernelTarget::kCortexM7;
};

// The kernel's function as the type its op calls; Fn must be the type it was
// registered with (the op's signature guarantees it).
template <typename Fn>
Fn kernel_function(const OpKernel& kernel) {
  return static_cast<const KernelFunction<Fn>*>(kernel.function)->function;
}

// A group of kernels, as one file registers them.
struct KernelList {
  const OpKernel* entries;
  int32_t count;
};

// Registers a kernel file's entries as the list kernels_<name>, at namespace
// tinyinfer scope. The build generates each image's kernel table from these
// lines (cmake/kernel_table.cmake), so a new kernel file needs no other edit.
#define TINYINFER_KERNEL_LIST(name, ...)                              \
  namespace {                                                         \
  constexpr OpKernel kernels_##name##_entries[] = {__VA_ARGS__};      \
  }                                                                   \
  extern const KernelList kernels_##name = {kernels_##name##_entries, \
                                            static_cast<int32_t>(sizeof(kernels_##name##_entries) / sizeof(OpKernel))}
// Every kernel list linked into this image (the generated kernel table).
struct KernelTable {
  const KernelList* const* lists;
  int32_t count;
};
const KernelTable& linked_kernels();

// The op registered for a builtin code, null when the image has none.
const OpRegistration* find_op(int32_t builtin_code);

// The kernel that runs `op` for a node of signature `node_types` in kernel
// set `set`: in the optimized set the variant of the first target in `order`
// that has one, else the reference kernel; null when none is registered.
const OpKernel* select_kernel(const OpRegistration& op, KernelChoice set, const TypeSignature& node_types,
                              const TargetOrder& order);
// The same for this build (this_build_target_order()).
const OpKernel* select_kernel(const OpRegistration& op, KernelChoice set, const TypeSignature& node_types);

}  // namespace tinyinfer
