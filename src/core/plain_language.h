// Plain language in entries (ENT-09): the partnership's glossary of acronyms, and finding the
// acronyms an entry uses that the glossary does not define, so the author can be asked to
// spell them out for the family, other agencies and the child reading the record later.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/entry.h"

namespace casework {

// Acronym ("CAMHS") to its meaning ("Child and Adolescent Mental Health Services").
using Glossary = std::map<std::string, std::string>;

// A word written as an acronym: a capital letter followed only by capitals and digits, with
// at least two capitals or a digit ("CP", "CAMHS", "S47"); a plural "s" is allowed ("GPs").
bool LooksLikeAcronym(std::string_view word);

// The acronyms in text, each once, in the order they first appear; plurals as their singular.
std::vector<std::string> FindAcronyms(std::string_view text);

// The acronyms in any of an entry's written fields that the glossary does not define.
std::vector<std::string> UndefinedAcronyms(const Entry& entry, const Glossary& glossary);

}  // namespace casework
