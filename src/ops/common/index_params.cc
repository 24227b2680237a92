#include "ops/common/index_params.h"

#include <cstring>

#include "ops/common/op_params.h"

namespace tinyinfer {

Status index_check_io(const PrepareContext& ctx, int32_t count, const char* roles) {
  bool ok = ctx.input_count() == count && ctx.output_count() == 1;
  for (int32_t i = 0; ok && i < count; ++i) ok = ctx.has_input(i);
  if (!ok)
    return ctx.error(StatusCode::kInvalidModel, "expects %d inputs (%s) and 1 output", static_cast<int>(count), roles);
  return Status::ok();
}

Status index_check_index_type(const PrepareContext& ctx, const Tensor& t, const char* role) {
  if (t.type == DataType::kInt32 || t.type == DataType::kInt64) return Status::ok();
  return ctx.error(StatusCode::kUnsupported, "%s of type %s not supported (int32, int64)", role,
                   data_type_name(t.type));
}

void index_fail(const EvalContext& ctx, const char* why) {
  const TensorSlot& out = ctx.output(0);
  std::memset(out.data, 0, out.bytes());
  ctx.fail(why);
}

}  // namespace tinyinfer
