#include "http/chronology_csv.h"

#include <gtest/gtest.h>

namespace casework::http {
namespace {

Timestamp At(const char* text) { return *ParseTimestamp(text, "t"); }

// CHR-02: one row per event in the order given, times on London's clock, commas, quotes and
// line breaks kept inside their cells.
TEST(ChronologyCsv, CHR02_OneQuotedRowPerEventInLondonTime) {
  app::ChronologyExport c;
  c.display_name = "Ruby Marsh";
  store::ChronologyRow visit;
  visit.seq = 7;
  visit.kind = "entry.visit";
  visit.occurred_at = At("2026-07-01T08:15:00Z");
  visit.recorded_at = At("2026-07-03T09:00:00Z");
  visit.late = true;
  visit.summary = "Home visit, \"unannounced\"\nRuby seen alone";
  visit.agency = "Children's Social Care";
  visit.author_name = "Sam Okafor";
  visit.author_post_title = "Social Worker";
  store::ChronologyRow note = visit;
  note.seq = 9;
  note.kind = "entry.case_note";
  note.late = false;
  note.summary = "Strategy discussion";
  c.events = {visit, note};

  std::string csv = ChronologyCsv(c);
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF\"Entry no.\",", 0), 0u);
  EXPECT_NE(csv.find("\r\n\"7\",\"2026-07-01 09:15\",\"2026-07-03 10:00\",\"yes\",\"visit\","
                     "\"Home visit, \"\"unannounced\"\"\nRuby seen alone\",\"Children's Social Care\","
                     "\"Sam Okafor\",\"Social Worker\"\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"9\",\"2026-07-01 09:15\",\"2026-07-03 10:00\",\"no\",\"case note\",\"Strategy discussion\""),
            std::string::npos);
  EXPECT_LT(csv.find("\"7\","), csv.find("\"9\","));
}

// CHR-02: text that a spreadsheet would run as a formula is made plain.
TEST(ChronologyCsv, CHR02_FormulasAreNotRun) {
  EXPECT_EQ(CsvCell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvCell("-1"), "\"'-1\"");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(CsvCell("Seen at 10:00"), "\"Seen at 10:00\"");
  EXPECT_EQ(CsvCell(""), "\"\"");
}

}  // namespace
}  // namespace casework::http
