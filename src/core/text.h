// Small text helpers shared by the rules: blankness, length in characters, and the folded
// form of names used for matching and search.
#pragma once

#include <string>
#include <string_view>

namespace casework {

bool IsBlank(std::string_view text);
std::string Trim(std::string_view text);
// Characters, not bytes (text is UTF-8).
size_t Utf8Length(std::string_view text);
bool IsValidUtf8(std::string_view text);
// Lower case, Latin accents removed, apostrophes and hyphens dropped, runs of other
// punctuation and spaces turned into one space: "O'Brien-Smyth  Zoë" -> "obriensmyth zoe".
// Other scripts keep their letters, Greek, Cyrillic and Armenian in lower case.
std::string FoldName(std::string_view text);
// Upper case with spaces removed: " sw1a 1aa" -> "SW1A1AA".
std::string FoldPostcode(std::string_view text);

}  // namespace casework
