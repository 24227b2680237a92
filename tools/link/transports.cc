// The three ways to the board: a serial port (termios raw 8N1), a TCP
// socket, and a QEMU started here with the link UART on a Unix socket.
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include "firmware_lookup.h"
#include "link_client.h"
#include "qemu_session.h"
#include "subprocess.h"

namespace tinyinfer::link_client {
namespace {

std::string errno_text(const std::string& what) { return what + ": " + std::strerror(errno); }

// A file descriptor both ways (serial port or socket).
class FdTransport : public Transport {
 public:
  FdTransport(int fd, std::string description) : fd_(fd), description_(std::move(description)) {}
  ~FdTransport() override {
    if (fd_ >= 0) close(fd_);
  }
  bool write(const uint8_t* data, std::size_t size, std::string* error) override {
    std::size_t done = 0;
    while (done < size) {
      const ssize_t n = ::write(fd_, data + done, size - done);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
        pollfd p{fd_, POLLOUT, 0};
        poll(&p, 1, 100);
        continue;
      }
      if (n <= 0) return *error = errno_text("write to " + description_), false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }
  bool read(std::vector<uint8_t>* out, int timeout_ms, std::string* error) override {
    pollfd p{fd_, POLLIN, 0};
    const int ready = poll(&p, 1, timeout_ms);
    if (ready < 0 && errno != EINTR) return *error = errno_text("poll " + description_), false;
    if (ready <= 0) return true;
    uint8_t buffer[4096];
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n == 0) return *error = description_ + ": the other end closed the line", false;
    if (n < 0) return errno == EINTR || errno == EAGAIN ? true : (*error = errno_text("read " + description_), false);
    out->insert(out->end(), buffer, buffer + n);
    return true;
  }
  std::string describe() const override { return description_; }

 protected:
  int fd_;
  std::string description_;
};

speed_t baud_constant(int baud) {
  switch (baud) {
    case 9600:
      return B9600;
    case 19200:
      return B19200;
    case 38400:
      return B38400;
    case 57600:
      return B57600;
    case 115200:
      return B115200;
    case 230400:
      return B230400;
    case 460800:
      return B460800;
    case 921600:
      return B921600;
    default:
      return 0;
  }
}

std::unique_ptr<Transport> open_serial(const std::string& path, int baud, std::string* error) {
  const speed_t speed = baud_constant(baud);
  if (speed == 0) {
    *error = "--baud " + std::to_string(baud) + ": not one of 9600 19200 38400 57600 115200 230400 460800 921600";
    return nullptr;
  }
  const int fd = open(path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return *error = errno_text(path), nullptr;
  termios tio;
  if (tcgetattr(fd, &tio) != 0) {
    *error = errno_text(path + " is not a serial port (tcgetattr)");
    close(fd);
    return nullptr;
  }
  cfmakeraw(&tio);  // no echo, no line editing, no CR/LF mapping: binary safe
  tio.c_cflag &= ~(PARENB | CSTOPB | CSIZE | CRTSCTS);
  tio.c_cflag |= CS8 | CLOCAL | CREAD;  // 8N1, no modem lines
  tio.c_cc[VMIN] = 0;
  tio.c_cc[VTIME] = 0;
  cfsetispeed(&tio, speed);
  cfsetospeed(&tio, speed);
  if (tcsetattr(fd, TCSANOW, &tio) != 0) {
    *error = errno_text(path + ": tcsetattr");
    close(fd);
    return nullptr;
  }
  tcflush(fd, TCIOFLUSH);
  return std::make_unique<FdTransport>(fd, "serial " + path + " " + std::to_string(baud) + " 8N1");
}

std::unique_ptr<Transport> open_tcp(const std::string& host, const std::string& port, std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int rc = getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    *error = "tcp:" + host + ":" + port + ": " + gai_strerror(rc);
    return nullptr;
  }
  int fd = -1;
  std::string last = "no address";
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
      last = std::strerror(errno);
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(found);
  if (fd < 0) return *error = "tcp:" + host + ":" + port + ": " + last, nullptr;
  return std::make_unique<FdTransport>(fd, "tcp " + host + ":" + port);
}

// QEMU with UART0 (console) on null and UART1 (link) on a Unix socket that
// QEMU serves and waits on: the guest starts only once we are connected, so
// nothing it sends is lost.
class QemuTransport : public FdTransport {
 public:
  QemuTransport() : FdTransport(-1, "") {}
  ~QemuTransport() override {
    if (fd_ >= 0) close(fd_), fd_ = -1;
    qemu_.kill();
    if (!socket_.empty()) unlink(socket_.c_str());
    if (!dir_.empty()) rmdir(dir_.c_str());
  }

