// Host-only (see model_writer.h): empty on M-profile cores so the
// Cortex-M7 engine library never carries the allocating builder.
#if !(defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M')

#include "format/model_writer.h"

#include <algorithm>
#include <cstring>
#include <new>

#include "tinyinfer/model.h"

namespace tinyinfer::format {

namespace fb = ::tinyinfer::tflite;

namespace {

constexpr uint32_t kSchemaVersion = 3;
constexpr int32_t kPlaceholderForGreaterOpCodes = 127;

}  // namespace

ModelBytes::ModelBytes(std::size_t size) : size_(size) {
  void* p = ::operator new(size == 0 ? 1 : size, std::align_val_t{kModelAlignment});
  data_.reset(static_cast<uint8_t*>(p));
}

void ModelBytes::Free::operator()(uint8_t* p) const {
  ::operator delete(p, std::align_val_t{kModelAlignment});
}

void finalize_model(fb::ModelT* model) {
  model->version = kSchemaVersion;
  for (auto& code : model->operator_codes) {
    // Readers take max(builtin_code, deprecated_builtin_code); files from the
    // old converter leave builtin_code at 0 (ADD) and use the byte field.
    const int32_t effective =
        std::max(static_cast<int32_t>(code->builtin_code), static_cast<int32_t>(code->deprecated_builtin_code));
    code->builtin_code = static_cast<fb::BuiltinOperator>(effective);
    code->deprecated_builtin_code =
        static_cast<int8_t>(std::min(effective, kPlaceholderForGreaterOpCodes));
    if (code->version < 1) code->version = 1;
  }
}

Status write_model(fb::ModelT* model, ModelBytes* out) {
  finalize_model(model);
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

  // force_align is relative to the end of the flatbuffer; the builder pads the
  // total to its largest alignment, so offsets from the start are aligned too.
  const fb::Model* written = fb::GetModel(out->data());
  if (written->buffers() != nullptr) {
    for (uint32_t i = 0; i < written->buffers()->size(); ++i) {
      const auto* data = written->buffers()->Get(i)->data();
      if (data == nullptr || data->size() == 0) continue;
      const auto offset = static_cast<std::size_t>(data->Data() - out->data());
      if (offset % kModelAlignment != 0)
        return Status::error(StatusCode::kInvalidModel, "model writer: buffer %u data at offset %zu is not %zu-byte aligned",
                             i, offset, kModelAlignment);
    }
  }
  return Status::ok();
}

Status verify_written_model(const ModelBytes& bytes) {
  Model model;
  const Status status = Model::load(bytes.data(), bytes.size(), &model);
  if (!status.is_ok())
    return Status::error(status.code(), "written model does not load back: %s", status.message());
  return Status::ok();
}

Status write_and_verify_model(fb::ModelT* model, ModelBytes* out) {
  TI_RETURN_IF_ERROR(write_model(model, out));
  return verify_written_model(*out);
}

}  // namespace tinyinfer::format

#endif  // not M-profile
