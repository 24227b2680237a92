// The MNIST framing of drawn digits on synthetic strokes: bounding box to
// 20x20 with the aspect ratio kept, centre of mass at (14, 14), grey levels
// from coverage, and refusal of impossible sizes.
#include "mnist_preprocess.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace tinyinfer::digit {
namespace {

class Canvas {
 public:
  Canvas(int width, int height) : width_(width), height_(height), pixels_(static_cast<std::size_t>(width) * height) {}
  void fill_rect(int x, int y, int w, int h, uint8_t grey = 255) {
    for (int j = y; j < y + h; ++j)
      for (int i = x; i < x + w; ++i) pixels_[static_cast<std::size_t>(j) * width_ + i] = grey;
  }
  const uint8_t* data() const { return pixels_.data(); }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  int width_, height_;
  std::vector<uint8_t> pixels_;
};

struct Framed {
  float image[kMnistPixels];
  MnistFraming framing;
};

Framed frame(const Canvas& canvas) {
  Framed f;
  std::string error;
  EXPECT_TRUE(preprocess_mnist(canvas.data(), canvas.width(), canvas.height(), f.image, &f.framing, &error)) << error;
  return f;
}

// Rows/columns of the 28x28 output that hold any ink.
struct InkExtent {
  int x0 = kMnistSide, y0 = kMnistSide, x1 = -1, y1 = -1;
};
InkExtent ink_extent(const float* image) {
  InkExtent e;
  for (int y = 0; y < kMnistSide; ++y) {
    for (int x = 0; x < kMnistSide; ++x) {
      if (image[y * kMnistSide + x] > 0.0f) {
        e.x0 = std::min(e.x0, x);
        e.x1 = std::max(e.x1, x);
        e.y0 = std::min(e.y0, y);
        e.y1 = std::max(e.y1, y);
      }
    }
  }
  return e;
}

void mass_centre(const float* image, double* cx, double* cy) {
  double m = 0, sx = 0, sy = 0;
  for (int y = 0; y < kMnistSide; ++y) {
    for (int x = 0; x < kMnistSide; ++x) {
      const double v = image[y * kMnistSide + x];
      m += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  *cx = sx / m;
  *cy = sy / m;
}

TEST(MnistPreprocess, VerticalStrokeBecomes20PixelsTallAndCentred) {
  Canvas canvas(280, 280);
  canvas.fill_rect(30, 50, 20, 200);  // a "1" far left of centre
  const Framed f = frame(canvas);
  ASSERT_TRUE(f.framing.has_ink);
  EXPECT_EQ(f.framing.box_x, 30);
  EXPECT_EQ(f.framing.box_y, 50);
  EXPECT_EQ(f.framing.box_width, 20);
  EXPECT_EQ(f.framing.box_height, 200);
  EXPECT_EQ(f.framing.scaled_height, 20);
  EXPECT_EQ(f.framing.scaled_width, 2);  // 20 * 20 / 200: the aspect ratio is kept
  const InkExtent e = ink_extent(f.image);
  EXPECT_EQ(e.y1 - e.y0 + 1, 20);
  EXPECT_EQ(e.x1 - e.x0 + 1, 2);
  double cx = 0, cy = 0;
  mass_centre(f.image, &cx, &cy);
  EXPECT_NEAR(cx, 14.0, 0.5);
  EXPECT_NEAR(cy, 14.0, 0.5);
  EXPECT_NEAR(f.framing.mass_x, cx, 1e-6);
  EXPECT_NEAR(f.framing.mass_y, cy, 1e-6);
  EXPECT_FLOAT_EQ(f.image[14 * kMnistSide + e.x0], 1.0f);  // full coverage stays full white
}

TEST(MnistPreprocess, WideBoxScalesByItsWidth) {
  Canvas canvas(300, 200);
  canvas.fill_rect(10, 10, 100, 50);  // 2:1
  const Framed f = frame(canvas);
  EXPECT_EQ(f.framing.scaled_width, 20);
  EXPECT_EQ(f.framing.scaled_height, 10);
  const InkExtent e = ink_extent(f.image);
  EXPECT_EQ(e.x1 - e.x0 + 1, 20);
  EXPECT_EQ(e.y1 - e.y0 + 1, 10);
  // A uniform rectangle: every output pixel inside is fully covered.
  double sum = 0;
  for (float v : f.image) sum += v;
  EXPECT_NEAR(sum, 200.0, 1e-3);
  EXPECT_EQ(e.x0, 4);  // centre of mass = box centre: (28 - 20) / 2
  EXPECT_EQ(e.y0, 9);
}

TEST(MnistPreprocess, CentreOfMassNotBoxCentre) {
  // A "7": a heavy top bar and a thin stem on the right. The mass sits up and
  // right of the box centre, so the box lands down and left of centred.
  Canvas canvas(280, 280);
  canvas.fill_rect(40, 40, 200, 20);   // bar
  canvas.fill_rect(200, 60, 20, 180);  // stem
  const Framed f = frame(canvas);
  EXPECT_EQ(f.framing.scaled_width, 20);
  EXPECT_EQ(f.framing.scaled_height, 20);
  EXPECT_LT(f.framing.offset_x, 4);  // box centred would be offset 4
  EXPECT_GT(f.framing.offset_y, 4);
  double cx = 0, cy = 0;
  mass_centre(f.image, &cx, &cy);
  EXPECT_NEAR(cx, 14.0, 0.5);
  EXPECT_NEAR(cy, 14.0, 0.5);
}

TEST(MnistPreprocess, SameStrokeAnywhereGivesTheSameImage) {
  Canvas a(280, 280), b(280, 280);
  a.fill_rect(20, 30, 60, 120);
  a.fill_rect(20, 30, 100, 20);
  b.fill_rect(150, 140, 60, 120);
  b.fill_rect(150, 140, 100, 20);
  const Framed fa = frame(a), fb = frame(b);
  for (int i = 0; i < kMnistPixels; ++i) ASSERT_FLOAT_EQ(fa.image[i], fb.image[i]) << "pixel " << i;
}

TEST(MnistPreprocess, GreyLevelsComeFromInkAndCoverage) {
  Canvas canvas(200, 200);
  canvas.fill_rect(50, 50, 100, 100, 128);  // mid-grey ink
  const Framed f = frame(canvas);
  EXPECT_NEAR(f.image[14 * kMnistSide + 14], 128.0f / 255.0f, 1e-6);
  // Two 15-pixel bars framing a 200-pixel box: each output pixel averages 10
  // source columns, so the pixel holding columns 10..19 is half covered.
  Canvas bars(300, 300);
  bars.fill_rect(50, 50, 15, 200);
  bars.fill_rect(235, 50, 15, 200);
  const Framed t = frame(bars);
  ASSERT_EQ(t.framing.scaled_width, 20);
  const int x0 = t.framing.offset_x, row = 14 * kMnistSide;
  EXPECT_FLOAT_EQ(t.image[row + x0], 1.0f);
  EXPECT_FLOAT_EQ(t.image[row + x0 + 1], 0.5f);
  EXPECT_FLOAT_EQ(t.image[row + x0 + 2], 0.0f);
  EXPECT_FLOAT_EQ(t.image[row + x0 + 18], 0.5f);
  EXPECT_FLOAT_EQ(t.image[row + x0 + 19], 1.0f);
}

TEST(MnistPreprocess, SmallDotIsEnlargedTo20) {
  Canvas canvas(100, 100);
  canvas.fill_rect(70, 10, 4, 4);
  const Framed f = frame(canvas);
  EXPECT_EQ(f.framing.scaled_width, 20);
  EXPECT_EQ(f.framing.scaled_height, 20);
  const InkExtent e = ink_extent(f.image);
  EXPECT_EQ(e.x0, 4);
  EXPECT_EQ(e.x1, 23);
}

TEST(MnistPreprocess, BlankCanvasGivesZerosWithoutError) {
  Canvas canvas(280, 280);
  Framed f;
  std::fill(f.image, f.image + kMnistPixels, 7.0f);
  std::string error;
  ASSERT_TRUE(preprocess_mnist(canvas.data(), 280, 280, f.image, &f.framing, &error));
  EXPECT_FALSE(f.framing.has_ink);
  for (float v : f.image) ASSERT_EQ(v, 0.0f);
}

TEST(MnistPreprocess, InkThresholdIgnoresFaintBackground) {
  Canvas canvas(100, 100);
  canvas.fill_rect(0, 0, 100, 100, 10);  // grey paper
  canvas.fill_rect(40, 20, 10, 60, 200);
  Framed f;
  std::string error;
  ASSERT_TRUE(preprocess_mnist(canvas.data(), 100, 100, f.image, &f.framing, &error, /*ink_threshold=*/16));
  EXPECT_EQ(f.framing.box_x, 40);
  EXPECT_EQ(f.framing.box_height, 60);
}

TEST(MnistPreprocess, RefusesImpossibleSizes) {
  const uint8_t pixel = 255;
  float image[kMnistPixels];
  MnistFraming framing;
  std::string error;
  EXPECT_FALSE(preprocess_mnist(&pixel, 0, 1, image, &framing, &error));
  EXPECT_NE(error.find("0x1"), std::string::npos) << error;
  EXPECT_FALSE(preprocess_mnist(&pixel, 1, kMaxCanvasSide + 1, image, &framing, &error));
  EXPECT_NE(error.find("1..4096"), std::string::npos) << error;
  EXPECT_FALSE(preprocess_mnist(nullptr, 1, 1, image, &framing, &error));
}

}  // namespace
}  // namespace tinyinfer::digit
