"""Fetch N question forms from ADDR and write one urlencoded submission per line to OUT."""
import concurrent.futures as cf
import re
import sys
import urllib.parse
import urllib.request

addr, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pat = re.compile(r'name="form_token" value="([^"]+)"')


def one(i):
    with urllib.request.urlopen(f"http://{addr}/en/questions/new", timeout=10) as r:
        tok = pat.search(r.read().decode()).group(1)
    return urllib.parse.urlencode({
        "name": f"Load Test {i}", "email": f"load{i}@example.org", "topic": "cec",
        "message": f"Load test question number {i}: does my work count?",
        "preferred_language": "en", "consent": "yes", "form_token": tok, "website": ""})


with cf.ThreadPoolExecutor(8) as ex, open(out, "w") as f:
    for body in ex.map(one, range(n)):
        f.write(body + "\n")
