#include "image_input.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

#include <png.h>

#include "model_file.h"
#include "npy_input.h"
#include "report_format.h"

namespace tinyinfer::cli {

bool image_geometry(const Tensor& input, ImageGeometry* g, std::string* error) {
  const Shape& s = input.shape;
  if (s.rank == 4 && s.dims[0] == 1) {
    *g = {s.dims[1], s.dims[2], s.dims[3]};
  } else if (s.rank == 3 && s.dims[0] == 1) {
    *g = {s.dims[1], s.dims[2], 1};
  } else if (s.rank == 3) {
    *g = {s.dims[0], s.dims[1], s.dims[2]};
  } else {
    *error = "input tensor '" + std::string(input.name) + "' has shape " + shape_text(s) +
             ", which is not an image ([1,H,W,C], [H,W,C] or [1,H,W]); give a raw tensor file";
    return false;
  }
  if (g->height <= 0 || g->width <= 0 || (g->channels != 1 && g->channels != 3)) {
    *error = "input tensor '" + std::string(input.name) + "' has shape " + shape_text(s) +
             "; images need H,W > 0 and 1 or 3 channels; give a raw tensor file";
    return false;
  }
  return true;
}

bool is_pgm(const uint8_t* b, std::size_t n) {
  return n >= 3 && b[0] == 'P' && (b[1] == '2' || b[1] == '5') && std::isspace(b[2]);
}

bool is_png(const uint8_t* b, std::size_t n) { return n >= 8 && png_sig_cmp(b, 0, 8) == 0; }

namespace {

// Header tokenizer of the netpbm format: whitespace and '#' comments separate
// decimal fields.
class PgmReader {
 public:
  PgmReader(const uint8_t* b, std::size_t n) : b_(b), n_(n) {}

  bool skip_space_and_comments() {
    while (pos_ < n_) {
      if (b_[pos_] == '#') {
        while (pos_ < n_ && b_[pos_] != '\n' && b_[pos_] != '\r') ++pos_;
      } else if (std::isspace(b_[pos_])) {
        ++pos_;
      } else {
        return true;
      }
    }
    return false;
  }
  // Non-negative decimal up to `max`; false on anything else.
  bool number(int64_t max, int64_t* out) {
    if (!skip_space_and_comments()) return false;
    if (!std::isdigit(b_[pos_])) return false;
    int64_t v = 0;
    while (pos_ < n_ && std::isdigit(b_[pos_])) {
      v = v * 10 + (b_[pos_] - '0');
      if (v > max) return false;
      ++pos_;
    }
    *out = v;
    return true;
  }
  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t p) { pos_ = p; }

 private:
  const uint8_t* b_;
  std::size_t n_;
  std::size_t pos_ = 0;
};

}  // namespace

