// Draws the firmware's built-in handwritten-style "8" as a 28x28 8-bit PGM,
// prepared the way MNIST prepared its digits: the stroke is scaled to fit a
// 20x20 box and the image is centred on its centre of mass in 28x28.
//
//   draw_digit [OUTPUT.pgm]      (default: models/digit_8.pgm)
//
// The 8 is two loops of different size, both slanted forward, drawn with a
// round pen ~2.5 px wide; each pixel's grey level is the pen coverage of an
// 8x8 supersampling grid (anti-aliasing). Everything is deterministic, so the
// committed PGM can be regenerated bit-exactly.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

constexpr int kSize = 28;          // MNIST image side
constexpr double kBox = 20.0;      // MNIST fits the digit into a 20x20 box
constexpr double kPenWidth = 2.5;  // pixels, in the final image
constexpr int kSuper = 8;          // supersamples per pixel side
constexpr double kPi = 3.14159265358979323846;

struct Point {
  double x, y;
};

// One loop of the 8: an ellipse with a small wobble of its radius (a hand
// never draws a perfect ellipse), rotated by `slant` radians, traced from
// angle `start` for `turns` revolutions.
void add_loop(std::vector<Point>* path, Point centre, double rx, double ry, double slant, double start, double turns,
              double wobble) {
  const int steps = static_cast<int>(720 * turns);
  const double c = std::cos(slant), s = std::sin(slant);
  for (int i = 0; i <= steps; ++i) {
    const double t = start + 2.0 * kPi * turns * i / steps;
    const double r = 1.0 + wobble * std::sin(3.0 * t + 0.7);
    const double ex = rx * r * std::cos(t), ey = ry * r * std::sin(t);
    path->push_back({centre.x + c * ex - s * ey, centre.y + s * ex + c * ey});
  }
}

double distance_to_segment(Point p, Point a, Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

// Pen coverage of every pixel for the path placed with offset (ox, oy).
std::vector<double> render(const std::vector<Point>& path, double ox, double oy) {
  std::vector<double> image(kSize * kSize, 0.0);
  const double radius = kPenWidth / 2.0;
  for (int py = 0; py < kSize; ++py) {
    for (int px = 0; px < kSize; ++px) {
      int hits = 0;
      for (int sy = 0; sy < kSuper; ++sy) {
        for (int sx = 0; sx < kSuper; ++sx) {
          const Point p{px + (sx + 0.5) / kSuper - ox, py + (sy + 0.5) / kSuper - oy};
          bool inside = false;
          for (size_t i = 1; i < path.size() && !inside; ++i)
            inside = distance_to_segment(p, path[i - 1], path[i]) <= radius;
          hits += inside ? 1 : 0;
        }
      }
      image[py * kSize + px] = static_cast<double>(hits) / (kSuper * kSuper);
    }
  }
  return image;
}

}  // namespace

int main(int argc, char** argv) {
  const char* output = argc > 1 ? argv[1] : "models/digit_8.pgm";

  // The stroke in arbitrary units, y down: a smaller top loop leaning right,
  // a larger bottom loop, crossing at the waist like a pen-drawn 8.
  std::vector<Point> path;
  add_loop(&path, {1.1, -4.4}, 3.6, 3.9, -0.22, 0.5 * kPi, 1.0, 0.04);
  add_loop(&path, {-0.3, 4.1}, 4.6, 4.6, -0.18, -0.5 * kPi, 1.0, 0.05);

  // Scale the stroke (pen included) to fit the 20x20 box.
  double min_x = 1e9, max_x = -1e9, min_y = 1e9, max_y = -1e9;
  for (const Point& p : path) {
    min_x = std::min(min_x, p.x), max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y), max_y = std::max(max_y, p.y);
  }
  const double extent = std::max(max_x - min_x, max_y - min_y);
  const double scale = (kBox - kPenWidth) / extent;
  for (Point& p : path) p = {(p.x - min_x) * scale, (p.y - min_y) * scale};

  // Place the box in the middle, then shift so the centre of mass is at the
  // image centre (14, 14), as MNIST did.
  double ox = (kSize - (max_x - min_x) * scale) / 2.0;
  double oy = (kSize - (max_y - min_y) * scale) / 2.0;
  std::vector<double> image = render(path, ox, oy);
  double mass = 0, mx = 0, my = 0;
  for (int y = 0; y < kSize; ++y)
    for (int x = 0; x < kSize; ++x) {
      const double v = image[y * kSize + x];
      mass += v, mx += v * (x + 0.5), my += v * (y + 0.5);
    }
  ox += kSize / 2.0 - mx / mass;
  oy += kSize / 2.0 - my / mass;
  image = render(path, ox, oy);

  std::vector<uint8_t> pixels(kSize * kSize);
  for (int i = 0; i < kSize * kSize; ++i)
    pixels[i] = static_cast<uint8_t>(std::lround(std::clamp(image[i], 0.0, 1.0) * 255.0));

  std::FILE* f = std::fopen(output, "wb");
  if (f == nullptr) {
    std::perror(output);
    return 1;
  }
  std::fprintf(f, "P5\n%d %d\n255\n", kSize, kSize);
  const bool ok = std::fwrite(pixels.data(), 1, pixels.size(), f) == pixels.size();
  if (std::fclose(f) != 0 || !ok) {
    std::fprintf(stderr, "%s: write failed\n", output);
    return 1;
  }

  // A preview for the terminal.
  for (int y = 0; y < kSize; ++y) {
    for (int x = 0; x < kSize; ++x) {
      const uint8_t v = pixels[y * kSize + x];
      std::fputs(v > 191 ? "@@" : v > 127 ? "##" : v > 63 ? "++" : v > 0 ? ".." : "  ", stdout);
    }
    std::fputc('\n', stdout);
  }
  std::printf("wrote %s (%dx%d)\n", output, kSize, kSize);
  return 0;
}
