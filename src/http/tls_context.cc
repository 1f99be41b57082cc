#include "http/tls_context.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <spdlog/spdlog.h>

namespace casework::http {
namespace {

namespace ssl = boost::asio::ssl;

constexpr char kCertOption[] = "--tls-cert";
constexpr char kKeyOption[] = "--tls-key";

// TLS 1.2 suites with forward secrecy and authenticated encryption only (the "intermediate"
// profile of Mozilla's server-side TLS guidance); TLS 1.3's own suites are all of that kind.
constexpr char kTls12Ciphers[] =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Result<std::string> ReadFile(const std::string& file, const char* option) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return Status::Invalid(option, file + " is a folder, not a file");
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::Invalid(option, file + " cannot be read: " + std::strerror(errno));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::Invalid(option, file + " cannot be read: " + std::strerror(errno));
  return text;
}

// Refuses to ask for a passphrase: a server starting unattended has no one to type it.
int NoPassphrase(char*, int, int, void*) { return 0; }

struct KeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};

}  // namespace

TlsContext::TlsContext() : context_(ssl::context::tls_server) {}

Result<std::shared_ptr<TlsContext>> TlsContext::Load(const std::string& certificate_file,
                                                     const std::string& key_file) {
  if (certificate_file.empty() != key_file.empty()) {
    return Status::Invalid(certificate_file.empty() ? kCertOption : kKeyOption,
                           "is needed too: HTTPS takes both a certificate (--tls-cert) and its private key (--tls-key)");
  }
  Result<std::string> certificate_pem = ReadFile(certificate_file, kCertOption);
  if (!certificate_pem.ok()) return certificate_pem.status();
  Result<std::string> key_pem = ReadFile(key_file, kKeyOption);
  if (!key_pem.ok()) return key_pem.status();

  std::shared_ptr<TlsContext> tls(new TlsContext());
  ssl::context& context = tls->context_;
  SSL_CTX* native = context.native_handle();
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                      ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression);
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION);
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_cipher_list(native, kTls12Ciphers);

  boost::system::error_code ec;
  context.use_certificate_chain(boost::asio::buffer(*certificate_pem), ec);
  if (ec) {
    return Status::Invalid(kCertOption,
                           certificate_file + " holds no certificate in PEM form (" + ec.message() + ")");
  }
  X509* certificate = SSL_CTX_get0_certificate(native);

  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(key_pem->data(), static_cast<int>(key_pem->size())));
  std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, NoPassphrase, nullptr));
  ERR_clear_error();
  if (!key) {
    if (key_pem->find("ENCRYPTED") != std::string::npos) {
      return Status::Invalid(kKeyOption, key_file +
                                             " is protected by a passphrase, which a server starting on its own "
                                             "cannot give; store it unprotected, readable only by Casework's user");
    }
    return Status::Invalid(kKeyOption, key_file + " holds no private key in PEM form");
  }
  if (X509_check_private_key(certificate, key.get()) != 1) {
    ERR_clear_error();
    return Status::Invalid(kKeyOption, "the private key in " + key_file + " does not match the certificate in " +
                                           certificate_file);
  }
  if (SSL_CTX_use_PrivateKey(native, key.get()) != 1) {
    ERR_clear_error();
    return Status::Invalid(kKeyOption, key_file + " cannot be used with the certificate in " + certificate_file);
  }
  if (X509_cmp_current_time(X509_get0_notAfter(certificate)) <= 0) {
    spdlog::warn("the certificate in {} has expired; browsers will refuse it", certificate_file);
  }
  return tls;
}

}  // namespace casework::http
