// Pieces shared by the person use cases.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "app/actor.h"
#include "app/services.h"
#include "core/case_record.h"
#include "core/person.h"

namespace casework::app {

// Comma-separated names of the required details this record lacks.
std::string MissingText(const Person& person, const CaseRecord* record, const Settings& settings);

// Recomputes and stores the missing-details list after a change.
void RefreshMissing(store::Connection& c, const Services& s, const Person& person);

// Writes the changed person with its new version, or Conflict if someone else changed it
// first. Appends a journal item of kind with body.
Status SavePerson(store::Connection& c, const Services& s, const Actor& actor, Person& person,
                  int64_t expected_version, const char* kind, boost::json::object body);

// Conflict when someone other than except_id already has this NHS number (REC-03).
Status NhsNumberFree(store::Connection& c, const std::string& nhs_number, const std::string& field,
                     const std::string& except_id = "");

// Ok when a council reference is well formed.
Status CheckCouncilReference(const std::string& reference);

Date Today(const Services& s);

}  // namespace casework::app
