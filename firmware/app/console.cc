#include "app/console.h"

#include <cmath>
#include <cstdint>

#include "boards/board.h"

namespace tinyinfer::app {
namespace {

// Where formatted characters go: the UART or a bounded buffer.
struct Sink {
  char* buffer = nullptr;  // null: UART
  std::size_t size = 0;
  std::size_t length = 0;

  void put(char c) {
    if (buffer == nullptr) {
      if (c == '\n') board::uart_put('\r');
      board::uart_put(static_cast<uint8_t>(c));
    } else if (length + 1 < size) {
      buffer[length] = c;
    }
    ++length;
  }
  void puts(const char* s) {
    while (*s != '\0') put(*s++);
  }
};

void put_unsigned(Sink* sink, uint64_t value, unsigned base, int min_digits) {
  char digits[24];
  int n = 0;
  do {
    const unsigned d = static_cast<unsigned>(value % base);
    digits[n++] = static_cast<char>(d < 10 ? '0' + d : 'a' + d - 10);
    value /= base;
  } while (value != 0 && n < 24);
  while (n < min_digits && n < 24) digits[n++] = '0';
  while (n > 0) sink->put(digits[--n]);
}

void put_signed(Sink* sink, int64_t value) {
  if (value < 0) {
    sink->put('-');
    put_unsigned(sink, static_cast<uint64_t>(-(value + 1)) + 1, 10, 1);
  } else {
    put_unsigned(sink, static_cast<uint64_t>(value), 10, 1);
  }
}

// Fixed-point like printf("%.*f"): rounds half away from zero at the last
// digit. Magnitudes beyond 2^63 / 10^decimals print as "big".
void put_float(Sink* sink, double value, int decimals) {
  if (std::isnan(value)) return sink->puts("nan");
  if (std::isinf(value)) return sink->puts(value < 0 ? "-inf" : "inf");
  uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const bool negative = std::signbit(value);
  const double magnitude = std::fabs(value);
  if (magnitude * static_cast<double>(scale) >= 9.2e18) {
    return sink->puts(negative ? "-big" : "big");
  }
  const uint64_t fixed = static_cast<uint64_t>(magnitude * static_cast<double>(scale) + 0.5);
  if (negative) sink->put('-');
  put_unsigned(sink, fixed / scale, 10, 1);
  if (decimals > 0) {
    sink->put('.');
    put_unsigned(sink, fixed % scale, 10, decimals);
  }
}

void format_to(Sink* sink, const char* f, va_list args) {
  while (*f != '\0') {
    if (*f != '%') {
      sink->put(*f++);
      continue;
    }
    ++f;
    int precision = -1;
    if (*f == '.') {
      ++f;
      precision = 0;
      while (*f >= '0' && *f <= '9') precision = precision * 10 + (*f++ - '0');
      if (precision > 9) precision = 9;
    }
    int longs = 0;
    bool size_t_arg = false;
    while (*f == 'l') ++longs, ++f;
    if (*f == 'z') size_t_arg = true, ++f;
    const char conversion = *f;
    if (conversion == '\0') break;
    ++f;
    switch (conversion) {
      case 'd':
      case 'i': {
        const int64_t v = longs >= 2   ? va_arg(args, long long)
                          : longs == 1 ? va_arg(args, long)
                          : size_t_arg ? static_cast<int64_t>(va_arg(args, std::size_t))
                                       : va_arg(args, int);
        put_signed(sink, v);
        break;
      }
      case 'u':
      case 'x': {
        const uint64_t v = longs >= 2   ? va_arg(args, unsigned long long)
                           : longs == 1 ? va_arg(args, unsigned long)
                           : size_t_arg ? va_arg(args, std::size_t)
                                        : va_arg(args, unsigned);
        put_unsigned(sink, v, conversion == 'x' ? 16 : 10, 1);
        break;
      }
      case 's': {
        const char* s = va_arg(args, const char*);
        sink->puts(s != nullptr ? s : "(null)");
        break;
      }
      case 'c':
        sink->put(static_cast<char>(va_arg(args, int)));
        break;
      case 'f':
        put_float(sink, va_arg(args, double), precision < 0 ? 6 : precision);
        break;
      case '%':
        sink->put('%');
        break;
      default:  // unsupported conversion: show it rather than misread args
        sink->put('%');
        sink->put(conversion);
        break;
    }
  }
}

}  // namespace

void vprint(const char* fmt, va_list args) {
  Sink sink;
  format_to(&sink, fmt, args);
}

void print(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  vprint(fmt, args);
  va_end(args);
}

std::size_t format(char* buffer, std::size_t size, const char* fmt, ...) {
  Sink sink;
  sink.buffer = buffer;
  sink.size = size;
  va_list args;
  va_start(args, fmt);
  format_to(&sink, fmt, args);
  va_end(args);
  if (size > 0) buffer[sink.length < size ? sink.length : size - 1] = '\0';
  return sink.length < size ? sink.length : (size > 0 ? size - 1 : 0);
}

}  // namespace tinyinfer::app
