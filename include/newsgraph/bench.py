"""``newsgraph bench``: newsgraph's whole path against raw spaCy, on the same texts and cores.

Each run starts two fresh processes, one per contender, in alternating order:

* **newsgraph**: the pipeline's own steps over a landing day holding the corpus
  (read and stage in shards → extract and normalise → validate with Great Expectations →
  publish Parquet and rebuild the ``entities`` dimension), timed by stage;
* **raw spaCy**: ``spacy.load`` of the full default pipeline and ``nlp.pipe`` over the
  same article texts (after newsgraph's reading and de-duplication), with the same
  number of processes (``n_process``).

Both include loading the model. It prints articles/s, tokens/s, the ratio
newsgraph/raw of each run and its median, the peak resident memory of the largest
process, and the time split by stage. Figures, not assertions: run it on a quiet machine.

With ``--dag`` it also times ``airflow dags test news_pipeline`` over the same landing
day in the current ``AIRFLOW_HOME``, to compare the DAG's end-to-end time with the bench's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from newsgraph.settings import PROJECT_ROOT, Settings

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "bbc_fulltext.jsonl"
BENCH_DAY = date(2025, 9, 1)
STAGES = ("read", "model", "extract", "validate", "publish")


def _peak_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb_main": round(own, 1), "peak_mb_child": round(children, 1)}


def make_landing(corpus: Path, root: Path, limit: int | None) -> Path:
    """A landing day under ``root`` holding the first ``limit`` lines of ``corpus``."""
    folder = root / "landing" / BENCH_DAY.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    with open(corpus, encoding="utf-8") as src, open(folder / "corpus.jsonl", "w", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if limit is not None and n >= limit:
                break
            dst.write(line)
    return root / "landing"


def _settings(root: Path, processes: int, shard_size: int) -> Settings:
    return Settings.from_env().with_overrides(
        landing_root=root / "landing",
        warehouse_root=root / "warehouse",
        processes=processes,
        shard_size=shard_size,
    )


def run_newsgraph(root: Path, processes: int, shard_size: int) -> dict:
    """The pipeline's steps over the bench day, as the DAG runs them (shards one after another)."""
    from newsgraph import pipeline
    from newsgraph.nlp.model import load_pipeline

    settings = _settings(root, processes, shard_size)
    times: dict[str, float] = {}
    t = time.perf_counter()
    loaded = pipeline.load(settings, BENCH_DAY, "bench")
    times["read"] = time.perf_counter() - t
    t = time.perf_counter()
    load_pipeline(settings.model_names)
    times["model"] = time.perf_counter() - t
    t = time.perf_counter()
    for shard in loaded["shards"]:
        pipeline.extract_shard(settings, BENCH_DAY, loaded["staging"], shard["shard"])
    times["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    pipeline.validate(settings, BENCH_DAY, loaded["staging"])
    times["validate"] = time.perf_counter() - t
    t = time.perf_counter()
    published = pipeline.publish(settings, BENCH_DAY, loaded["staging"])
    times["publish"] = time.perf_counter() - t
    return {
        "articles": loaded["articles"],
        "shards": len(loaded["shards"]),
        "processes": settings.worker_processes(min(loaded["articles"], shard_size)),
        "rows": published["rows"],
        "stages": times,
        "seconds": sum(times.values()),
        **_peak_mb(),
    }


def run_spacy(root: Path, processes: int, batch_size: int) -> dict:
    """Raw spaCy: the full default pipeline over the texts newsgraph extracts, ``n_process`` processes."""
    import pyarrow.parquet as pq
    import spacy

    from newsgraph import pipeline

    settings = _settings(root, processes, 10**9)
    loaded = pipeline.load(settings, BENCH_DAY, "bench-raw")
    texts = pq.read_table(Path(loaded["staging"]) / "articles", columns=["text"]).column("text").to_pylist()
    names = settings.model_names
    t = time.perf_counter()
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise RuntimeError(f"none of {names} is installed")
    model_seconds = time.perf_counter() - t
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        tokens += len(doc)
    seconds = time.perf_counter() - t
    return {
        "articles": len(texts),
        "tokens": tokens,
        "pipeline": list(nlp.pipe_names),
        "processes": processes,
        "stages": {"model": model_seconds, "pipe": seconds - model_seconds},
        "seconds": seconds,
        **_peak_mb(),
    }


def run_dag(root: Path, processes: int, shard_size: int) -> dict:
    """``airflow dags test news_pipeline`` over the bench day, in the current AIRFLOW_HOME."""
    airflow = Path(sys.executable).with_name("airflow")
    env = dict(
        os.environ,
        NEWSGRAPH_LANDING=str(root / "landing"),
        NEWSGRAPH_WAREHOUSE=str(root / "dag-warehouse"),
        NEWSGRAPH_PROCESSES=str(processes),
        NEWSGRAPH_SHARD_SIZE=str(shard_size),
    )
    t = time.perf_counter()
    result = subprocess.run(
        [str(airflow), "dags", "test", "news_pipeline", BENCH_DAY.isoformat()],
        env=env, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - t
    ok = result.returncode == 0 and "state=success" in result.stdout + result.stderr
    if not ok:
        tail = (result.stdout + result.stderr)[-3000:]
        raise RuntimeError(f"airflow dags test failed (exit {result.returncode}):\n{tail}")
    return {"seconds": seconds}


def _child(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if args.child == "newsgraph":
        out = run_newsgraph(root, args.processes, args.shard_size)
    elif args.child == "spacy":
        out = run_spacy(root, args.processes, args.batch_size)
    else:
        out = run_dag(root, args.processes, args.shard_size)
    print("BENCH " + json.dumps(out))
    return 0


def _spawn(kind: str, root: Path, args: argparse.Namespace) -> dict:
    cmd = [
        sys.executable, "-m", "newsgraph.bench", "--child", kind, "--root", str(root),
        "--processes", str(args.processes), "--shard-size", str(args.shard_size),
        "--batch-size", str(args.batch_size),
    ]
    env = dict(os.environ, NEWSGRAPH_LOG_LEVEL="WARNING")
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("BENCH ")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"bench {kind} failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(lines[-1][len("BENCH "):])


def _fmt_run(n: int, ng: dict, raw: dict) -> str:
    ratio = (ng["articles"] / ng["seconds"]) / (raw["articles"] / raw["seconds"])
    stages = " ".join(f"{s} {ng['stages'][s]:.1f}" for s in STAGES)
    return (
        f"run {n}: newsgraph {ng['articles'] / ng['seconds']:6.2f} art/s ({ng['seconds']:.1f} s; {stages})"
        f" | raw spaCy {raw['articles'] / raw['seconds']:6.2f} art/s ({raw['seconds']:.1f} s)"
        f" | ratio {ratio:.3f}"
    )


def bench(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"newsgraph bench: corpus {corpus} not found; pass a JSON Lines file of articles", file=sys.stderr)
        return 1
    cores = len(os.sched_getaffinity(0))
    print(f"corpus: {corpus} (first {args.limit} lines)" if args.limit else f"corpus: {corpus}")
    print(f"cores: {cores} usable; processes per contender: {args.processes}; shard size {args.shard_size}; "
          f"batch size {args.batch_size}; runs: {args.runs}")
    results: list[tuple[dict, dict]] = []
    dag: list[float] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        for n in range(1, args.runs + 1):
            root = Path(tmp) / f"run{n}"
            make_landing(corpus, root, args.limit)
            order = ("newsgraph", "spacy") if n % 2 else ("spacy", "newsgraph")
            got = {kind: _spawn(kind, root, args) for kind in order}
            results.append((got["newsgraph"], got["spacy"]))
            print(_fmt_run(n, got["newsgraph"], got["spacy"]), flush=True)
            if args.dag:
                dag.append(_spawn("dag", root, args)["seconds"])
                print(f"run {n}: airflow dags test {dag[-1]:.1f} s", flush=True)

    ng_rate = [ng["articles"] / ng["seconds"] for ng, _ in results]
    raw_rate = [raw["articles"] / raw["seconds"] for _, raw in results]
    ratios = [a / b for a, b in zip(ng_rate, raw_rate)]
    ng, raw = results[0]
    tokens = raw["tokens"]
    med_ng_s = statistics.median(r[0]["seconds"] for r in results)
    med_raw_s = statistics.median(r[1]["seconds"] for r in results)
    print()
    print(f"articles: {ng['articles']} extracted ({ng['shards']} shards), {tokens:,} tokens")
    print(f"raw spaCy pipeline: {', '.join(raw['pipeline'])}")
    print(f"{'':24}{'newsgraph':>14}{'raw spaCy':>14}")
    print(f"{'articles/s (median)':24}{statistics.median(ng_rate):14.2f}{statistics.median(raw_rate):14.2f}")
    print(f"{'tokens/s (median)':24}{tokens / med_ng_s:14,.0f}{tokens / med_raw_s:14,.0f}")
    print(f"{'seconds (median)':24}{med_ng_s:14.1f}{med_raw_s:14.1f}")
    peak_ng = max(max(r[0]["peak_mb_main"], r[0]["peak_mb_child"]) for r in results)
    peak_raw = max(max(r[1]["peak_mb_main"], r[1]["peak_mb_child"]) for r in results)
    print(f"{'peak MB per process':24}{peak_ng:14.0f}{peak_raw:14.0f}")
    print(f"ratio newsgraph/raw spaCy: median {statistics.median(ratios):.3f} (runs: "
          + ", ".join(f"{r:.3f}" for r in ratios) + ")")
    print("newsgraph time by stage (median s): " + ", ".join(
        f"{s} {statistics.median(r[0]['stages'][s] for r in results):.2f}" for s in STAGES))
    print(f"articles per hour per {args.processes}-process extractor: {statistics.median(ng_rate) * 3600:,.0f}")
    if dag:
        med_dag = statistics.median(dag)
        print(f"airflow dags test (median): {med_dag:.1f} s = {med_dag / med_ng_s:.2f} x the bench's end-to-end time")
    return 0


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="JSON Lines of articles (default: %(default)s)")
    p.add_argument("--limit", type=int, default=None, help="only the first N lines")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--processes", type=int, default=len(os.sched_getaffinity(0)),
                   help="processes for each contender (default: the usable CPUs)")
    p.add_argument("--shard-size", type=int, default=Settings.shard_size)
    p.add_argument("--batch-size", type=int, default=Settings.batch_size)
    p.add_argument("--dag", action="store_true", help="also time `airflow dags test` over the same day")


def main(argv: list[str] | None = None) -> int:
    import logging

    parser = argparse.ArgumentParser(prog="newsgraph bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    parser.add_argument("--child", choices=("newsgraph", "spacy", "dag"), help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        logging.basicConfig(level=os.environ.get("NEWSGRAPH_LOG_LEVEL", "WARNING"))
        return _child(args)
    return bench(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
