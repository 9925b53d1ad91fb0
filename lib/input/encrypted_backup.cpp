#include "input/encrypted_backup.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace waudit::input {
namespace {

constexpr std::size_t kChunk = std::size_t{64} << 10;
constexpr std::size_t kTagSize = 16;
constexpr std::size_t kMd5Size = 16;
constexpr std::size_t kHeadBytes = 512;  // more than any header: its length is one byte
constexpr std::size_t kCrypt12Header = 67;
constexpr std::size_t kCrypt12IvOffset = 51;
constexpr std::size_t kCrypt12SaltOffset = 3;
constexpr std::size_t kCrypt12Tail = 4;  // "--" and the last two digits of the owner's number
// The first ciphertext bytes decrypted with each key to find the one that fits: a wrong key
// gives bytes that are no zlib stream, long before the tag could say so.
constexpr std::size_t kTrialBytes = 4096;
// A database deflates 3-10:1; a zlib bomb up to 1032:1. Past the floor, more is refused.
constexpr std::uint64_t kMaxInflateRatio = 100;
constexpr std::uint64_t kMinInflateCap = std::uint64_t{256} << 20;

constexpr std::string_view kSqliteMagic("SQLite format 3\0", 16);
constexpr std::string_view kZipMagic("PK\x03\x04", 4);

Problem problem(std::string message) {
  return Problem{std::move(message), std::nullopt};
}

// ---------------------------------------------------------------------------------------------
// Reading the input

class InputFile {
 public:
  static tl::expected<InputFile, Problem> open(const std::filesystem::path& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      return tl::unexpected(problem("cannot open the backup"));
    }
    return InputFile(file);
  }

  // Reads exactly out.size() bytes at `offset`.
  bool read_at(std::uint64_t offset, std::span<char> out) {
    return std::fseek(file_.get(), static_cast<long>(offset), SEEK_SET) == 0 &&
           std::fread(out.data(), 1, out.size(), file_.get()) == out.size();
  }

 private:
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };

  explicit InputFile(std::FILE* file) : file_(file) {}

  std::unique_ptr<std::FILE, Closer> file_;
};

// ---------------------------------------------------------------------------------------------
// The header: a protobuf, walked by hand (varints and length-delimited fields only)

struct Field {
  std::uint64_t number = 0;
  std::uint64_t varint = 0;
  std::string_view bytes;  // for length-delimited fields
};

class ProtoReader {
 public:
  explicit ProtoReader(std::string_view data) : data_(data) {}

  // The next field; false at the end or on malformed data (then failed() is true).
  bool next(Field& field) {
    if (data_.empty()) {
      return false;
    }
    std::uint64_t key = 0;
    if (!varint(key)) {
      return fail();
    }
    field = Field{key >> 3U, 0, {}};
    switch (key & 7U) {
      case 0:
        return varint(field.varint) || fail();
      case 2: {
        std::uint64_t length = 0;
        if (!varint(length) || length > data_.size()) {
          return fail();
        }
        field.bytes = data_.substr(0, length);
        data_.remove_prefix(length);
        return true;
      }
      default:
        return fail();  // fixed-width fields do not occur in backup headers
    }
  }

  bool failed() const { return failed_; }

 private:
  bool varint(std::uint64_t& value) {
    value = 0;
    for (unsigned shift = 0; shift < 64 && !data_.empty(); shift += 7) {
      const auto byte = static_cast<std::uint8_t>(data_.front());
      data_.remove_prefix(1);
      value |= std::uint64_t{byte & 0x7FU} << shift;
      if ((byte & 0x80U) == 0) {
        return true;
      }
    }
    return false;
  }

  bool fail() {
    failed_ = true;
    return false;
  }

  std::string_view data_;
  bool failed_ = false;
};

template <std::size_t N>
bool copy_exact(std::string_view bytes, std::array<std::uint8_t, N>& out) {
  if (bytes.size() != N) {
    return false;
  }
  std::transform(bytes.begin(), bytes.end(), out.begin(),
                 [](char c) { return static_cast<std::uint8_t>(c); });
  return true;
}

const Problem& not_a_backup() {
  static const Problem kProblem =
      problem("not a WhatsApp encrypted backup (no crypt12, crypt14 or crypt15 header); skipped");
  return kProblem;
}

