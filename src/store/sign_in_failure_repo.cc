#include "store/sign_in_failure_repo.h"

#include "store/row.h"

namespace casework::store {

void SignInFailureRepo::Add(const std::string& subject, Timestamp at) {
  std::string t = FormatTimestamp(at);
  c_.Exec("INSERT INTO sign_in_failures (subject, at) VALUES (?, ?)", {std::string_view(subject), std::string_view(t)});
}

int SignInFailureRepo::CountSince(const std::string& subject, Timestamp since) {
  std::string t = FormatTimestamp(since);
  auto rows = c_.Query("SELECT COUNT(*) FROM sign_in_failures WHERE subject = ? AND at >= ?",
                       {std::string_view(subject), std::string_view(t)});
  rows->Next();
  return static_cast<int>(rows->Int(0));
}

std::optional<Timestamp> SignInFailureRepo::OldestSince(const std::string& subject, Timestamp since) {
  std::string t = FormatTimestamp(since);
  auto rows = c_.Query("SELECT MIN(at) FROM sign_in_failures WHERE subject = ? AND at >= ?",
                       {std::string_view(subject), std::string_view(t)});
  if (!rows->Next()) return std::nullopt;
  return OptTimestampAt(*rows, 0);
}

void SignInFailureRepo::Clear(const std::string& subject) {
  c_.Exec("DELETE FROM sign_in_failures WHERE subject = ?", {std::string_view(subject)});
}

void SignInFailureRepo::PruneBefore(Timestamp before) {
  std::string t = FormatTimestamp(before);
  c_.Exec("DELETE FROM sign_in_failures WHERE at < ?", {std::string_view(t)});
}

}  // namespace casework::store
