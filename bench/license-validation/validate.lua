-- wrk script: POST /api/licenses/validate for the loaded licences.
--   wrk ... -s validate.lua <url> -- <keys file> <random|sweep>
-- keys file: one "<key> <product>" per line. "sweep" visits every key once across all threads and then
-- stops (to fill the service's cache); "random" picks a random key per request. done() prints a
-- RESULT line with exact percentiles in microseconds.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local bodies = {}
local count = 0
local mode = "random"
local index = 0
local step = 1
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  for line in io.lines(args[1]) do
    local key, product = line:match("^(%S+)%s+(%S+)$")
    if key then
      count = count + 1
      bodies[count] = '{"key":"' .. key .. '","product":"' .. product .. '"}'
    end
  end
  mode = args[2] or "random"
  step = tonumber(args[3] or "1")
  index = id + 1 - step
  math.randomseed(os.time() * 1000 + id * 7919)
end

function request()
  local i
  if mode == "sweep" then
    index = index + step
    if index > count then
      wrk.thread:stop()
      i = count
    else
      i = index
    end
  else
    i = math.random(count)
  end
  return wrk.format("POST", nil, headers, bodies[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end