// crypt14: field 2 {3: server salt, 5: IV}; crypt15: field 3 {1: IV} (research 3.3).
bool read_key_fields(std::string_view protobuf, BackupHeader& header) {
  ProtoReader reader(protobuf);
  Field field;
  bool iv = false;
  while (reader.next(field)) {
    if (field.number != 2 && field.number != 3) {
      continue;
    }
    header.format = field.number == 2 ? BackupFormat::crypt14 : BackupFormat::crypt15;
    ProtoReader inner(field.bytes);
    Field sub;
    while (inner.next(sub)) {
      if (field.number == 2 && sub.number == 3) {
        header.server_salt.emplace();
        copy_exact(sub.bytes, *header.server_salt);
      }
      if ((field.number == 2 && sub.number == 5) || (field.number == 3 && sub.number == 1)) {
        iv = copy_exact(sub.bytes, header.iv);
      }
    }
  }
  return iv && !reader.failed();
}

tl::expected<BackupHeader, Problem> parse_header(std::string_view head, std::uint64_t size) {
  BackupHeader header;
  header.file_size = size;
  if (head.size() >= 2 && head[0] == '\0' && head[1] == '\x01') {  // crypt12: fixed layout
    if (size < kCrypt12Header + kTagSize + kMd5Size + kCrypt12Tail) {
      return tl::unexpected(problem("truncated: shorter than a crypt12 header; skipped"));
    }
    header.format = BackupFormat::crypt12;
    header.payload_offset = kCrypt12Header;
    header.server_salt.emplace();
    copy_exact(head.substr(kCrypt12SaltOffset, 32), *header.server_salt);
    copy_exact(head.substr(kCrypt12IvOffset, 16), header.iv);
    return header;
  }
  if (head.size() < 2) {
    return tl::unexpected(not_a_backup());
  }
  const std::size_t length = static_cast<std::uint8_t>(head[0]);
  // A feature-table marker 0x01 may follow; a protobuf never starts with 0x01.
  const std::size_t start = head[1] == '\x01' ? 2 : 1;
  if (start + length + kTagSize > size) {
    return tl::unexpected(
        problem("truncated: the backup header runs past the end of the file; skipped"));
  }
  header.payload_offset = start + length;
  if (length == 0 || !read_key_fields(head.substr(start, length), header)) {
    return tl::unexpected(not_a_backup());
  }
  return header;
}

// ---------------------------------------------------------------------------------------------
// Where the ciphertext and the tag are

struct Layout {
  std::uint64_t ciphertext_end = 0;
  std::uint64_t tag_offset = 0;
  bool checksum_ok = false;  // the MD5 trailer matched: the file is as WhatsApp wrote it
};

tl::expected<bool, Problem> md5_matches(InputFile& file, std::uint64_t end) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  &EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_md5(), nullptr) != 1) {
    return tl::unexpected(problem("cannot compute MD5 (OpenSSL)"));
  }
  std::vector<char> buffer(kChunk);
  for (std::uint64_t offset = 0; offset < end;) {
    const std::size_t count =
        static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, end - offset));
    if (!file.read_at(offset, std::span(buffer.data(), count))) {
      return tl::unexpected(problem("read error"));
    }
    EVP_DigestUpdate(context.get(), buffer.data(), count);
    offset += count;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_size = 0;
  EVP_DigestFinal_ex(context.get(), digest.data(), &digest_size);
  std::array<char, kMd5Size> stored{};
  if (!file.read_at(end, stored)) {
    return tl::unexpected(problem("read error"));
  }
  return std::equal(stored.begin(), stored.end(), digest.begin(),
                    [](char a, unsigned char b) { return static_cast<unsigned char>(a) == b; });
}

// The tag sits before the MD5 trailer. A checksum that does not match means damage somewhere;
// GCM then tells whether the data itself is intact (a changed header byte is harmless: the
// header holds only hints). Backups without the trailer are ZIPs inside, which the trial
// decryption recognises first.
tl::expected<Layout, Problem> find_layout(InputFile& file, const BackupHeader& header) {
  const std::uint64_t tail = header.format == BackupFormat::crypt12 ? kCrypt12Tail : 0;
  if (header.file_size < header.payload_offset + tail + kMd5Size + kTagSize) {
    return tl::unexpected(problem("truncated: no encrypted data after the header; skipped"));
  }
  const std::uint64_t md5_offset = header.file_size - tail - kMd5Size;
  auto matches = md5_matches(file, md5_offset);
  if (!matches) {
    return tl::unexpected(matches.error());
  }
  Layout layout;
  layout.checksum_ok = *matches;
  layout.tag_offset = md5_offset - kTagSize;
  layout.ciphertext_end = layout.tag_offset;
  return layout;
}

