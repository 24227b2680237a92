#include "mnist_preprocess.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tinyinfer::digit {
namespace {

// Box-filter resampling along one axis: target sample t covers the source
// interval [t * ratio, (t + 1) * ratio) and takes the coverage-weighted mean
// of the source samples under it. Shrinking averages (anti-aliasing);
// enlarging repeats samples. `stride` steps between samples of one line.
void resample_axis(const float* src, int src_count, int src_stride, float* dst, int dst_count, int dst_stride) {
  const double ratio = static_cast<double>(src_count) / dst_count;
  for (int t = 0; t < dst_count; ++t) {
    const double begin = t * ratio, end = (t + 1) * ratio;
    double sum = 0.0;
    for (int s = static_cast<int>(begin); s < src_count && s < end; ++s) {
      const double covered = std::min(end, s + 1.0) - std::max(begin, static_cast<double>(s));
      if (covered > 0.0) sum += covered * src[s * src_stride];
    }
    dst[t * dst_stride] = static_cast<float>(sum / ratio);
  }
}

}  // namespace

bool preprocess_mnist(const uint8_t* pixels, int width, int height, float out[kMnistPixels], MnistFraming* framing,
                      std::string* error, uint8_t ink_threshold) {
  *framing = MnistFraming();
  std::fill(out, out + kMnistPixels, 0.0f);
  if (width <= 0 || height <= 0 || width > kMaxCanvasSide || height > kMaxCanvasSide) {
    *error = "image is " + std::to_string(width) + "x" + std::to_string(height) + "; each side must be 1.." +
             std::to_string(kMaxCanvasSide) + " pixels";
    return false;
  }
  if (pixels == nullptr) {
    *error = "no pixels given";
    return false;
  }

  // 1. Bounding box of the ink.
  int x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = pixels + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width; ++x) {
      if (row[x] > ink_threshold) {
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
      }
    }
  }
  if (x1 < 0) return true;  // blank: zeros
  const int box_w = x1 - x0 + 1, box_h = y1 - y0 + 1;
  framing->has_ink = true;
  framing->box_x = x0;
  framing->box_y = y0;
  framing->box_width = box_w;
  framing->box_height = box_h;

  // 2. Scale the box so its larger side is 20 pixels, keeping the aspect ratio.
  const double scale = static_cast<double>(kMnistBox) / std::max(box_w, box_h);
  const int scaled_w = std::clamp(static_cast<int>(std::lround(box_w * scale)), 1, kMnistBox);
  const int scaled_h = std::clamp(static_cast<int>(std::lround(box_h * scale)), 1, kMnistBox);
  framing->scaled_width = scaled_w;
  framing->scaled_height = scaled_h;
  std::vector<float> box(static_cast<std::size_t>(box_w) * box_h);
  for (int y = 0; y < box_h; ++y) {
    for (int x = 0; x < box_w; ++x) {
      box[static_cast<std::size_t>(y) * box_w + x] = pixels[static_cast<std::size_t>(y0 + y) * width + x0 + x];
    }
  }
  std::vector<float> narrow(static_cast<std::size_t>(scaled_w) * box_h);  // columns first, then rows
  for (int y = 0; y < box_h; ++y) {
    resample_axis(&box[static_cast<std::size_t>(y) * box_w], box_w, 1, &narrow[static_cast<std::size_t>(y) * scaled_w],
                  scaled_w, 1);
  }
  std::vector<float> scaled(static_cast<std::size_t>(scaled_w) * scaled_h);
  for (int x = 0; x < scaled_w; ++x) resample_axis(&narrow[x], box_h, scaled_w, &scaled[x], scaled_h, scaled_w);

  // 3. Centre of mass of the scaled digit, moved to the image centre (whole
  //    pixels, as MNIST did; kept inside the 28x28 frame).
  double mass = 0.0, sum_x = 0.0, sum_y = 0.0;
  for (int y = 0; y < scaled_h; ++y) {
    for (int x = 0; x < scaled_w; ++x) {
      const double v = scaled[static_cast<std::size_t>(y) * scaled_w + x];
      mass += v;
      sum_x += v * (x + 0.5);
      sum_y += v * (y + 0.5);
    }
  }
  const double centre = kMnistSide / 2.0;
  const double mass_x = sum_x / mass, mass_y = sum_y / mass;  // mass > 0: the box holds ink
  const int offset_x = std::clamp(static_cast<int>(std::lround(centre - mass_x)), 0, kMnistSide - scaled_w);
  const int offset_y = std::clamp(static_cast<int>(std::lround(centre - mass_y)), 0, kMnistSide - scaled_h);
  framing->offset_x = offset_x;
  framing->offset_y = offset_y;
  framing->mass_x = offset_x + mass_x;
  framing->mass_y = offset_y + mass_y;
  for (int y = 0; y < scaled_h; ++y) {
    for (int x = 0; x < scaled_w; ++x) {
      const float grey = scaled[static_cast<std::size_t>(y) * scaled_w + x];
      out[(offset_y + y) * kMnistSide + offset_x + x] = std::clamp(grey / 255.0f, 0.0f, 1.0f);
    }
  }
  return true;
}

}  // namespace tinyinfer::digit
