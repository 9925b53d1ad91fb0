#pragma once

#include "input/byte_source.hpp"

#include <tl/expected.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace waudit::input {

// A file opened read-only and read sequentially.
class FileSource final : public ByteSource {
 public:
  [[nodiscard]] static tl::expected<std::unique_ptr<FileSource>, Problem> open(
      const std::filesystem::path& path);

  [[nodiscard]] tl::expected<std::size_t, Problem> read(std::span<char> buffer) override;

 private:
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };

  explicit FileSource(std::FILE* file) : file_(file) {}

  std::unique_ptr<std::FILE, Closer> file_;
};

}  // namespace waudit::input