// ---------------------------------------------------------------------------------------------
// Keys

// crypt15: HKDF-SHA256(root, salt = 32 zero bytes, info = "backup encryption", 32 bytes); one
// output block, so two HMACs (RFC 5869; research 3.4).
SecretKey derive_crypt15_key(const SecretKey& root) {
  static constexpr std::array<unsigned char, 32> kZeroSalt{};
  static constexpr std::string_view kInfo("backup encryption\x01", 18);
  std::array<unsigned char, EVP_MAX_MD_SIZE> prk{};
  std::array<unsigned char, EVP_MAX_MD_SIZE> okm{};
  unsigned int size = 0;
  HMAC(EVP_sha256(), kZeroSalt.data(), kZeroSalt.size(), root.bytes().data(), root.bytes().size(),
       prk.data(), &size);
  HMAC(EVP_sha256(), prk.data(), 32, reinterpret_cast<const unsigned char*>(kInfo.data()),
       kInfo.size(), okm.data(), &size);
  std::array<std::uint8_t, 32> key{};
  std::copy_n(okm.begin(), key.size(), key.begin());
  SecretKey derived(key);
  OPENSSL_cleanse(prk.data(), prk.size());
  OPENSSL_cleanse(okm.data(), okm.size());
  OPENSSL_cleanse(key.data(), key.size());
  return derived;
}

// The AES keys to try, best guess first; an error naming the key the backup needs when none
// of the given keys is of its kind.
tl::expected<std::vector<SecretKey>, Problem> candidate_keys(const BackupHeader& header,
                                                             const BackupKeys& keys) {
  std::vector<SecretKey> candidates;
  if (header.format == BackupFormat::crypt15) {
    for (const SecretKey& root : keys.roots) {
      candidates.push_back(derive_crypt15_key(root));
    }
  } else {
    for (const bool same_salt : {true, false}) {  // the key file of this installation first
      for (const ClassicKey& key : keys.classics) {
        if ((header.server_salt == key.server_salt) == same_salt) {
          candidates.push_back(key.aes);
        }
      }
    }
  }
  if (!candidates.empty()) {
    return candidates;
  }
  const std::string given = keys.empty() ? "no key was given"
                            : header.format == BackupFormat::crypt15
                                ? "the key given is a crypt12/14 `key` file"
                                : "the key given is a crypt15 key";
  if (header.format == BackupFormat::crypt15) {
    return tl::unexpected(problem(fmt::format(
        "end-to-end encrypted backup (crypt15) needs its 64-digit key or the "
        "encrypted_backup.key file, with --key-file FILE or WAUDIT_BACKUP_KEY ({}; a backup "
        "protected only by a password cannot be decrypted offline); skipped",
        given)));
  }
  return tl::unexpected(
      problem(fmt::format("encrypted backup ({}) needs the `key` file of the phone's WhatsApp "
                          "(/data/data/com.whatsapp/files/key), with --key-file FILE ({}); skipped",
                          to_string(header.format), given)));
}

// ---------------------------------------------------------------------------------------------
// AES-256-GCM with WhatsApp's 16-byte IV, and zlib

