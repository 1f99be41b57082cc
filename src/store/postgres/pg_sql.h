// Turning Casework's SQL, written with ? for parameters, into PostgreSQL's $1, $2, ...
#pragma once

#include <string>
#include <string_view>

namespace casework::store {

// Replaces each ? outside quoted text, quoted names and comments with $n, numbering from 1.
std::string NumberPlaceholders(std::string_view sql);

}  // namespace casework::store
