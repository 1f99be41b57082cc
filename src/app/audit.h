// Writing the access log (GOV-06): every read and write of a record, every search, every
// sign-in and every refusal. Always called inside a unit of work: for a write, the same one
// that makes the change, so a change is never kept without its log line.
#pragma once

#include <string>

#include "app/actor.h"
#include "app/services.h"
#include "core/access_event.h"

namespace casework::app {

struct AuditLine {
  std::string action;
  std::string record_id;
  bool allowed = true;
  std::string basis;
  std::string detail;
};

void Audit(store::Connection& c, const Services& s, const Actor& actor, const AuditLine& line);
// For events with no signed-in user, such as a failed sign-in.
void AuditAnonymous(store::Connection& c, const Services& s, const std::string& username,
                    const std::string& client_address, const AuditLine& line);
// Writes one line in a unit of work of its own, in Services::access_log_db: for reads, which
// change nothing else.
Status AuditAlone(const Services& s, const Actor& actor, const AuditLine& line);

// A line to be written alone, made ready with who acted, and written when its owner asks:
// an answer it logs may go out only once the write says Ok (GOV-06).
class PendingAuditLine {
 public:
  PendingAuditLine(const Services& s, const Actor& actor, const AuditLine& line);
  // Writes it, waiting for the commit.
  Status Write() const;
  // Hands it to the access log's writer and returns; done is told once, after the commit, as
  // store::Database::WriteThen says (perhaps on the writer's thread: done must not wait).
  void WriteThen(store::WriteDone done) const;

 private:
  store::Work Unit() const;

  const Services* services_;
  AccessEvent event_;
};
// Writes a refusal's line in a unit of work of its own without waiting for it, then tells done
// the refusal, or why the line could not be written.
void RefuseThen(const Services& s, const Actor& actor, const AuditLine& line, Status refusal, store::WriteDone done);
// Records a refusal in a unit of work of its own and returns the refusal, so callers can
// write: return Refuse(s, actor, line, status).
Status Refuse(const Services& s, const Actor& actor, const AuditLine& line, Status refusal);

std::string EventHash(const AccessEvent& event);

}  // namespace casework::app
