#include "core/access_event.h"

#include <gtest/gtest.h>

#include <functional>

namespace casework {
namespace {

// GOV-06: the encoding is what every access log line was hashed over; `casework verify`
// recomputes it, so it must not change by a byte.
TEST(AccessEvent, GOV06_TheEncodingIsTheOneEveryChainWasHashedOver) {
  AccessEvent e;
  e.chain = "main";
  e.seq = 1234567;
  e.id = "01M8MJV1V5S1SDEQABW2PGA6DT";
  e.at = Timestamp(std::chrono::microseconds(1'780'000'000'123'456));
  e.user_id = "u-sam";
  e.username = "sam.okafor";
  e.client_address = "127.0.0.1";
  e.action = "record.write";
  e.record_id = "01M8MJQKVK4VYB83HWZ6WCMMB9";
  e.outcome = "allowed";
  e.basis = "allocated worker";
  e.detail = "recorded a case_note; Zoë said \"no\"";
  e.prev_hash = std::string(64, 'a');
  e.hash = "not part of it";
  EXPECT_EQ(e.CanonicalBytes(),
            "casework-access-1;4:main;7:1234567;26:01M8MJV1V5S1SDEQABW2PGA6DT;27:2026-05-28T20:26:40.123456Z;"
            "5:u-sam;10:sam.okafor;9:127.0.0.1;12:record.write;26:01M8MJQKVK4VYB83HWZ6WCMMB9;7:allowed;"
            "16:allocated worker;36:recorded a case_note; Zoë said \"no\";64:" +
                std::string(64, 'a') + ";");
  EXPECT_EQ(AccessEvent().CanonicalBytes(),
            "casework-access-1;0:;1:0;0:;27:1970-01-01T00:00:00.000000Z;0:;0:;0:;0:;0:;0:;0:;0:;0:;");
}

// GOV-06: a line's every field is in its encoding, and a field's text cannot move a boundary.
TEST(AccessEvent, GOV06_EveryFieldChangesTheEncoding) {
  AccessEvent base;
  base.detail = "a;b";
  std::vector<std::function<void(AccessEvent&)>> changes = {
      [](AccessEvent& e) { e.chain = "x"; },          [](AccessEvent& e) { e.seq = -1; },
      [](AccessEvent& e) { e.id = "x"; },             [](AccessEvent& e) { e.at += std::chrono::microseconds{1}; },
      [](AccessEvent& e) { e.user_id = "x"; },        [](AccessEvent& e) { e.username = "x"; },
      [](AccessEvent& e) { e.client_address = "x"; }, [](AccessEvent& e) { e.action = "x"; },
      [](AccessEvent& e) { e.record_id = "x"; },      [](AccessEvent& e) { e.outcome = "x"; },
      [](AccessEvent& e) { e.basis = "x"; },          [](AccessEvent& e) { e.detail = "a;"; },
      [](AccessEvent& e) { e.prev_hash = "x"; },
  };
  for (size_t k = 0; k < changes.size(); ++k) {
    AccessEvent e = base;
    changes[k](e);
    EXPECT_NE(e.CanonicalBytes(), base.CanonicalBytes()) << "change " << k;
  }
  AccessEvent moved = base;
  moved.basis = "a";
  moved.detail = ";b";
  AccessEvent kept = base;
  kept.basis = "a;";
  kept.detail = "b";
  EXPECT_NE(moved.CanonicalBytes(), kept.CanonicalBytes());
}

}  // namespace
}  // namespace casework
