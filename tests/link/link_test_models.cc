#include "link_test_models.h"

#include <fstream>
#include <iterator>

#include "convert/model_writer.h"
#include "format/tflite_schema_generated.h"

namespace tinyinfer::link_test {

std::vector<uint8_t> read_file(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open";
    return {};
  }
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<uint8_t> with_unsupported_op(const std::vector<uint8_t>& model, std::string* error) {
  std::unique_ptr<tflite::ModelT> unpacked(tflite::GetModel(model.data())->UnPack());
  if (unpacked->operator_codes.empty()) {
    *error = "the model has no operator codes";
    return {};
  }
  auto& code = *unpacked->operator_codes[0];
  code.builtin_code = tflite::BuiltinOperator::CUSTOM;
  code.deprecated_builtin_code = static_cast<int8_t>(tflite::BuiltinOperator::CUSTOM);
  code.custom_code = "TinyinferNoSuchOp";
  format::ModelBytes bytes;
  const Status status = format::write_model(unpacked.get(), &bytes);
  if (!status.is_ok()) {
    *error = status.message();
    return {};
  }
  return std::vector<uint8_t>(bytes.data(), bytes.data() + bytes.size());
}

}  // namespace tinyinfer::link_test
