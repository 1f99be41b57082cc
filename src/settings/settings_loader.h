// Reading a partnership's settings from its config folder (casework.toml and the files
// beside it). A file that cannot be read, has a value of the wrong type, or names a setting
// Casework does not know is refused with the file and line, so a mistyped setting is caught
// at start-up rather than silently ignored.
#pragma once

#include <string>
#include <unordered_set>

#include "core/settings.h"
#include "core/status.h"

namespace casework {

Result<Settings> LoadSettings(const std::string& config_dir);

// The list of common passwords shipped in the config folder, lower-cased.
Result<std::unordered_set<std::string>> LoadCommonPasswords(const std::string& config_dir);

// The config folder shipped with the source, for tests and development.
std::string DefaultConfigDir();
// A path inside the source tree (docs/openapi.yaml, web/dist), for the defaults of serve.
std::string SourcePath(const std::string& relative);

}  // namespace casework
