// Reading person details and addresses from request bodies, shared by the routes that
// create and change persons.
#pragma once

#include <optional>

#include "core/person.h"
#include "http/json_input.h"

namespace casework::http {

// Reads every detail field into details.
void ReadDetails(JsonReader& r, PersonDetails& details);
void ReadAddressFields(JsonReader& r, Address& address);
// The address object at key, if present.
std::optional<Address> ReadAddress(JsonReader& r, const char* key);

}  // namespace casework::http
