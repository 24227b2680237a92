// Writing a .tflite file from the flatc object API of our schema subset
// (tinyinfer::tflite::ModelT): the quantizer's output path. Host-only
// (library tinyinfer_convert): the object API and the builder allocate, and
// the engine must stay heap-free.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "format/tflite_schema_generated.h"
#include "tinyinfer/status.h"

namespace tinyinfer::format {

// Bytes of a written model, aligned to kModelAlignment so Model::load can
// read them in place.
class ModelBytes {
 public:
  ModelBytes() = default;
  explicit ModelBytes(std::size_t size);
  uint8_t* data() { return data_.get(); }
  const uint8_t* data() const { return data_.get(); }
  std::size_t size() const { return size_; }

 private:
  struct Free {
    void operator()(uint8_t* p) const;
  };
  std::unique_ptr<uint8_t, Free> data_;
  std::size_t size_ = 0;
};

// Brings a ModelT to what TFLite readers expect before serializing:
// schema version 3, and every operator code carrying both builtin_code and
// deprecated_builtin_code (min(code, 127)) as the current converter writes
// them, so old and new readers agree on the op.
void finalize_model(tflite::ModelT* model);

// finalize_model + serialize with file identifier "TFL3"; every buffer's
// data starts 16-byte aligned (force_align in the schema), which is checked.
// Buffer 0 is TFLite's empty sentinel (tensors without data point at it): an
// empty list gets one, a buffer 0 holding data is refused, and the written
// buffer 0 is checked to be empty. Buffers with external data (offset/size)
// are refused. Errors when the result would exceed the 2 GiB flatbuffer limit.
Status write_model(tflite::ModelT* model, ModelBytes* out);

// The object API (UnPack -> ModelT -> Pack) keeps only what our schema subset
// declares. Before a model read from a file is rewritten, this refuses
// (kUnsupported, naming the table, its index and the TFLite field) anything a
// round trip would silently lose: fields past the subset (Tensor.variant_tensors,
// Operator.builtin_options_2, debug_metadata_index, options such as
// quantized_bias_type, fields of SignatureDef/TensorMap past TFLite's, ...;
// signature_defs themselves are carried), sparse tensors, quantization
// details other than CustomQuantization, builtin options of types the subset
// lacks, and buffers whose data lies outside the flatbuffer. Tensor.has_rank is
// accepted where the shape already says the rank (non-empty shape, or false).
// `bytes` must have passed Model::load (the flatbuffer verifier).
Status check_round_trip_preserves(const void* bytes, std::size_t size);

// Round trip: the written bytes must pass Model::load (flatbuffer verifier
// and every check of the engine's loader). The message says what failed.
Status verify_written_model(const ModelBytes& bytes);

// write_model + verify_written_model.
Status write_and_verify_model(tflite::ModelT* model, ModelBytes* out);

}  // namespace tinyinfer::format
