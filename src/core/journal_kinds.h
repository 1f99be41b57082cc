// The kinds of journal item. Stored in the database and part of each item's hash, so these
// strings never change once released.
#pragma once

namespace casework::kinds {

inline constexpr char kPersonCreated[] = "person.created";
inline constexpr char kDetailsChanged[] = "person.details_changed";
inline constexpr char kAddressChanged[] = "person.address_changed";
inline constexpr char kNameAdded[] = "person.name_added";
inline constexpr char kBirthCertificateSeen[] = "person.birth_certificate_seen";
inline constexpr char kBirthRecorded[] = "person.birth_recorded";
inline constexpr char kBirthRegistered[] = "person.birth_registered";
inline constexpr char kCaseRecordOpened[] = "record.opened";
inline constexpr char kAllocated[] = "record.allocated";
inline constexpr char kRelationshipAdded[] = "relationship.added";
inline constexpr char kRelationshipEnded[] = "relationship.ended";
inline constexpr char kAccessGranted[] = "access.granted";
inline constexpr char kAccessRevoked[] = "access.revoked";
inline constexpr char kRestrictionChanged[] = "record.restriction_changed";
inline constexpr char kItemShared[] = "item.shared";
// Consent to share and disclosures outside Casework (SHR-01..03).
inline constexpr char kConsentRecorded[] = "consent.recorded";
inline constexpr char kInformationDisclosed[] = "information.disclosed";

inline constexpr char kCaseNote[] = "entry.case_note";
inline constexpr char kContact[] = "entry.contact";
inline constexpr char kVisit[] = "entry.visit";
inline constexpr char kDecision[] = "entry.decision";
inline constexpr char kCountersigned[] = "entry.countersigned";

// Timescales (TIM-03, TIM-04): events recorded, and every change to a clock.
inline constexpr char kTimescaleEvent[] = "timescale.event";
inline constexpr char kClockStarted[] = "clock.started";
inline constexpr char kClockStopped[] = "clock.stopped";
inline constexpr char kClockEnded[] = "clock.ended";
inline constexpr char kClockShortened[] = "clock.shortened";
inline constexpr char kClockExtensionRequested[] = "clock.extension_requested";
inline constexpr char kClockConsultation[] = "clock.consultation_recorded";
inline constexpr char kClockExtended[] = "clock.extended";
inline constexpr char kClockExtensionDeclined[] = "clock.extension_declined";

}  // namespace casework::kinds
