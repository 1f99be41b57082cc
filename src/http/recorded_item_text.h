// The answer to recording an entry or a correction (the item just appended and the acronyms
// its author is asked to define), written straight into text. Recording a case note is the
// busiest write there is, and answering it through a boost::json document parsed the item's
// body back out of the text it had just been serialised to, built a document around it and
// serialised it all again. The text is the same, byte for byte, as serialising the document
// built from wire.h's JournalItemJson (recorded_item_text_test.cc holds the two together).
#pragma once

#include <string>
#include <vector>

#include "core/journal_item.h"

namespace casework::http {

// item.body must be JSON as boost::json::serialize writes it, as AppendItem stores it: it goes
// into the answer as it stands.
std::string RecordedItemText(const JournalItem& item, const std::vector<std::string>& undefined_acronyms);

}  // namespace casework::http
