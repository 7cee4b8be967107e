-- wrk: POST /api/v1/crs with one fixed set of answers.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"age":29,"education":"bachelors","first_language":{"language":"english","listening":7,"reading":9,"writing":9,"speaking":9},"canadian_experience_years":1}'
