// NHS numbers: ten digits whose last is a Modulus 11 check digit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casework {

// The ten digits of an NHS number written with or without spaces ("943 476 5919"), or nullopt
// when the text is not ten digits or the check digit is wrong.
std::optional<std::string> NormaliseNhsNumber(std::string_view text);

// "943 476 5919", the grouping the NHS uses on paper and screens.
std::string FormatNhsNumber(std::string_view ten_digits);

}  // namespace casework
