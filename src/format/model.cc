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

struct OpName {
  int32_t code;
  const char* name;
};
// TFLite builtin operator names by code, 0 .. the highest in the schema.
// clang-format off
constexpr OpName kOpNames[] = {
    {0, "ADD"}, {1, "AVERAGE_POOL_2D"}, {2, "CONCATENATION"}, {3, "CONV_2D"}, {4, "DEPTHWISE_CONV_2D"},
    {5, "DEPTH_TO_SPACE"}, {6, "DEQUANTIZE"}, {7, "EMBEDDING_LOOKUP"}, {8, "FLOOR"}, {9, "FULLY_CONNECTED"},
    {10, "HASHTABLE_LOOKUP"}, {11, "L2_NORMALIZATION"}, {12, "L2_POOL_2D"}, {13, "LOCAL_RESPONSE_NORMALIZATION"},
    {14, "LOGISTIC"}, {15, "LSH_PROJECTION"}, {16, "LSTM"}, {17, "MAX_POOL_2D"}, {18, "MUL"}, {19, "RELU"},
    {20, "RELU_N1_TO_1"}, {21, "RELU6"}, {22, "RESHAPE"}, {23, "RESIZE_BILINEAR"}, {24, "RNN"}, {25, "SOFTMAX"},
    {26, "SPACE_TO_DEPTH"}, {27, "SVDF"}, {28, "TANH"}, {29, "CONCAT_EMBEDDINGS"}, {30, "SKIP_GRAM"}, {31, "CALL"},
    {32, "CUSTOM"}, {33, "EMBEDDING_LOOKUP_SPARSE"}, {34, "PAD"}, {35, "UNIDIRECTIONAL_SEQUENCE_RNN"}, {36, "GATHER"},
    {37, "BATCH_TO_SPACE_ND"}, {38, "SPACE_TO_BATCH_ND"}, {39, "TRANSPOSE"}, {40, "MEAN"}, {41, "SUB"}, {42, "DIV"},
    {43, "SQUEEZE"}, {44, "UNIDIRECTIONAL_SEQUENCE_LSTM"}, {45, "STRIDED_SLICE"}, {46, "BIDIRECTIONAL_SEQUENCE_RNN"},
    {47, "EXP"}, {48, "TOPK_V2"}, {49, "SPLIT"}, {50, "LOG_SOFTMAX"}, {51, "DELEGATE"},
    {52, "BIDIRECTIONAL_SEQUENCE_LSTM"}, {53, "CAST"}, {54, "PRELU"}, {55, "MAXIMUM"}, {56, "ARG_MAX"},
    {57, "MINIMUM"}, {58, "LESS"}, {59, "NEG"}, {60, "PADV2"}, {61, "GREATER"}, {62, "GREATER_EQUAL"},
    {63, "LESS_EQUAL"}, {64, "SELECT"}, {65, "SLICE"}, {66, "SIN"}, {67, "TRANSPOSE_CONV"}, {68, "SPARSE_TO_DENSE"},
    {69, "TILE"}, {70, "EXPAND_DIMS"}, {71, "EQUAL"}, {72, "NOT_EQUAL"}, {73, "LOG"}, {74, "SUM"}, {75, "SQRT"},
    {76, "RSQRT"}, {77, "SHAPE"}, {78, "POW"}, {79, "ARG_MIN"}, {80, "FAKE_QUANT"}, {81, "REDUCE_PROD"},
    {82, "REDUCE_MAX"}, {83, "PACK"}, {84, "LOGICAL_OR"}, {85, "ONE_HOT"}, {86, "LOGICAL_AND"}, {87, "LOGICAL_NOT"},
    {88, "UNPACK"}, {89, "REDUCE_MIN"}, {90, "FLOOR_DIV"}, {91, "REDUCE_ANY"}, {92, "SQUARE"}, {93, "ZEROS_LIKE"},
    {94, "FILL"}, {95, "FLOOR_MOD"}, {96, "RANGE"}, {97, "RESIZE_NEAREST_NEIGHBOR"}, {98, "LEAKY_RELU"},
    {99, "SQUARED_DIFFERENCE"}, {100, "MIRROR_PAD"}, {101, "ABS"}, {102, "SPLIT_V"}, {103, "UNIQUE"}, {104, "CEIL"},
    {105, "REVERSE_V2"}, {106, "ADD_N"}, {107, "GATHER_ND"}, {108, "COS"}, {109, "WHERE"}, {110, "RANK"},
    {111, "ELU"}, {112, "REVERSE_SEQUENCE"}, {113, "MATRIX_DIAG"}, {114, "QUANTIZE"}, {115, "MATRIX_SET_DIAG"},
    {116, "ROUND"}, {117, "HARD_SWISH"}, {118, "IF"}, {119, "WHILE"}, {120, "NON_MAX_SUPPRESSION_V4"},
    {121, "NON_MAX_SUPPRESSION_V5"}, {122, "SCATTER_ND"}, {123, "SELECT_V2"}, {124, "DENSIFY"}, {125, "SEGMENT_SUM"},
    {126, "BATCH_MATMUL"}, {127, "PLACEHOLDER_FOR_GREATER_OP_CODES"}, {128, "CUMSUM"}, {129, "CALL_ONCE"},
    {130, "BROADCAST_TO"}, {131, "RFFT2D"}, {132, "CONV_3D"}, {133, "IMAG"}, {134, "REAL"}, {135, "COMPLEX_ABS"},
    {136, "HASHTABLE"}, {137, "HASHTABLE_FIND"}, {138, "HASHTABLE_IMPORT"}, {139, "HASHTABLE_SIZE"},
    {140, "REDUCE_ALL"}, {141, "CONV_3D_TRANSPOSE"}, {142, "VAR_HANDLE"}, {143, "READ_VARIABLE"},
    {144, "ASSIGN_VARIABLE"}, {145, "BROADCAST_ARGS"}, {146, "RANDOM_STANDARD_NORMAL"}, {147, "BUCKETIZE"},
    {148, "RANDOM_UNIFORM"}, {149, "MULTINOMIAL"}, {150, "GELU"}, {151, "DYNAMIC_UPDATE_SLICE"}, {152, "RELU_0_TO_1"},
    {153, "UNSORTED_SEGMENT_PROD"}, {154, "UNSORTED_SEGMENT_MAX"}, {155, "UNSORTED_SEGMENT_SUM"}, {156, "ATAN2"},
    {157, "UNSORTED_SEGMENT_MIN"}, {158, "SIGN"}, {159, "BITCAST"}, {160, "BITWISE_XOR"}, {161, "RIGHT_SHIFT"},
    {162, "STABLEHLO_LOGISTIC"}, {163, "STABLEHLO_ADD"}, {164, "STABLEHLO_DIVIDE"}, {165, "STABLEHLO_MULTIPLY"},
    {166, "STABLEHLO_MAXIMUM"}, {167, "STABLEHLO_RESHAPE"}, {168, "STABLEHLO_CLAMP"}, {169, "STABLEHLO_CONCATENATE"},
    {170, "STABLEHLO_BROADCAST_IN_DIM"}, {171, "STABLEHLO_CONVOLUTION"}, {172, "STABLEHLO_SLICE"},
    {173, "STABLEHLO_CUSTOM_CALL"}, {174, "STABLEHLO_REDUCE"}, {175, "STABLEHLO_ABS"}, {176, "STABLEHLO_AND"},
    {177, "STABLEHLO_COSINE"}, {178, "STABLEHLO_EXPONENTIAL"}, {179, "STABLEHLO_FLOOR"}, {180, "STABLEHLO_LOG"},
    {181, "STABLEHLO_MINIMUM"}, {182, "STABLEHLO_NEGATE"}, {183, "STABLEHLO_OR"}, {184, "STABLEHLO_POWER"},
    {185, "STABLEHLO_REMAINDER"}, {186, "STABLEHLO_RSQRT"}, {187, "STABLEHLO_SELECT"}, {188, "STABLEHLO_SUBTRACT"},
    {189, "STABLEHLO_TANH"}, {190, "STABLEHLO_SCATTER"}, {191, "STABLEHLO_COMPARE"}, {192, "STABLEHLO_CONVERT"},
    {193, "STABLEHLO_DYNAMIC_SLICE"}, {194, "STABLEHLO_DYNAMIC_UPDATE_SLICE"}, {195, "STABLEHLO_PAD"},
    {196, "STABLEHLO_IOTA"}, {197, "STABLEHLO_DOT_GENERAL"}, {198, "STABLEHLO_REDUCE_WINDOW"},
    {199, "STABLEHLO_SORT"}, {200, "STABLEHLO_WHILE"}, {201, "STABLEHLO_GATHER"}, {202, "STABLEHLO_TRANSPOSE"},
    {203, "DILATE"}, {204, "STABLEHLO_RNG_BIT_GENERATOR"}, {205, "REDUCE_WINDOW"}, {206, "STABLEHLO_COMPOSITE"},
    {207, "STABLEHLO_SHIFT_LEFT"}, {208, "STABLEHLO_CBRT"}, {209, "STABLEHLO_CASE"},
};
// clang-format on

