// A request's target (its path and query, "origin-form") as the router reads it.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace casework::http {

// Fills path (percent-decoded) and query (names and values decoded, in order) from target;
// false when target is not a valid origin-form target. A path of plain characters with no
// query, which nearly every API request has, is taken as it is without Boost.URL: parsing
// it there cost about 2,700 instructions a request, a sixth of an I/O thread's share.
bool ReadRequestTarget(std::string_view target, std::string& path, std::multimap<std::string, std::string>& query);

}  // namespace casework::http
