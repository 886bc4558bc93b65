-- wrk script: each request sends a new, distinct reader report.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  stamp = args[1]
  round = args[2] or "1"  -- distinct texts per round: repeats are stored once
  counter = 0
end

request = function()
  counter = counter + 1
  local body = "description=Benchmark+" .. round .. "-" .. id .. "-" .. counter ..
    "&passage=rund+8000&stamp=" .. stamp .. "&article_revision=1"
  return wrk.format("POST", nil,
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
