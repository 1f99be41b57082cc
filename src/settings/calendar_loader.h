// Reading calendar.toml: the one-off bank holidays and the partnership's closure days that the
// working-day calendar adds to the standing rules (TIM-02).
#pragma once

#include <string>

#include "core/status.h"
#include "core/working_day_calendar.h"

namespace casework {

// Reads config_dir/calendar.toml, naming the file and line of anything wrong.
Result<CalendarConfig> LoadCalendarConfig(const std::string& config_dir);

}  // namespace casework
