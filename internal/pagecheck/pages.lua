-- wrk script for bench-memory.sh: request the paths listed one a line in the
-- file named after --, in turn (each thread goes through the whole list).
local paths = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
