// Status and Result<T>: how sitrep reports expected failures.
//
// Expected failures (bad UTF-8, unreadable file, malformed JSON, missing data file,
// database busy) come back as a Status the caller must look at; exceptions and asserts
// are for bugs only. A successful Status costs one byte and no allocation.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sitrep {

// What kind of failure; also picks the command-line exit code (see cli/exit_codes).
enum class StatusCode : unsigned char {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something impossible (usage error)
  kBadInput,         // user data is unusable: malformed, binary, empty, too large
  kNotFound,         // no such file, document, entry
  kIoError,          // the file system or the database failed
  kInternal,         // a bug or an impossible state
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status BadInput(std::string msg) { return {StatusCode::kBadInput, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status IoError(std::string msg) { return {StatusCode::kIoError, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // A message a user can act on; empty when ok().
  const std::string& message() const { return message_; }
  // "bad input: <message>" and the like; "ok" when ok().
  std::string ToString() const;

  // Marks a Status as deliberately ignored.
  void IgnoreError() const {}

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-ok Status. Access value() only after checking ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}              // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {        // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result built from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // The failure; an ok Status when ok().
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace sitrep

// Returns early with the Status of `expr` if it failed.
#define SITREP_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::sitrep::Status _st = (expr);             \
    if (!_st.ok()) return _st;                 \
  } while (0)
