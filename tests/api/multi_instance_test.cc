// Several `casework serve` processes over one database behave as one service: a session
// made on one works on the others, concurrent writes to one child's record through
// different instances keep its journal gap-free and chained, and a change made on one
// instance is never silently overwritten from another. On PostgreSQL (scripts/test-postgres)
// this is how Casework is meant to be run; on SQLite the processes share one file.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <set>
#include <thread>

#include "api/live_server.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

class MultiInstance : public ::testing::Test {
 protected:
  LiveServer a;
  LiveServer b{LiveServerOptions{.same_database_as = &a}};

  std::string CreateChild(LiveServer& server, const std::string& token, const std::string& family) {
    HttpResult r =
        server.Post("/api/v1/children", token,
                    json::object{{"given_names", "Nadia"}, {"family_name", family}, {"date_of_birth", "2019-06-14"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.Json().at("person").at("id").as_string());
  }
  json::object Note(const std::string& text) {
    return json::object{{"type", "case_note"},
                        {"occurred_at", "2026-01-05T10:00:00Z"},
                        {"text", text},
                        {"classification", "fact"},
                        {"source", json::object{{"first_hand", true}}}};
  }
};

TEST_F(MultiInstance, SessionMadeOnOneWorksOnTheOtherAndEndsOnBoth) {
  std::string token = a.SignIn("sam");
  std::string id = CreateChild(a, token, "Okafor");
  EXPECT_EQ(b.Get("/api/v1/persons/" + id, token).status, 200);
  EXPECT_EQ(b.Send("DELETE", "/api/v1/sessions/current", token).status, 204);
  EXPECT_EQ(a.Get("/api/v1/persons/" + id, token).status, 401);
}

// ENT-06: a practitioner and her manager write to the same child's record at the same moment through
// different instances; every entry is kept, numbered without gaps, and the chain verifies.
TEST_F(MultiInstance, ENT06_ConcurrentWritesThroughTwoInstancesAreGapFreeAndChained) {
  std::string sam = a.SignIn("sam");
  std::string maureen = b.SignIn("maureen");  // manager of the allocated team
  std::string id = CreateChild(a, sam, "Kowalski");
  constexpr int kThreadsEach = 3, kEntriesEach = 8;
  std::atomic<int> created{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < 2 * kThreadsEach; ++t) {
    writers.emplace_back([&, t] {
      LiveServer& server = t % 2 ? b : a;
      const std::string& token = t % 2 ? maureen : sam;
      for (int i = 0; i < kEntriesEach; ++i) {
        HttpResult r = server.Post("/api/v1/persons/" + id + "/entries", token,
                                   Note("Note " + std::to_string(t) + "." + std::to_string(i)));
        if (r.status == 201)
          ++created;
        else
          ADD_FAILURE() << r.status << " " << r.body;
      }
    });
  }
  for (auto& w : writers) w.join();
  ASSERT_EQ(created.load(), 2 * kThreadsEach * kEntriesEach);

  HttpResult journal = b.Get("/api/v1/persons/" + id + "/journal?limit=500", maureen);
  ASSERT_EQ(journal.status, 200) << journal.body;
  std::set<int64_t> seqs;
  std::set<std::string> hashes;
  json::value page = journal.Json();
  for (const json::value& item : page.at("items").as_array()) {
    seqs.insert(item.at("seq").as_int64());
    hashes.insert(std::string(item.at("hash").as_string()));
  }
  const int64_t total = 1 + 2 * kThreadsEach * kEntriesEach;  // the record's opening item too
  ASSERT_EQ(static_cast<int64_t>(seqs.size()), total);
  EXPECT_EQ(*seqs.begin(), 1);
  EXPECT_EQ(*seqs.rbegin(), total);
  EXPECT_EQ(static_cast<int64_t>(hashes.size()), total);

  CommandResult verify = a.RunCommand("verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("All intact"), std::string::npos) << verify.output;
}

// A change made through one instance is not lost to an older view submitted through the
// other: the second is refused as changed by someone else, whichever instance it reaches.
TEST_F(MultiInstance, ConflictingUpdatesThroughTwoInstancesAreRefusedNotLost) {
  std::string sam = a.SignIn("sam");
  std::string maureen = b.SignIn("maureen");  // manager of the allocated team
  std::string id = CreateChild(a, sam, "Lindqvist");
  int64_t version = a.Get("/api/v1/persons/" + id, sam).Json().at("version").as_int64();

  // Both send a change to the version they saw, at the same moment.
  std::vector<HttpResult> results(2);
  std::thread first([&] {
    results[0] = a.Send("PATCH", "/api/v1/persons/" + id, sam,
                        json::serialize(json::object{{"version", version}, {"religion", "Christian"}}));
  });
  std::thread second([&] {
    results[1] = b.Send("PATCH", "/api/v1/persons/" + id, maureen,
                        json::serialize(json::object{{"version", version}, {"religion", "Buddhist"}}));
  });
  first.join();
  second.join();
  int won = results[0].status == 200 ? 0 : 1;
  ASSERT_EQ(results[won].status, 200) << results[won].body;
  const HttpResult& lost = results[1 - won];
  ASSERT_EQ(lost.status, 409) << lost.body;
  EXPECT_NE(lost.Json().at("error").at("message").as_string().find("changed by someone else"), std::string::npos);
  EXPECT_EQ(lost.Json().at("error").at("field").as_string(), "version");

  // What is stored is the winner's change, seen alike through both instances.
  std::string kept = won == 0 ? "Christian" : "Buddhist";
  for (LiveServer* server : {&a, &b}) {
    json::value person = server->Get("/api/v1/persons/" + id, sam).Json();
    EXPECT_EQ(person.at("details").at("religion").as_string(), kept);
    EXPECT_EQ(person.at("version").as_int64(), version + 1);
  }
}

// Behind a load balancer every connection comes from the balancer, so the client's own
// address, which the access log records, is taken from X-Forwarded-For, but only when the
// balancer is one the instance was told to trust.
TEST(BehindAProxy, ClientAddressComesFromTrustedProxiesOnly) {
  LiveServer trusting(LiveServerOptions{.extra_args = "--trusted-proxy 127.0.0.1"});
  LiveServer other(LiveServerOptions{.same_database_as = &trusting});
  std::string body = R"({"username":"sam","password":")" + std::string(kTestPassword) + R"("})";
  std::map<std::string, std::string> forwarded = {{"X-Forwarded-For", "198.51.100.1, 203.0.113.7"}};
  HttpResult via_proxy = SendHttp(trusting.port(), "POST", "/api/v1/sessions", body, forwarded);
  ASSERT_EQ(via_proxy.status, 201) << via_proxy.body;
  EXPECT_EQ(via_proxy.Json().at("session").at("client_address").as_string(), "203.0.113.7");
  HttpResult spoofed = SendHttp(other.port(), "POST", "/api/v1/sessions", body, forwarded);
  ASSERT_EQ(spoofed.status, 201) << spoofed.body;
  EXPECT_EQ(spoofed.Json().at("session").at("client_address").as_string(), "127.0.0.1");
}

}  // namespace
}  // namespace casework::testing
