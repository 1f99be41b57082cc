// Everything a use-case test needs: a new migrated database (SQLite or PostgreSQL, see
// TestDatabase), a clock the test controls,
// settings, and users to act as. Each TestServices is independent of every other.
#pragma once

#include <memory>
#include <string>

#include "app/actor.h"
#include "app/record_cache.h"
#include "app/services.h"
#include "core/clock.h"
#include "core/person.h"
#include "crypto/server_key.h"
#include "support/test_database.h"

namespace casework::testing {

// Random bytes from a fixed sequence, so ids are repeatable within a test.
class CountingRandom final : public RandomSource {
 public:
  void Fill(uint8_t* out, size_t n) override;

 private:
  uint64_t next_ = 1;
};

class TestServices {
 public:
  // Starts at 2026-11-23T10:00:00Z, with the shipped default settings made cheap to hash.
  explicit TestServices(TestDatabase::Backend backend = TestDatabase::Backend::kConfigured);
  ~TestServices();

  app::Services& services() { return *services_; }
  store::Database& db() { return *databases_.main; }
  FakeClock& clock() { return clock_; }
  Settings& settings() { return settings_; }
  // The database underneath, for tests that reach past Casework to tamper with it.
  const TestDatabase& database() const { return database_; }

  // Adds a user with this role (and team, created if new) and returns an actor for them.
  app::Actor AddActor(const std::string& username, Role role, const std::string& team = "Assessment Team North");
  // Adds a child with a case record, as the actor, and returns them.
  Person AddChild(const app::Actor& by, const std::string& family_name = "Clarke");

 private:
  TestDatabase database_;
  FakeClock clock_;
  CountingRandom random_;
  IdGenerator ids_;
  Settings settings_;
  store::Databases databases_;
  crypto::ServerKey server_key_;
  // On, as in the server, so that every use-case test reads summaries through it.
  app::RecordCache record_cache_;
  std::unique_ptr<app::Services> services_;
};

}  // namespace casework::testing
