#include "settings/glossary_loader.h"

#include "settings/toml_reader.h"

namespace casework {

Result<Glossary> LoadGlossary(const std::string& config_dir) {
  std::string file = config_dir + "/glossary.toml";
  Result<toml::table> parsed = ParseTomlFile(file);
  if (!parsed.ok()) return parsed.status();
  Glossary out;
  Status status;
  TableReader top(*parsed, file, "", status);
  for (const auto& [key, node] : Section(*parsed, "acronyms")) {
    std::string acronym(key.str());
    auto meaning = node.value<std::string>();
    if (!LooksLikeAcronym(acronym) || acronym.back() == 's') {
      top.Fail(node, "acronyms." + acronym, "must be written in capitals (and digits), as it appears in an entry");
    } else if (!meaning || meaning->empty()) {
      top.Fail(node, "acronyms." + acronym, "must be what the acronym stands for, in quotes");
    } else {
      out[acronym] = *meaning;
    }
  }
  top.Finish();
  if (!status.ok()) return status;
  return out;
}

}  // namespace casework
