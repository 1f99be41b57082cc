// Reading glossary.toml: the acronyms the partnership's staff may use in entries and what they
// stand for (ENT-09). Anything malformed is refused with the file and line.
#pragma once

#include <string>

#include "core/plain_language.h"
#include "core/status.h"

namespace casework {

Result<Glossary> LoadGlossary(const std::string& config_dir);

}  // namespace casework
