// TFLite's combined sigmoid / tanh lookup table: sigmoid(i / 24) in unsigned
// 0.16 fixed point for i = 0..255 (tanh(x) = 2 * sigmoid(2x) - 1). The int16
// LOGISTIC and TANH reference kernels interpolate between its entries; the
// values are TFLite's own (they are not exactly round(2^16 * sigmoid(i/24)),
// so they cannot be recomputed) and must match for bit-exact results.
#pragma once

#include <cstdint>

namespace tinyinfer::act {

extern const uint16_t kSigmoidTableU16[256];

}  // namespace tinyinfer::act
