// open_board_link(): where `tinyinfer serve --board TRANSPORT` meets the board
// link client (tools/link). Until that client is linked into this build the
// factory says so; wiring it is an adapter of a few lines, e.g.
//
//   class LinkClientBoard : public BoardLink {
//     LinkClient client_;  // constructed from the transport string
//     bool info(BoardLinkInfo* out, std::string* error) override {
//       /* client_.info() -> board, version, clock, kernels, model name/sha256,
//          arena, unit, input 0 / output 0 dtype + scale + zero point, ops */
//     }
//     bool infer(const std::vector<uint8_t>& in, BoardLinkResult* out, std::string* error) override {
//       /* client_.infer(in) -> output 0 bytes, argmax, total + per-layer counts, microseconds */
//     }
//   };
#include "board_digit_backend.h"

namespace tinyinfer::digit {

std::unique_ptr<BoardLink> open_board_link(const std::string& transport, std::string* error) {
  *error = "cannot open the board link '" + transport +
           "': this build of tinyinfer has no board link client (tools/link); use --host";
  return nullptr;
}

}  // namespace tinyinfer::digit
