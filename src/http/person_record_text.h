// A person's record summary (the answer to GET /api/v1/persons/{id}) written straight into
// text. Opening a record is the busiest request there is, and building its answer as a
// boost::json document first (an allocation for every key, string, object and array, then
// serialising and freeing them) was a tenth of the request's CPU. The text is the same,
// byte for byte, as serialising the document built from wire.h's pieces gave
// (person_record_text_test.cc holds the two together). What the summary shows of the parts kept
// between requests (app/record_cache.h) is written once and kept with them; only what turns on
// the viewer or the day is written for each request.
#pragma once

#include <string>

#include "app/persons.h"

namespace casework::http {

std::string PersonRecordText(const app::PersonRecord& record, Date today);

}  // namespace casework::http