bool decode_pgm(const uint8_t* bytes, std::size_t size, Image* image, std::string* error) {
  if (!is_pgm(bytes, size)) {
    *error = "not a PGM file (no P2/P5 header)";
    return false;
  }
  const bool binary = bytes[1] == '5';
  PgmReader r(bytes, size);
  r.set_pos(2);
  int64_t width = 0, height = 0, maxval = 0;
  if (!r.number(kMaxImageSide, &width) || !r.number(kMaxImageSide, &height) || !r.number(65535, &maxval)) {
    *error = "malformed PGM header (width, height and maxval must be decimals; at most " +
             std::to_string(kMaxImageSide) + " pixels a side, maxval <= 65535)";
    return false;
  }
  if (width == 0 || height == 0 || maxval == 0) {
    *error = "PGM header has a zero width, height or maxval";
    return false;
  }
  if (width * height > kMaxImagePixels) {
    *error = "PGM image " + std::to_string(width) + "x" + std::to_string(height) + " has more than " +
             std::to_string(kMaxImagePixels) + " pixels";
    return false;
  }
  const std::size_t count = static_cast<std::size_t>(width * height);
  image->width = static_cast<int>(width);
  image->height = static_cast<int>(height);
  image->channels = 1;
  image->pixels.assign(count, 0.0f);
  image->source = std::string(maxval < 256 ? "8-bit" : "16-bit") + " gray, maxval " + std::to_string(maxval);
  const float to_255 = 255.0f / static_cast<float>(maxval);
  if (binary) {
    // Exactly one whitespace byte separates maxval from the raster.
    const std::size_t start = r.pos() + 1;
    const std::size_t sample_bytes = maxval < 256 ? 1 : 2;
    if (r.pos() >= size || !std::isspace(bytes[r.pos()]) || start > size || (size - start) / sample_bytes < count) {
      *error = "PGM raster is truncated: need " + std::to_string(count * sample_bytes) +
               " bytes after the header for " + std::to_string(width) + "x" + std::to_string(height) + " pixels";
      return false;
    }
    const uint8_t* p = bytes + start;
    for (std::size_t i = 0; i < count; ++i) {
      const int64_t v = sample_bytes == 1 ? p[i] : (int64_t{p[2 * i]} << 8) | p[2 * i + 1];
      if (v > maxval) {
        *error =
            "PGM pixel " + std::to_string(i) + " is " + std::to_string(v) + ", above maxval " + std::to_string(maxval);
        return false;
      }
      image->pixels[i] = static_cast<float>(v) * to_255;
    }
  } else {
    for (std::size_t i = 0; i < count; ++i) {
      int64_t v = 0;
      if (!r.number(maxval, &v)) {
        *error = "PGM (P2) pixel " + std::to_string(i) + " of " + std::to_string(count) +
                 " is missing, not a number or above maxval " + std::to_string(maxval);
        return false;
      }
      image->pixels[i] = static_cast<float>(v) * to_255;
    }
  }
  return true;
}

bool decode_png(const uint8_t* bytes, std::size_t size, int want_channels, Image* out, std::string* error) {
  // libpng's simplified API reports errors in png.message instead of longjmp
  // through our frames, and handles palette/alpha/bit-depth conversions.
  png_image png;
  std::memset(&png, 0, sizeof(png));
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&png, bytes, size)) {
    *error = std::string("cannot decode PNG: ") + png.message;
    png_image_free(&png);
    return false;
  }
  if (png.width == 0 || png.height == 0 || png.width > kMaxImageSide || png.height > kMaxImageSide ||
      int64_t{png.width} * png.height > kMaxImagePixels) {
    *error = "PNG image " + std::to_string(png.width) + "x" + std::to_string(png.height) + " is empty or larger than " +
             std::to_string(kMaxImageSide) + " pixels a side";
    png_image_free(&png);
    return false;
  }
  const png_uint_32 f = png.format;
  out->source = std::string((f & PNG_FORMAT_FLAG_COLORMAP) ? "palette " : "") +
                ((f & PNG_FORMAT_FLAG_COLOR) ? "RGB" : "gray") +
                ((f & PNG_FORMAT_FLAG_ALPHA) ? " + alpha (composited on black)" : "");
  png.format = want_channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  std::vector<uint8_t> raster(PNG_IMAGE_SIZE(png));
  // Transparent pixels are composited on black: background null means that
  // for 8-bit gray/RGB output.
  if (!png_image_finish_read(&png, nullptr, raster.data(), 0, nullptr)) {
    *error = std::string("cannot decode PNG: ") + png.message;
    png_image_free(&png);
    return false;
  }
  out->width = static_cast<int>(png.width);
  out->height = static_cast<int>(png.height);
  out->channels = want_channels == 3 ? 3 : 1;
  out->pixels.assign(raster.begin(), raster.end());
  png_image_free(&png);
  return true;
}

