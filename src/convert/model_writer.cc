#include "convert/model_writer.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "tinyinfer/model.h"

namespace tinyinfer::format {

namespace fb = ::tinyinfer::tflite;

namespace {

constexpr uint32_t kSchemaVersion = 3;
constexpr int32_t kPlaceholderForGreaterOpCodes = 127;

// Number of fields our subset declares for a table, from the generated vtable
// offset of its last declared field (field id n sits at offset 4 + 2n).
constexpr int declared_through(flatbuffers::voffset_t last_field) { return (last_field - 4) / 2 + 1; }

// Names, in the published TFLite schema, of fields past our subset, for
// messages; other ids are reported by number.
struct FieldName {
  const char* table;
  int id;
  const char* name;
};
constexpr FieldName kFieldsPastSubset[] = {
    {"SubGraph", 5, "debug_metadata_index"},
    {"Tensor", 8, "has_rank"},
    {"Tensor", 9, "variant_tensors"},
    {"Operator", 9, "large_custom_options_offset"},
    {"Operator", 10, "large_custom_options_size"},
    {"Operator", 11, "builtin_options_2_type"},
    {"Operator", 12, "builtin_options_2"},
    {"Operator", 13, "debug_metadata_index"},
    {"Conv2DOptions", 6, "quantized_bias_type"},
    {"FullyConnectedOptions", 4, "quantized_bias_type"},
};

std::string field_name(const char* table, int id) {
  for (const FieldName& f : kFieldsPastSubset)
    if (std::strcmp(f.table, table) == 0 && f.id == id) return std::string(table) + "." + f.name;
  return std::string(table) + " field " + std::to_string(id);
}

// Reads vtables of a verified model. The verifier checked every vtable lies
// inside the buffer; inline values of undeclared fields are bounds-checked here.
class VtableReader {
 public:
  VtableReader(const uint8_t* base, std::size_t size) : base_(base), size_(size) {}

  // Offset of field `id` in `table`, 0 when absent.
  flatbuffers::voffset_t field_offset(const void* table, int id) const {
    const auto* t = reinterpret_cast<const flatbuffers::Table*>(table);
    const uint8_t* vtable = t->GetVTable();
    const auto vsize = flatbuffers::ReadScalar<flatbuffers::voffset_t>(vtable);
    const std::size_t at = 4 + 2 * static_cast<std::size_t>(id);
    return at + 2 <= vsize ? flatbuffers::ReadScalar<flatbuffers::voffset_t>(vtable + at) : 0;
  }

  int field_count(const void* table) const {
    const uint8_t* vtable = reinterpret_cast<const flatbuffers::Table*>(table)->GetVTable();
    return (flatbuffers::ReadScalar<flatbuffers::voffset_t>(vtable) - 4) / 2;
  }

  // The byte of a scalar field (bool/byte), false when absent or out of bounds.
  bool byte_field(const void* table, int id, uint8_t* value) const {
    const flatbuffers::voffset_t offset = field_offset(table, id);
    if (offset == 0) return false;
    const uint8_t* vtable = reinterpret_cast<const flatbuffers::Table*>(table)->GetVTable();
    const auto object_size = flatbuffers::ReadScalar<flatbuffers::voffset_t>(vtable + 2);
    const auto* p = static_cast<const uint8_t*>(table) + offset;
    if (offset >= object_size || p < base_ || p >= base_ + size_) return false;
    *value = *p;
    return true;
  }

