// BATCH_MATMUL (TFLite op versions 1-4; the hybrid int8 form is refused by
// its type signature): output[..., i, j] = sum_k lhs[..., i, k] * rhs[..., k, j],
// adj_x / adj_y reading lhs / rhs with their two last dimensions swapped, the
// leading (batch) dimensions broadcast as TFLite does (ranks 2 to 5). Inputs
// constant or not: the kernels read them in place, no transposed copies.
#include "ops/batch_matmul/batch_matmul.h"

#include <cstdio>

#include "dsp/fixed_point.h"
#include "ops/common/op_params.h"

namespace tinyinfer {
namespace {

namespace fb = format::fb;

struct BatchMatMulData {
  kernels::MatMulGeometry geometry;
  kernels::MatMulQuant quant;
};

constexpr int32_t kMaxMatMulRank = 5;

// Per-tensor requantization (TFLite's: the float product of the input
// scales over the output scale), the output's whole range as the clamp.
Status prepare_matmul_quant(PrepareContext& ctx, const Tensor& lhs, const Tensor& rhs, const Tensor& output,
                            kernels::MatMulQuant* q) {
  const bool int16 = lhs.type == DataType::kInt16;
  const Tensor* tensors[] = {&lhs, &rhs, &output};
  const char* const roles[] = {"lhs", "rhs", "output"};
  for (int32_t i = 0; i < 3; ++i) {
    const Tensor& t = *tensors[i];
    if (!t.quant.is_quantized() || !(t.quant.scale() > 0.0f))
      return ctx.error(StatusCode::kInvalidModel, "%s '%s' has no positive quantization scale", roles[i], t.name);
    if (t.quant.per_channel())
      return ctx.error(StatusCode::kUnsupported, "%s '%s' must be quantized per tensor", roles[i], t.name);
    const int32_t zp = t.quant.zero_point();
    if (int16 ? zp != 0 : (zp < -128 || zp > 127))
      return ctx.error(StatusCode::kUnsupported, "%s '%s' zero point %d (int16 needs 0, int8 [-128, 127])", roles[i],
                       t.name, zp);
  }
  const float product = lhs.quant.scale() * rhs.quant.scale();
  int32_t multiplier = 0;
  int shift = 0;
  quant::quantize_multiplier(static_cast<double>(product) / static_cast<double>(output.quant.scale()), &multiplier,
                             &shift);
  // The 64-bit rescale takes left shifts up to 7, the 32-bit one (which may
  // wrap like TFLite's) up to 30.
  if (shift > (int16 ? 7 : 30))
    return ctx.error(StatusCode::kUnsupported, "lhs x rhs scale is %g times the output scale",
                     static_cast<double>(product) / static_cast<double>(output.quant.scale()));
  q->multiplier = multiplier;
  q->shift = shift;
  q->lhs_offset = -lhs.quant.zero_point();
  q->rhs_offset = -rhs.quant.zero_point();
  q->output_offset = output.quant.zero_point();
  q->act_min = int16 ? INT16_MIN : INT8_MIN;
  q->act_max = int16 ? INT16_MAX : INT8_MAX;
  return Status::ok();
}

// Shape of `t` padded with leading 1s to rank 5.
void extend_to_5(const Shape& s, int32_t* dims) {
  const int32_t pad = kMaxMatMulRank - s.rank;
  for (int32_t i = 0; i < kMaxMatMulRank; ++i) dims[i] = i < pad ? 1 : s.dims[i - pad];
}

Status prepare_batch_matmul(PrepareContext& ctx) {
  if (ctx.input_count() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.output_count() != 1)
    return ctx.error(StatusCode::kInvalidModel, "expects 2 inputs (lhs, rhs) and 1 output");
  const Tensor lhs = ctx.input(0);
  const Tensor rhs = ctx.input(1);
  const Tensor output = ctx.output(0);
  const auto* opt = format::options_as<fb::BatchMatMulOptions>(ctx.info(), fb::BuiltinOptions::BatchMatMulOptions);
  const bool adj_x = opt != nullptr && opt->adj_x();
  const bool adj_y = opt != nullptr && opt->adj_y();
  for (const Tensor* t : {&lhs, &rhs})
    if (t->shape.rank < 2 || t->shape.rank > kMaxMatMulRank)
      return ctx.error(StatusCode::kUnsupported, "input '%s' has rank %d (2 to 5 supported)", t->name, t->shape.rank);
  TI_RETURN_IF_ERROR(ctx.use_kernel(signature({lhs.type, rhs.type}, output.type)));

  int32_t l[kMaxMatMulRank], r[kMaxMatMulRank];
  extend_to_5(lhs.shape, l);
  extend_to_5(rhs.shape, r);
  auto* data = ctx.allocate_persistent_array<BatchMatMulData>(1);
  if (data == nullptr) return ctx.arena_exhausted();
  *data = BatchMatMulData();
  kernels::MatMulGeometry& g = data->geometry;
  g.adj_x = adj_x;
  g.adj_y = adj_y;
  g.rows = adj_x ? l[4] : l[3];
  g.depth = adj_x ? l[3] : l[4];
  g.cols = adj_y ? r[3] : r[4];
  const int32_t rhs_depth = adj_y ? r[4] : r[3];
  if (rhs_depth != g.depth)
    return ctx.error(StatusCode::kInvalidModel, "lhs sums over %d elements, rhs over %d", g.depth, rhs_depth);
  // Output shape: the broadcast batch dimensions, then rows x cols.
  const int32_t out_rank = lhs.shape.rank > rhs.shape.rank ? lhs.shape.rank : rhs.shape.rank;
  Shape want;
  want.rank = out_rank;
  int64_t lhs_step = int64_t{l[3]} * l[4], rhs_step = int64_t{r[3]} * r[4];
  for (int32_t i = 2; i >= 0; --i) {  // strides of the three batch dimensions, innermost first
    if (l[i] != r[i] && l[i] != 1 && r[i] != 1)
      return ctx.error(StatusCode::kInvalidModel, "batch dimensions %d and %d do not broadcast", l[i], r[i]);
    g.batch[i] = l[i] == 1 ? r[i] : l[i];
    g.lhs_stride[i] = l[i] == 1 ? 0 : lhs_step;
    g.rhs_stride[i] = r[i] == 1 ? 0 : rhs_step;
    lhs_step *= l[i];
    rhs_step *= r[i];
  }
  for (int32_t i = 0; i < out_rank - 2; ++i) want.dims[i] = g.batch[3 - (out_rank - 2) + i];
  want.dims[out_rank - 2] = g.rows;
  want.dims[out_rank - 1] = g.cols;
  bool same = output.shape.rank == want.rank;
  for (int32_t i = 0; same && i < want.rank; ++i) same = output.shape.dims[i] == want.dims[i];
  if (!same) {
    char got_text[64], want_text[64];
    format_shape(output.shape, got_text, sizeof(got_text));
    format_shape(want, want_text, sizeof(want_text));
    return ctx.error(StatusCode::kInvalidModel, "output is %s, the inputs give %s", got_text, want_text);
  }
  if (lhs.type != DataType::kFloat32) TI_RETURN_IF_ERROR(prepare_matmul_quant(ctx, lhs, rhs, output, &data->quant));
  ctx.node().op_data = data;
  return Status::ok();
}

void eval_batch_matmul(const EvalContext& ctx) {
  const BatchMatMulData& d = *ctx.data<BatchMatMulData>();
  const TensorSlot& lhs = ctx.input(0);
  const TensorSlot& rhs = ctx.input(1);
  const TensorSlot& out = ctx.output(0);
  void* const scratch = ctx.node.scratch;
  switch (lhs.type) {
    case DataType::kInt8:
      ctx.kernel<kernels::BatchMatMulInt8Fn>()(d.geometry, d.quant, lhs.data_as<const int8_t>(),
                                               rhs.data_as<const int8_t>(), out.data_as<int8_t>(), scratch);
      break;
    case DataType::kInt16:
      ctx.kernel<kernels::BatchMatMulInt16Fn>()(d.geometry, d.quant, lhs.data_as<const int16_t>(),
                                                rhs.data_as<const int16_t>(), out.data_as<int16_t>(), scratch);
      break;
    default:
      ctx.kernel<kernels::BatchMatMulFloatFn>()(d.geometry, lhs.data_as<const float>(), rhs.data_as<const float>(),
                                                out.data_as<float>(), scratch);
      break;
  }
}

int64_t batch_matmul_macs(const Node& node, const TensorSlot* tensors) {
  const auto* d = static_cast<const BatchMatMulData*>(node.op_data);
  return tensors[node.outputs[0]].elements() * d->geometry.depth;
}

void describe_batch_matmul(const Node& node, const TensorSlot*, char* buffer, std::size_t size) {
  const kernels::MatMulGeometry& g = static_cast<const BatchMatMulData*>(node.op_data)->geometry;
  describe_text(buffer, size, "%d x [%d x %d] . [%d x %d]%s%s", g.batch[0] * g.batch[1] * g.batch[2], g.rows, g.depth,
                g.depth, g.cols, g.adj_x ? ", adj_x" : "", g.adj_y ? ", adj_y" : "");
}

}  // namespace

const OpRegistration kBatchMatMulOp = {
    126, "BATCH_MATMUL", 4, prepare_batch_matmul, eval_batch_matmul, batch_matmul_macs, describe_batch_matmul};

}  // namespace tinyinfer
