// Drafts of forms, saved as the user types so an automatic log out loses nothing (SEC-02).
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "app/drafts.h"
#include "http/handler_support.h"

namespace casework::http {
namespace json = boost::json;

namespace {

json::object DraftJson(const store::Draft& d) {
  json::value content = json::parse(d.content);
  return json::object{{"key", d.key},
                      {"record_id", d.record_id.empty() ? json::value(nullptr) : json::value(d.record_id)},
                      {"content", std::move(content)},
                      {"updated_at", FormatTimestamp(d.updated_at)}};
}

Response List(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  return Answer(app::ListDrafts(call.services, call.actor()), [](const auto& drafts) {
    json::array out;
    for (const store::Draft& d : drafts) out.push_back(DraftJson(d));
    return json::object{{"drafts", std::move(out)}};
  });
}

Response Get(const Call& call) {
  return Answer(app::GetDraft(call.services, call.actor(), call.param("key")),
                [](const store::Draft& d) { return json::object{{"draft", DraftJson(d)}}; });
}

Response Save(const Call& call) {
  store::Draft draft;
  draft.key = call.param("key");
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        draft.record_id = r.String("record_id");
        if (auto content = r.AnyObject("content", true)) draft.content = json::serialize(*content);
      })) {
    return *bad;
  }
  return Answer(app::SaveDraft(call.services, call.actor(), std::move(draft)),
                [](const store::Draft& d) { return json::object{{"draft", DraftJson(d)}}; });
}

Response Delete(const Call& call) {
  Status s = app::DeleteDraft(call.services, call.actor(), call.param("key"));
  if (!s.ok()) return ErrorResponse(s);
  Response r;
  r.status = 204;
  return r;
}

}  // namespace

void AddDraftRoutes(Api& api) {
  api.Add("GET", "/api/v1/drafts", List);
  api.Add("GET", "/api/v1/drafts/{key}", Get);
  api.Add("PUT", "/api/v1/drafts/{key}", Save);
  api.Add("DELETE", "/api/v1/drafts/{key}", Delete);
}

}  // namespace casework::http
