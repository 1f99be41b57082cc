// The columns of a person's summary as the person queries select them, shared by the
// repository and name search.
#pragma once

#include "core/person.h"
#include "store/database.h"

namespace casework::store {

// The columns every summary query selects, in this order, after the person's id.
inline constexpr char kSummarySelect[] =
    "SELECT p.id, p.display_name, p.date_of_birth, p.nhs_number, r.council_reference, a.postcode, p.unborn";
inline constexpr char kSummaryJoins[] =
    " LEFT JOIN case_records r ON r.person_id = p.id"
    " LEFT JOIN addresses a ON a.person_id = p.id AND a.current = 1";
// The number of columns kSummarySelect reads.
inline constexpr int kSummaryColumns = 7;

PersonSummary SummaryAt(const Cursor& row);

}  // namespace casework::store
