// Two-factor sign-in (SEC-03): a one-time code from an authenticator app as well as the
// password. Setting it up, turning it off, an administrator's reset, and checking a code.
#pragma once

#include <string>

#include "app/actor.h"
#include "app/services.h"
#include "core/user.h"

namespace casework::app {

// Whether the partnership requires this role to sign in with a code
// (sign_in.two_factor_required_for).
bool TwoFactorRequired(const Settings& settings, Role role);

struct TwoFactorSetup {
  std::string secret;       // base32, for typing into an app
  std::string otpauth_uri;  // the same as an address an app reads, usually from a QR code
};

// Begins setting up: a new secret, replacing any set-up not yet confirmed. Refused when
// two-factor is already on, or the server has no key to keep the secret with.
Result<TwoFactorSetup> BeginTwoFactor(const Services& s, const Actor& actor);

// Completes set-up with a code from the app, which shows the app holds the secret. Until
// then sign-in does not ask for a code.
Status ConfirmTwoFactor(const Services& s, const Actor& actor, const std::string& code);

// Turns it off, given a current code (so a session left open cannot); refused when the
// user's role requires it.
Status TurnOffTwoFactor(const Services& s, const Actor& actor, const std::string& code);

// Removes a user's second factor (a lost or replaced phone) so they can set it up again; if
// their role requires it, before doing anything else. Their sessions end. By an
// administrator (actor), or from the server's command line (actor null).
Status ResetTwoFactor(const Services& s, const Actor* actor, const std::string& user_id);
Status ResetTwoFactorByUsername(const Services& s, const std::string& username);

// Inside a unit of work: whether code is right for the user now, within a step of clock
// drift, and not used before; if so, records its step so it cannot be used again.
bool AcceptCode(store::Connection& c, const Services& s, const User& user, const std::string& code);

}  // namespace casework::app
