#pragma once
// Status and Result<T>: expected failures are values, not exceptions.
// A Status carries a code, a human message and, for input errors, the field at fault
// (a JSON path such as "date_of_birth" or "children[2].upn").

#include <string>
#include <utility>
#include <variant>

namespace sg {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // the input is wrong: a 400 over HTTP, exit code 1 on the CLI
  kNotFound,            // 404
  kAlreadyExists,       // 409: a duplicate identifier
  kConflict,            // 409: the record changed since it was read (stale version)
  kUnauthenticated,     // 401
  kPermissionDenied,    // 403
  kFailedPrecondition,  // 409/422: the operation is not allowed in the record's state
  kResourceExhausted,   // 413/429: a limit was exceeded
  kUnavailable,         // 503: the store cannot be reached
  kIoError,             // a file or store failure: exit code 3
  kInternal,            // a bug: exit code 4
};

// The stable machine-readable name used in API error bodies, e.g. "invalid_argument".
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }

  // Returns a copy whose field is `prefix` + "." + field (or `prefix` when field is empty).
  Status WithFieldPrefix(const std::string& prefix) const;

  // "invalid_argument: message (field: x)"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

inline Status InvalidArgument(std::string message, std::string field = {}) {
  return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field));
}
inline Status NotFound(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status Internal(std::string message) {
  return Status(StatusCode::kInternal, std::move(message));
}
inline Status IoError(std::string message) {
  return Status(StatusCode::kIoError, std::move(message));
}

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  // OK when a value is held, else the error.
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &std::get<T>(v_); }
  const T* operator->() const { return &std::get<T>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace sg

// Early-return helpers. SG_RETURN_IF_ERROR(expr) returns expr's Status when it is not OK.
#define SG_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::sg::Status sg_status_ = (expr);        \
    if (!sg_status_.ok()) return sg_status_; \
  } while (0)

#define SG_CONCAT_INNER_(a, b) a##b
#define SG_CONCAT_(a, b) SG_CONCAT_INNER_(a, b)
// SG_ASSIGN_OR_RETURN(auto x, ResultExpr()) declares x from the value or returns the Status.
// `lhs` is a declaration, so it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define SG_ASSIGN_OR_RETURN(lhs, expr) \
  SG_ASSIGN_OR_RETURN_IMPL_(SG_CONCAT_(sg_result_, __LINE__), lhs, expr)
#define SG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
