-- wrk: POST /en/questions/new, one prepared body (with its own form token) per request.
-- Each wrk thread takes every Nth line of $LOAD_BODIES so no token is sent twice.
local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  bodies = {}
  local n = 0
  local nthreads = tonumber(os.getenv("LOAD_THREADS") or "2")
  for line in io.lines(os.getenv("LOAD_BODIES")) do
    if n % nthreads == id then table.insert(bodies, line) end
    n = n + 1
  end
  i = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
function request()
  i = i + 1
  if i > #bodies then i = 1 end -- out of tokens: a resend (answered, not stored twice)
  -- Each form from a client of its own (see api_questions.lua).
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", 128 + id % 128, math.floor(i / 256) % 256, i % 256)
  return wrk.format(nil, nil, nil, bodies[i])
end
