#include "core/plain_language.h"

#include <algorithm>

namespace casework {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// Bytes of UTF-8 letters count as word characters, so "CAFÉ" is one word and not an acronym.
bool IsWordChar(char c) {
  return IsUpper(c) || IsDigit(c) || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
}

std::string_view Singular(std::string_view word) {
  if (word.size() > 2 && word.back() == 's') return word.substr(0, word.size() - 1);
  return word;
}

bool IsAcronymStem(std::string_view w) {
  if (w.size() < 2 || !IsUpper(w.front())) return false;
  if (!std::all_of(w.begin(), w.end(), [](char c) { return IsUpper(c) || IsDigit(c); })) return false;
  return std::count_if(w.begin(), w.end(), IsUpper) >= 2 || std::any_of(w.begin(), w.end(), IsDigit);
}

void AddAcronyms(std::string_view text, std::vector<std::string>& out) {
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordChar(text[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && IsWordChar(text[i])) ++i;
    std::string_view word = Singular(text.substr(start, i - start));
    if (IsAcronymStem(word) && std::find(out.begin(), out.end(), word) == out.end()) out.emplace_back(word);
  }
}

}  // namespace

bool LooksLikeAcronym(std::string_view word) { return IsAcronymStem(Singular(word)); }

std::vector<std::string> FindAcronyms(std::string_view text) {
  std::vector<std::string> out;
  AddAcronyms(text, out);
  return out;
}

std::vector<std::string> UndefinedAcronyms(const Entry& e, const Glossary& glossary) {
  std::vector<std::string> found;
  for (std::string_view text : {std::string_view(e.title), std::string_view(e.text), std::string_view(e.source.name),
                                std::string_view(e.source.relationship), std::string_view(e.wishes_and_feelings),
                                std::string_view(e.wishes_not_obtained_reason), std::string_view(e.correction_reason)}) {
    AddAcronyms(text, found);
  }
  if (e.provided_by) AddAcronyms(e.provided_by->post_title, found);
  if (e.contact) {
    for (const Participant& p : e.contact->participants) {
      AddAcronyms(p.role, found);
      AddAcronyms(p.agency, found);
    }
    AddAcronyms(e.contact->decisions, found);
    for (const Action& a : e.contact->actions) {
      AddAcronyms(a.description, found);
      AddAcronyms(a.responsible, found);
    }
  }
  if (e.visit) {
    AddAcronyms(e.visit->not_seen_reason, found);
    AddAcronyms(e.visit->not_seen_alone_reason, found);
  }
  if (e.decision) {
    AddAcronyms(e.decision->decided_by_post_title, found);
    AddAcronyms(e.decision->reasons, found);
  }
  std::erase_if(found, [&](const std::string& a) { return glossary.contains(a); });
  return found;
}

}  // namespace casework
