#include "firmware_lookup.h"

#include <cstdlib>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace tinyinfer::cli {
namespace {

bool is_file(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// Relative to the directory of this executable (<build>/tools/cli): beside
// it, the host build's firmware tree (cmake/firmware_tree.cmake), or a QEMU
// cross tree (m7-qemu preset) beside the host build.
std::vector<std::string> candidates(const FirmwareImage& image) {
  const std::string in_tree = std::string("/") + image.folder + "/" + image.file;
  std::vector<std::string> list;
  char self[4096];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    self[n] = '\0';
    const std::string dir = directory_of(self);
    const std::string build = directory_of(directory_of(dir));
    list.push_back(dir + "/" + image.file);
    list.push_back(build + "/firmware-m7" + in_tree);
    list.push_back(directory_of(build) + "/m7-qemu" + in_tree);
  }
#ifdef TINYINFER_SOURCE_DIR
  list.push_back(std::string(TINYINFER_SOURCE_DIR) + "/build/host/firmware-m7" + in_tree);
  list.push_back(std::string(TINYINFER_SOURCE_DIR) + "/build/m7-qemu" + in_tree);
#endif
  return list;
}

}  // namespace

bool find_firmware(const FirmwareImage& image, const std::string& flag_value, std::string* path, std::string* error) {
  if (!flag_value.empty()) {
    if (!is_file(flag_value)) return *error = "--firmware " + flag_value + ": no such file", false;
    *path = flag_value;
    return true;
  }
  if (const char* env = std::getenv(image.env); env != nullptr && *env != '\0') {
    if (!is_file(env)) return *error = std::string(image.env) + "=" + env + ": no such file", false;
    *path = env;
    return true;
  }
  std::string looked;
  for (const std::string& candidate : candidates(image)) {
    if (is_file(candidate)) {
      *path = candidate;
      return true;
    }
    looked += "\n  " + candidate;
  }
  *error = std::string(image.what) + " " + image.file + " not found; looked in:" + looked +
           "\nbuild it (the host build with TINYINFER_FIRMWARE_TESTS=ON, or cmake --preset m7-qemu && "
           "cmake --build build/m7-qemu --target " +
           image.target + ") or pass --firmware ELF or set " + image.env;
  return false;
}

}  // namespace tinyinfer::cli
