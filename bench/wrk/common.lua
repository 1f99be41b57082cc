-- Shared by the wrk scenarios: a bearer token from the environment, a list of ids to spread
-- requests over, and one JSON line of results at the end. Answers other than 2xx/3xx are
-- counted by wrk itself (bad_status), so a run that "succeeds" with errors shows them.
local common = {}

common.token = os.getenv("CASEWORK_TOKEN") or ""

function common.read_lines(path)
  local out = {}
  local f = assert(io.open(path, "r"))
  for line in f:lines() do
    if #line > 0 then out[#out + 1] = line end
  end
  f:close()
  return out
end

function common.headers(extra)
  local h = { ["Authorization"] = "Bearer " .. common.token }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

function common.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "per_second": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, ' ..
    '"max_ms": %.3f, "socket_errors": %d, "bad_status": %d, "bytes": %d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, summary.bytes))
end

return common
