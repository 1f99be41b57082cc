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

void AddMetaRoutes(Api& api) {
  api.Add("GET", "/api/v1/health", Health, Api::Access::kOpen);
  api.Add("GET", "/api/v1/openapi.yaml", OpenApi, Api::Access::kOpen);
}

}  // namespace casework::http
