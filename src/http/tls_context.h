// The server's side of HTTPS: its certificate, private key and protocol settings, loaded once
// at start-up and shared by every connection. Load() checks everything a certificate and key
// can get wrong (missing, unreadable, not PEM, encrypted, not a pair) and says which, so a
// server that starts is one browsers can connect to. Thread-safe once loaded.
#pragma once

#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>

#include "core/status.h"

namespace casework::http {

class TlsContext {
 public:
  // certificate_file holds the server's certificate in PEM, followed by any intermediate
  // certificates; key_file its private key in PEM, not protected by a passphrase. Failures
  // name the option (--tls-cert or --tls-key) the file was given by.
  static Result<std::shared_ptr<TlsContext>> Load(const std::string& certificate_file, const std::string& key_file);

  boost::asio::ssl::context& native() { return context_; }

 private:
  TlsContext();
  boost::asio::ssl::context context_;
};

}  // namespace casework::http
