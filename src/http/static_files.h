// Serving the built web pages from one folder, never outside it.
#pragma once

#include <string>

#include "http/message.h"

namespace casework::http {

// The file under root named by path. Paths that name no file (the pages' own routes such as
// /children/123) get index.html, so a page can be reloaded. Paths with ".." or other
// escapes are refused.
Response ServeStatic(const std::string& root, const std::string& path);

}  // namespace casework::http
