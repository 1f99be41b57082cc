#include "http/request_target.h"

#include <gtest/gtest.h>

#include <boost/url/parse.hpp>

namespace casework::http {
namespace {

struct Read {
  bool ok = false;
  std::string path;
  std::multimap<std::string, std::string> query;
};

Read ReadTarget(std::string_view target) {
  Read out;
  out.ok = ReadRequestTarget(target, out.path, out.query);
  return out;
}

// What Boost.URL makes of a target, which every target read without it must match.
Read ByBoostUrl(std::string_view target) {
  Read out;
  auto parsed = boost::urls::parse_origin_form(target);
  out.ok = parsed.has_value();
  if (!parsed) return out;
  out.path = parsed->path();
  for (auto param : parsed->params()) out.query.emplace(param.key, param.value);
  return out;
}

TEST(RequestTarget, PlainPathsAreReadAsBoostUrlReadsThem) {
  for (std::string_view target :
       {"/", "/api/v1/persons/01M8MJV1V5S1SDEQABW2PGA6DT", "/api/v1/persons/01M8MJV1V5S1SDEQABW2PGA6DT/entries",
        "//double", "/a:b@c/d-e.f_g~h/!$&'()*+,;=", "/trailing/"}) {
    Read read = ReadTarget(target);
    Read expected = ByBoostUrl(target);
    ASSERT_TRUE(expected.ok) << target;
    EXPECT_TRUE(read.ok) << target;
    EXPECT_EQ(read.path, expected.path) << target;
    EXPECT_EQ(read.path, target);
    EXPECT_TRUE(read.query.empty()) << target;
  }
}

TEST(RequestTarget, EncodedPathsAndQueriesAreDecoded) {
  for (std::string_view target : {"/api/v1/persons?name=Ada%20Lovelace&limit=20", "/files/a%2Fb", "/search?q=a+b&q=c",
                                  "/x?", "/x?flag", "/caf%C3%A9"}) {
    Read read = ReadTarget(target);
    Read expected = ByBoostUrl(target);
    EXPECT_TRUE(read.ok) << target;
    EXPECT_EQ(read.path, expected.path) << target;
    EXPECT_EQ(read.query, expected.query) << target;
  }
  Read search = ReadTarget("/api/v1/persons?name=Ada%20Lovelace&limit=20");
  EXPECT_EQ(search.path, "/api/v1/persons");
  EXPECT_EQ(search.query.find("name")->second, "Ada Lovelace");
}

TEST(RequestTarget, InvalidTargetsAreRefused) {
  for (std::string_view target : {"", "api/v1/persons", "*", "http://example.org/", "/bad%zz", "/sp ace", "/a\"b",
                                  "/a#fragment", "/a\x01"}) {
    EXPECT_FALSE(ReadTarget(target).ok) << target;
    EXPECT_FALSE(ByBoostUrl(target).ok) << target;
  }
}

}  // namespace
}  // namespace casework::http
