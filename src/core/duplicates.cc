#include "core/duplicates.h"

#include <algorithm>
#include <sstream>

#include "core/text.h"

namespace casework {
namespace {

std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> out;
  std::istringstream in(folded);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool WordsClose(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a.empty() || b.empty()) return false;
  size_t shorter = std::min(a.size(), b.size());
  // "jon" and "jonathan", "alex" and "alexandra": a short form of the same name.
  if (shorter >= 3 && (a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0)) return true;
  int allowed = shorter >= 7 ? 2 : shorter >= 4 ? 1 : 0;
  return EditDistance(a, b) <= allowed;
}

bool SimilarInOrder(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  // The family name is the last word, the first name the first word.
  return WordsClose(a.back(), b.back()) && WordsClose(a.front(), b.front());
}

}  // namespace

const char* DuplicateReasonText(DuplicateReason reason) {
  switch (reason) {
    case DuplicateReason::kSameNhsNumber: return "same NHS number";
    case DuplicateReason::kSimilarNameSameDateOfBirth: return "similar name and the same date of birth";
    case DuplicateReason::kSameNameAndAddress: return "same name and address";
  }
  return "";
}

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool NamesSimilar(const std::string& a, const std::string& b) {
  std::vector<std::string> wa = Words(a), wb = Words(b);
  if (wa.empty() || wb.empty()) return false;
  if (wa.size() == 1 || wb.size() == 1) return WordsClose(wa.back(), wb.back());
  if (SimilarInOrder(wa, wb)) return true;
  std::vector<std::string> swapped = {wb.back(), wb.front()};
  return SimilarInOrder(wa, swapped);
}

std::vector<DuplicateMatch> FindLikelyDuplicates(const DuplicateProbe& probe,
                                                 const std::vector<DuplicateCandidate>& candidates) {
  std::string name = FoldName(probe.given_names + " " + probe.family_name);
  std::string postcode = FoldPostcode(probe.postcode);
  std::vector<DuplicateMatch> out;
  for (const DuplicateCandidate& c : candidates) {
    DuplicateMatch m{c.person_id, c.display_name, {}};
    if (!probe.nhs_number.empty() && probe.nhs_number == c.nhs_number) {
      m.reasons.push_back(DuplicateReason::kSameNhsNumber);
    }
    bool similar = std::any_of(c.names.begin(), c.names.end(),
                               [&](const std::string& n) { return NamesSimilar(name, n); });
    if (similar && probe.date_of_birth && c.date_of_birth && *probe.date_of_birth == *c.date_of_birth) {
      m.reasons.push_back(DuplicateReason::kSimilarNameSameDateOfBirth);
    }
    bool same_name = std::any_of(c.names.begin(), c.names.end(), [&](const std::string& n) { return n == name; });
    if (same_name && !postcode.empty() && postcode == c.postcode) {
      m.reasons.push_back(DuplicateReason::kSameNameAndAddress);
    }
    if (!m.reasons.empty()) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace casework
