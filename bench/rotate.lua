-- wrk script: each request is the next request target of a file (one a line: path and query), so that the query
-- changes from request to request and what is measured is the engine, not a cache. Each thread starts at its own place
-- in the list. Usage: wrk -s bench/rotate.lua URL -- FILE (URL gives the host; its path is not used).
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local targets = {}
local count = 0
local at = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      count = count + 1
      targets[count] = line
    end
  end
  if count == 0 then error("no request targets in " .. args[1]) end
  at = ((id or 0) * 7919) % count
end

function request()
  at = at % count + 1
  return wrk.format("GET", targets[at])
end
