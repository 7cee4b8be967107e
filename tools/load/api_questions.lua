-- wrk: POST /api/v1/questions, the question form as JSON. Each request is a new question
-- (its own text and Idempotency-Key, made from the wrk thread and a counter), so every 201 is
-- one more row committed to the database before the answer.
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  n = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  n = n + 1
  local key = string.format("load-%d-%d-%d", id, os.time(), n)
  wrk.headers["Idempotency-Key"] = key
  -- A client of its own (10.thread.x.y, the server trusts 127.0.0.1 as a proxy): an API post
  -- counts against its address's 5 an hour, so 65,536 addresses per thread before one repeats.
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", id % 256, math.floor(n / 256) % 256, n % 256)
  local body = string.format(
    '{"name":"Load Test","email":"load@example.org","topic":"cec","message":"Load test question %s: does my work count?","preferred_language":"en","consent":true}',
    key)
  return wrk.format(nil, nil, nil, body)
end
