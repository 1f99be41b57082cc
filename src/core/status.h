// Status and Result<T>: how fallible functions report failure without exceptions.
//
// A Status is either ok or carries one code from a closed set, a message written for the
// person who will read it, and optionally the name of the input field at fault. Each layer
// passes a failing Status up unchanged; the HTTP layer maps the code to a status code in one
// place. Exceptions are reserved for bugs and for database failures inside the store.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace casework {

enum class StatusCode {
  kOk,
  kInvalidArgument,    // the input is wrong; the field says which part
  kNotFound,           // the thing asked for does not exist (or is not visible)
  kUnauthenticated,    // no valid session
  kPermissionDenied,   // signed in, but not allowed
  kConsentRequired,    // sharing needs consent or a recorded justification
  kConflict,           // clashes with current state (duplicate, changed by someone else)
  kTooManyRequests,    // throttled
  kUnavailable,        // try again later
  kInternal,           // a fault on our side
};

const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return Status(); }
  static Status Invalid(std::string field, std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field));
  }
  static Status NotFound(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
  static Status Denied(std::string message) { return Status(StatusCode::kPermissionDenied, std::move(message)); }
  static Status Conflict(std::string message, std::string field = {}) {
    return Status(StatusCode::kConflict, std::move(message), std::move(field));
  }
  static Status Internal(std::string message) { return Status(StatusCode::kInternal, std::move(message)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

// Either a value or a failing Status. Accessing the value of a failed Result is a bug.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace casework

// Returns early from the enclosing function when a Status is not ok.
#define CASEWORK_RETURN_IF_ERROR(expr)          \
  do {                                          \
    ::casework::Status status_ = (expr);        \
    if (!status_.ok()) return status_;          \
  } while (0)
