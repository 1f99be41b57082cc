-- GET a path for a random value from CASEWORK_IDS: CASEWORK_PATH holds "%s" where it goes.
package.path = package.path .. ";" .. (os.getenv("CASEWORK_BENCH_DIR") or ".") .. "/?.lua"
local common = require("common")
local ids, path

function init(args)
  ids = common.read_lines(os.getenv("CASEWORK_IDS"))
  path = os.getenv("CASEWORK_PATH")
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  return wrk.format("GET", string.format(path, ids[math.random(#ids)]), common.headers())
end

done = common.done
