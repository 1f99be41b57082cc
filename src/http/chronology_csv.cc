#include "http/chronology_csv.h"

#include "core/entry.h"

namespace casework::http {

std::string CsvCell(std::string_view text) {
  std::string out = "\"";
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string ChronologyCsv(const app::ChronologyExport& chronology) {
  // The byte order mark tells spreadsheets the file is UTF-8, so accented names survive.
  std::string out = "\xEF\xBB\xBF";
  auto row = [&](std::initializer_list<std::string_view> cells) {
    bool first = true;
    for (std::string_view cell : cells) {
      if (!first) out += ',';
      first = false;
      out += CsvCell(cell);
    }
    out += "\r\n";
  };
  row({"Entry no.", "When it happened (London)", "When it was recorded (London)", "Late entry", "Type",
       "What happened", "Source agency", "Recorded by", "Post title"});
  for (const store::ChronologyRow& e : chronology.events) {
    auto type = EntryTypeOfKind(e.kind);
    std::string type_name = type ? EntryTypeName(*type) : e.kind;
    for (char& c : type_name) c = c == '_' ? ' ' : c;
    row({std::to_string(e.seq), FormatLondonDateTime(e.occurred_at), FormatLondonDateTime(e.recorded_at),
         e.late ? "yes" : "no", type_name, e.summary, e.agency, e.author_name, e.author_post_title});
  }
  return out;
}

}  // namespace casework::http
