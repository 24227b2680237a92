#include "ops/common/q16_binary.h"

#include "runtime/node.h"

namespace tinyinfer {

Status require_quantized_binary_operands(const PrepareContext& ctx, bool zero_point_zero) {
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, ctx.input(0), "input 1", zero_point_zero));
  TI_RETURN_IF_ERROR(require_binary_quantized(ctx, ctx.input(1), "input 2", zero_point_zero));
  return require_binary_quantized(ctx, ctx.output(0), "output", zero_point_zero);
}

}  // namespace tinyinfer
