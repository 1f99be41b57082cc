#include "core/entry.h"

#include <array>

#include "core/journal_kinds.h"

namespace casework {
namespace {

template <typename E, size_t N>
std::optional<E> Lookup(const std::array<const char*, N>& names, std::string_view text) {
  for (size_t i = 0; i < N; ++i) {
    if (text == names[i]) return static_cast<E>(i);
  }
  return std::nullopt;
}

constexpr std::array<const char*, 4> kEntryTypes = {"case_note", "contact", "visit", "decision"};
constexpr std::array<const char*, 4> kEntryKinds = {kinds::kCaseNote, kinds::kContact, kinds::kVisit,
                                                    kinds::kDecision};
constexpr std::array<const char*, 5> kClassifications = {"fact", "opinion", "assessment", "judgement",
                                                         "decision"};
constexpr std::array<const char*, 6> kContactMethods = {"face_to_face", "telephone", "meeting",
                                                        "video_call",   "email",     "letter"};

}  // namespace

const char* EntryTypeName(EntryType type) { return kEntryTypes[static_cast<size_t>(type)]; }
std::optional<EntryType> ParseEntryType(std::string_view text) { return Lookup<EntryType>(kEntryTypes, text); }
const char* EntryKind(EntryType type) { return kEntryKinds[static_cast<size_t>(type)]; }
std::optional<EntryType> EntryTypeOfKind(std::string_view kind) { return Lookup<EntryType>(kEntryKinds, kind); }

const char* ClassificationName(Classification c) { return kClassifications[static_cast<size_t>(c)]; }
std::optional<Classification> ParseClassification(std::string_view text) {
  return Lookup<Classification>(kClassifications, text);
}

const char* ContactMethodName(ContactMethod m) { return kContactMethods[static_cast<size_t>(m)]; }
std::optional<ContactMethod> ParseContactMethod(std::string_view text) {
  return Lookup<ContactMethod>(kContactMethods, text);
}

}  // namespace casework
