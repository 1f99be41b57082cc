// Reading timescales.toml: the events practitioners record and the clocks they start and stop
// (TIM-01). Anything malformed is refused with the file and line.
#pragma once

#include <string>

#include "core/status.h"
#include "core/timescale.h"

namespace casework {

Result<Timescales> LoadTimescales(const std::string& config_dir);

}  // namespace casework
