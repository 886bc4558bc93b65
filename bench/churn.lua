-- wrk script: read the given pages in turn and count the answers the server had
-- to render (bench/urls.py marks them), to give the page cache's hit ratio.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = args
  n = 0
  rendered = 0
  total = 0
end

request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

response = function(status, headers, body)
  total = total + 1
  if headers["X-Bench-Rendered"] == "1" then
    rendered = rendered + 1
  end
end

done = function(summary, latency, requests)
  local r, t = 0, 0
  for _, thread in ipairs(threads) do
    r = r + thread:get("rendered")
    t = t + thread:get("total")
  end
  io.write(string.format("rendered %d of %d\n", r, t))
end
