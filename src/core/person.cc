#include "core/person.h"

namespace casework {

const char* NameKindName(NameKind kind) {
  switch (kind) {
    case NameKind::kAlias: return "alias";
    case NameKind::kPrevious: return "previous";
    case NameKind::kBirthCertificate: return "birth_certificate";
    case NameKind::kRegistered: return "registered";
  }
  return "alias";
}

std::optional<NameKind> ParseNameKind(std::string_view text) {
  for (NameKind k : {NameKind::kAlias, NameKind::kPrevious, NameKind::kBirthCertificate, NameKind::kRegistered}) {
    if (text == NameKindName(k)) return k;
  }
  return std::nullopt;
}

std::string Person::DisplayName() const {
  if (details.given_names.empty()) return details.family_name;
  if (details.family_name.empty()) return details.given_names;
  return details.given_names + " " + details.family_name;
}

}  // namespace casework
