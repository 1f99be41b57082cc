// The status line and header fields of a response as they go on the wire, so that the server
// can send them and the body as two plain buffers. Beast's serializer, which wrote them before,
// walks a view over the header's pieces and the body several layers deep on every write: for a
// case note's answer that was about a tenth of the server's own instructions, more than reading
// the request's JSON. The text is the same, byte for byte, as Beast wrote
// (response_head_test.cc holds the two together).
#pragma once

#include <string>

#include "http/message.h"

namespace casework::http {

// HTTP/1.1: "Server: Casework", the response's own fields in order, "Connection: close" when
// the connection is not kept, and the body's Content-Length (also for a HEAD request, whose
// body is then not sent).
std::string ResponseHead(const Response& response, bool keep_alive);
// The same, written over out: a connection reuses one string's room for every answer.
void WriteResponseHead(const Response& response, bool keep_alive, std::string& out);

}  // namespace casework::http
