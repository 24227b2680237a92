// open_board_link(): where `tinyinfer serve --board TRANSPORT` meets the board
// link client (tools/link, tinyinfer_link_client). The adapter below is
// compiled when that client's header is on the include path (link
// tinyinfer_serve_host with tinyinfer_link_client); without it the factory
// says that this build has no link client.
#include "board_digit_backend.h"

#if __has_include("link_client.h")
#include "link_client.h"
#include "tinyinfer/model.h"

namespace tinyinfer::digit {
namespace {

namespace link = tinyinfer::link_client;

bool encoding_of(const link::TensorDetails& t, TensorEncoding* e, std::string* error) {
  if (t.dtype == "float32") {
    e->type = DataType::kFloat32;
  } else if (t.dtype == "int8") {
    e->type = DataType::kInt8;
  } else if (t.dtype == "uint8") {
    e->type = DataType::kUInt8;
  } else {
    *error = "tensor '" + t.name + "' has type " + t.dtype + "; the digit pad handles float32, int8 and uint8";
    return false;
  }
  e->elements = 1;
  for (int32_t d : t.shape) e->elements *= d;
  e->scale = t.scale;
  e->zero_point = t.zero_point;
  return true;
}

class LinkClientBoard : public BoardLink {
 public:
  explicit LinkClientBoard(std::unique_ptr<link::LinkClient> client) : client_(std::move(client)) {}

  bool info(BoardLinkInfo* out, std::string* error) override {
    link::BoardInfo i;
    if (!client_->info(&i, error)) return false;
    if (i.inputs.empty() || i.outputs.empty()) {
      *error = "the board's model has no input or no output";
      return false;
    }
    if (!encoding_of(i.inputs[0], &out->input, error) || !encoding_of(i.outputs[0], &out->output, error)) return false;
    output_bytes_ = i.outputs[0].bytes;
    out->board = i.board;
    out->firmware_version = i.firmware_version;
    out->clock_hz = i.clock_hz;
    out->kernels = i.kernel_set;
    out->model_name = i.model_name;
    out->model_sha256 = i.model_sha256;
    out->arena_bytes = i.arena_used;
    out->count_unit = i.counter_unit;
    out->ops.clear();
    for (const link::BoardInfo::Op& op : i.ops) out->ops.push_back(op.name);
    return true;
  }

  bool infer(const std::vector<uint8_t>& input, BoardLinkResult* out, std::string* error) override {
    link::InferReply r;
    if (!client_->infer(input, &r, error)) return false;
    // The reply holds every output's bytes in order; output 0 comes first.
    if (r.output.size() < output_bytes_) {
      *error = "Result holds " + std::to_string(r.output.size()) + " output bytes, output 0 alone is " +
               std::to_string(output_bytes_);
      return false;
    }
    out->output.assign(r.output.begin(), r.output.begin() + output_bytes_);
    out->argmax = r.argmax;
    out->total_count = r.total;
    out->layers.clear();
    for (std::size_t k = 0; k < r.layer_codes.size() && k < r.layer_counts.size(); ++k)
      out->layers.push_back({op_code_name(r.layer_codes[k]).text, r.layer_counts[k]});
    out->microseconds = r.microseconds;  // < 0 under QEMU: its counter is no clock
    return true;
  }

 private:
  std::unique_ptr<link::LinkClient> client_;
  std::size_t output_bytes_ = 0;
};

}  // namespace

std::unique_ptr<BoardLink> open_board_link(const std::string& transport, std::string* error) {
  std::unique_ptr<link::LinkClient> client = link::LinkClient::open(transport, link::ClientOptions(), error);
  if (client == nullptr) return nullptr;
  return std::make_unique<LinkClientBoard>(std::move(client));
}

}  // namespace tinyinfer::digit

#else  // no link client in this build

namespace tinyinfer::digit {

std::unique_ptr<BoardLink> open_board_link(const std::string& transport, std::string* error) {
  *error = "cannot open the board link '" + transport +
           "': this build of tinyinfer has no board link client (tools/link); use --host";
  return nullptr;
}

}  // namespace tinyinfer::digit

#endif
