// Op and kernel lookup over the image's kernel table, and the prepare-time
// services every op uses (errors that name the node, persistent memory).
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "runtime/node.h"

namespace tinyinfer {

namespace {

const char* signature_type_name(DataType type) {
  if (type == kAnyType) return "any";
  if (type == kAbsent) return "none";
  return data_type_name(type);
}

bool type_accepts(DataType kernel, DataType node) { return kernel == kAnyType || node == kAbsent || kernel == node; }

}  // namespace

bool TypeSignature::accepts(const TypeSignature& node) const {
  if (input_count != node.input_count || !type_accepts(output, node.output)) return false;
  for (int i = 0; i < input_count; ++i)
    if (!type_accepts(inputs[i], node.inputs[i])) return false;
  return true;
}

void TypeSignature::format(char* buffer, std::size_t size) const {
  if (size == 0) return;
  buffer[0] = '\0';
  std::size_t used = 0;
  auto append = [&](const char* text) {
    if (used + 1 >= size) return;
    const int n = std::snprintf(buffer + used, size - used, "%s", text);
    if (n > 0) used = used + static_cast<std::size_t>(n) < size ? used + n : size - 1;
  };
  for (int i = 0; i < input_count; ++i) {
    if (i > 0) append(" x ");
    append(signature_type_name(inputs[i]));
  }
  append(" -> ");
  append(signature_type_name(output));
}

// The first linked kernel for which `match` holds, in table order.
template <typename Match>
const OpKernel* first_kernel(Match match) {
  const KernelTable& table = linked_kernels();
  for (int32_t l = 0; l < table.count; ++l) {
    const KernelList& list = *table.lists[l];
    for (int32_t i = 0; i < list.count; ++i)
      if (match(list.entries[i])) return &list.entries[i];
  }
  return nullptr;
}

const OpRegistration* find_op(int32_t builtin_code) {
  const OpKernel* k = first_kernel([&](const OpKernel& e) { return e.op->builtin_code == builtin_code; });
  return k != nullptr ? k->op : nullptr;
}

const char* kernel_target_name(KernelTarget target) {
  switch (target) {
    case KernelTarget::kPortable:
      return "portable";
    case KernelTarget::kCortexM7:
      return "cortex-m7";
    case KernelTarget::kHostSimd:
      return "host-simd";
  }
  return "?";
}

const TargetOrder& this_build_target_order() {
  static constexpr KernelTarget kOrder[] = {KernelTarget::kHostSimd, KernelTarget::kCortexM7};
  static constexpr TargetOrder order = {kOrder, 2};
  return order;
}

const TargetOrder& cortex_m7_target_order() {
  static constexpr KernelTarget kOrder[] = {KernelTarget::kCortexM7};
  static constexpr TargetOrder order = {kOrder, 1};
  return order;
}

const OpKernel* select_kernel(const OpRegistration& op, KernelChoice set, const TypeSignature& node_types,
                              const TargetOrder& order) {
  auto find = [&](KernelChoice wanted_set, KernelTarget target) {
    return first_kernel([&](const OpKernel& e) {
      return e.op == &op && e.set == wanted_set && e.target == target && e.types.accepts(node_types);
    });
  };
  if (set == KernelChoice::kOptimized) {
    for (int32_t t = 0; t < order.count; ++t)
      if (const OpKernel* k = find(KernelChoice::kOptimized, order.targets[t])) return k;
  }
  return find(KernelChoice::kReference, KernelTarget::kPortable);
}

const OpKernel* select_kernel(const OpRegistration& op, KernelChoice set, const TypeSignature& node_types) {
  return select_kernel(op, set, node_types, this_build_target_order());
}

Status PrepareContext::use_kernel(const TypeSignature& node_types) {
  node_.kernel = select_kernel(op_, kernel_set_, node_types);
  if (node_.kernel != nullptr) return Status::ok();
  char wanted[80];
  node_types.format(wanted, sizeof(wanted));
  // The signatures this image can run, so the message says what would work.
  char have[96] = "";
  std::size_t used = 0;
  first_kernel([&](const OpKernel& k) {
    if (k.op != &op_ || k.set != KernelChoice::kReference) return false;
    char one[64];
    k.types.format(one, sizeof(one));
    const int n = std::snprintf(have + used, sizeof(have) - used, "%s%s", used > 0 ? "; " : "", one);
    used = n < 0 ? sizeof(have) : used + static_cast<std::size_t>(n);
    return used + 1 >= sizeof(have);  // full: stop
  });
  return error(StatusCode::kUnsupported, "types %s not supported (%s)", wanted,
               used > 0 ? have : "no kernel of this op is linked");
}

const char* PrepareContext::op_name() const { return op_.name; }

void* PrepareContext::allocate_persistent(std::size_t bytes) {
  const std::size_t size = (bytes + 15) / 16 * 16;
  if (size > static_cast<std::size_t>(*top_ - floor_)) return nullptr;
  *top_ -= size;
  return *top_;
}

Status PrepareContext::arena_exhausted() const {
  return error(StatusCode::kArenaTooSmall, "arena too small for the op's prepared data");
}

Status PrepareContext::error(StatusCode code, const char* format, ...) const {
  char detail[Status::kMaxMessage];
  va_list args;
  va_start(args, format);
  std::vsnprintf(detail, sizeof(detail), format, args);
  va_end(args);
  return Status::error(code, "op %d (%s): %s", op_index_, op_name(), detail);
}

}  // namespace tinyinfer
