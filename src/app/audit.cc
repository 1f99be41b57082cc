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
  return PendingAuditLine(s, actor, line).Write();
}

PendingAuditLine::PendingAuditLine(const Services& s, const Actor& actor, const AuditLine& line)
    : services_(&s), event_(FromLine(line)) {
  event_.user_id = actor.user.id;
  event_.username = actor.user.username;
  event_.client_address = actor.client_address;
}

store::Work PendingAuditLine::Unit() const {
  return [s = services_, event = event_](store::Connection& c) {
    Append(c, *s, event);
    return Status::Ok();
  };
}

Status PendingAuditLine::Write() const { return services_->access_log_db.Write(Unit()); }

void PendingAuditLine::WriteThen(store::WriteDone done) const {
  services_->access_log_db.WriteThen(Unit(), std::move(done));
}

namespace {

AuditLine Refused(const AuditLine& line, const Status& refusal) {
  AuditLine refused = line;
  refused.allowed = false;
  if (refused.basis.empty()) refused.basis = refusal.message();
  return refused;
}

}  // namespace

Status Refuse(const Services& s, const Actor& actor, const AuditLine& line, Status refusal) {
  Status logged = AuditAlone(s, actor, Refused(line, refusal));
  return logged.ok() ? refusal : logged;
}

void RefuseThen(const Services& s, const Actor& actor, const AuditLine& line, Status refusal, store::WriteDone done) {
  PendingAuditLine(s, actor, Refused(line, refusal))
      .WriteThen([refusal = std::move(refusal), done = std::move(done)](Status logged) {
        done(logged.ok() ? refusal : logged);
      });
}

}  // namespace casework::app
