#include "board_digit_backend.h"

namespace tinyinfer::digit {

bool BoardDigitBackend::open(std::unique_ptr<BoardLink> link, const std::string& transport,
                             std::unique_ptr<BoardDigitBackend>* backend, std::string* error) {
  std::unique_ptr<BoardDigitBackend> b(new BoardDigitBackend());
  std::string why;
  if (!link->info(&b->info_, &why)) {
    *error = "board on '" + transport + "' did not answer Info: " + why;
    return false;
  }
  if (!check_digit_input(b->info_.input, &why) || !check_digit_output(b->info_.output, &why)) {
    *error = "board on '" + transport + "' runs model '" + b->info_.model_name + "', not a digit classifier: " + why;
    return false;
  }
  b->link_ = std::move(link);
  const BoardLinkInfo& i = b->info_;
  BackendDescription& d = b->description_;
  d.id = "board";
  d.title = "board " + i.board + ", " + i.kernels + " kernels";
  d.model = i.model_name;
  d.count_unit = i.count_unit.empty() ? "counts" : i.count_unit;
  std::string ops;
  for (const std::string& op : i.ops) ops += (ops.empty() ? "" : ", ") + op;
  d.details = {
      {"target", i.board + " over " + transport},
      {"firmware", i.firmware_version},
      {"clock", std::to_string(i.clock_hz) + " Hz"},
      {"model", i.model_name},
      {"model sha256", i.model_sha256},
      {"kernels", i.kernels},
      {"input", describe_encoding(i.input)},
      {"output", describe_encoding(i.output)},
      {"ops", ops},
      {"arena bytes", std::to_string(i.arena_bytes)},
      {"layer counts", d.count_unit},
  };
  *backend = std::move(b);
  return true;
}

bool BoardDigitBackend::classify(const float image[kMnistPixels], DigitResult* result, std::string* error) {
  std::vector<uint8_t> input;
  encode_digit_input(image, info_.input, &input);
  BoardLinkResult reply;
  std::string why;
  if (!link_->infer(input, &reply, &why)) {
    *error = "board did not answer Infer: " + why;
    return false;
  }
  *result = DigitResult();
  if (!decode_digit_output(reply.output.data(), reply.output.size(), info_.output, result->probabilities,
                           &result->digit, &why)) {
    *error = "board's Result: " + why;
    return false;
  }
  // The board's own argmax is its answer; ties may break differently from ours.
  if (reply.argmax >= 0 && reply.argmax < kDigitClasses) result->digit = reply.argmax;
  result->total_count = reply.total_count;
  result->layers = std::move(reply.layers);
  result->microseconds = reply.microseconds;
  return true;
}

}  // namespace tinyinfer::digit
