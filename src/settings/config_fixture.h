// A copy of the shipped config folder in a temporary directory, for tests that break one file.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "settings/settings_loader.h"
#include "support/temp_dir.h"

namespace casework::testing {

class ConfigCopy {
 public:
  ConfigCopy() { std::filesystem::copy(DefaultConfigDir(), dir_.path(), std::filesystem::copy_options::recursive); }
  const std::string& path() const { return dir_.path(); }
  std::string File(const std::string& name) const { return dir_.File(name); }
  void Write(const std::string& name, const std::string& text) const { std::ofstream(dir_.File(name)) << text; }

 private:
  TempDir dir_;
};

}  // namespace casework::testing
