// The JSON the API answers with, built from what the use cases return.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "app/entries.h"
#include "app/persons.h"
#include "app/sessions.h"
#include "core/duplicates.h"
#include "core/user.h"
#include "http/message.h"

namespace casework::http {

Response Ok(const boost::json::value& body, int status = 200);

boost::json::object UserJson(const User& user);
boost::json::object SummaryJson(const PersonSummary& s);
boost::json::object PersonJson(const Person& p);
boost::json::object DuplicateJson(const DuplicateMatch& m);
boost::json::object ReminderJson(const Reminder& m);
// An item's stamped header with its body as recorded.
boost::json::object JournalItemJson(const JournalItem& item);
boost::json::object JournalEntryJson(const app::JournalEntryView& view);
boost::json::object SessionJson(const Session& s, Timestamp expires_at, Timestamp now);

}  // namespace casework::http
