#include "digit_augment.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tinyinfer::train {
namespace {

constexpr float kPi = 3.14159265358979323846f;
constexpr float kCentre = (kDigitSide - 1) * 0.5f;

// Bilinear sample of the uint8 image at (x, y); outside is background (0).
float sample(const uint8_t* src, float x, float y) {
  const float fx = std::floor(x), fy = std::floor(y);
  const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
  const float ax = x - fx, ay = y - fy;
  auto at = [src](int xi, int yi) -> float {
    if (xi < 0 || yi < 0 || xi >= kDigitSide || yi >= kDigitSide) return 0.0f;
    return src[yi * kDigitSide + xi];
  };
  const float top = at(x0, y0) * (1.0f - ax) + at(x0 + 1, y0) * ax;
  const float bottom = at(x0, y0 + 1) * (1.0f - ax) + at(x0 + 1, y0 + 1) * ax;
  return top * (1.0f - ay) + bottom * ay;
}

// Separable Gaussian blur of a 28x28 field in place (zero outside).
void gaussian_blur(float* field, float sigma) {
  const int radius = std::max(1, static_cast<int>(std::ceil(3.0f * sigma)));
  std::vector<float> kernel(2 * radius + 1);
  float sum = 0.0f;
  for (int i = -radius; i <= radius; ++i) {
    kernel[i + radius] = std::exp(-0.5f * i * i / (sigma * sigma));
    sum += kernel[i + radius];
  }
  for (float& k : kernel) k /= sum;
  float tmp[kDigitPixels];
  for (int y = 0; y < kDigitSide; ++y)
    for (int x = 0; x < kDigitSide; ++x) {
      float acc = 0.0f;
      for (int i = -radius; i <= radius; ++i) {
        const int xi = x + i;
        if (xi >= 0 && xi < kDigitSide) acc += kernel[i + radius] * field[y * kDigitSide + xi];
      }
      tmp[y * kDigitSide + x] = acc;
    }
  for (int y = 0; y < kDigitSide; ++y)
    for (int x = 0; x < kDigitSide; ++x) {
      float acc = 0.0f;
      for (int i = -radius; i <= radius; ++i) {
        const int yi = y + i;
        if (yi >= 0 && yi < kDigitSide) acc += kernel[i + radius] * tmp[yi * kDigitSide + x];
      }
      field[y * kDigitSide + x] = acc;
    }
}

}  // namespace

void digit_to_float(const uint8_t* src, float* dst) {
  for (int i = 0; i < kDigitPixels; ++i) dst[i] = src[i] * (1.0f / 255.0f);
}

void augment_digit(const uint8_t* src, float* dst, const AugmentOptions& options, std::mt19937* rng) {
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  std::uniform_real_distribution<float> scale_dist(options.min_scale, options.max_scale);
  const float tx = options.max_shift * unit(*rng);
  const float ty = options.max_shift * unit(*rng);
  const float angle = options.max_rotate_deg * unit(*rng) * kPi / 180.0f;
  const float scale = scale_dist(*rng);

  float dx[kDigitPixels], dy[kDigitPixels];
  const bool elastic = options.elastic_alpha > 0.0f;
  if (elastic) {
    for (int i = 0; i < kDigitPixels; ++i) dx[i] = unit(*rng);
    for (int i = 0; i < kDigitPixels; ++i) dy[i] = unit(*rng);
    gaussian_blur(dx, options.elastic_sigma);
    gaussian_blur(dy, options.elastic_sigma);
  }

  // Output pixel p comes from source point R(-angle) (p - c - t) / scale + c
  // (the inverse of: scale, rotate about the centre, then shift), displaced
  // by the elastic field.
  const float c = std::cos(angle) / scale, s = std::sin(angle) / scale;
  for (int y = 0; y < kDigitSide; ++y)
    for (int x = 0; x < kDigitSide; ++x) {
      const float px = x - kCentre - tx, py = y - kCentre - ty;
      float sx = c * px + s * py + kCentre;
      float sy = -s * px + c * py + kCentre;
      if (elastic) {
        sx += options.elastic_alpha * dx[y * kDigitSide + x];
        sy += options.elastic_alpha * dy[y * kDigitSide + x];
      }
      dst[y * kDigitSide + x] = std::clamp(sample(src, sx, sy) * (1.0f / 255.0f), 0.0f, 1.0f);
    }
}

}  // namespace tinyinfer::train
