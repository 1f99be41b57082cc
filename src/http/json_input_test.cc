#include "http/json_input.h"

#include <gtest/gtest.h>

#include <cstring>
#include <optional>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>

namespace casework::http {
namespace {

// Reads body as a note's handler reads its fields, and returns the first problem.
Status ReadNote(std::string_view body) {
  unsigned char buffer[1024];
  boost::json::monotonic_resource memory(buffer, sizeof buffer);
  Result<boost::json::object> object = ParseBody(body, &memory);
  if (!object.ok()) return object.status();
  JsonReader r(*object);
  r.String("type", true);
  r.OptTimestamp("occurred_at", true);
  r.String("text", true);
  r.Object("source", true, [](JsonReader& s) {
    s.Bool("first_hand", true);
    s.String("name");
  });
  r.Objects("actions", false, [](JsonReader& a) { a.OptDate("due", true); });
  r.Bool("significant");
  return r.Finish();
}

void ExpectInvalid(const Status& s, const std::string& field, const std::string& message) {
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << field;
  EXPECT_EQ(s.field(), field);
  EXPECT_EQ(s.message(), message) << field;
}

const char kNote[] = R"({"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","text":"Spoke to the teacher.",)"
                     R"("source":{"first_hand":true},"actions":[{"due":"2026-12-01"}]})";

// A body is refused with the field that is wrong named: the first problem met, then any field
// the handler did not read.
TEST(JsonReader, NamesTheFieldThatIsWrong) {
  EXPECT_TRUE(ReadNote(kNote).ok());
  ExpectInvalid(ReadNote(""), "body", "is empty; send a JSON object");
  ExpectInvalid(ReadNote("{\"text\":\"Zo\xC3\"}"), "body", "is not valid UTF-8 text");
  ExpectInvalid(ReadNote("[1]"), "body", "must be a JSON object");
  EXPECT_EQ(ReadNote("{\"text\":").field(), "body");
  ExpectInvalid(ReadNote(R"({"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","source":{"first_hand":true}})"),
                "text", "is required");
  ExpectInvalid(ReadNote(R"({"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","text":"  ",)"
                         R"("source":{"first_hand":true}})"),
                "text", "is required");
  ExpectInvalid(ReadNote(R"({"type":7,"occurred_at":"2026-11-23T14:30:00Z","text":"x","source":{"first_hand":true}})"),
                "type", "must be text");
  ExpectInvalid(ReadNote(R"({"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","text":"x","source":{}})"),
                "source.first_hand", "is required");
  ExpectInvalid(ReadNote(R"({"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","text":"x",)"
                         R"("source":{"first_hand":"yes"}})"),
                "source.first_hand", "must be true or false");
  ExpectInvalid(ReadNote(R"({"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","text":"x",)"
                         R"("source":{"first_hand":true,"nmae":"Jo"}})"),
                "source.nmae", "is not a field this request accepts");
  ExpectInvalid(ReadNote(R"({"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","text":"x",)"
                         R"("source":{"first_hand":true},"actions":[{"due":"2026-12-01"},{"due":"soon"}]})"),
                "actions[1].due", ParseDate("soon", "actions[1].due").status().message());
  ExpectInvalid(ReadNote(R"({"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","text":"x",)"
                         R"("source":{"first_hand":true},"actions":[7]})"),
                "actions[0]", "must be an object");
  ExpectInvalid(ReadNote(R"({"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","text":"x",)"
                         R"("source":{"first_hand":true},"significant":true,"signficant":true})"),
                "signficant", "is not a field this request accepts");
  // A wrong type is reported before an unknown field, whatever their order.
  ExpectInvalid(ReadNote(R"({"extra":1,"type":"case_note","occurred_at":"2026-11-23T14:30:00Z","text":"x",)"
                         R"("source":{"first_hand":true},"significant":"no"})"),
                "significant", "must be true or false");
}

// The object kept as it was sent is copied out of the body's memory, so it outlives it.
TEST(JsonReader, AnObjectKeptOutlivesTheBody) {
  std::optional<boost::json::object> kept;
  {
    unsigned char buffer[4096];
    boost::json::monotonic_resource memory(buffer, sizeof buffer);
    Result<boost::json::object> body = ParseBody(R"({"content":{"step":2,"notes":["a","b"]}})", &memory);
    ASSERT_TRUE(body.ok());
    JsonReader r(*body);
    kept = r.AnyObject("content", true);
    ASSERT_TRUE(r.Finish().ok());
    std::memset(buffer, 0xA5, sizeof buffer);
  }
  ASSERT_TRUE(kept);
  EXPECT_EQ(boost::json::serialize(*kept), R"({"step":2,"notes":["a","b"]})");
}

}  // namespace
}  // namespace casework::http
