#include "http/errors.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include <boost/json/parse.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "crypto/crypto.h"

namespace casework::http {
namespace {

// What the server's log receives while a test runs, restoring the usual logger afterwards.
class ErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::Initialise();
    previous_ = spdlog::default_logger();
    spdlog::set_default_logger(
        std::make_shared<spdlog::logger>("errors_test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_)));
  }
  void TearDown() override { spdlog::set_default_logger(previous_); }

  std::ostringstream log_;

 private:
  std::shared_ptr<spdlog::logger> previous_;
};

const char kDatabaseText[] =
    "database error: UNIQUE constraint failed: persons.nhs_number (value 943 476 5919)";

TEST_F(ErrorsTest, AnInternalFailureTellsTheClientOnlyAReference) {
  Response r = ErrorResponse(Status::Internal(kDatabaseText));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("database error"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("persons"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("943"), std::string::npos) << r.body;

  const boost::json::object error = boost::json::parse(r.body).at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "internal");
  const std::string reference(error.at("reference").as_string());
  EXPECT_EQ(reference.size(), 8u);
  EXPECT_NE(std::string(error.at("message").as_string()).find(reference), std::string::npos) << r.body;
  EXPECT_FALSE(error.contains("field"));

  // The detail is kept for IT staff, in one line of the server's log under the same reference.
  const std::string logged = log_.str();
  EXPECT_NE(logged.find(reference), std::string::npos) << logged;
  EXPECT_NE(logged.find(kDatabaseText), std::string::npos) << logged;
  EXPECT_EQ(logged.find('\n'), logged.size() - 1) << logged;
}

TEST_F(ErrorsTest, EachInternalFailureHasItsOwnReference) {
  auto reference = [](const Response& r) {
    return std::string(boost::json::parse(r.body).at("error").at("reference").as_string());
  };
  EXPECT_NE(reference(ErrorResponse(Status::Internal("unexpected failure: a"))),
            reference(ErrorResponse(Status::Internal("unexpected failure: a"))));
}

TEST_F(ErrorsTest, AnUnhandledFailureIsLoggedWithWhereItHappened) {
  Response r = InternalErrorResponse("std::bad_alloc", "POST /api/v1/persons/p_1/entries");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("bad_alloc"), std::string::npos) << r.body;
  const std::string reference(boost::json::parse(r.body).at("error").at("reference").as_string());
  const std::string logged = log_.str();
  EXPECT_NE(logged.find(reference + ", on POST /api/v1/persons/p_1/entries: std::bad_alloc"), std::string::npos)
      << logged;
}

TEST_F(ErrorsTest, AClientsMistakeKeepsItsMessageAndField) {
  Response r = ErrorResponse(Status::Invalid("date_of_birth", "must be a date such as 2015-04-30"));
  EXPECT_EQ(r.status, 400);
  const boost::json::object error = boost::json::parse(r.body).at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "invalid_argument");
  EXPECT_EQ(error.at("message").as_string(), "must be a date such as 2015-04-30");
  EXPECT_EQ(error.at("field").as_string(), "date_of_birth");
  EXPECT_FALSE(error.contains("reference"));
  EXPECT_TRUE(log_.str().empty());
}

TEST_F(ErrorsTest, NotFoundAndConflictKeepTheirMessages) {
  Response missing = ErrorResponse(Status::NotFound("there is no person p_1"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("there is no person p_1"), std::string::npos) << missing.body;
  Response conflict = ErrorResponse(Status(StatusCode::kConflict, "the draft was changed by someone else"));
  EXPECT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("the draft was changed by someone else"), std::string::npos) << conflict.body;
}

}  // namespace
}  // namespace casework::http
