#include "support/self_signed_certificate.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <memory>
#include <stdexcept>

namespace casework::testing {
namespace {

template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* p) const {
    Free(p);
  }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO_free>>;

void Check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("cannot make a test certificate: ") + what);
}

std::string Drain(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

void AddExtension(X509* certificate, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, certificate, certificate, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  Check(extension != nullptr, "extension");
  X509_add_ext(certificate, extension, -1);
  X509_EXTENSION_free(extension);
}

}  // namespace

TestCertificate MakeSelfSignedCertificate(const std::string& dir, const std::string& name,
                                          const std::string& key_passphrase) {
  Key key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  Check(key != nullptr, "key");
  Certificate certificate(X509_new());
  Check(certificate != nullptr, "certificate");
  X509_set_version(certificate.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60 * 60);
  X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 24 * 60 * 60);
  X509_set_pubkey(certificate.get(), key.get());
  X509_NAME* subject = X509_get_subject_name(certificate.get());
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1,
                             -1, 0);
  X509_set_issuer_name(certificate.get(), subject);
  AddExtension(certificate.get(), NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
  AddExtension(certificate.get(), NID_basic_constraints, "critical,CA:TRUE");
  Check(X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0, "signature");

  Bio certificate_bio(BIO_new(BIO_s_mem()));
  Check(PEM_write_bio_X509(certificate_bio.get(), certificate.get()) == 1, "certificate PEM");
  Bio key_bio(BIO_new(BIO_s_mem()));
  bool written =
      key_passphrase.empty()
          ? PEM_write_bio_PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1
          : PEM_write_bio_PKCS8PrivateKey(key_bio.get(), key.get(), EVP_aes_256_cbc(), key_passphrase.data(),
                                          static_cast<int>(key_passphrase.size()), nullptr, nullptr) == 1;
  Check(written, "key PEM");

  TestCertificate out{dir + "/" + name + ".pem", dir + "/" + name + ".key", Drain(certificate_bio.get())};
  std::ofstream(out.certificate_file) << out.certificate_pem;
  std::ofstream(out.key_file) << Drain(key_bio.get());
  return out;
}

}  // namespace casework::testing
