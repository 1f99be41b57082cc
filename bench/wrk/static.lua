-- The baseline: the same connection count against a static file, nothing else.
package.path = package.path .. ";" .. (os.getenv("CASEWORK_BENCH_DIR") or ".") .. "/?.lua"
local common = require("common")
done = common.done
