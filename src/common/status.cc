#include "common/status.h"

namespace sg {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kAlreadyExists:
      return "already_exists";
    case StatusCode::kConflict:
      return "conflict";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kPermissionDenied:
      return "permission_denied";
    case StatusCode::kFailedPrecondition:
      return "failed_precondition";
    case StatusCode::kResourceExhausted:
      return "resource_exhausted";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kIoError:
      return "io_error";
    case StatusCode::kInternal:
      return "internal";
  }
  return "internal";
}

Status Status::WithFieldPrefix(const std::string& prefix) const {
  Status s = *this;
  if (prefix.empty()) return s;
  if (s.field_.empty()) {
    s.field_ = prefix;
  } else if (s.field_[0] == '[') {
    s.field_ = prefix + s.field_;
  } else {
    s.field_ = prefix + "." + s.field_;
  }
  return s;
}

std::string Status::ToString() const {
  std::string out = StatusCodeName(code_);
  if (!message_.empty()) out += ": " + message_;
  if (!field_.empty()) out += " (field: " + field_ + ")";
  return out;
}

}  // namespace sg
