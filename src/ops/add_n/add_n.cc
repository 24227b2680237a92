// ADD_N (TFLite op version 1): two or more inputs of one shape and type, the
// output of the same; int8 inputs share one scale and zero point and are
// rescaled as TFLite's (reduce_rescale.h). The table of input pointers the
// kernel reads lives in the op's scratch (filled at each invoke).
#include "ops/add_n/add_n.h"

#include "ops/common/move_params.h"
#include "ops/common/op_params.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_add_n(PrepareContext& ctx) {
  const int32_t n = ctx.input_count();
  if (n < 2 || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects at least 2 inputs and 1 output");
  for (int32_t i = 0; i < n; ++i)
    if (!ctx.has_input(i)) return ctx.error(StatusCode::kInvalidModel, "input %d is absent", static_cast<int>(i));
  const Tensor first = ctx.input(0);
  const Tensor output = ctx.output(0);
  for (int32_t i = 1; i < n; ++i) {
    const Tensor in = ctx.input(i);
    if (in.type != first.type)
      return ctx.error(StatusCode::kInvalidModel, "input %d is %s, input 0 is %s", static_cast<int>(i),
                       data_type_name(in.type), data_type_name(first.type));
    if (in.shape != first.shape)
      return ctx.error(StatusCode::kInvalidModel, "input %d's shape differs from input 0's", static_cast<int>(i));
    if (in.type == DataType::kInt8 &&
        (in.quant.scale() != first.quant.scale() || in.quant.zero_point() != first.quant.zero_point()))
      return ctx.error(StatusCode::kUnsupported, "input %d's quantization differs from input 0's (TFLite requires one)",
                       static_cast<int>(i));
  }
  TI_RETURN_IF_ERROR(move_check_shape(ctx, output, first.shape, "output"));
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({first.type}, output.type)));
  auto* p = ctx.allocate_persistent_array<kernels::AddNParams>(1);
  if (p == nullptr) return ctx.arena_exhausted();
  *p = kernels::AddNParams();
  p->elements = first.shape.elements();
  p->inputs = n;
  if (first.type == DataType::kInt8) TI_RETURN_IF_ERROR(prepare_sum_rescale(ctx, first, output, &p->rescale));
  ctx.request_scratch(sizeof(const void*) * static_cast<std::size_t>(n));
  ctx.node().op_data = p;
  return Status::ok();
}

void eval_add_n(const EvalContext& ctx) {
  const auto* p = ctx.data<kernels::AddNParams>();
  auto** inputs = static_cast<const void**>(ctx.node.scratch);
  for (int32_t i = 0; i < p->inputs; ++i) inputs[i] = ctx.input(i).data;
  ctx.kernel<kernels::AddNFn>()(*p, inputs, ctx.output(0).data);
}

int64_t add_n_macs(const Node& node, const TensorSlot* tensors) {
  return tensors[node.outputs[0]].elements() * (node.input_count - 1);
}

void describe_add_n(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  describe_text(buffer, size, "%d inputs", static_cast<int>(node.input_count));
}

}  // namespace

const OpRegistration kAddNOp = {106, "ADD_N", 1, prepare_add_n, eval_add_n, add_n_macs, describe_add_n};

}  // namespace tinyinfer