namespace {

struct Tap {
  int index;
  float weight;
};

// Per output coordinate, the source samples and weights along one axis.
// Shrinking: area averaging (each output covers src/dst input pixels, partial
// pixels weighted by overlap) - no aliasing. Enlarging: bilinear with pixel
// centres aligned (TF's half_pixel_centers), edges clamped.
std::vector<std::vector<Tap>> axis_taps(int src, int dst, const char** method) {
  std::vector<std::vector<Tap>> taps(static_cast<std::size_t>(dst));
  const double scale = static_cast<double>(src) / dst;
  if (src == dst) {
    *method = "none";
    for (int i = 0; i < dst; ++i) taps[i].push_back({i, 1.0f});
  } else if (src > dst) {
    *method = "area";
    for (int i = 0; i < dst; ++i) {
      const double lo = i * scale, hi = (i + 1) * scale;
      for (int j = static_cast<int>(std::floor(lo)); j < src && j < hi; ++j) {
        const double overlap = std::min(hi, j + 1.0) - std::max(lo, static_cast<double>(j));
        if (overlap > 0) taps[i].push_back({j, static_cast<float>(overlap / scale)});
      }
    }
  } else {
    *method = "bilinear";
    for (int i = 0; i < dst; ++i) {
      double s = (i + 0.5) * scale - 0.5;
      s = std::clamp(s, 0.0, static_cast<double>(src - 1));
      const int j0 = static_cast<int>(std::floor(s));
      const int j1 = std::min(j0 + 1, src - 1);
      const float f = static_cast<float>(s - j0);
      taps[i].push_back({j0, 1.0f - f});
      if (f > 0) taps[i].push_back({j1, f});
    }
  }
  return taps;
}

}  // namespace

Image resize_image(const Image& src, int width, int height, std::string* method) {
  const char* mx = "none";
  const char* my = "none";
  const auto tx = axis_taps(src.width, width, &mx);
  const auto ty = axis_taps(src.height, height, &my);
  *method = std::strcmp(mx, my) == 0 ? std::string(mx) : std::string(mx) + " x, " + my + " y";
  const int c = src.channels;
  // Horizontal pass: src.height x width.
  std::vector<float> mid(static_cast<std::size_t>(src.height) * width * c, 0.0f);
  for (int y = 0; y < src.height; ++y) {
    for (int x = 0; x < width; ++x) {
      for (const Tap& t : tx[x]) {
        const float* s = &src.pixels[(static_cast<std::size_t>(y) * src.width + t.index) * c];
        float* d = &mid[(static_cast<std::size_t>(y) * width + x) * c];
        for (int k = 0; k < c; ++k) d[k] += t.weight * s[k];
      }
    }
  }
  Image out;
  out.width = width;
  out.height = height;
  out.channels = c;
  out.pixels.assign(static_cast<std::size_t>(height) * width * c, 0.0f);
  for (int y = 0; y < height; ++y) {
    for (const Tap& t : ty[y]) {
      const float* s = &mid[static_cast<std::size_t>(t.index) * width * c];
      float* d = &out.pixels[static_cast<std::size_t>(y) * width * c];
      for (int i = 0; i < width * c; ++i) d[i] += t.weight * s[i];
    }
  }
  // Weights sum to 1 up to rounding; keep pixels inside 0..255.
  for (float& p : out.pixels) p = std::clamp(p, 0.0f, 255.0f);
  return out;
}

Image convert_channels(const Image& src, int channels) {
  if (src.channels == channels) return src;
  Image out;
  out.width = src.width;
  out.height = src.height;
  out.channels = channels;
  const std::size_t n = static_cast<std::size_t>(src.width) * src.height;
  out.pixels.resize(n * channels);
  for (std::size_t i = 0; i < n; ++i) {
    if (src.channels == 1) {
      for (int k = 0; k < channels; ++k) out.pixels[i * channels + k] = src.pixels[i];
    } else {
      const float* p = &src.pixels[i * src.channels];
      const float gray = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
      for (int k = 0; k < channels; ++k) out.pixels[i * channels + k] = gray;
    }
  }
  return out;
}

