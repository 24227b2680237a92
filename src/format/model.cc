// Loading and complete validation of a .tflite flatbuffer. Everything the
// runtime later reads without checks (indices, shapes, buffer sizes,
// quantization arrays) is proven consistent here.
#include "tinyinfer/model.h"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "format/tflite_access.h"

namespace tinyinfer {

namespace fb = ::tinyinfer::tflite;

namespace {

constexpr uint32_t kSupportedSchemaVersion = 3;
// Tensors above this are refused: nothing this engine targets comes close,
// and it keeps every byte count comfortably inside int64/size_t arithmetic.
constexpr int64_t kMaxTensorBytes = int64_t{1} << 30;

// TFLite builtin operator names by code, 0 .. the highest in the schema, as
// one string of NUL-terminated names (no table of pointers: it is in every
// image).
// clang-format off
constexpr char kOpNames[] =
    "ADD\0AVERAGE_POOL_2D\0CONCATENATION\0CONV_2D\0DEPTHWISE_CONV_2D\0DEPTH_TO_SPACE\0DEQUANTIZE\0EMBEDDING_LOOKUP\0"
    "FLOOR\0FULLY_CONNECTED\0HASHTABLE_LOOKUP\0L2_NORMALIZATION\0L2_POOL_2D\0LOCAL_RESPONSE_NORMALIZATION\0LOGISTIC\0"
    "LSH_PROJECTION\0LSTM\0MAX_POOL_2D\0MUL\0RELU\0RELU_N1_TO_1\0RELU6\0RESHAPE\0RESIZE_BILINEAR\0RNN\0SOFTMAX\0"
    "SPACE_TO_DEPTH\0SVDF\0TANH\0CONCAT_EMBEDDINGS\0SKIP_GRAM\0CALL\0CUSTOM\0EMBEDDING_LOOKUP_SPARSE\0PAD\0"
    "UNIDIRECTIONAL_SEQUENCE_RNN\0GATHER\0BATCH_TO_SPACE_ND\0SPACE_TO_BATCH_ND\0TRANSPOSE\0MEAN\0SUB\0DIV\0SQUEEZE\0"
    "UNIDIRECTIONAL_SEQUENCE_LSTM\0STRIDED_SLICE\0BIDIRECTIONAL_SEQUENCE_RNN\0EXP\0TOPK_V2\0SPLIT\0LOG_SOFTMAX\0"
    "DELEGATE\0BIDIRECTIONAL_SEQUENCE_LSTM\0CAST\0PRELU\0MAXIMUM\0ARG_MAX\0MINIMUM\0LESS\0NEG\0PADV2\0GREATER\0"
    "GREATER_EQUAL\0LESS_EQUAL\0SELECT\0SLICE\0SIN\0TRANSPOSE_CONV\0SPARSE_TO_DENSE\0TILE\0EXPAND_DIMS\0EQUAL\0"
    "NOT_EQUAL\0LOG\0SUM\0SQRT\0RSQRT\0SHAPE\0POW\0ARG_MIN\0FAKE_QUANT\0REDUCE_PROD\0REDUCE_MAX\0PACK\0LOGICAL_OR\0"
    "ONE_HOT\0LOGICAL_AND\0LOGICAL_NOT\0UNPACK\0REDUCE_MIN\0FLOOR_DIV\0REDUCE_ANY\0SQUARE\0ZEROS_LIKE\0FILL\0"
    "FLOOR_MOD\0RANGE\0RESIZE_NEAREST_NEIGHBOR\0LEAKY_RELU\0SQUARED_DIFFERENCE\0MIRROR_PAD\0ABS\0SPLIT_V\0UNIQUE\0"
    "CEIL\0REVERSE_V2\0ADD_N\0GATHER_ND\0COS\0WHERE\0RANK\0ELU\0REVERSE_SEQUENCE\0MATRIX_DIAG\0QUANTIZE\0"
    "MATRIX_SET_DIAG\0ROUND\0HARD_SWISH\0IF\0WHILE\0NON_MAX_SUPPRESSION_V4\0NON_MAX_SUPPRESSION_V5\0SCATTER_ND\0"
    "SELECT_V2\0DENSIFY\0SEGMENT_SUM\0BATCH_MATMUL\0PLACEHOLDER_FOR_GREATER_OP_CODES\0CUMSUM\0CALL_ONCE\0"
    "BROADCAST_TO\0RFFT2D\0CONV_3D\0IMAG\0REAL\0COMPLEX_ABS\0HASHTABLE\0HASHTABLE_FIND\0HASHTABLE_IMPORT\0"
    "HASHTABLE_SIZE\0REDUCE_ALL\0CONV_3D_TRANSPOSE\0VAR_HANDLE\0READ_VARIABLE\0ASSIGN_VARIABLE\0BROADCAST_ARGS\0"
    "RANDOM_STANDARD_NORMAL\0BUCKETIZE\0RANDOM_UNIFORM\0MULTINOMIAL\0GELU\0DYNAMIC_UPDATE_SLICE\0RELU_0_TO_1\0"
    "UNSORTED_SEGMENT_PROD\0UNSORTED_SEGMENT_MAX\0UNSORTED_SEGMENT_SUM\0ATAN2\0UNSORTED_SEGMENT_MIN\0SIGN\0BITCAST\0"
    "BITWISE_XOR\0RIGHT_SHIFT\0STABLEHLO_LOGISTIC\0STABLEHLO_ADD\0STABLEHLO_DIVIDE\0STABLEHLO_MULTIPLY\0"
    "STABLEHLO_MAXIMUM\0STABLEHLO_RESHAPE\0STABLEHLO_CLAMP\0STABLEHLO_CONCATENATE\0STABLEHLO_BROADCAST_IN_DIM\0"
    "STABLEHLO_CONVOLUTION\0STABLEHLO_SLICE\0STABLEHLO_CUSTOM_CALL\0STABLEHLO_REDUCE\0STABLEHLO_ABS\0STABLEHLO_AND\0"
    "STABLEHLO_COSINE\0STABLEHLO_EXPONENTIAL\0STABLEHLO_FLOOR\0STABLEHLO_LOG\0STABLEHLO_MINIMUM\0STABLEHLO_NEGATE\0"
    "STABLEHLO_OR\0STABLEHLO_POWER\0STABLEHLO_REMAINDER\0STABLEHLO_RSQRT\0STABLEHLO_SELECT\0STABLEHLO_SUBTRACT\0"
    "STABLEHLO_TANH\0STABLEHLO_SCATTER\0STABLEHLO_COMPARE\0STABLEHLO_CONVERT\0STABLEHLO_DYNAMIC_SLICE\0"
    "STABLEHLO_DYNAMIC_UPDATE_SLICE\0STABLEHLO_PAD\0STABLEHLO_IOTA\0STABLEHLO_DOT_GENERAL\0STABLEHLO_REDUCE_WINDOW\0"
    "STABLEHLO_SORT\0STABLEHLO_WHILE\0STABLEHLO_GATHER\0STABLEHLO_TRANSPOSE\0DILATE\0STABLEHLO_RNG_BIT_GENERATOR\0"
    "REDUCE_WINDOW\0STABLEHLO_COMPOSITE\0STABLEHLO_SHIFT_LEFT\0STABLEHLO_CBRT\0STABLEHLO_CASE\0";
// clang-format on
constexpr int32_t kOpNameCount = 210;

const fb::SubGraph* first_subgraph(const fb::Model* model) { return model->subgraphs()->Get(0); }

bool is_valid_dtype(int type) { return type >= 0 && type <= 10; }

// Converters copy the weights' quantized_dimension onto the per-channel bias
// (person_detect's rank-1 biases say 3). TFLite never reads it there: a rank-1
// tensor has one dimension to be per-channel on.
int32_t effective_quantized_dimension(int32_t stored, const Shape& shape) { return shape.rank == 1 ? 0 : stored; }

Status validate_quantization(const fb::Tensor* tensor, int32_t index, const Shape& shape) {
  const fb::QuantizationParameters* q = tensor->quantization();
  if (q == nullptr) return Status::ok();
  const auto* scales = q->scale();
  const auto* zero_points = q->zero_point();
  const int32_t scale_count = scales ? static_cast<int32_t>(scales->size()) : 0;
  const int32_t zp_count = zero_points ? static_cast<int32_t>(zero_points->size()) : 0;
  if (q->details_type() != fb::QuantizationDetails::NONE) {
    return Status::error(StatusCode::kUnsupported, "tensor %d '%s': custom quantization details", index,
                         tensor->name() ? tensor->name()->c_str() : "");
  }
  if (scale_count == 0 && zp_count == 0) return Status::ok();  // min/max only: not quantized
  const char* name = tensor->name() ? tensor->name()->c_str() : "";
  if (zp_count != 0 && zp_count != scale_count) {
    return Status::error(StatusCode::kInvalidModel, "tensor %d '%s': %d scales but %d zero points", index, name,
                         scale_count, zp_count);
  }
  if (scale_count > 1) {
    const int32_t dim = effective_quantized_dimension(q->quantized_dimension(), shape);
    if (dim < 0 || dim >= shape.rank) {
      return Status::error(StatusCode::kInvalidModel, "tensor %d '%s': quantized_dimension %d outside rank %d", index,
                           name, dim, shape.rank);
    }
    if (shape.dims[dim] != scale_count) {
      return Status::error(StatusCode::kInvalidModel, "tensor %d '%s': %d scales for %d channels on dimension %d",
                           index, name, scale_count, shape.dims[dim], dim);
    }
  }
  for (int32_t i = 0; i < scale_count; ++i) {
    const float s = scales->Get(i);
    if (!std::isfinite(s) || s <= 0.0f) {
      return Status::error(StatusCode::kInvalidModel, "tensor %d '%s': scale[%d] = %g is not positive", index, name, i,
                           static_cast<double>(s));
    }
  }
  const auto type = static_cast<DataType>(tensor->type());
  int64_t zp_min = INT32_MIN, zp_max = INT32_MAX;
  if (type == DataType::kInt8) zp_min = -128, zp_max = 127;
  if (type == DataType::kUInt8) zp_min = 0, zp_max = 255;
  if (type == DataType::kInt16) zp_min = INT16_MIN, zp_max = INT16_MAX;  // ops that need 0 check at init
  for (int32_t i = 0; i < zp_count; ++i) {
    const int64_t zp = zero_points->Get(i);
    if (zp < zp_min || zp > zp_max) {
      return Status::error(StatusCode::kInvalidModel, "tensor %d '%s': zero point %lld outside the range of %s", index,
                           name, static_cast<long long>(zp), data_type_name(type));
    }
  }
  return Status::ok();
}

Status validate_tensors(const fb::Model* model, const fb::SubGraph* graph) {
  const auto* tensors = graph->tensors();
  const auto* buffers = model->buffers();
  const uint32_t buffer_count = buffers ? buffers->size() : 0;
  for (uint32_t i = 0; i < tensors->size(); ++i) {
    const fb::Tensor* t = tensors->Get(i);
    const int32_t index = static_cast<int32_t>(i);
    const char* name = t->name() ? t->name()->c_str() : "";
    const int type = static_cast<int>(t->type());
    if (!is_valid_dtype(type)) {
      return Status::error(StatusCode::kInvalidModel, "tensor %d '%s': unknown type %d", index, name, type);
    }
    const auto dtype = static_cast<DataType>(type);
    if (data_type_size(dtype) == 0) {
      return Status::error(StatusCode::kUnsupported, "tensor %d '%s': type %s is not supported", index, name,
                           data_type_name(dtype));
    }
    if (t->sparsity() != nullptr) {
      return Status::error(StatusCode::kUnsupported, "tensor %d '%s': sparse tensors", index, name);
    }
    Shape shape;
    if (t->shape() != nullptr) {
      if (t->shape()->size() > static_cast<uint32_t>(kMaxRank)) {
        return Status::error(StatusCode::kUnsupported, "tensor %d '%s': rank %u > %d", index, name, t->shape()->size(),
                             kMaxRank);
      }
      shape.rank = static_cast<int32_t>(t->shape()->size());
      for (int32_t d = 0; d < shape.rank; ++d) {
        const int32_t dim = t->shape()->Get(d);
        if (dim <= 0) {
          return Status::error(StatusCode::kInvalidModel,
                               "tensor %d '%s': dimension %d is %d (dynamic or empty shapes are "
                               "not supported)",
                               index, name, d, dim);
        }
        shape.dims[d] = dim;
      }
    }
    // Overflow-safe size: each factor is < 2^31 and we stop once past the cap.
    int64_t bytes = static_cast<int64_t>(data_type_size(dtype));
    for (int32_t d = 0; d < shape.rank; ++d) {
      bytes *= shape.dims[d];
      if (bytes > kMaxTensorBytes) {
        return Status::error(StatusCode::kInvalidModel, "tensor %d '%s': larger than %lld bytes", index, name,
                             static_cast<long long>(kMaxTensorBytes));
      }
    }
    if (t->buffer() >= buffer_count) {
      return Status::error(StatusCode::kInvalidModel, "tensor %d '%s': buffer %u out of range (%u buffers)", index,
                           name, t->buffer(), buffer_count);
    }
    const fb::Buffer* buffer = buffers->Get(t->buffer());
    if (buffer->offset() != 0 || buffer->size() != 0) {
      return Status::error(StatusCode::kUnsupported, "tensor %d '%s': buffer %u stored outside the flatbuffer", index,
                           name, t->buffer());
    }
    if (buffer->data() != nullptr && buffer->data()->size() != 0 &&
        static_cast<int64_t>(buffer->data()->size()) != bytes) {
      return Status::error(StatusCode::kInvalidModel, "tensor %d '%s': buffer %u holds %u bytes, shape needs %lld",
                           index, name, t->buffer(), buffer->data()->size(), static_cast<long long>(bytes));
    }
    TI_RETURN_IF_ERROR(validate_quantization(t, index, shape));
  }
  return Status::ok();
}

// A variable tensor is state, never a constant, even with a buffer: TFLite
// resets it to zero (its zero point) and ignores initial bytes.
bool tensor_is_constant(const fb::Model* model, const fb::SubGraph* graph, int32_t index) {
  const fb::Tensor* t = graph->tensors()->Get(index);
  if (t->is_variable()) return false;
  const fb::Buffer* b = model->buffers()->Get(t->buffer());
  return b->data() != nullptr && b->data()->size() != 0;
}

Status validate_index_list(const flatbuffers::Vector<int32_t>* list, int32_t tensor_count, bool allow_optional,
                           const char* what, int32_t op_index) {
  if (list == nullptr) return Status::ok();
  for (uint32_t i = 0; i < list->size(); ++i) {
    const int32_t t = list->Get(i);
    if ((t == -1 && allow_optional) || (t >= 0 && t < tensor_count)) continue;
    if (op_index >= 0) {
      return Status::error(StatusCode::kInvalidModel, "op %d: %s %u refers to tensor %d (%d tensors)", op_index, what,
                           i, t, tensor_count);
    }
    return Status::error(StatusCode::kInvalidModel, "subgraph %s %u refers to tensor %d (%d tensors)", what, i, t,
                         tensor_count);
  }
  return Status::ok();
}

// Ops are stored in execution order. Every activation must be written by
// exactly one op before it is read: this also rules out cycles.
Status validate_graph(const fb::Model* model, const fb::SubGraph* graph) {
  const int32_t tensor_count = static_cast<int32_t>(graph->tensors()->size());
  const auto* ops = graph->operators();
  const uint32_t op_count = ops ? ops->size() : 0;
  const uint32_t opcode_count = model->operator_codes() ? model->operator_codes()->size() : 0;

  TI_RETURN_IF_ERROR(validate_index_list(graph->inputs(), tensor_count, false, "input", -1));
  TI_RETURN_IF_ERROR(validate_index_list(graph->outputs(), tensor_count, false, "output", -1));
  // No inputs is valid: a graph of constants (BROADCAST_ARGS of two shapes) still computes its outputs.
  if (graph->outputs() == nullptr || graph->outputs()->size() == 0) {
    return Status::error(StatusCode::kInvalidModel, "subgraph has no outputs");
  }

  for (uint32_t i = 0; i < op_count; ++i) {
    const fb::Operator* op = ops->Get(i);
    const int32_t op_index = static_cast<int32_t>(i);
    if (op->opcode_index() >= opcode_count) {
      return Status::error(StatusCode::kInvalidModel, "op %d: opcode index %u out of range (%u codes)", op_index,
                           op->opcode_index(), opcode_count);
    }
    TI_RETURN_IF_ERROR(validate_index_list(op->inputs(), tensor_count, true, "input", op_index));
    TI_RETURN_IF_ERROR(validate_index_list(op->outputs(), tensor_count, false, "output", op_index));
    if (op->outputs() == nullptr || op->outputs()->size() == 0) {
      return Status::error(StatusCode::kInvalidModel, "op %d has no outputs", op_index);
    }
    // TFLite's quantizer gives some ops (full-integer LSTMs) "intermediate"
    // tensors that only carry quantization parameters of inner values. Kernels
    // that match TFLM's (no layer-norm LSTM) use fixed inner scales and never
    // read them, so they are checked for range and otherwise ignored.
    TI_RETURN_IF_ERROR(validate_index_list(op->intermediates(), tensor_count, true, "intermediate", op_index));
  }

  // Producer of each tensor: -2 = none yet; graph inputs count as produced
  // before op 0 (-1). The table lives on the stack in chunks to stay heap-free:
  // we walk the ops once per chunk of tensors.
  constexpr int32_t kChunk = 256;
  int32_t producer[kChunk];
  for (int32_t base = 0; base < tensor_count; base += kChunk) {
    const int32_t end = base + kChunk < tensor_count ? base + kChunk : tensor_count;
    // Variable tensors hold state from before the first op, like graph inputs.
    for (int32_t t = base; t < end; ++t) producer[t - base] = graph->tensors()->Get(t)->is_variable() ? -1 : -2;
    const uint32_t graph_inputs = graph->inputs() != nullptr ? graph->inputs()->size() : 0;
    for (uint32_t k = 0; k < graph_inputs; ++k) {
      const int32_t t = graph->inputs()->Get(k);
      if (t < base || t >= end) continue;
      if (tensor_is_constant(model, graph, t)) {
        return Status::error(StatusCode::kInvalidModel, "subgraph input tensor %d has constant data", t);
      }
      producer[t - base] = -1;
    }
    for (uint32_t i = 0; i < op_count; ++i) {
      const fb::Operator* op = ops->Get(i);
      const int32_t op_index = static_cast<int32_t>(i);
      if (op->inputs() != nullptr) {
        for (uint32_t k = 0; k < op->inputs()->size(); ++k) {
          const int32_t t = op->inputs()->Get(k);
          if (t < base || t >= end) continue;
          if (producer[t - base] == -2 && !tensor_is_constant(model, graph, t)) {
            return Status::error(StatusCode::kInvalidModel,
                                 "op %d reads tensor %d before any op writes it (cycle or "
                                 "missing producer)",
                                 op_index, t);
          }
        }
      }
      for (uint32_t k = 0; k < op->outputs()->size(); ++k) {
        const int32_t t = op->outputs()->Get(k);
        if (t < base || t >= end) continue;
        if (tensor_is_constant(model, graph, t)) {
          return Status::error(StatusCode::kInvalidModel, "op %d writes constant tensor %d", op_index, t);
        }
        if (producer[t - base] != -2) {
          return Status::error(StatusCode::kInvalidModel, "op %d writes tensor %d, already written by %s", op_index, t,
                               producer[t - base] == -1 ? "the graph input" : "an earlier op");
        }
        producer[t - base] = op_index;
      }
    }
    for (uint32_t k = 0; k < graph->outputs()->size(); ++k) {
      const int32_t t = graph->outputs()->Get(k);
      if (t < base || t >= end) continue;
      if (producer[t - base] == -2) {
        return Status::error(StatusCode::kInvalidModel, "subgraph output tensor %d is never written", t);
      }
    }
  }
  return Status::ok();
}

// Signatures name tensors by index into subgraphs[subgraph_index]; readers
// (TFLite's SignatureRunner, our quantizer) index with them directly.
Status validate_signatures(const fb::Model* model) {
  const auto* defs = model->signature_defs();
  if (defs == nullptr) return Status::ok();
  const uint32_t subgraph_count = model->subgraphs()->size();
  for (uint32_t s = 0; s < defs->size(); ++s) {
    const fb::SignatureDef* def = defs->Get(s);
    const char* key = def->signature_key() ? def->signature_key()->c_str() : "";
    if (def->subgraph_index() >= subgraph_count) {
      return Status::error(StatusCode::kInvalidModel,
                           "signature %u '%s': subgraph_index %u out of range (%u subgraphs)", s, key,
                           def->subgraph_index(), subgraph_count);
    }
    const auto* tensors = model->subgraphs()->Get(def->subgraph_index())->tensors();
    const uint32_t tensor_count = tensors ? tensors->size() : 0;
    const flatbuffers::Vector<flatbuffers::Offset<fb::TensorMap>>* lists[] = {def->inputs(), def->outputs()};
    const char* what[] = {"input", "output"};
    for (int l = 0; l < 2; ++l) {
      if (lists[l] == nullptr) continue;
      for (uint32_t i = 0; i < lists[l]->size(); ++i) {
        const fb::TensorMap* entry = lists[l]->Get(i);
        if (entry->tensor_index() < tensor_count) continue;
        return Status::error(StatusCode::kInvalidModel,
                             "signature %u '%s': %s %u '%s' refers to tensor %u (%u tensors)", s, key, what[l], i,
                             entry->name() ? entry->name()->c_str() : "", entry->tensor_index(), tensor_count);
      }
    }
  }
  return Status::ok();
}

int32_t effective_builtin_code(const fb::OperatorCode* code) {
  // Old files only set the byte-sized deprecated code; newer ones set both,
  // with 127 as a placeholder in the old field for codes above 127.
  const int32_t deprecated = code->deprecated_builtin_code();
  const int32_t current = static_cast<int32_t>(code->builtin_code());
  return deprecated > current ? deprecated : current;
}

}  // namespace

OpCodeName op_code_name(int32_t builtin_code) {
  OpCodeName name;
  if (builtin_code >= 0 && builtin_code < kOpNameCount) {
    const char* entry = kOpNames;
    for (int32_t code = 0; code < builtin_code; ++code) entry += std::strlen(entry) + 1;
    std::snprintf(name.text, sizeof(name.text), "%s", entry);
    return name;
  }
  std::snprintf(name.text, sizeof(name.text), "UNKNOWN_%d", static_cast<int>(builtin_code));
  return name;
}

namespace {

bool verify_structure(const uint8_t* bytes, std::size_t size) {
  flatbuffers::Verifier verifier(bytes, size, /*max_depth=*/64, /*max_tables=*/1000000);
  return fb::VerifyModelBuffer(verifier);
}

Status check_model(const fb::Model* model, const fb::SubGraph* graph) {
  TI_RETURN_IF_ERROR(validate_tensors(model, graph));
  TI_RETURN_IF_ERROR(validate_graph(model, graph));
  return validate_signatures(model);
}

}  // namespace

struct Model::DeepChecks {
  bool (*structure)(const uint8_t* bytes, std::size_t size);
  Status (*model)(const fb::Model* model, const fb::SubGraph* graph);
};

Status Model::load_with(const void* data, std::size_t size, const DeepChecks* deep, Model* out) {
  *out = Model();
  if (data == nullptr) return Status::error(StatusCode::kInvalidArgument, "model: null data");
  if (reinterpret_cast<uintptr_t>(data) % kModelAlignment != 0) {
    return Status::error(StatusCode::kInvalidArgument, "model: bytes must be %u-byte aligned",
                         static_cast<unsigned>(kModelAlignment));
  }
  if (size < 8) {
    return Status::error(StatusCode::kInvalidModel, "model: %u bytes is too short for a flatbuffer",
                         static_cast<unsigned>(size));
  }
  if (size >= FLATBUFFERS_MAX_BUFFER_SIZE) {
    return Status::error(StatusCode::kInvalidModel, "model: larger than 2 GiB");
  }
  const auto* bytes = static_cast<const uint8_t*>(data);
  if (!fb::ModelBufferHasIdentifier(bytes)) {
    return Status::error(StatusCode::kInvalidModel, "model: file identifier is not 'TFL3' (not a .tflite file?)");
  }
  if (deep != nullptr && !deep->structure(bytes, size)) {
    return Status::error(StatusCode::kInvalidModel,
                         "model: flatbuffer verification failed (truncated or corrupt file)");
  }
  const fb::Model* model = fb::GetModel(bytes);
  if (model->version() != kSupportedSchemaVersion) {
    return Status::error(StatusCode::kUnsupported, "model: schema version %u, expected %u", model->version(),
                         kSupportedSchemaVersion);
  }
  if (model->subgraphs() == nullptr || model->subgraphs()->size() == 0) {
    return Status::error(StatusCode::kInvalidModel, "model: no subgraph");
  }
  if (model->subgraphs()->size() > 1) {
    return Status::error(StatusCode::kUnsupported, "model: %u subgraphs (control flow) - only single-graph models run",
                         model->subgraphs()->size());
  }
  if (model->buffers() == nullptr || model->buffers()->size() == 0) {
    return Status::error(StatusCode::kInvalidModel, "model: no buffers");
  }
  const fb::SubGraph* graph = first_subgraph(model);
  if (graph->tensors() == nullptr || graph->tensors()->size() == 0) {
    return Status::error(StatusCode::kInvalidModel, "model: subgraph has no tensors");
  }
  if (graph->tensors()->size() > 8192 || (graph->operators() != nullptr && graph->operators()->size() > 8192)) {
    return Status::error(StatusCode::kUnsupported, "model: more than 8192 tensors or ops");
  }
  if (model->operator_codes() != nullptr) {
    for (uint32_t i = 0; i < model->operator_codes()->size(); ++i) {
      const fb::OperatorCode* code = model->operator_codes()->Get(i);
      if (effective_builtin_code(code) == 32 /* CUSTOM */) {
        return Status::error(StatusCode::kUnsupported, "model: custom op '%s' (operator code %u)",
                             code->custom_code() ? code->custom_code()->c_str() : "", i);
      }
    }
  }
  if (deep != nullptr) {
    TI_RETURN_IF_ERROR(deep->model(model, graph));
  }

  out->root_ = model;
  out->subgraph_ = graph;
  out->bytes_ = bytes;
  out->size_ = size;
  return Status::ok();
}

Status Model::load(const void* data, std::size_t size, Model* out) {
  static constexpr DeepChecks kDeep = {verify_structure, check_model};
  return load_with(data, size, &kDeep, out);
}

Status Model::load_verified_at_build(const void* data, std::size_t size, Model* out) {
  return load_with(data, size, nullptr, out);
}

uint32_t Model::schema_version() const { return static_cast<const fb::Model*>(root_)->version(); }

const char* Model::description() const {
  const auto* d = static_cast<const fb::Model*>(root_)->description();
  return d ? d->c_str() : "";
}

int32_t Model::signature_count() const {
  const auto* defs = static_cast<const fb::Model*>(root_)->signature_defs();
  return defs ? static_cast<int32_t>(defs->size()) : 0;
}

const char* Model::signature_key(int32_t s) const {
  const auto* key = static_cast<const fb::Model*>(root_)->signature_defs()->Get(s)->signature_key();
  return key ? key->c_str() : "";
}

int32_t Model::signature_entry_count(int32_t s, bool outputs) const {
  const auto* def = static_cast<const fb::Model*>(root_)->signature_defs()->Get(s);
  const auto* list = outputs ? def->outputs() : def->inputs();
  return list ? static_cast<int32_t>(list->size()) : 0;
}

Model::SignatureEntry Model::signature_entry(int32_t s, bool outputs, int32_t i) const {
  const auto* def = static_cast<const fb::Model*>(root_)->signature_defs()->Get(s);
  const auto* map = (outputs ? def->outputs() : def->inputs())->Get(i);
  return {map->name() ? map->name()->c_str() : "", static_cast<int32_t>(map->tensor_index())};
}

int32_t Model::tensor_count() const {
  return static_cast<int32_t>(static_cast<const fb::SubGraph*>(subgraph_)->tensors()->size());
}

int32_t Model::op_count() const {
  const auto* ops = static_cast<const fb::SubGraph*>(subgraph_)->operators();
  return ops ? static_cast<int32_t>(ops->size()) : 0;
}

int32_t Model::input_count() const {
  const auto* inputs = static_cast<const fb::SubGraph*>(subgraph_)->inputs();  // absent: a graph of constants
  return inputs != nullptr ? static_cast<int32_t>(inputs->size()) : 0;
}

int32_t Model::output_count() const {
  return static_cast<int32_t>(static_cast<const fb::SubGraph*>(subgraph_)->outputs()->size());
}

int32_t Model::input_tensor_index(int32_t i) const {
  return static_cast<const fb::SubGraph*>(subgraph_)->inputs()->Get(i);
}

int32_t Model::output_tensor_index(int32_t i) const {
  return static_cast<const fb::SubGraph*>(subgraph_)->outputs()->Get(i);
}

Tensor Model::tensor(int32_t index) const {
  const auto* model = static_cast<const fb::Model*>(root_);
  const fb::Tensor* t = static_cast<const fb::SubGraph*>(subgraph_)->tensors()->Get(index);
  Tensor out;
  out.type = static_cast<DataType>(t->type());
  out.name = t->name() ? t->name()->c_str() : "";
  if (t->shape() != nullptr) {
    out.shape.rank = static_cast<int32_t>(t->shape()->size());
    for (int32_t d = 0; d < out.shape.rank; ++d) out.shape.dims[d] = t->shape()->Get(d);
  }
  out.bytes = static_cast<std::size_t>(out.shape.elements()) * data_type_size(out.type);
  if (const fb::QuantizationParameters* q = t->quantization()) {
    if (q->scale() != nullptr && q->scale()->size() > 0) {
      out.quant.scales = q->scale()->data();
      out.quant.count = static_cast<int32_t>(q->scale()->size());
      out.quant.zero_points =
          (q->zero_point() != nullptr && q->zero_point()->size() > 0) ? q->zero_point()->data() : nullptr;
      out.quant.quantized_dimension = effective_quantized_dimension(q->quantized_dimension(), out.shape);
    }
  }
  out.is_variable = t->is_variable();
  const fb::Buffer* buffer = model->buffers()->Get(t->buffer());
  if (!out.is_variable && buffer->data() != nullptr && buffer->data()->size() != 0) {
    out.is_constant = true;
    out.data = const_cast<uint8_t*>(buffer->data()->data());
  }
  return out;
}

const int32_t* Model::tensor_dims(int32_t index, int32_t* rank) const {
  const fb::Tensor* t = static_cast<const fb::SubGraph*>(subgraph_)->tensors()->Get(index);
  *rank = 0;
  if (t->shape() == nullptr || t->shape()->size() == 0) return nullptr;
  *rank = static_cast<int32_t>(t->shape()->size());
  return t->shape()->data();
}

OpInfo Model::op(int32_t index) const {
  const auto* model = static_cast<const fb::Model*>(root_);
  const fb::Operator* op = static_cast<const fb::SubGraph*>(subgraph_)->operators()->Get(index);
  const fb::OperatorCode* code = model->operator_codes()->Get(op->opcode_index());
  OpInfo info;
  info.builtin_code = effective_builtin_code(code);
  info.version = code->version();
  if (op->inputs() != nullptr) {
    info.inputs = op->inputs()->data();
    info.input_count = static_cast<int32_t>(op->inputs()->size());
  }
  info.outputs = op->outputs()->data();
  info.output_count = static_cast<int32_t>(op->outputs()->size());
  info.options = op->builtin_options();
  info.options_type = static_cast<int32_t>(op->builtin_options_type());
  return info;
}

}  // namespace tinyinfer