  bool start(const std::string& elf, double timeout_s, std::string* error) {
    if (access(elf.c_str(), R_OK) != 0) return *error = errno_text(elf), false;
    char dir[] = "/tmp/tinyinfer-link-XXXXXX";
    if (mkdtemp(dir) == nullptr) return *error = errno_text("mkdtemp"), false;
    dir_ = dir;
    socket_ = dir_ + "/link.sock";
    cli::m7::QemuOptions options = cli::m7::with_environment(cli::m7::QemuOptions());
    options.serial = {"-chardev", "socket,id=link,path=" + socket_ + ",server=on,wait=on",
                      "-serial",  "null",
                      "-serial",  "chardev:link"};
    const std::vector<std::string> command = cli::m7::qemu_command(elf, options);
    cli::SpawnOptions stdio;
    stdio.out = cli::Stdio::kNull;
    stdio.err = cli::Stdio::kPipe;
    if (!qemu_.start(command, stdio, error)) {
      *error += " (install qemu-system-arm: tools/install_deps.sh, or set TINYINFER_QEMU)";
      return false;
    }
    description_ = "qemu " + elf;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(cli::seconds_to_ms(timeout_s));
    for (;;) {
      if (connect_socket()) return true;
      std::string ignored;
      qemu_.read_output(20, &ignored);
      if (!qemu_.output_open() || qemu_.wait(0)) {
        *error = "QEMU ended before the link socket was up: " + qemu_.err();
        return false;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        *error = "QEMU's link socket " + socket_ + " did not come up within " + std::to_string(timeout_s) + " s";
        return false;
      }
    }
  }

 private:
  bool connect_socket() {
    struct stat st;
    if (stat(socket_.c_str(), &st) != 0) return false;
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socket_.c_str(), sizeof address.sun_path - 1);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      close(fd);
      return false;
    }
    fd_ = fd;
    return true;
  }

  cli::Subprocess qemu_;
  std::string dir_, socket_;
};

}  // namespace

std::unique_ptr<Transport> open_transport(const std::string& spec, const ClientOptions& options, std::string* error) {
  if (spec.rfind("tcp:", 0) == 0) {
    const std::string rest = spec.substr(4);
    const std::size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) {
      *error = "transport '" + spec + "': expected tcp:HOST:PORT";
      return nullptr;
    }
    return open_tcp(rest.substr(0, colon), rest.substr(colon + 1), error);
  }
  if (spec == "qemu" || spec.rfind("qemu:", 0) == 0) {
    std::string elf = spec.size() > 5 ? spec.substr(5) : options.qemu_firmware;
    if (elf.empty()) {
      const cli::FirmwareImage image = {"tinyinfer-link-qemu-mps2-an500.elf", "firmware/link",
                                        "TINYINFER_LINK_FIRMWARE", "tinyinfer_link_firmware_qemu_mps2_an500",
                                        "link firmware"};
      if (!cli::find_firmware(image, "", &elf, error)) return nullptr;
    }
    auto qemu = std::make_unique<QemuTransport>();
    if (!qemu->start(elf, options.boot_timeout_s, error)) return nullptr;
    return qemu;
  }
  if (!spec.empty() && spec[0] == '/') return open_serial(spec, options.baud, error);
  *error =
      "transport '" + spec + "': expected a serial device (/dev/ttyUSB0), tcp:HOST:PORT, qemu or qemu:FIRMWARE.elf";
  return nullptr;
}

}  // namespace tinyinfer::link_client
