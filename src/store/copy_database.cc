#include "store/copy_database.h"

#include "store/postgres/pg_connection.h"

namespace casework::store {
namespace {

struct Column {
  std::string name;
  bool blob = false;
};

struct Table {
  std::string name;
  std::vector<Column> columns;
};

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

// The tables that hold data, with their columns: not SQLite's own, not the record of
// migrations (the target has its own, having been migrated to the same version).
std::vector<Table> SourceTables(Connection& c) {
  std::vector<Table> tables;
  auto rows = c.Query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
      "AND name <> 'schema_migrations' ORDER BY name");
  while (rows->Next()) tables.push_back({rows->String(0), {}});
  rows.reset();
  for (Table& t : tables) {
    auto cols = c.Query("SELECT name, type FROM pragma_table_info(?) ORDER BY cid", {std::string_view(t.name)});
    while (cols->Next()) t.columns.push_back({cols->String(0), cols->Text(1) == "BLOB"});
  }
  return tables;
}

int64_t CountRows(Connection& c, const std::string& table) {
  auto rows = c.Query("SELECT COUNT(*) FROM " + Quoted(table));
  rows->Next();
  return rows->Int(0);
}

// Appends text as a field of COPY's text format, in which a backslash starts an escape and
// tabs and line ends separate fields and rows.
void AppendField(std::string& out, std::string_view text) {
  for (char ch : text) {
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += ch;
    }
  }
}

// Streams one table's rows into PostgreSQL with COPY, a megabyte at a time, each value as
// text (binary columns as hex), which PostgreSQL reads as the type of the column it goes into.
int64_t CopyTable(Database& from, PgConnection& to, const Table& t) {
  constexpr size_t kChunk = 1 << 20;
  std::string select = "SELECT ", copy = "COPY " + Quoted(t.name) + " (";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const Column& col = t.columns[i];
    std::string sep = i ? ", " : "";
    // hex() of NULL is '', so NULL is kept apart from an empty value.
    select += sep + (col.blob ? "CASE WHEN " + Quoted(col.name) + " IS NULL THEN NULL ELSE hex(" + Quoted(col.name) +
                                    ") END"
                              : Quoted(col.name));
    copy += sep + Quoted(col.name);
  }
  select += " FROM " + Quoted(t.name);
  copy += ") FROM STDIN";
  int64_t copied = 0;
  std::exception_ptr writing;  // PostgreSQL's failure, kept whole so that Write can tell a collision
  Status read = from.Read([&](Connection& c) {
    auto rows = c.Query(select);
    auto next_rows = [&](std::string& out) {
      while (out.size() < kChunk) {
        if (!rows->Next()) return false;
        for (size_t i = 0; i < t.columns.size(); ++i) {
          if (i) out += '\t';
          int column = static_cast<int>(i);
          if (rows->IsNull(column)) {
            out += "\\N";
          } else {
            if (t.columns[i].blob) out += "\\\\x";
            AppendField(out, rows->Text(column));
          }
        }
        out += '\n';
      }
      return true;
    };
    try {
      copied = to.CopyIn(copy, next_rows);
    } catch (const DbError&) {
      writing = std::current_exception();
    }
    return Status::Ok();
  });
  if (writing) std::rethrow_exception(writing);
  if (!read.ok()) throw DbError(DbError::Kind::kOther, "reading " + t.name + ": " + read.message());
  return copied;
}

// One SQLite file to copy, and its tables.
struct Source {
  Database* db;
  std::vector<Table> tables;
};

Result<int64_t> CountIn(Database& db, const std::string& table) {
  int64_t n = -1;
  Status s = db.Read([&](Connection& c) {
    n = CountRows(c, table);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return n;
}

}  // namespace

Result<std::vector<TableCopy>> CopyDatabase(Database& from, Database* from_access_log_file, Database& to) {
  if (from.dialect() != Dialect::kSqlite || to.dialect() != Dialect::kPostgres ||
      (from_access_log_file && from_access_log_file->dialect() != Dialect::kSqlite)) {
    return Status::Internal("a copy goes from an SQLite file to a PostgreSQL database");
  }
  std::vector<Source> sources = {{&from, {}}};
  if (from_access_log_file) sources.push_back({from_access_log_file, {}});
  for (Source& source : sources) {
    Status s = source.db->Read([&](Connection& c) {
      source.tables = SourceTables(c);
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }

  // Each table once, in the order first met, with the rows of every source.
  std::vector<TableCopy> copied;
  auto entry = [&](const std::string& table) -> TableCopy& {
    for (TableCopy& t : copied) {
      if (t.table == table) return t;
    }
    return copied.emplace_back(TableCopy{table, 0});
  };
  Status s = to.Write([&](Connection& c) -> Status {
    copied.clear();
    for (const Source& source : sources) {
      for (const Table& t : source.tables) {
        if (c.Query("SELECT 1 FROM " + Quoted(t.name) + " LIMIT 1")->Next()) {
          return Status::Conflict("the PostgreSQL database already holds data (in " + t.name +
                                  "); casework migrate copies only into an empty one");
        }
      }
    }
    // Rows go in table by table, so references between tables are checked at commit.
    c.ExecScript("SET CONSTRAINTS ALL DEFERRED");
    // record_versions is copied with the rest; its triggers (migration 0013) would move it as
    // every row went in, and then find it already there.
    c.ExecScript("SET LOCAL casework.copying = 'on'");
    auto& pg = dynamic_cast<PgConnection&>(c);  // the target's dialect was checked above
    for (const Source& source : sources) {
      for (const Table& t : source.tables) entry(t.name).rows += CopyTable(*source.db, pg, t);
    }
    c.ExecScript("SET LOCAL casework.copying = 'off'");
    return Status::Ok();
  });
  if (!s.ok()) return s;
  // Statistics for the planner now, rather than when autovacuum comes round to it: until then
  // it would plan for empty tables.
  s = to.Write([](Connection& c) {
    c.ExecScript("ANALYZE");
    return Status::Ok();
  });
  if (!s.ok()) return s;

  // Both sides counted again, each on its own snapshot, now that the copy is committed.
  for (const TableCopy& t : copied) {
    int64_t source_rows = 0;
    for (const Source& source : sources) {
      for (const Table& table : source.tables) {
        if (table.name != t.table) continue;
        Result<int64_t> n = CountIn(*source.db, t.table);
        if (!n.ok()) return n.status();
        source_rows += *n;
      }
    }
    Result<int64_t> target = CountIn(to, t.table);
    if (!target.ok()) return target.status();
    if (source_rows != *target) {
      return Status::Internal(t.table + " has " + std::to_string(source_rows) + " rows in the SQLite files but " +
                              std::to_string(*target) + " in PostgreSQL; were the files in use during the copy?");
    }
  }
  return copied;
}

}  // namespace casework::store
