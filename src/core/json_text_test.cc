#include "core/json_text.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace casework {
namespace {

// CHR-01: the chronology is written as text directly; it must be the JSON a document gives.
TEST(JsonText, CHR01_WritesWhatBoostJsonWrites) {
  const std::string awkward = "Said \"no\" \\ left\n\ttab \x01 end, Zoë, Дмитрий, </script>";
  JsonText t;
  t.Raw("{").Key("text", true).String(awkward).Key("seq").Int(-42).Key("late").Bool(true).Key("next").Null();
  t.Key("list").Raw("[").Int(9007199254740993).Raw(",").String("").Raw("]").Raw("}");
  boost::json::object expected{{"text", awkward}, {"seq", -42}, {"late", true}, {"next", nullptr},
                               {"list", boost::json::array{int64_t{9007199254740993}, ""}}};
  std::string written = t.Take();
  EXPECT_EQ(written, boost::json::serialize(expected));
  EXPECT_EQ(boost::json::parse(written), boost::json::value(expected));
}

// Text is checked eight characters at a time: a character to escape must be found wherever
// it falls, beside any other byte (controls, quotes, backslashes, the bytes of UTF-8).
TEST(JsonText, CHR01_EscapesAtEveryPosition) {
  std::string specials;
  for (int c = 0; c < 0x20; ++c) specials += static_cast<char>(c);
  specials += "\"\\\x7f\xc3\xa9 ";
  for (size_t length = 0; length <= 20; ++length) {
    for (size_t at = 0; at < length; ++at) {
      for (char special : specials) {
        std::string text(length, 'a');
        text[at] = special;
        if (static_cast<unsigned char>(special) >= 0x80) text = text.substr(0, at) + "\xc3\xa9" + text.substr(at + 1);
        JsonText t;
        t.String(text);
        ASSERT_EQ(t.Take(), boost::json::serialize(boost::json::value(text))) << length << " " << at << " " << int{special};
      }
    }
  }
}

// CHR-01: times are written as FormatTimestamp writes them, straight from a buffer; a year
// outside four digits takes the general formatter's longer text.
TEST(JsonText, CHR01_TimesAsFormatTimestampWritesThem) {
  using std::chrono::microseconds;
  for (Timestamp t : {Timestamp(microseconds(1'796'000'123'456'789)), Timestamp(microseconds(0)),
                      Timestamp(date::sys_days(date::year{10000} / 1 / 1)) + microseconds(5)}) {
    JsonText text;
    text.Time(t);
    EXPECT_EQ(text.Take(), boost::json::serialize(boost::json::value(FormatTimestamp(t))));
  }
  EXPECT_EQ(FormatTimestamp(Timestamp(microseconds(1'796'000'123'456'789))), "2026-11-30T00:55:23.456789Z");
}

}  // namespace
}  // namespace casework
