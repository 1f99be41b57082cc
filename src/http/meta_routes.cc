// Open endpoints: health for load balancers, and the API's own description.
#include <fstream>

#include "http/handler_support.h"

namespace casework::http {
namespace json = boost::json;

namespace {

Response Health(const Call& call) {
  Status s = call.services.db.Read([](store::Connection& c) {
    c.Query("SELECT 1")->Next();
    return Status::Ok();
  });
  if (!s.ok()) return ErrorResponse(503, "unavailable", "the database cannot be reached");
  return Ok(json::object{{"status", "ok"}});
}

Response OpenApi(const Call& call) {
  std::ifstream in(call.options.openapi_path, std::ios::binary);
  if (!in) return ErrorResponse(404, "not_found", "this server was started without its API description");
  Response r;
  r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  r.SetHeader("Content-Type", "application/yaml; charset=utf-8");
  return r;
}

}  // namespace

// The values the partnership's settings allow for a person's details (REC-02, EQU-01), so the
// pages offer them as choices rather than free text the server would refuse.
Response Choices(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  const Settings& s = call.services.settings;
  auto list = [](const std::vector<std::string>& values) {
    json::array out;
    for (const std::string& v : values) out.emplace_back(v);
    return out;
  };
  return Ok(json::object{{"genders", list(s.genders)}, {"ethnicities", list(s.ethnicities)}, {"religions", list(s.religions)}});
}

// The partnership's glossary (ENT-09), so the pages can expand acronyms for the reader.
Response GlossaryTerms(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  json::array terms;
  for (const auto& [acronym, meaning] : call.services.settings.glossary) {
    terms.push_back(json::object{{"acronym", acronym}, {"meaning", meaning}});
  }
  return Ok(json::object{{"terms", std::move(terms)}});
}

void AddMetaRoutes(Api& api) {
  api.Add("GET", "/api/v1/choices", Choices, Api::Access::kSignedInPassive);
  api.Add("GET", "/api/v1/glossary", GlossaryTerms, Api::Access::kSignedInPassive);
  api.Add("GET", "/api/v1/health", Health, Api::Access::kOpen);
  api.Add("GET", "/api/v1/openapi.yaml", OpenApi, Api::Access::kOpen);
}

}  // namespace casework::http