class Gcm {
 public:
  Gcm(const SecretKey& key, const std::array<std::uint8_t, 16>& iv)
      : context_(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free) {
    ok_ = context_ &&
          EVP_DecryptInit_ex(context_.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
          EVP_CIPHER_CTX_ctrl(context_.get(), EVP_CTRL_GCM_SET_IVLEN, 16, nullptr) == 1 &&
          EVP_DecryptInit_ex(context_.get(), nullptr, nullptr, key.bytes().data(), iv.data()) == 1;
  }

  bool ok() const { return ok_; }

  // Decrypts `in` into `out` (same size); the bytes are unauthenticated until finish().
  bool update(std::span<const char> in, std::span<char> out) {
    int written = 0;
    return EVP_DecryptUpdate(context_.get(), reinterpret_cast<unsigned char*>(out.data()), &written,
                             reinterpret_cast<const unsigned char*>(in.data()),
                             static_cast<int>(in.size())) == 1 &&
           static_cast<std::size_t>(written) == in.size();
  }

  // Whether `tag` authenticates everything decrypted.
  bool finish(std::array<char, kTagSize>& tag) {
    std::array<unsigned char, 16> rest{};
    int written = 0;
    return EVP_CIPHER_CTX_ctrl(context_.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
           EVP_DecryptFinal_ex(context_.get(), rest.data(), &written) == 1;
  }

 private:
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> context_;
  bool ok_ = false;
};

enum class InflateState { running, done, corrupt, too_large, write_failed };

// Inflates a zlib stream piece by piece into a file, keeping its first bytes for a look.
class Inflater {
 public:
  Inflater(std::FILE* out, std::uint64_t cap) : out_(out), cap_(cap) {
    ok_ = inflateInit(&stream_) == Z_OK;
  }

  ~Inflater() { inflateEnd(&stream_); }

  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  Inflater(Inflater&&) = delete;
  Inflater& operator=(Inflater&&) = delete;

  InflateState state() const { return ok_ ? state_ : InflateState::corrupt; }

  std::string_view head() const { return head_; }

  std::uint64_t written() const { return total_; }

  void feed(std::span<const char> in);

 private:
  z_stream stream_{};
  std::FILE* out_;
  std::uint64_t cap_;
  bool ok_ = false;
  InflateState state_ = InflateState::running;
  std::string head_;
  std::uint64_t total_ = 0;
  std::array<char, kChunk> buffer_{};
};

void Inflater::feed(std::span<const char> in) {
  if (!ok_ || state_ != InflateState::running) {
    return;  // after the end of the stream, or after an error: the rest is only authenticated
  }
  stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream_.avail_in = static_cast<uInt>(in.size());
  while (state_ == InflateState::running && (stream_.avail_in > 0 || stream_.avail_out == 0)) {
    stream_.next_out = reinterpret_cast<Bytef*>(buffer_.data());
    stream_.avail_out = static_cast<uInt>(buffer_.size());
    const int result = inflate(&stream_, Z_NO_FLUSH);
    const std::size_t produced = buffer_.size() - stream_.avail_out;
    if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR) {
      state_ = InflateState::corrupt;
      return;
    }
    if (head_.size() < kSqliteMagic.size()) {
      head_.append(buffer_.data(), std::min(produced, kSqliteMagic.size() - head_.size()));
    }
    total_ += produced;
    if (total_ > cap_) {
      state_ = InflateState::too_large;
    } else if (out_ != nullptr && std::fwrite(buffer_.data(), 1, produced, out_) != produced) {
      state_ = InflateState::write_failed;
    } else if (result == Z_STREAM_END) {
      state_ = InflateState::done;
    } else if (result == Z_BUF_ERROR || produced == 0) {
      return;  // needs more input
    }
  }
}

enum class Trial { no_fit, fits, archive };

// What `key` turns the first ciphertext bytes into: a zlib stream (the key fits; the tag will
// confirm it), the start of a ZIP (incremental and multi-file backups), or noise. Noise is told
// apart at once: a wrong key gives no valid zlib header and block structure for long.
Trial try_key(InputFile& file, const BackupHeader& header, const Layout& layout,
              const SecretKey& key) {
  const std::size_t size = static_cast<std::size_t>(
      std::min<std::uint64_t>(kTrialBytes, layout.ciphertext_end - header.payload_offset));
  std::vector<char> cipher(size);
  std::vector<char> plain(size);
  Gcm gcm(key, header.iv);
  if (!gcm.ok() || !file.read_at(header.payload_offset, cipher) || !gcm.update(cipher, plain)) {
    return Trial::no_fit;
  }
  if (std::string_view(plain.data(), plain.size()).starts_with(kZipMagic)) {
    return Trial::archive;
  }
  Inflater inflater(nullptr, kTrialBytes * 1032);
  inflater.feed(plain);
  if (inflater.state() == InflateState::corrupt) {
    return Trial::no_fit;
  }
  if (inflater.head().starts_with(kZipMagic)) {
    return Trial::archive;
  }
  const bool enough =
      inflater.head().size() == kSqliteMagic.size() || inflater.state() == InflateState::done;
  return enough ? Trial::fits : Trial::no_fit;
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// What to say about a failed decryption, most specific first.
Problem decryption_problem(bool tag_ok, const Layout& layout, const Inflater& inflater) {
  if (!tag_ok) {
    return problem(layout.checksum_ok
                       ? "authentication failed: the data does not match its GCM tag (the file "
                         "was altered, or the key is wrong); skipped"
                       : "truncated or damaged: neither its MD5 checksum nor its GCM tag "
                         "matches; skipped");
  }
  switch (inflater.state()) {
    case InflateState::too_large:
      return problem(fmt::format("decrypted database larger than {} MiB ({}x the backup); skipped",
                                 inflater.written() >> 20, kMaxInflateRatio));
    case InflateState::write_failed:
      return problem("cannot write the decrypted database to the temporary directory; skipped");
    case InflateState::running:
      return problem("corrupt backup: the compressed database ends early; skipped");
    default:
      break;
  }
  return problem(inflater.state() == InflateState::corrupt
                     ? "corrupt backup: the decrypted data is no zlib stream; skipped"
                     : "decrypted, but not an SQLite database; skipped");
}

tl::expected<DecryptedBackup, Problem> decrypt_with(InputFile& file, const BackupHeader& header,
                                                    const Layout& layout, const SecretKey& key,
                                                    const std::filesystem::path& output) {
  std::unique_ptr<std::FILE, FileCloser> out(std::fopen(output.c_str(), "wb"));
  if (!out) {
    return tl::unexpected(problem("cannot write the decrypted database; skipped"));
  }
  const std::uint64_t ciphertext = layout.ciphertext_end - header.payload_offset;
  Inflater inflater(out.get(), std::max(kMinInflateCap, ciphertext * kMaxInflateRatio));
  Gcm gcm(key, header.iv);
  std::vector<char> cipher(kChunk);
  std::vector<char> plain(kChunk);
  for (std::uint64_t offset = header.payload_offset; offset < layout.ciphertext_end;) {
    const auto count =
        static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, layout.ciphertext_end - offset));
    if (!gcm.ok() || !file.read_at(offset, std::span(cipher.data(), count)) ||
        !gcm.update(std::span(cipher.data(), count), std::span(plain.data(), count))) {
      return tl::unexpected(problem("read or decryption error; skipped"));
    }
    inflater.feed(std::span(plain.data(), count));
    offset += count;
  }
  std::array<char, kTagSize> tag{};
  const bool tag_ok = file.read_at(layout.tag_offset, tag) && gcm.finish(tag);
  const bool flushed = std::fflush(out.get()) == 0;
  if (!tag_ok || inflater.state() != InflateState::done ||
      !inflater.head().starts_with(kSqliteMagic) || !flushed) {
    return tl::unexpected(decryption_problem(tag_ok, layout, inflater));
  }
  return DecryptedBackup{layout.checksum_ok};
}

}  // namespace

