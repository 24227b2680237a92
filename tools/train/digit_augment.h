// Random distortions of 28x28 MNIST digits for training on only 10,000
// examples: a random affine map (shift, rotation, scale) composed with a
// smooth elastic displacement field (Simard et al. 2003), sampled
// bilinearly. Every random draw comes from the caller's generator, so a fixed
// seed gives the same images in the same order.
#pragma once

#include <cstdint>
#include <random>

namespace tinyinfer::train {

constexpr int kDigitSide = 28;
constexpr int kDigitPixels = kDigitSide * kDigitSide;

struct AugmentOptions {
  float max_shift = 2.0f;        // pixels, uniform in [-max, max] per axis
  float max_rotate_deg = 10.0f;  // uniform in [-max, max]
  float min_scale = 0.9f, max_scale = 1.1f;
  float elastic_alpha = 15.0f;  // displacement scale (pixels per unit of the smoothed field)
  float elastic_sigma = 4.0f;   // Gaussian smoothing of the field, pixels; alpha 0 = off
};

// src: 784 uint8 pixels; dst: 784 floats in [0, 1] (pixel / 255, as the
// engine's input).
void augment_digit(const uint8_t* src, float* dst, const AugmentOptions& options, std::mt19937* rng);

// The undistorted digit as pixel / 255.
void digit_to_float(const uint8_t* src, float* dst);

}  // namespace tinyinfer::train
