# Each request of a bench/search.sh request list timed once over HTTP, one at a time after a warm pass, summarised by
# shape (sort, category, region, minimum budget): which requests of a list are slow, where wrk gives one figure for all.
#   python3 bench/time-urls.py http://127.0.0.1:5099 "$BENCH_DIR/queries/filters.txt"
import sys, time, urllib.parse, urllib.request, collections, re, statistics
base, path = sys.argv[1], sys.argv[2]
urls = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
def get(u):
    t = time.perf_counter()
    with urllib.request.urlopen(base + u, timeout=60) as r: r.read()
    return (time.perf_counter() - t) * 1000
for u in urls: get(u)
times = [(get(u), u) for u in urls]
times.sort(reverse=True)
print(f"n={len(times)} mean={statistics.mean(t for t,_ in times):.2f} ms median={statistics.median(t for t,_ in times):.2f} p90={times[len(times)//10][0]:.2f} max={times[0][0]:.2f}")
def shape(u):
    s = []
    s.append("sort=" + (re.search(r"sort=(\w+)", u).group(1) if "sort=" in u else "default"))
    if "category=" in u: s.append("category")
    if "region=" in u: s.append("region")
    if "minBudget=" in u: s.append("min")
    return " ".join(s)
by = collections.defaultdict(list)
for t, u in times: by[shape(u)].append(t)
for k, v in sorted(by.items(), key=lambda kv: -statistics.mean(kv[1])):
    print(f"{k:40} n={len(v):4} mean={statistics.mean(v):7.2f} max={max(v):7.2f}")
for t, u in times[:8]: print(f"{t:8.2f} {urllib.parse.unquote(u)}")
# By minimum budget (a band of the board's index or not, migration 0049), whatever the other filters.
by_min = collections.defaultdict(list)
for t, u in times: by_min[(re.search(r"minBudget=(\d+)", u) or [None, "none"])[1]].append(t)
for k, v in sorted(by_min.items(), key=lambda kv: -statistics.mean(kv[1])):
    print(f"minBudget={k:10} n={len(v):4} mean={statistics.mean(v):7.2f} median={statistics.median(v):7.2f} max={max(v):7.2f}")
