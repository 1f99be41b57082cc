#include "core/password_rules.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/text.h"

namespace casework {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

Status CheckPasswordStrength(std::string_view password, const User& user, const PasswordPolicy& policy,
                             const std::unordered_set<std::string>& common) {
  if (Utf8Length(password) < policy.min_length) {
    return Status::Invalid("password", "must be at least " + std::to_string(policy.min_length) + " characters long");
  }
  if (password.size() > 1024) return Status::Invalid("password", "is longer than 1024 bytes");
  std::string lower = Lower(password);
  if (common.count(lower)) {
    return Status::Invalid("password", "is one of the passwords most often used, and so easily guessed");
  }
  std::vector<std::string> own = {"casework", Lower(user.username)};
  std::istringstream names(Lower(user.full_name));
  for (std::string word; names >> word;) own.push_back(word);
  for (const std::string& word : own) {
    if (word.size() >= 3 && lower.find(word) != std::string::npos) {
      return Status::Invalid("password", "must not contain your name, your username or the word \"" + word + "\"");
    }
  }
  return Status::Ok();
}

}  // namespace casework
