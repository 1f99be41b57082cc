#include "app/sessions.h"

#include <functional>

#include <gtest/gtest.h>

#include "app/access_log_reading.h"
#include "app/entries.h"
#include "app/kept_sessions.h"
#include "app/persons.h"
#include "store/user_repo.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;
using namespace std::chrono_literals;

constexpr char kPassword[] = "Correct-Lantern-Staple-9";

// SEC-03: each failed sign-in is logged with who and where, never with the password tried;
// after the configured number of failures the account is locked for the lockout period.
TEST(SessionsTest, SEC03_FailuresLoggedWithoutPasswordAndThrottled) {
  TestServices t;
  t.settings().sign_in.max_failures = 2;
  t.AddActor("sam", Role::kPractitioner);
  EXPECT_EQ(SignIn(t.services(), "sam", "Guess-Number-One", "10.0.0.9", "").status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(SignIn(t.services(), "sam", "Guess-Number-Two", "10.0.0.9", "").status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(SignIn(t.services(), "sam", kPassword, "10.0.0.7", "").status().code(), StatusCode::kTooManyRequests);
  std::vector<AccessEvent> log = *ReadAccessLog(t.services(), {});
  int failures = 0;
  for (const AccessEvent& e : log) {
    EXPECT_EQ(e.detail.find("Guess-Number"), std::string::npos);
    EXPECT_EQ(e.basis.find("Guess-Number"), std::string::npos);
    if (e.action == "sign_in" && e.outcome == "refused") {
      ++failures;
      EXPECT_EQ(e.username, "sam");
      EXPECT_FALSE(e.client_address.empty());
    }
  }
  EXPECT_EQ(failures, 3);  // two wrong passwords and one attempt while locked
  t.clock().Advance(t.settings().sign_in.lockout + 1s);
  EXPECT_TRUE(SignIn(t.services(), "sam", kPassword, "10.0.0.7", "").ok());
}

// SEC-03: with a maximum password age, an older password must be changed before anything
// else; with 0, passwords never expire.
TEST(SessionsTest, SEC03_PasswordMaximumAge) {
  TestServices t;
  t.settings().passwords.max_age_days = 365;
  t.AddActor("sam", Role::kPractitioner);
  t.clock().Advance(24h * 366);
  Result<SignedIn> in = SignIn(t.services(), "sam", kPassword, "127.0.0.1", "");
  ASSERT_TRUE(in.ok());
  Result<Authenticated> auth = Authenticate(t.services(), in->token, "127.0.0.1");
  ASSERT_TRUE(auth.ok());
  EXPECT_TRUE(auth->password_change_required);
  t.settings().passwords.max_age_days = 0;
  EXPECT_FALSE(Authenticate(t.services(), in->token, "127.0.0.1")->password_change_required);
}

// SEC-02: a session kept between requests only lets a request start. The use case reads it
// again in its own unit of work, so a session ended, or whose user changed, since it was kept
// is refused on the very next request, read or write, and nothing is shown, written or logged.
TEST(SessionsTest, SEC02_AKeptSessionIsCheckedInsideTheRequestsOwnUnitOfWork) {
  TestServices t;
  KeptSessions kept;
  t.services().kept_sessions = &kept;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Person child = t.AddChild(sam);
  Result<SignedIn> in = SignIn(t.services(), "sam", kPassword, "127.0.0.1", "");
  ASSERT_TRUE(in.ok());
  auto start = [&] {
    Result<Authenticated> auth = Authenticate(t.services(), in->token, "127.0.0.1", true, /*may_keep=*/true);
    EXPECT_TRUE(auth.ok()) << auth.status().ToString();
    return auth.ok() ? auth->actor : Actor{};
  };
  EXPECT_FALSE(start().kept_session);  // read, and kept from then on
  Actor first = start();
  ASSERT_TRUE(first.kept_session);
  ASSERT_TRUE(GetPersonRecord(t.services(), first, child.id).ok());
  EXPECT_EQ(first.kept_session->outcome, KeptSessionCheck::Outcome::kHeld);

  auto note = [&](const Actor& who) {
    Entry e;
    e.occurred_at = t.clock().Now() - 10min;
    e.text = "Home visit.";
    e.classification = Classification::kFact;
    return RecordEntry(t.services(), who, child.id, e).status().code();
  };
  EXPECT_EQ(note(start()), StatusCode::kOk);
  store::AccessQuery about_child;
  about_child.record_id = child.id;
  const size_t logged = ReadAccessLog(t.services(), about_child)->size();
  const size_t items = ReadJournal(t.services(), sam, child.id, {})->items.size();

  // The user's role changes: the kept session no longer describes who is acting.
  Actor changed = start();
  ASSERT_TRUE(t.db().Write([&](store::Connection& c) {
    c.Exec("UPDATE users SET post_title = 'Senior Social Worker' WHERE id = ?", {std::string_view(sam.user.id)});
    return Status::Ok();
  }).ok());
  EXPECT_EQ(GetPersonRecord(t.services(), changed, child.id).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(changed.kept_session->outcome, KeptSessionCheck::Outcome::kGone);
  ForgetKeptSession(t.services(), in->token);
  EXPECT_FALSE(start().kept_session);  // read afresh, and kept again
  EXPECT_TRUE(GetPersonRecord(t.services(), start(), child.id).ok());

  // Signed out elsewhere (another server, say, which this one's kept sessions know nothing of).
  Actor read_after = start(), write_after = start();
  ASSERT_TRUE(read_after.kept_session && write_after.kept_session);
  Actor full = Authenticate(t.services(), in->token, "127.0.0.1")->actor;
  ASSERT_TRUE(SignOut(t.services(), full).ok());
  EXPECT_EQ(GetPersonRecord(t.services(), read_after, child.id).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(note(write_after), StatusCode::kUnauthenticated);
  EXPECT_EQ(write_after.kept_session->outcome, KeptSessionCheck::Outcome::kGone);
  EXPECT_EQ(ReadJournal(t.services(), sam, child.id, {})->items.size(), items);
  // Of the record's reads and writes since, those that succeeded are logged (the summary with
  // the session read afresh, and the two journal reads here); the refused requests saw nothing.
  EXPECT_EQ(ReadAccessLog(t.services(), about_child)->size(), logged + 3);
  // The HTTP layer then forgets the kept session and reads it, which ends the request.
  ForgetKeptSession(t.services(), in->token);
  EXPECT_EQ(Authenticate(t.services(), in->token, "127.0.0.1", true, true).status().code(),
            StatusCode::kUnauthenticated);
}

// SEC-02: where the kept session's version is read with the case record's statement, a person
// with no case record (a parent, say) has no row to carry it: it is read with the person's, and
// checked just the same before anything is shown, or even said about whether they exist.
TEST(SessionsTest, SEC02_AKeptSessionIsCheckedOnAPersonWithNoCaseRecord) {
  TestServices t;
  KeptSessions kept;
  t.services().kept_sessions = &kept;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  NewPerson p;
  p.details.given_names = "Dawn";
  p.details.family_name = "Clarke";
  Person mother = *CreatePerson(t.services(), sam, p)->created;
  Result<SignedIn> in = SignIn(t.services(), "sam", kPassword, "127.0.0.1", "");
  ASSERT_TRUE(in.ok());
  auto start = [&] { return Authenticate(t.services(), in->token, "127.0.0.1", true, /*may_keep=*/true)->actor; };
  ASSERT_FALSE(start().kept_session);  // read, and kept from then on
  Actor held = start();
  ASSERT_TRUE(held.kept_session);
  EXPECT_TRUE(GetPersonRecord(t.services(), held, mother.id).ok());
  EXPECT_EQ(held.kept_session->outcome, KeptSessionCheck::Outcome::kHeld);
  Actor unknown_held = start();
  EXPECT_EQ(GetPersonRecord(t.services(), unknown_held, "no-such-person").status().code(), StatusCode::kNotFound);

  // Signed out elsewhere: the parent's record and an unknown id are refused alike.
  Actor parent_after = start(), unknown_after = start();
  Actor full = Authenticate(t.services(), in->token, "127.0.0.1")->actor;
  ASSERT_TRUE(SignOut(t.services(), full).ok());
  EXPECT_EQ(GetPersonRecord(t.services(), parent_after, mother.id).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(parent_after.kept_session->outcome, KeptSessionCheck::Outcome::kGone);
  EXPECT_EQ(GetPersonRecord(t.services(), unknown_after, "no-such-person").status().code(),
            StatusCode::kUnauthenticated);
}

// SEC-02: every change to a kept session or to its user, made straight on the database as
// another server or a tool would make it (nothing here tells this server's kept sessions), is
// seen by the next request's check of the session's version and refused, so the request is
// served again with the session read afresh; activity written elsewhere alone is not a change.
TEST(SessionsTest, SEC02_AnyChangeToAKeptSessionOrItsUserIsRefusedOnTheNextRequest) {
  TestServices t;
  KeptSessions kept;
  t.services().kept_sessions = &kept;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  Person child = t.AddChild(sam);
  const std::string later = FormatTimestamp(t.clock().Now() + 1s);
  const std::string earlier = FormatTimestamp(t.clock().Now() - 1h);
  struct Change {
    std::string what, sql;
    bool refused;
    // Instead of sql, for a change of more than one statement or one dialect's.
    std::function<void(store::Connection&, const std::string& hash)> make = nullptr;
  };
  std::vector<Change> changes = {
      {"activity written by another server", "UPDATE sessions SET last_seen_at = '" + later + "' WHERE token_hash = ?",
       false},
      {"the same values written again", "UPDATE sessions SET user_agent = user_agent WHERE token_hash = ?", false},
      {"ended", "UPDATE sessions SET ended_at = '" + later + "', ended_reason = 'ended' WHERE token_hash = ?", true},
      {"activity moved back", "UPDATE sessions SET last_seen_at = '" + earlier + "' WHERE token_hash = ?", true},
      {"started earlier", "UPDATE sessions SET created_at = '" + earlier + "' WHERE token_hash = ?", true},
      {"another CSRF token", "UPDATE sessions SET csrf_token = 'other' WHERE token_hash = ?", true},
      {"another address", "UPDATE sessions SET client_address = '10.9.9.9' WHERE token_hash = ?", true},
      {"its version set back", "UPDATE sessions SET version = version - 1 WHERE token_hash = ?", true},
      {"removed", "DELETE FROM sessions WHERE token_hash = ?", true},
      {"user disabled", "UPDATE users SET disabled = 1 WHERE id = (SELECT user_id FROM sessions WHERE token_hash = ?)",
       true},
      {"user's role", "UPDATE users SET role = 'auditor' WHERE id = (SELECT user_id FROM sessions WHERE token_hash = ?)",
       true},
      {"user's team", "UPDATE users SET team_id = NULL WHERE id = (SELECT user_id FROM sessions WHERE token_hash = ?)",
       true},
      {"user's two-factor", "UPDATE users SET totp_last_step = 7 WHERE id = (SELECT user_id FROM sessions WHERE token_hash = ?)",
       true},
      // Last, as no one can sign in afterwards.
      {"user's password", "UPDATE users SET password_hash = 'x' WHERE id = (SELECT user_id FROM sessions WHERE token_hash = ?)",
       true},
  };
  // Written anew rather than changed in place: the row deleted and inserted again, or SQLite's
  // INSERT OR REPLACE, whose deletion fires no triggers. The version must not come back to the
  // one kept.
  constexpr char kSessionColumns[] =
      "id, token_hash, user_id, csrf_token, created_at, last_seen_at, ended_at, ended_reason, client_address, "
      "user_agent";
  const std::string user_disabled_anew =
      "INSERT INTO users (id, username, full_name, post_title, role, team_id, agency, password_hash, "
      "password_changed_at, must_change_password, disabled, created_at, totp_secret, totp_last_step) SELECT id, "
      "username, full_name, post_title, role, team_id, agency, password_hash, password_changed_at, "
      "must_change_password, 1, created_at, totp_secret, totp_last_step FROM users WHERE id = (SELECT user_id FROM "
      "sessions WHERE token_hash = ?)";
  std::vector<Change> written_anew = {
      {"ended, deleted and inserted again", "", true, [&](store::Connection& c, const std::string& hash) {
         std::optional<store::SessionWithUser> found = store::SessionRepo(c).FindWithUser(hash);
         ASSERT_TRUE(found);
         const Session& s = found->session;
         const std::string created = FormatTimestamp(s.created_at), seen = FormatTimestamp(s.last_seen_at);
         c.Exec("DELETE FROM sessions WHERE token_hash = ?", {std::string_view(hash)});
         c.Exec(std::string("INSERT INTO sessions (") + kSessionColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {std::string_view(s.id), std::string_view(s.token_hash), std::string_view(s.user_id),
                 std::string_view(s.csrf_token), std::string_view(created), std::string_view(seen),
                 std::string_view(later), std::string_view("ended"), std::string_view(s.client_address),
                 std::string_view(s.user_agent)});
       }}};
  if (t.db().dialect() == store::Dialect::kSqlite) {
    written_anew.push_back({"ended by INSERT OR REPLACE",
                            std::string("INSERT OR REPLACE INTO sessions (") + kSessionColumns +
                                ") SELECT id, token_hash, user_id, csrf_token, created_at, last_seen_at, '" + later +
                                "', 'ended', client_address, user_agent FROM sessions WHERE token_hash = ?",
                            true});
    written_anew.push_back({"user disabled by INSERT OR REPLACE", "INSERT OR REPLACE" + user_disabled_anew.substr(6),
                            true});
  } else {
    written_anew.push_back(
        {"user disabled by INSERT ... ON CONFLICT", user_disabled_anew + " ON CONFLICT (id) DO UPDATE SET disabled = 1",
         true});
  }
  changes.insert(changes.end() - 1, written_anew.begin(), written_anew.end());  // the password's last
  for (const Change& change : changes) {
    SCOPED_TRACE(change.what);
    ASSERT_TRUE(t.db().Write([&](store::Connection& c) {
      c.Exec("UPDATE users SET disabled = 0, role = 'practitioner', team_id = ?, totp_last_step = 0 WHERE id = ?",
             {store::TextOrNull(sam.user.team_id), std::string_view(sam.user.id)});
      return Status::Ok();
    }).ok());
    Result<SignedIn> in = SignIn(t.services(), "sam", kPassword, "127.0.0.1", "");
    ASSERT_TRUE(in.ok()) << in.status().ToString();
    ASSERT_TRUE(Authenticate(t.services(), in->token, "127.0.0.1", true, true).ok());  // read, and kept
    Result<Authenticated> auth = Authenticate(t.services(), in->token, "127.0.0.1", true, true);
    ASSERT_TRUE(auth.ok() && auth->actor.kept_session);
    const std::string hash = auth->actor.kept_session->token_hash;
    ASSERT_TRUE(t.db().Write([&](store::Connection& c) {
      if (change.make) change.make(c, hash);
      else c.Exec(change.sql, {std::string_view(hash)});
      return Status::Ok();
    }).ok());
    Result<PersonRecord> shown = GetPersonRecord(t.services(), auth->actor, child.id);
    EXPECT_EQ(shown.status().code(), change.refused ? StatusCode::kUnauthenticated : StatusCode::kOk);
    EXPECT_EQ(auth->actor.kept_session->outcome,
              change.refused ? KeptSessionCheck::Outcome::kGone : KeptSessionCheck::Outcome::kHeld);
  }
}

// SEC-02: a kept session is not used once it may have timed out, nor when activity is due to
// be written: the session is read, and the time-out recorded, as without keeping.
TEST(SessionsTest, SEC02_AKeptSessionTimesOutAsARead) {
  TestServices t;
  KeptSessions kept;
  t.services().kept_sessions = &kept;
  t.AddActor("sam", Role::kPractitioner);
  Result<SignedIn> in = SignIn(t.services(), "sam", kPassword, "127.0.0.1", "");
  ASSERT_TRUE(in.ok());
  ASSERT_TRUE(Authenticate(t.services(), in->token, "127.0.0.1", true, true).ok());
  EXPECT_TRUE(Authenticate(t.services(), in->token, "127.0.0.1", true, true)->actor.kept_session);
  t.clock().Advance(20s);  // activity due: read, and written
  EXPECT_FALSE(Authenticate(t.services(), in->token, "127.0.0.1", true, true)->actor.kept_session);
  t.clock().Advance(t.settings().sessions.idle_timeout + 1s);
  EXPECT_EQ(Authenticate(t.services(), in->token, "127.0.0.1", true, true).status().code(),
            StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace casework::app
