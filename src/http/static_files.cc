#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/errors.h"

namespace casework::http {
namespace {

std::string ContentType(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".json") return "application/json";
  if (ext == ".yaml") return "application/yaml; charset=utf-8";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool SafePath(const std::string& path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return false;
  std::istringstream in(path);
  for (std::string part; std::getline(in, part, '/');) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

Response FileResponse(const std::filesystem::path& file, bool immutable) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return ErrorResponse(404, "not_found", "no such page");
  Response r;
  r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  r.SetHeader("Content-Type", ContentType(file));
  // Built assets carry a content hash in their names, so they never change; pages may.
  r.SetHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace

Response ServeStatic(const std::string& root, const std::string& path) {
  if (root.empty()) return ErrorResponse(404, "not_found", "this server has no web pages installed");
  if (!SafePath(path)) return ErrorResponse(400, "invalid_argument", "that is not a valid page address", "path");
  namespace fs = std::filesystem;
  fs::path base = fs::weakly_canonical(root);
  fs::path wanted = fs::weakly_canonical(base / path.substr(1));
  auto [end, _] = std::mismatch(base.begin(), base.end(), wanted.begin(), wanted.end());
  if (end != base.end()) return ErrorResponse(400, "invalid_argument", "that is not a valid page address", "path");
  std::error_code ec;
  if (fs::is_regular_file(wanted, ec)) return FileResponse(wanted, path.rfind("/assets/", 0) == 0);
  if (fs::path(path).has_extension()) return ErrorResponse(404, "not_found", "no such file: " + path);
  return FileResponse(base / "index.html", false);
}

}  // namespace casework::http