std::string_view to_string(BackupFormat format) {
  switch (format) {
    case BackupFormat::crypt12:
      return "crypt12";
    case BackupFormat::crypt14:
      return "crypt14";
    case BackupFormat::crypt15:
      break;
  }
  return "crypt15";
}

std::optional<BackupFormat> format_from_name(std::string_view file_name) {
  std::string lower(file_name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const BackupFormat format :
       {BackupFormat::crypt12, BackupFormat::crypt14, BackupFormat::crypt15}) {
    if (lower.ends_with(fmt::format(".{}", to_string(format)))) {
      return format;
    }
  }
  return std::nullopt;
}

tl::expected<BackupHeader, Problem> read_backup_header(const std::filesystem::path& path) {
  std::error_code error;
  const std::uint64_t size = std::filesystem::file_size(path, error);
  auto file = InputFile::open(path);
  if (error || !file) {
    return tl::unexpected(problem("cannot open the backup"));
  }
  std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(kHeadBytes, size)), '\0');
  if (!file->read_at(0, head)) {
    return tl::unexpected(problem("read error"));
  }
  return parse_header(head, size);
}

tl::expected<DecryptedBackup, Problem> decrypt_backup(const std::filesystem::path& path,
                                                      const BackupHeader& header,
                                                      const BackupKeys& keys,
                                                      const std::filesystem::path& output) {
  auto candidates = candidate_keys(header, keys);
  if (!candidates) {
    return tl::unexpected(candidates.error());
  }
  auto file = InputFile::open(path);
  if (!file) {
    return tl::unexpected(file.error());
  }
  auto layout = find_layout(*file, header);
  if (!layout) {
    return tl::unexpected(layout.error());
  }
  for (const SecretKey& key : *candidates) {
    switch (try_key(*file, header, *layout, key)) {
      case Trial::fits:
        return decrypt_with(*file, header, *layout, key, output);
      case Trial::archive:
        return tl::unexpected(
            problem("incremental or multi-file backup (a ZIP inside), not supported; skipped"));
      case Trial::no_fit:
        break;
    }
  }
  return tl::unexpected(
      problem(layout->checksum_ok
                  ? fmt::format("wrong key: {} given does not decrypt this backup; skipped",
                                candidates->size() == 1 ? "the key" : "none of the keys")
                  : "wrong key, or a damaged or truncated file (its MD5 checksum does not match); "
                    "skipped"));
}

}  // namespace waudit::input
