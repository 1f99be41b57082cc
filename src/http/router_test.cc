#include "http/router.h"

#include <gtest/gtest.h>

namespace casework::http {
namespace {

Router<int> Routes() {
  Router<int> r;
  r.Add("GET", "/api/v1/persons/{id}", 1);
  r.Add("GET", "/api/v1/persons/{id}/journal", 2);
  r.Add("POST", "/api/v1/persons/{id}/entries", 3);
  r.Add("POST", "/api/v1/persons/{id}/entries/{item}/corrections", 4);
  return r;
}

TEST(Router, FindsTheRouteAndOnlyItsPlaceholders) {
  Router<int> routes = Routes();
  auto m = routes.Find("POST", "/api/v1/persons/p-1/entries/i-2/corrections");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->handler, 4);
  EXPECT_EQ(m.params, (PathParams{{"id", "p-1"}, {"item", "i-2"}}));
  // Routes tried before it that share its beginning leave nothing behind.
  m = routes.Find("POST", "/api/v1/persons/p-1/entries");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->handler, 3);
  EXPECT_EQ(m.params, (PathParams{{"id", "p-1"}}));
}

TEST(Router, UnknownPathsAndOtherMethodsAndEmptyPlaceholders) {
  Router<int> routes = Routes();
  auto m = routes.Find("DELETE", "/api/v1/persons/p-1/journal");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);  // 405, not 404
  m = routes.Find("GET", "/api/v1/persons/p-1/nothing");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.path_known);
  m = routes.Find("GET", "/api/v1/persons//journal");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.params.empty());
}

}  // namespace
}  // namespace casework::http
