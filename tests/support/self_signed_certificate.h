// Throwaway certificates for tests of HTTPS: made with OpenSSL's API, so tests need no
// openssl program, and written as PEM files the way a partnership would give them.
#pragma once

#include <string>

namespace casework::testing {

struct TestCertificate {
  std::string certificate_file;
  std::string key_file;
  std::string certificate_pem;  // for a client to trust
};

// A self-signed certificate for 127.0.0.1 (its name and an IP address entry), valid from an
// hour before now for a day, with a fresh P-256 key, written to DIR/NAME.pem and DIR/NAME.key.
// With a passphrase the key file is encrypted with it.
TestCertificate MakeSelfSignedCertificate(const std::string& dir, const std::string& name,
                                          const std::string& key_passphrase = "");

}  // namespace casework::testing
