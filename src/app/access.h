// Who may read or write a person's record, decided in one place for the API, the CLI and
// exports alike (SEC-04). Each use case goes through ReadRecord or WriteToRecord, which check
// access and write the access log line, so no path can skip either.
#pragma once

#include <functional>
#include <string>

#include "app/actor.h"
#include "app/services.h"

namespace casework::app {

enum class AccessKind { kRead, kWrite };

// The basis on which actor may act on the record (for the access log), or PermissionDenied
// saying why not. NotFound if there is no such record.
Result<std::string> CheckRecordAccess(store::Connection& c, const Actor& actor, const std::string& person_id,
                                      AccessKind kind);

// Runs work in a read unit of work if the actor may read the record, then logs the read
// before returning, so no one sees a record without the access log showing it.
Status ReadRecord(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                  const store::Work& work);

// Runs work in one write unit of work with the access check and the log line, so the change
// and its log line commit together.
Status WriteToRecord(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                     const store::Work& work);

// For actions that are not about one record (searches, lists): refuses roles that have no
// business with children's records, logging the refusal.
Status RequireCaseworkRole(const Services& s, const Actor& actor, const std::string& action);

}  // namespace casework::app
