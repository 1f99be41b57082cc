// Consent decisions and disclosures of a person's information (see schema 0009_records.sql).
// Rows are only ever added.
#pragma once

#include <string>
#include <vector>

#include "core/information_sharing.h"
#include "store/database.h"

namespace casework::store {

class InformationSharingRepo {
 public:
  explicit InformationSharingRepo(Connection& c) : c_(c) {}

  void InsertConsent(const Consent& consent);
  // Every decision recorded for the person, in the order they were recorded.
  std::vector<Consent> Consents(const std::string& person_id);

  void InsertDisclosure(const Disclosure& disclosure);
  // Every disclosure of the person's information, most recent first.
  std::vector<Disclosure> Disclosures(const std::string& person_id);

 private:
  Connection& c_;
};

}  // namespace casework::store
