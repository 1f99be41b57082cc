#include "settings/glossary_loader.h"

#include <gtest/gtest.h>

#include "settings/config_fixture.h"

namespace casework {
namespace {

using testing::ConfigCopy;

// ENT-09: the shipped glossary carries the common safeguarding acronyms.
TEST(GlossaryConfig, ENT09_ShippedGlossary) {
  Result<Glossary> g = LoadGlossary(DefaultConfigDir());
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  for (const char* a : {"CP", "CIN", "LAC", "CLA", "ICPC", "RCPC", "MASH", "LADO", "EHCP", "CAMHS", "GP", "DSL", "S47",
                        "PLO", "IRO", "SGO"}) {
    EXPECT_TRUE(g->contains(a)) << a;
  }
  EXPECT_EQ(g->at("CAMHS"), "Child and Adolescent Mental Health Services");
}

// ENT-09: a partnership adds its own acronyms by editing the file.
TEST(GlossaryConfig, ENT09_EditedFileAddsAcronyms) {
  ConfigCopy config;
  config.Write("glossary.toml", "[acronyms]\nFGC = \"Family group conference\"\n");
  Result<Glossary> g = LoadGlossary(config.path());
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(*g, (Glossary{{"FGC", "Family group conference"}}));
}

// ENT-09: a malformed glossary is refused, naming the file's line.
TEST(GlossaryConfig, ENT09_MalformedFileNamesTheLine) {
  ConfigCopy config;
  config.Write("glossary.toml", "[acronyms]\nGP = \"General practitioner\"\nfgc = \"Family group conference\"\n");
  Result<Glossary> g = LoadGlossary(config.path());
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("glossary.toml:3"), std::string::npos) << g.status().ToString();
  config.Write("glossary.toml", "[acronyms]\nGP = 7\n");
  g = LoadGlossary(config.path());
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("glossary.toml:2"), std::string::npos) << g.status().ToString();
  config.Write("glossary.toml", "[acronyms]\nGP = \"unclosed\n");
  EXPECT_FALSE(LoadGlossary(config.path()).ok());
  // Casework refuses to start with it too.
  EXPECT_FALSE(LoadSettings(config.path()).ok());
}

}  // namespace
}  // namespace casework
