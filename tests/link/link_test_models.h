// Models for the link tests (host and QEMU): files read 16-byte aligned, and
// a model the loader accepts but no kernel runs (its first op turned into a
// custom op), for the "unsupported op" upload.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tinyinfer::link_test {

// The file's bytes; empty (with *error) when it cannot be read.
std::vector<uint8_t> read_file(const std::string& path, std::string* error);

// `model` with operator code 0 made a custom op "TinyinferNoSuchOp".
std::vector<uint8_t> with_unsupported_op(const std::vector<uint8_t>& model, std::string* error);

}  // namespace tinyinfer::link_test
