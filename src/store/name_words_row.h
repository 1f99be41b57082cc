// What a row of person_name_words holds besides its word (migration 0015), as the repository
// and the bulk loader both select it from a name n, its person p and the person's case record r.
#pragma once

namespace casework::store {

// display_name, person_id, kind_rank, name_id, the name's folded key (its words), the name as
// written, date_of_birth, nhs_number, council_reference, postcode, unborn, restricted.
inline constexpr char kNameWordsRowSelect[] =
    "p.display_name, p.id, CASE n.kind WHEN 'current' THEN 0 ELSE 1 END, n.id, n.name_key, "
    "n.given_names || ' ' || n.family_name, p.date_of_birth, p.nhs_number, r.council_reference, "
    "(SELECT a.postcode FROM addresses a WHERE a.person_id = p.id AND a.current = 1 LIMIT 1), p.unborn, "
    "COALESCE(r.restricted, 0)";
// Follows the name n.
inline constexpr char kNameWordsRowJoins[] =
    " JOIN persons p ON p.id = n.person_id LEFT JOIN case_records r ON r.person_id = p.id";
// The table and its columns for an insert, the word first.
inline constexpr char kNameWordsInto[] =
    " INTO person_name_words (word, display_name, person_id, kind_rank, name_id, name_words, name, "
    "date_of_birth, nhs_number, council_reference, postcode, unborn, restricted) ";

}  // namespace casework::store
