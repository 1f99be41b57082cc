#include "core/text.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

// REC-05, REC-06: names match however accents, apostrophes and hyphens were typed.
TEST(Text, FoldsNamesForMatching) {
  EXPECT_EQ(FoldName("O'Brien-Smyth  Zoë"), "obriensmyth zoe");
  EXPECT_EQ(FoldName("Łukasz Wiśniewski"), "lukasz wisniewski");
  EXPECT_EQ(FoldName("  ANNE-MARIE   "), "annemarie");
  EXPECT_EQ(FoldName("Strauß"), "strauss");
  EXPECT_EQ(FoldName("D\u2019Souza"), "dsouza");
}

TEST(Text, KeepsOtherScriptsAsWritten) { EXPECT_EQ(FoldName("Ali \u0639\u0644\u064a"), "ali \u0639\u0644\u064a"); }

// REC-04: a name in Cyrillic or Greek capitals is found by the same name in small letters.
TEST(Text, REC04_LowerCasesOtherCasedScripts) {
  EXPECT_EQ(FoldName("Дмитрий ИВАНОВ"), "дмитрий иванов");
  EXPECT_EQ(FoldName("Ёлкин Ψαρράς"), "ёлкин ψαρράς");
  EXPECT_EQ(FoldName("Ștefan Țurcanu"), "stefan turcanu");
}

TEST(Text, CountsCharactersNotBytes) {
  EXPECT_EQ(Utf8Length("Zoë"), 3u);
  EXPECT_TRUE(IsValidUtf8("Zoë"));
  EXPECT_FALSE(IsValidUtf8("Zo\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // a lone surrogate
}

// ASCII is passed over eight bytes at a time: a bad sequence is found wherever it falls among
// it, and a good one is let through.
TEST(Text, FindsBadUtf8AtEveryPosition) {
  for (size_t length = 1; length <= 24; ++length) {
    for (size_t at = 0; at < length; ++at) {
      for (std::string bad : {"\xC3", "\xFF", "\x80", "\xED\xA0\x80", "\xE2\x82"}) {
        std::string text(length, 'a');
        text.replace(at, 1, bad);
        EXPECT_FALSE(IsValidUtf8(text)) << length << " " << at;
      }
      std::string good(length, 'a');
      good.replace(at, 1, "\xC3\xAB");
      EXPECT_TRUE(IsValidUtf8(good)) << length << " " << at;
      good.replace(at, 2, "\xF0\x9F\x98\x80");
      EXPECT_TRUE(IsValidUtf8(good)) << length << " " << at;
    }
  }
}

TEST(Text, FoldsPostcodes) { EXPECT_EQ(FoldPostcode(" pr1 2ab"), "PR12AB"); }

}  // namespace
}  // namespace casework
