-- POST a case note to a random child's record from CASEWORK_IDS.
package.path = package.path .. ";" .. (os.getenv("CASEWORK_BENCH_DIR") or ".") .. "/?.lua"
local common = require("common")
local ids
local body = '{"type":"case_note","occurred_at":"%s","classification":"fact",' ..
  '"source":{"first_hand":true},' ..
  '"text":"Telephone call with the class teacher. Attendance this week 4 of 5 days; ' ..
  'arrived on time each day, lunch eaten, no concerns raised by staff. Teacher to ring if absent on Monday."}'

function init(args)
  ids = common.read_lines(os.getenv("CASEWORK_IDS"))
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local id = ids[math.random(#ids)]
  local when = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 600)
  return wrk.format("POST", "/api/v1/persons/" .. id .. "/entries",
    common.headers({ ["Content-Type"] = "application/json" }), string.format(body, when))
end

done = common.done