const fb::SubGraph* first_subgraph(const fb::Model* model) { return model->subgraphs()->Get(0); }

bool is_valid_dtype(int type) { return type >= 0 && type <= 10; }

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
    const int32_t dim = q->quantized_dimension();
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
  if (type == DataType::kInt16) zp_min = zp_max = 0;
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
    if (t->is_variable()) {
      return Status::error(StatusCode::kUnsupported, "tensor %d '%s': variable tensors", index, name);
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

bool tensor_is_constant(const fb::Model* model, const fb::SubGraph* graph, int32_t index) {
  const fb::Tensor* t = graph->tensors()->Get(index);
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
  if (graph->inputs() == nullptr || graph->inputs()->size() == 0 || graph->outputs() == nullptr ||
      graph->outputs()->size() == 0) {
    return Status::error(StatusCode::kInvalidModel, "subgraph has no inputs or no outputs");
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
    if (op->intermediates() != nullptr && op->intermediates()->size() != 0) {
      return Status::error(StatusCode::kUnsupported, "op %d: intermediate tensors", op_index);
    }
  }

  // Producer of each tensor: -2 = none yet; graph inputs count as produced
  // before op 0 (-1). The table lives on the stack in chunks to stay heap-free:
  // we walk the ops once per chunk of tensors.
  constexpr int32_t kChunk = 256;
  int32_t producer[kChunk];
  for (int32_t base = 0; base < tensor_count; base += kChunk) {
    const int32_t end = base + kChunk < tensor_count ? base + kChunk : tensor_count;
    for (int32_t t = base; t < end; ++t) producer[t - base] = -2;
    for (uint32_t k = 0; k < graph->inputs()->size(); ++k) {
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
  for (const OpName& entry : kOpNames) {
    if (entry.code == builtin_code) {
      std::snprintf(name.text, sizeof(name.text), "%s", entry.name);
      return name;
    }
  }
  std::snprintf(name.text, sizeof(name.text), "UNKNOWN_%d", static_cast<int>(builtin_code));
  return name;
}

Status Model::load(const void* data, std::size_t size, Model* out) {
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
  flatbuffers::Verifier verifier(bytes, size, /*max_depth=*/64, /*max_tables=*/1000000);
  if (!fb::VerifyModelBuffer(verifier)) {
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
  TI_RETURN_IF_ERROR(validate_tensors(model, graph));
  TI_RETURN_IF_ERROR(validate_graph(model, graph));
  TI_RETURN_IF_ERROR(validate_signatures(model));

  out->root_ = model;
  out->subgraph_ = graph;
  out->bytes_ = bytes;
  out->size_ = size;
  return Status::ok();
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
  return static_cast<int32_t>(static_cast<const fb::SubGraph*>(subgraph_)->inputs()->size());
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
      out.quant.quantized_dimension = q->quantized_dimension();
    }
  }
  const fb::Buffer* buffer = model->buffers()->Get(t->buffer());
  if (buffer->data() != nullptr && buffer->data()->size() != 0) {
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
