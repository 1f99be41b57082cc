// API scenarios written as text: requests, the answers expected, and steps between them.
//
//   # comment
//   as sam                         sign in as a standard user (see live_server.h)
//   POST /api/v1/children          a request: METHOD TARGET, then an optional JSON body
//   {"family_name": "Clarke"}      (which may span lines) up to a line "---"
//   ---
//   201                            the expected status, then optionally the expected body:
//   {"person": {"version": 1}}     every key given must match; arrays match element by element
//   save child = person.id         remembers a value from the last answer; {child} is replaced
//                                  by it in later lines
//   restart                        stops and restarts the server on the same database
//
// {sam_id}, {jo_id}... stand for the standard users' ids from the start; {today}, {today+N} and
// {today-N} for London dates relative to the day the scenario runs.
// Blank lines separate steps.
#pragma once

#include <string>
#include <vector>

namespace casework::testing {

class LiveServer;

// Runs the scenario in file against server; returns the problems found (empty: passed).
std::vector<std::string> RunScenario(const std::string& file, LiveServer& server);

}  // namespace casework::testing
