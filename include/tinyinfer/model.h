// A .tflite model loaded in place: the bytes stay where the caller keeps them
// (flash on a microcontroller) and must outlive the Model. load() verifies
// the whole file before anything else reads it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "tinyinfer/status.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer {

// TFLite builtin operator codes the engine knows by name.
enum class OpCode : int32_t {
  kAdd = 0,
  kAveragePool2d = 1,
  kConv2d = 3,
  kDepthwiseConv2d = 4,
  kDequantize = 6,
  kFullyConnected = 9,
  kMaxPool2d = 17,
  kReshape = 22,
  kSoftmax = 25,
  kQuantize = 114,
};

// TFLite's upper-case name of a builtin op ("CONV_2D"), or "UNKNOWN_<n>" for a
// code without a name here. Returned by value (no buffer shared between calls,
// no table of unknown names in flash): op_code_name(code).text.
struct OpCodeName {
  char text[36] = {};  // the longest builtin name (PLACEHOLDER_FOR_GREATER_OP_CODES) has 32
};
OpCodeName op_code_name(int32_t builtin_code);

// Model bytes must start at an address aligned to this (flatbuffer vectors of
// int64 zero points are read in place).
constexpr std::size_t kModelAlignment = 16;

struct OpInfo {
  int32_t builtin_code = -1;
  int32_t version = 1;
  const int32_t* inputs = nullptr;  // tensor indices, -1 = optional input absent
  int32_t input_count = 0;
  const int32_t* outputs = nullptr;
  int32_t output_count = 0;
  const void* options = nullptr;  // the flatbuffer options table (src/format)
  int32_t options_type = 0;       // TFLite BuiltinOptions union tag
};

class Model {
 public:
  // Verifies and indexes `size` bytes at `data`. On error the message names
  // the tensor/op/buffer at fault and the Model stays empty.
  static Status load(const void* data, std::size_t size, Model* out);
  // load() without its deep checks - the flatbuffers structure verification
  // (one verifier per options table of the schema) and the model checks
  // (indices, shapes, buffer sizes, quantization) - which are most of the
  // loader's code. Only for bytes that passed load() before, unchanged: a
  // model embedded in firmware, which the build loads with the host build of
  // this loader and refuses to embed if that fails (cmake/embed_model.cmake,
  // VERIFY_WITH). Identifier, alignment, size and schema version are still
  // checked. Bytes from anywhere else (uploads, files) go through load().
  static Status load_verified_at_build(const void* data, std::size_t size, Model* out);

  bool is_loaded() const { return root_ != nullptr; }
  uint32_t schema_version() const;
  const char* description() const;  // "" when absent

  int32_t tensor_count() const;
  int32_t op_count() const;
  int32_t input_count() const;
  int32_t output_count() const;
  int32_t input_tensor_index(int32_t i) const;
  int32_t output_tensor_index(int32_t i) const;

  // Tensor metadata; for constants `data` points into the model.
  // Precondition: 0 <= index < tensor_count() (validated at load).
  Tensor tensor(int32_t index) const;
  // The tensor's shape as stored in the model (read in place, no copy);
  // null with *rank = 0 for a scalar.
  const int32_t* tensor_dims(int32_t index, int32_t* rank) const;
  OpInfo op(int32_t index) const;

  // Signatures (TFLite SignatureDef, e.g. "serving_default"): the names a
  // converter gave the graph's inputs and outputs. Indices are validated at
  // load. Preconditions: 0 <= s < signature_count(), 0 <= i < the count.
  struct SignatureEntry {
    const char* name;      // "" when absent
    int32_t tensor_index;  // into this model's tensors
  };
  int32_t signature_count() const;
  const char* signature_key(int32_t s) const;  // "" when absent
  int32_t signature_entry_count(int32_t s, bool outputs) const;
  SignatureEntry signature_entry(int32_t s, bool outputs, int32_t i) const;

  std::size_t size_bytes() const { return size_; }
  const void* flatbuffer_root() const { return root_; }

 private:
  // Both loads; null `deep` checks keep their code out of images that never
  // call load().
  struct DeepChecks;
  static Status load_with(const void* data, std::size_t size, const DeepChecks* deep, Model* out);

  const void* root_ = nullptr;      // tflite::Model
  const void* subgraph_ = nullptr;  // tflite::SubGraph (the only one we run)
  const uint8_t* bytes_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace tinyinfer
