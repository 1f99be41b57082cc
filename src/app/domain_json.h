// JSON for domain values: the bodies of journal items, and the building blocks the HTTP layer
// uses to answer, so a record reads the same in the API as in its journal.
#pragma once

#include <optional>
#include <string>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/entry.h"
#include "core/person.h"
#include "core/relationship.h"

namespace casework::app {

boost::json::value DateJson(const std::optional<Date>& d);
boost::json::object DetailsJson(const PersonDetails& details);
boost::json::object AddressJson(const Address& address);
boost::json::object NameJson(const OtherName& name);
boost::json::object RelationshipJson(const Relationship& r);
// An entry's journal body, written as text: entries are the commonest items, and building
// their document and serialising it cost a tenth of the writer's time for a case note. The
// bytes are those the entry's document gave before (they are hashed into the journal's chain).
std::string EntryText(const Entry& entry);

}  // namespace casework::app
