#include "runtime/node.h"

#include <cstdarg>
#include <cstdio>

namespace tinyinfer {

const OpRegistration* find_op(int32_t builtin_code) {
  static const OpRegistration* const kOps[] = {
      &kConv2dOp, &kDepthwiseConv2dOp, &kFullyConnectedOp, &kMaxPool2dOp, &kAveragePool2dOp,
      &kAddOp,    &kSoftmaxOp,         &kReshapeOp,        &kQuantizeOp,  &kDequantizeOp,
  };
  for (const OpRegistration* op : kOps)
    if (op->builtin_code == builtin_code) return op;
  return nullptr;
}

const char* PrepareContext::op_name() const {
  return node_.registration ? node_.registration->name : op_code_name(info_.builtin_code);
}

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
