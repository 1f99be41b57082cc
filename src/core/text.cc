#include "core/text.h"

#include <cctype>
#include <cstdint>
#include <cstring>

namespace casework {
namespace {

// Base letters for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), so that
// "Zoë" matches "Zoe" and "Łukasz" matches "Lukasz". '\0' marks a character with no base.
constexpr char kLatinBase[] =
    "aaaaaaaceeeeiiii"   // C0-CF
    "dnooooo\0ouuuuyts"  // D0-DF (D7 is the multiplication sign; DF is sharp s)
    "aaaaaaaceeeeiiii"   // E0-EF
    "dnooooo\0ouuuuyty"  // F0-FF
    "aaaaaaccccccccdd"   // 100-10F
    "ddeeeeeeeeeegggg"   // 110-11F
    "gggghhhhiiiiiiii"   // 120-12F
    "iiiijjkkklllllll"   // 130-13F
    "lllnnnnnnnnnoooo"   // 140-14F
    "oooorrrrrrssssss"   // 150-15F
    "ssttttttuuuuuuuu"   // 160-16F
    "uuuuwwyyyzzzzzzs";  // 170-17F

// Decodes one code point at text[i], advancing i; returns 0xFFFD for malformed input.
char32_t Decode(std::string_view text, size_t& i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + extra >= text.size() + (extra == 0 ? 1 : 0)) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    unsigned char cc = static_cast<unsigned char>(text[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += extra + 1;
  return cp;
}

// Lower case for the cased scripts whose capitals sit at a fixed distance from their small
// letters (Greek, Cyrillic, Armenian), so that "Иванов" is found by "иван".
char32_t LowerOtherScript(char32_t cp) {
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x531 && cp <= 0x556) return cp + 0x30;
  return cp;
}

// Base letters for the Romanian comma-below letters U+0218..U+021B (Ș ș Ț ț).
char RomanianBase(char32_t cp) { return cp == 0x218 || cp == 0x219 ? 's' : 't'; }

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

}  // namespace

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Trim(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  return std::string(text.substr(b, e - b));
}

size_t Utf8Length(std::string_view text) {
  size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Runs of ASCII, most of any request's text, are passed over eight bytes at a time.
    if (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    size_t start = i;
    char32_t cp = Decode(text, i);
    if (cp == 0xFFFD && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  }
  return true;
}

std::string FoldName(std::string_view text) {
  std::string out;
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = Decode(text, i);
    char letter = 0;
    if (cp < 0x80) {
      if (std::isalnum(static_cast<int>(cp))) letter = static_cast<char>(std::tolower(static_cast<int>(cp)));
      else if (cp == '\'' || cp == '-') continue;  // O'Brien, Smith-Jones
    } else if (cp == 0x2019 || cp == 0x2018) {
      continue;  // curly apostrophes
    } else if (cp >= 0xC0 && cp <= 0x17F) {
      letter = kLatinBase[cp - 0xC0];
      if (cp == 0xDF) {  // sharp s folds to "ss"
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out += "ss";
        continue;
      }
    } else if (cp >= 0x218 && cp <= 0x21B) {
      letter = RomanianBase(cp);
    } else if (cp > 0x17F && cp != 0xFFFD) {
      // Other scripts keep their letters, in lower case where that is a fixed step.
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      AppendUtf8(out, LowerOtherScript(cp));
      continue;
    }
    if (letter == 0) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += letter;
  }
  return out;
}

std::string FoldPostcode(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace casework
