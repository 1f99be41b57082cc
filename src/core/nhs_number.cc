#include "core/nhs_number.h"

#include <cctype>

namespace casework {

std::optional<std::string> NormaliseNhsNumber(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (c != ' ' && c != '-') {
      return std::nullopt;
    }
  }
  if (digits.size() != 10) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10) return std::nullopt;  // no valid number has this remainder
  if (check != digits[9] - '0') return std::nullopt;
  return digits;
}

std::string FormatNhsNumber(std::string_view d) {
  if (d.size() != 10) return std::string(d);
  return std::string(d.substr(0, 3)) + " " + std::string(d.substr(3, 3)) + " " + std::string(d.substr(6));
}

}  // namespace casework