bool image_to_tensor(const Image& image, const Tensor& input, void* dst, std::string* error) {
  const std::size_t n = image.pixels.size();
  const std::size_t elem = data_type_size(input.type);
  if (elem == 0 || n * elem != input.bytes) {
    *error = "internal: image of " + std::to_string(n) + " values does not fill input tensor '" + input.name + "' (" +
             std::to_string(input.bytes) + " bytes)";
    return false;
  }
  if (input.type == DataType::kFloat32) {
    float* out = static_cast<float*>(dst);
    for (std::size_t i = 0; i < n; ++i) out[i] = image.pixels[i] / 255.0f;
    return true;
  }
  if (input.type != DataType::kInt8 && input.type != DataType::kUInt8) {
    *error = std::string("images can fill float32, int8 or uint8 inputs; input tensor '") + input.name + "' is " +
             data_type_name(input.type) + "; give a raw tensor file";
    return false;
  }
  const float scale = input.quant.scale();
  if (!input.quant.is_quantized() || !(scale > 0.0f) || !std::isfinite(scale)) {
    *error = std::string("input tensor '") + input.name +
             "' is integer but has no usable quantization scale; give a raw tensor file";
    return false;
  }
  const int32_t zp = input.quant.zero_point();
  const int32_t lo = input.type == DataType::kInt8 ? -128 : 0;
  const int32_t hi = input.type == DataType::kInt8 ? 127 : 255;
  for (std::size_t i = 0; i < n; ++i) {
    // TFLite's Quantize: round(x / scale) + zero_point, round half away from zero.
    const double q = std::round(static_cast<double>(image.pixels[i] / 255.0f) / scale) + zp;
    const int32_t v = static_cast<int32_t>(std::clamp(q, static_cast<double>(lo), static_cast<double>(hi)));
    if (input.type == DataType::kInt8) {
      static_cast<int8_t*>(dst)[i] = static_cast<int8_t>(v);
    } else {
      static_cast<uint8_t*>(dst)[i] = static_cast<uint8_t>(v);
    }
  }
  return true;
}

namespace {

bool has_suffix(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  if (s.size() < n) return false;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - n + i])) != suffix[i]) return false;
  }
  return true;
}

}  // namespace

bool load_input_file(const std::string& path, const Tensor& input, void* dst, std::string* description,
                     std::string* error) {
  AlignedBytes file;
  if (!read_file_aligned(path, "input", kMaxFileBytes, &file, error)) return false;
  const uint8_t* b = file.data();
  const std::size_t n = file.size();
  // .bin/.raw are always raw tensors (their first bytes could look like "P5 ").
  const bool force_raw = has_suffix(path, ".bin") || has_suffix(path, ".raw");
  if (!force_raw && (is_npy(b, n) || has_suffix(path, ".npy"))) {
    if (!npy_to_tensor(b, n, input, dst, description, error)) {
      *error = "cannot use '" + path + "': " + *error;
      return false;
    }
    *description = "'" + path + "': " + *description;
    return true;
  }
  const bool pgm = !force_raw && (is_pgm(b, n) || has_suffix(path, ".pgm"));
  const bool png = !force_raw && !pgm && (is_png(b, n) || has_suffix(path, ".png"));
  const std::string tensor_text = std::string("input tensor '") + input.name + "' (" + data_type_name(input.type) +
                                  " " + shape_text(input.shape) + ", " + std::to_string(input.bytes) + " bytes)";
  if (!pgm && !png) {
    if (n != input.bytes) {
      *error = "raw input '" + path + "' is " + std::to_string(n) + " bytes but " + tensor_text + " needs exactly " +
               std::to_string(input.bytes) + " (PGM and PNG images are recognised by their header)";
      return false;
    }
    std::memcpy(dst, b, n);
    *description = "raw tensor file '" + path + "' (" + std::to_string(n) + " bytes)";
    return true;
  }
  ImageGeometry g;
  if (!image_geometry(input, &g, error)) {
    *error = "cannot use image '" + path + "': " + *error;
    return false;
  }
  Image image;
  std::string decode_error;
  const bool ok = pgm ? decode_pgm(b, n, &image, &decode_error) : decode_png(b, n, g.channels, &image, &decode_error);
  if (!ok) {
    *error = "cannot use image '" + path + "': " + decode_error;
    return false;
  }
  const int source_w = image.width, source_h = image.height;
  const std::string source = image.source;
  image = convert_channels(image, g.channels);
  std::string method;
  image = resize_image(image, g.width, g.height, &method);
  if (!image_to_tensor(image, input, dst, error)) return false;
  *description = std::string(pgm ? "PGM" : "PNG") + " image '" + path + "' " + std::to_string(source_w) + "x" +
                 std::to_string(source_h) + " " + source + " -> " + std::to_string(g.width) + "x" +
                 std::to_string(g.height) + "x" + std::to_string(g.channels) + " (scaling: " + method + "), as " +
                 data_type_name(input.type) +
                 (input.type == DataType::kFloat32 ? " pixel/255" : " quantized pixel/255");
  return true;
}

}  // namespace tinyinfer::cli
