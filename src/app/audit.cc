#include "app/audit.h"

#include "crypto/crypto.h"
#include "store/access_log_repo.h"

namespace casework::app {
namespace {

void Append(store::Connection& c, const Services& s, AccessEvent e) {
  store::AccessLogRepo log(c);
  e.chain = c.audit_chain();
  store::ChainHead head = log.ReserveNext(e.chain);
  e.seq = head.seq + 1;
  e.id = s.ids.Next();
  e.at = s.clock.Now();
  e.prev_hash = head.hash;
  e.hash = EventHash(e);
  log.Insert(e);
}

AccessEvent FromLine(const AuditLine& line) {
  AccessEvent e;
  e.action = line.action;
  e.record_id = line.record_id;
  e.outcome = line.allowed ? "allowed" : "refused";
  e.basis = line.basis;
  e.detail = line.detail;
  return e;
}

}  // namespace

std::string EventHash(const AccessEvent& event) { return crypto::HashHex(event.CanonicalBytes()); }

void Audit(store::Connection& c, const Services& s, const Actor& actor, const AuditLine& line) {
  AccessEvent e = FromLine(line);
  e.user_id = actor.user.id;
  e.username = actor.user.username;
  e.client_address = actor.client_address;
  Append(c, s, std::move(e));
}

void AuditAnonymous(store::Connection& c, const Services& s, const std::string& username,
                    const std::string& client_address, const AuditLine& line) {
  AccessEvent e = FromLine(line);
  e.username = username;
  e.client_address = client_address;
  Append(c, s, std::move(e));
}

Status AuditAlone(const Services& s, const Actor& actor, const AuditLine& line) {
  return s.access_log_db.Write([&](store::Connection& c) {
    Audit(c, s, actor, line);
    return Status::Ok();
  });
}

Status Refuse(const Services& s, const Actor& actor, const AuditLine& line, Status refusal) {
  AuditLine refused = line;
  refused.allowed = false;
  if (refused.basis.empty()) refused.basis = refusal.message();
  Status logged = AuditAlone(s, actor, refused);
  return logged.ok() ? refusal : logged;
}

}  // namespace casework::app
