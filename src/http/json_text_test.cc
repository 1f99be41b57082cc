#include "http/json_text.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace casework::http {
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

}  // namespace
}  // namespace casework::http
