#include "store/database.h"

namespace casework::store {

Status StatusFromDbError(const DbError& e) {
  switch (e.kind()) {
    case DbError::Kind::kUniqueViolation:
      return Status::Conflict("that already exists: " + std::string(e.what()));
    case DbError::Kind::kBusy:
    case DbError::Kind::kSerialization:
      return Status(StatusCode::kUnavailable, "the database is busy; try again");
    case DbError::Kind::kOther:
      break;
  }
  return Status::Internal(std::string("database error: ") + e.what());
}

Status StatusFromUnexpected(const std::exception& e) {
  return Status::Internal(std::string("unexpected failure: ") + e.what());
}

}  // namespace casework::store
