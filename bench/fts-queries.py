#!/usr/bin/env python3
"""The board's FTS5 queries alone, on a benchmark file (issue 12): what the open board's own index (job_board_fts,
migration 0015) changes against the old facet intersection on job_fts, and what reading the relevance window's stored
tokens costs. Python's sqlite3 (3.40 here) reads the same file read-only; set MMAP=bytes to try PRAGMA mmap_size.

    python3 bench/fts-queries.py /tmp/marketplace-bench/board-1000000.db
"""
import os, sqlite3, sys, time

c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
c.execute("PRAGMA cache_size=-2000")  # Microsoft.Data.Sqlite's default page cache, 2 MB a connection
if os.environ.get("MMAP"):
    c.execute("PRAGMA mmap_size=" + os.environ["MMAP"])


def t(name, sql, args=(), n=30):
    for _ in range(3):
        rows = c.execute(sql, args).fetchall()
    s = time.perf_counter()
    for _ in range(n):
        rows = c.execute(sql, args).fetchall()
    print(f"{name:58s} {1000 * (time.perf_counter() - s) / n:8.2f} ms  rows={len(rows)}")


window = "SELECT f.rowid FROM {0} f WHERE {0} MATCH ? ORDER BY f.rowid DESC LIMIT 1001"
kokeshi, eiyaku = '"こけ けし"', '"英訳"'
t("こけし, job_fts with sopen and members (before)", window.format("job_fts"),
  (f"(facets : sopen AND {{title body}} : ({kokeshi})) NOT facets : members",))
t("こけし, job_board_fts (after)", window.format("job_board_fts"), (f"({{title body}} : ({kokeshi})) NOT facets : members",))
t("こけし, words alone (all statuses)", window.format("job_fts"), (f"{{title body}} : ({kokeshi})",))
t("英訳 + translation + 長野県, job_fts (before)", window.format("job_fts"),
  (f'(facets : sopen AND facets : ctranslation AND facets : "r長野県" AND {{title body}} : ({eiyaku})) NOT facets : members',))
t("英訳 + translation + 長野県, job_board_fts (after)", window.format("job_board_fts"),
  (f'(facets : ctranslation AND facets : "r長野県" AND {{title body}} : ({eiyaku})) NOT facets : members',))
t("翻訳, job_fts (before)", window.format("job_fts"), ('(facets : sopen AND {title body} : ("翻訳")) NOT facets : members',))
t("翻訳, job_board_fts (after)", window.format("job_board_fts"), ('({title body} : ("翻訳")) NOT facets : members',))
t("翻訳: the stored tokens of the relevance window (1,000 jobs)",
  "SELECT s.doc_id, s.title, s.body FROM job_search s WHERE s.doc_id IN (" + window.format("job_board_fts").replace("1001", "1000") + ")",
  ('({title body} : ("翻訳")) NOT facets : members',))