 private:
  const uint8_t* base_;
  std::size_t size_;
};

// First present field with id >= declared in `table`, or -1. `allowed(id)`
// skips fields known to be harmless where they are.
template <typename Allowed>
int first_undeclared(const VtableReader& reader, const void* table, int declared, Allowed allowed) {
  const int count = reader.field_count(table);
  for (int id = declared; id < count; ++id)
    if (reader.field_offset(table, id) != 0 && !allowed(id)) return id;
  return -1;
}

Status refuse(const std::string& where, const std::string& what) {
  return Status::error(StatusCode::kUnsupported,
                       "%s: %s is outside tinyinfer's schema subset; rewriting the model would silently drop it, "
                       "so it is refused",
                       where.c_str(), what.c_str());
}

// Declared fields of each builtin options table our union holds; -1: a type
// the subset does not declare.
int declared_option_fields(fb::BuiltinOptions type) {
  switch (type) {
    case fb::BuiltinOptions::Conv2DOptions:
      return declared_through(fb::Conv2DOptions::VT_DILATION_H_FACTOR);
    case fb::BuiltinOptions::DepthwiseConv2DOptions:
      return declared_through(fb::DepthwiseConv2DOptions::VT_DILATION_H_FACTOR);
    case fb::BuiltinOptions::Pool2DOptions:
      return declared_through(fb::Pool2DOptions::VT_FUSED_ACTIVATION_FUNCTION);
    case fb::BuiltinOptions::FullyConnectedOptions:
      return declared_through(fb::FullyConnectedOptions::VT_ASYMMETRIC_QUANTIZE_INPUTS);
    case fb::BuiltinOptions::SoftmaxOptions:
      return declared_through(fb::SoftmaxOptions::VT_BETA);
    case fb::BuiltinOptions::AddOptions:
      return declared_through(fb::AddOptions::VT_POT_SCALE_INT16);
    case fb::BuiltinOptions::ReshapeOptions:
      return declared_through(fb::ReshapeOptions::VT_NEW_SHAPE);
    case fb::BuiltinOptions::DequantizeOptions:
    case fb::BuiltinOptions::QuantizeOptions:
      return 0;
    default:
      return -1;
  }
}

const char* options_table_name(fb::BuiltinOptions type) {
  const char* name = fb::EnumNameBuiltinOptions(type);
  return name != nullptr && *name != '\0' ? name : "BuiltinOptions";
}

}  // namespace

ModelBytes::ModelBytes(std::size_t size) : size_(size) {
  void* p = ::operator new (size == 0 ? 1 : size, std::align_val_t{kModelAlignment});
  data_.reset(static_cast<uint8_t*>(p));
}

void ModelBytes::Free::operator()(uint8_t* p) const { ::operator delete (p, std::align_val_t{kModelAlignment}); }

void finalize_model(fb::ModelT* model) {
  model->version = kSchemaVersion;
  for (auto& code : model->operator_codes) {
    // Readers take max(builtin_code, deprecated_builtin_code); files from the
    // old converter leave builtin_code at 0 (ADD) and use the byte field.
    const int32_t effective =
        std::max(static_cast<int32_t>(code->builtin_code), static_cast<int32_t>(code->deprecated_builtin_code));
    code->builtin_code = static_cast<fb::BuiltinOperator>(effective);
    code->deprecated_builtin_code = static_cast<int8_t>(std::min(effective, kPlaceholderForGreaterOpCodes));
    if (code->version < 1) code->version = 1;
  }
}

Status write_model(fb::ModelT* model, ModelBytes* out) {
  finalize_model(model);
  if (model->buffers.empty()) model->buffers.push_back(std::make_unique<fb::BufferT>());
  for (std::size_t i = 0; i < model->buffers.size(); ++i) {
    if (!model->buffers[i]) model->buffers[i] = std::make_unique<fb::BufferT>();
    const fb::BufferT& buffer = *model->buffers[i];
    if (buffer.offset != 0 || buffer.size != 0) {
      return Status::error(StatusCode::kUnsupported,
                           "model writer: buffer %zu keeps its data outside the flatbuffer (offset %llu, size %llu)", i,
                           static_cast<unsigned long long>(buffer.offset),
                           static_cast<unsigned long long>(buffer.size));
    }
  }
  if (!model->buffers[0]->data.empty()) {
    return Status::error(StatusCode::kInvalidModel,
                         "model writer: buffer 0 holds %zu bytes; TFLite reserves it as the empty buffer of "
                         "tensors without data",
                         model->buffers[0]->data.size());
  }
  std::size_t payload = 0;
  for (const auto& buffer : model->buffers) payload += buffer ? buffer->data.size() : 0;
  // Leave room for tables and padding; flatbuffers cannot address past 2 GiB.
  if (payload > (std::size_t{1} << 30))
    return Status::error(StatusCode::kInvalidArgument, "model writer: %zu bytes of buffers exceed the 1 GiB limit",
                         payload);
  flatbuffers::FlatBufferBuilder builder(payload + 64 * 1024);
  builder.Finish(fb::Model::Pack(builder, model), fb::ModelIdentifier());
  *out = ModelBytes(builder.GetSize());
  std::memcpy(out->data(), builder.GetBufferPointer(), builder.GetSize());

  const fb::Model* written = fb::GetModel(out->data());
  if (written->buffers() == nullptr || written->buffers()->size() == 0 ||
      (written->buffers()->Get(0)->data() != nullptr && written->buffers()->Get(0)->data()->size() != 0))
    return Status::error(StatusCode::kInvalidModel, "model writer: the written buffer 0 is missing or not empty");
  // force_align is relative to the end of the flatbuffer; the builder pads the
  // total to its largest alignment, so offsets from the start are aligned too.
  for (uint32_t i = 0; i < written->buffers()->size(); ++i) {
    const auto* data = written->buffers()->Get(i)->data();
    if (data == nullptr || data->size() == 0) continue;
    const auto offset = static_cast<std::size_t>(data->Data() - out->data());
    if (offset % kModelAlignment != 0)
      return Status::error(StatusCode::kInvalidModel,
                           "model writer: buffer %u data at offset %zu is not %zu-byte aligned", i, offset,
                           kModelAlignment);
  }
  return Status::ok();
}

Status check_round_trip_preserves(const void* bytes, std::size_t size) {
  if (bytes == nullptr || size == 0) return Status::error(StatusCode::kInvalidArgument, "no model bytes");
  const VtableReader reader(static_cast<const uint8_t*>(bytes), size);
  const fb::Model* model = fb::GetModel(bytes);
  auto none = [](int) { return false; };
  char where[160];

  int id = first_undeclared(reader, model, declared_through(fb::Model::VT_SIGNATURE_DEFS), none);
  if (id >= 0) return refuse("model", field_name("Model", id));

  if (model->signature_defs() != nullptr) {
    // SignatureDef field 3 (deprecated_tag) is declared deprecated: the
    // rewrite drops it on purpose, as TFLite's own tools do (the quantizer
    // says so in its notes).
    for (uint32_t d = 0; d < model->signature_defs()->size(); ++d) {
      const fb::SignatureDef* def = model->signature_defs()->Get(d);
      std::snprintf(where, sizeof(where), "signature %u '%s'", d,
                    def->signature_key() != nullptr ? def->signature_key()->c_str() : "");
      id = first_undeclared(reader, def, declared_through(fb::SignatureDef::VT_SUBGRAPH_INDEX), none);
      if (id >= 0) return refuse(where, field_name("SignatureDef", id));
      for (const auto* list : {def->inputs(), def->outputs()}) {
        for (uint32_t i = 0; list != nullptr && i < list->size(); ++i) {
          id = first_undeclared(reader, list->Get(i), declared_through(fb::TensorMap::VT_TENSOR_INDEX), none);
          if (id >= 0) return refuse(where, field_name("TensorMap", id));
        }
      }
    }
  }

  if (model->buffers() != nullptr) {
    for (uint32_t b = 0; b < model->buffers()->size(); ++b) {
      const fb::Buffer* buffer = model->buffers()->Get(b);
      std::snprintf(where, sizeof(where), "buffer %u", b);
      id = first_undeclared(reader, buffer, declared_through(fb::Buffer::VT_SIZE), none);
      if (id >= 0) return refuse(where, field_name("Buffer", id));
      if (buffer->offset() != 0 || buffer->size() != 0)
        return refuse(where, "data outside the flatbuffer (Buffer.offset/size)");
    }
  }
  if (model->operator_codes() != nullptr) {
    for (uint32_t c = 0; c < model->operator_codes()->size(); ++c) {
      std::snprintf(where, sizeof(where), "operator code %u", c);
      id = first_undeclared(reader, model->operator_codes()->Get(c),
                            declared_through(fb::OperatorCode::VT_BUILTIN_CODE), none);
      if (id >= 0) return refuse(where, field_name("OperatorCode", id));
    }
  }
  if (model->metadata() != nullptr) {
    for (uint32_t m = 0; m < model->metadata()->size(); ++m) {
      std::snprintf(where, sizeof(where), "metadata %u", m);
      id = first_undeclared(reader, model->metadata()->Get(m), declared_through(fb::Metadata::VT_BUFFER), none);
      if (id >= 0) return refuse(where, field_name("Metadata", id));
    }
  }
  if (model->subgraphs() == nullptr) return Status::ok();
  for (uint32_t s = 0; s < model->subgraphs()->size(); ++s) {
    const fb::SubGraph* graph = model->subgraphs()->Get(s);
    std::snprintf(where, sizeof(where), "subgraph %u", s);
    id = first_undeclared(reader, graph, declared_through(fb::SubGraph::VT_NAME), none);
    if (id >= 0) return refuse(where, field_name("SubGraph", id));

    const auto* tensors = graph->tensors();
    for (uint32_t t = 0; tensors != nullptr && t < tensors->size(); ++t) {
      const fb::Tensor* tensor = tensors->Get(t);
      std::snprintf(where, sizeof(where), "subgraph %u tensor %u '%s'", s, t,
                    tensor->name() != nullptr ? tensor->name()->c_str() : "");
      // has_rank only adds information for an empty shape (rank 0 known
      // versus unranked); elsewhere the shape carries the rank.
      constexpr int kHasRank = 8;
      auto redundant_has_rank = [&](int field) {
        if (field != kHasRank) return false;
        uint8_t value = 0;
        if (!reader.byte_field(tensor, field, &value)) return false;
        return value == 0 || (tensor->shape() != nullptr && tensor->shape()->size() > 0);
      };
      id = first_undeclared(reader, tensor, declared_through(fb::Tensor::VT_SHAPE_SIGNATURE), redundant_has_rank);
      if (id >= 0) return refuse(where, field_name("Tensor", id));
      if (tensor->sparsity() != nullptr) return refuse(where, "a sparse tensor (Tensor.sparsity)");
      const fb::QuantizationParameters* q = tensor->quantization();
      if (q != nullptr) {
        id = first_undeclared(reader, q, declared_through(fb::QuantizationParameters::VT_QUANTIZED_DIMENSION), none);
        if (id >= 0) return refuse(where, field_name("QuantizationParameters", id));
        if (q->details_type() != fb::QuantizationDetails::NONE &&
            q->details_type() != fb::QuantizationDetails::CustomQuantization)
          return refuse(
              where, "QuantizationParameters.details of type " + std::to_string(static_cast<int>(q->details_type())));
      }
    }
    const auto* ops = graph->operators();
    for (uint32_t o = 0; ops != nullptr && o < ops->size(); ++o) {
      const fb::Operator* op = ops->Get(o);
      std::snprintf(where, sizeof(where), "subgraph %u op %u", s, o);
      id = first_undeclared(reader, op, declared_through(fb::Operator::VT_INTERMEDIATES), none);
      if (id >= 0) return refuse(where, field_name("Operator", id));
      const fb::BuiltinOptions type = op->builtin_options_type();
      if (type == fb::BuiltinOptions::NONE) continue;
      const int declared = declared_option_fields(type);
      if (declared < 0) return refuse(where, "builtin options of type " + std::to_string(static_cast<int>(type)));
      if (op->builtin_options() == nullptr) continue;
      id = first_undeclared(reader, op->builtin_options(), declared, none);
      if (id >= 0) return refuse(where, field_name(options_table_name(type), id));
    }
  }
  return Status::ok();
}

Status verify_written_model(const ModelBytes& bytes) {
  Model model;
  const Status status = Model::load(bytes.data(), bytes.size(), &model);
  if (!status.is_ok()) return Status::error(status.code(), "written model does not load back: %s", status.message());
  return Status::ok();
}

Status write_and_verify_model(fb::ModelT* model, ModelBytes* out) {
  TI_RETURN_IF_ERROR(write_model(model, out));
  return verify_written_model(*out);
}

}  // namespace tinyinfer::format
