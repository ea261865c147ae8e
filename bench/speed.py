"""Speed benchmark: reading, whole pipeline, NLP, cold start, incremental inbox, Prefect overhead.

Copies the .docx/.docm/.dotx files of CORPUS_DIR (one or more folders, not
recursive; the sources are never touched) into a temporary folder and
replicates them to --copies files with distinct names *and* distinct bytes (a
per-copy zip comment, so the inbox ledger does not treat copies as
duplicates). Everything runs against those copies; nothing is written into
the project tree.

    python bench/speed.py /work/shared/corpus/dev /work/shared/corpus/unlabeled \\
        --copies 700 --json bench-speed.json

Sections (``--only`` selects a subset): reading, pipeline, nlp, cold, inbox, prefect.
The Prefect section runs each variant in its own child process (peak RSS via
wait4) with PREFECT_HOME in a temporary folder and no PREFECT_API_URL, so the
flow starts Prefect's temporary local server; that start-up is measured with an
empty warm-up flow and excluded from the overhead share.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = (".docx", ".docm", ".dotx")
SECTIONS = ("reading", "pipeline", "nlp", "cold", "cli", "inbox", "prefect")

TARGETS = {
    "reading_ratio": 1.5,
    "pipeline_ratio": 3.0,
    "nlp_words_per_second": 100_000,
    "inbox_n_ratio": 1.5,          # "roughly independent of N": second run with N vs N/2
    "prefect_scaling_ratio": 2.1,
    "prefect_overhead_share": 0.10,  # share of flow wall time outside the library, 1,000 docs
    "prefect_peak_rss_mb": 1024,
}


# --------------------------------------------------------------------------- corpus


def source_files(dirs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for d in dirs:
        if d.is_file():
            files.append(d)
            continue
        files.extend(sorted(p for p in d.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith((".", "~$"))))
    if not files:
        raise SystemExit(f"keine .docx-Dateien in {', '.join(map(str, dirs))}")
    return files


def make_copy(src: Path, dest: Path, tag: str) -> Path:
    """Copy ``src`` to ``dest`` with a zip comment so the bytes (and sha256) are unique."""
    shutil.copyfile(src, dest)
    with zipfile.ZipFile(dest, "a") as z:
        z.comment = f"protokollant-bench {tag}".encode()
    return dest


class Corpus:
    """Source files plus a pool of distinct copies, created on demand."""

    def __init__(self, sources: list[Path], work: Path):
        self.sources = sources
        self.dir = work / "copies"
        self.dir.mkdir(parents=True)
        self._made: list[Path] = []

    def copies(self, n: int, start: int = 0) -> list[Path]:
        while len(self._made) < start + n:
            i = len(self._made)
            src = self.sources[i % len(self.sources)]
            self._made.append(make_copy(src, self.dir / f"{i:05d}-{src.name}", str(i)))
        return self._made[start:start + n]


def fill(folder: Path, files: list[Path]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copyfile(f, folder / f.name)


# --------------------------------------------------------------------------- helpers


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def median_ms(values: list[float]) -> float:
    return ms(statistics.median(values)) if values else float("nan")


def docx_plain(path: Path) -> int:
    """The baseline: python-docx, every paragraph's and every table cell's text."""
    import docx

    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return len(texts)


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- 1 + 2: reading and pipeline


def bench_read_and_pipeline(files: list[Path], processor, work: Path, do_pipeline: bool) -> tuple[dict, dict | None]:
    from protokollant.ingest import read_document

    from protokollant.pipeline import GROUP_COMMIT_DOCS

    outbox = work / "outbox-pipeline"
    plain, ours, whole = [], [], []
    failed = 0
    # As in production (protokollant process, a Prefect batch): documents in groups
    # whose outputs are flushed to disk together; each group's flush time is added
    # to its documents in equal shares.
    group = None
    group_start = 0
    sync_total = 0.0
    for i, f in enumerate(files):
        if do_pipeline and i % GROUP_COMMIT_DOCS == 0:
            group, group_start = processor.group_commit(), len(whole)
            group.__enter__()
        # Alternate the order so neither side always runs on a warmer cache.
        steps = ["plain", "ours", "whole"] if i % 2 == 0 else ["whole", "ours", "plain"]
        for step in steps:
            if step == "plain":
                t = time.perf_counter()
                docx_plain(f)
                plain.append(time.perf_counter() - t)
            elif step == "ours":
                t = time.perf_counter()
                read_document(f, name=f.name)
                ours.append(time.perf_counter() - t)
            elif do_pipeline:
                t = time.perf_counter()
                r = processor.process_file(f, outbox)
                whole.append(time.perf_counter() - t)
                failed += not r.ok
        if do_pipeline and (i % GROUP_COMMIT_DOCS == GROUP_COMMIT_DOCS - 1 or i == len(files) - 1):
            t = time.perf_counter()
            group.__exit__(None, None, None)
            flush = time.perf_counter() - t
            sync_total += flush
            n = len(whole) - group_start
            for j in range(group_start, len(whole)):
                whole[j] += flush / n
    reading = {
        "docs": len(files),
        "python_docx_median_ms": median_ms(plain),
        "read_document_median_ms": median_ms(ours),
        "python_docx_total_s": round(sum(plain), 3),
        "read_document_total_s": round(sum(ours), 3),
        "ratio_median": round(statistics.median(ours) / statistics.median(plain), 3),
        "ratio_total": round(sum(ours) / sum(plain), 3),
        "target_ratio_max": TARGETS["reading_ratio"],
    }
    reading["met"] = reading["ratio_median"] <= TARGETS["reading_ratio"]
    if not do_pipeline:
        return reading, None
    pipeline = {
        "docs": len(files),
        "failed": failed,
        "python_docx_median_ms": median_ms(plain),
        "process_file_median_ms": median_ms(whole),
        "process_file_p90_ms": ms(sorted(whole)[int(0.9 * (len(whole) - 1))]),
        "process_file_total_s": round(sum(whole), 3),
        "group_commit_docs": GROUP_COMMIT_DOCS,
        "flush_total_s": round(sync_total, 3),
        "docs_per_second": round(len(whole) / sum(whole), 1),
        "ratio_median": round(statistics.median(whole) / statistics.median(plain), 3),
        "ratio_total": round(sum(whole) / sum(plain), 3),
        "target_ratio_max": TARGETS["pipeline_ratio"],
    }
    pipeline["met"] = pipeline["ratio_median"] <= TARGETS["pipeline_ratio"]
    return reading, pipeline


# --------------------------------------------------------------------------- 3: NLP


def bench_nlp(files: list[Path], nlp) -> dict:
    """The production path: ``analyse_lines`` per document (each line tokenised,
    one Doc per document assembled, then ``nlp.pipe`` over those Docs)."""
    from protokollant.extract.minutes import NLP_BATCH_SIZE, _line_texts, analyse_lines
    from protokollant.ingest import read_document

    documents = [_line_texts(read_document(f, name=f.name)) for f in files]
    texts = [t for lines in documents for _, t in lines]
    t = time.perf_counter()
    spans = [analyse_lines(lines, nlp) for lines in documents]
    seconds = time.perf_counter() - t
    docs = list({id(s.doc): s.doc for doc_spans in spans for s in doc_spans}.values())
    tokens = sum(len(s) for doc_spans in spans for s in doc_spans)
    words = sum(1 for doc_spans in spans for s in doc_spans for tok in s if not (tok.is_punct or tok.is_space))
    del spans, docs

    # Per component: tokenising and assembling first (no pipes), then each pipe over those Docs.
    comp: dict[str, float] = {}
    t = time.perf_counter()
    with nlp.select_pipes(disable=nlp.pipe_names):
        docs = list({id(s.doc): s.doc for lines in documents for s in analyse_lines(lines, nlp)}.values())
    comp["tokenizer"] = time.perf_counter() - t
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=NLP_BATCH_SIZE))
        else:
            docs = [proc(d) for d in docs]
        comp[name] = time.perf_counter() - t
    total = sum(comp.values())
    components = {k: {"seconds": round(v, 3), "share": round(v / total, 3)} for k, v in comp.items()}
    slowest = max(comp, key=comp.get)
    out = {
        "docs": len(files),
        "texts": len(texts),
        "tokens": tokens,
        "words": words,
        "seconds": round(seconds, 3),
        "words_per_second": round(words / seconds),
        "tokens_per_second": round(tokens / seconds),
        "batch_size": NLP_BATCH_SIZE,
        "pipe_names": list(nlp.pipe_names),
        "components": components,
        "components_total_s": round(total, 3),
        "slowest_component": slowest,
        "target_words_per_second_min": TARGETS["nlp_words_per_second"],
    }
    out["met"] = out["words_per_second"] >= TARGETS["nlp_words_per_second"]
    return out


# --------------------------------------------------------------------------- 4: cold start


def _importtime(stderr: str) -> tuple[float, dict[str, float]]:
    """(sum of self times in ms, cumulative ms per module) from -X importtime output."""
    total_us = 0
    cumulative: dict[str, float] = {}
    for line in stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            total_us += int(m.group(1))
            cumulative.setdefault(m.group(4), int(m.group(2)) / 1000)
    return total_us / 1000, cumulative


_DOCX_SCRIPT = """
import sys, time
t = time.perf_counter()
import docx
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = docx.Document(line.rstrip("\\n"))
    n += sum(1 for p in d.paragraphs if p.text is not None)
    for table in d.tables:
        for row in table.rows:
            n += sum(1 for c in row.cells if c.text is not None)
print(time.perf_counter() - t)
"""


def bench_cli(files: list[Path], work: Path, runs: int = 3) -> dict:
    """``protokollant process FOLDER`` on all copies, against python-docx reading the same
    files in a fresh interpreter; both with and without their start-up (one document)."""
    exe = Path(sys.executable).with_name("protokollant")
    env = _clean_env(work)
    folder = work / "cli-in"
    folder.mkdir(exist_ok=True)
    for f in files:
        os.link(f, folder / f.name) if hasattr(os, "link") else shutil.copyfile(f, folder / f.name)
    listing = work / "cli-files.txt"

    def docx_run(paths: list[Path]) -> float:
        listing.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", _DOCX_SCRIPT, str(listing)], env=env, cwd=work, check=True, capture_output=True)
        return time.perf_counter() - t

    def cli_run(target: Path, out: str) -> tuple[float, int]:
        t = time.perf_counter()
        p = subprocess.run([str(exe), "process", str(target), "--anlegen", "--outbox", str(work / out)], env=env, cwd=work, capture_output=True)
        return time.perf_counter() - t, p.returncode

    one = folder / files[0].name
    cli_run(one, "cli-out-warm")  # first run builds the lemma cache in the fresh HOME
    # Disk writeback and a shared 2-core machine make single runs vary by ±15 %:
    # alternate the two sides `runs` times and report medians.
    walls: dict[str, list[float]] = {"docx_one": [], "docx_all": [], "cli_one": [], "cli_all": []}
    rcs, written = [], 0
    for i in range(runs):
        walls["docx_one"].append(docx_run([one]))
        walls["docx_all"].append(docx_run([folder / f.name for f in files]))
        t, rc_one = cli_run(one, f"cli-out-1-{i}")
        walls["cli_one"].append(t)
        shutil.rmtree(work / "cli-out-all", ignore_errors=True)
        t, rc_all = cli_run(folder, "cli-out-all")
        walls["cli_all"].append(t)
        rcs += [rc_one, rc_all]
        written = sum(1 for _ in (work / "cli-out-all").glob("*/*.json"))
    med = {k: statistics.median(v) for k, v in walls.items()}
    ratios_wall = [c / d for c, d in zip(walls["cli_all"], walls["docx_all"])]
    ratios_net = [(c - c1) / (d - d1) for c, c1, d, d1 in zip(walls["cli_all"], walls["cli_one"], walls["docx_all"], walls["docx_one"])]
    out = {
        "docs": len(files),
        "runs": runs,
        "command": "protokollant process <folder> --outbox <tmp>",
        "exit_codes": rcs,
        "json_written": written,
        "cli_wall_s": round(med["cli_all"], 3),
        "cli_one_doc_wall_s": round(med["cli_one"], 3),
        "python_docx_wall_s": round(med["docx_all"], 3),
        "python_docx_one_doc_wall_s": round(med["docx_one"], 3),
        "walls_s": {k: [round(x, 2) for x in v] for k, v in walls.items()},
        "ratio_wall": round(statistics.median(ratios_wall), 3),
        "ratio_without_startup": round(statistics.median(ratios_net), 3),
        "ratio_without_startup_runs": [round(r, 2) for r in ratios_net],
        "target_ratio_max": TARGETS["pipeline_ratio"],
    }
    out["met"] = out["ratio_without_startup"] <= TARGETS["pipeline_ratio"] and not any(rcs) and written == len(files)
    return out


def bench_cold(doc: Path, work: Path, runs: int = 3) -> dict:
    exe = Path(sys.executable).with_name("protokollant")
    env = _clean_env(work)
    walls, rcs = [], []
    for i in range(runs):
        cmd = [str(exe), "process", str(doc), "--anlegen", "--outbox", str(work / f"cold-out-{i}")]
        t = time.perf_counter()
        p = subprocess.run(cmd, env=env, cwd=work, capture_output=True, text=True)
        walls.append(time.perf_counter() - t)
        rcs.append(p.returncode)
    imp_totals, imp_cli = [], []
    for _ in range(runs):
        p = subprocess.run([sys.executable, "-X", "importtime", "-c", "import protokollant.cli"],
                           env=env, cwd=work, capture_output=True, text=True)
        total, cum = _importtime(p.stderr)
        imp_totals.append(total)
        imp_cli.append(cum.get("protokollant.cli", float("nan")))
    cli_prefect = any(m == "prefect" or m.startswith("prefect.") for m in _importtime(p.stderr)[1])
    # The real `process` path, with import tracing: is prefect ever imported?
    p = subprocess.run([sys.executable, "-X", "importtime", str(exe), "process", str(doc), "--anlegen", "--outbox", str(work / "cold-out-trace")],
                       env=env, cwd=work, capture_output=True, text=True)
    total_proc, cum = _importtime(p.stderr)
    prefect_mods = sorted(m for m in cum if m == "prefect" or m.startswith("prefect."))
    heavy = sorted(((v, k) for k, v in cum.items() if "." not in k), reverse=True)[:8]
    out = {
        "command": "protokollant process <doc> --outbox <tmp>",
        "wall_seconds_runs": [round(w, 3) for w in walls],
        "wall_seconds_median": round(statistics.median(walls), 3),
        "exit_codes": rcs,
        "import_cli_total_ms_median": round(statistics.median(imp_totals), 1),
        "import_cli_cumulative_ms_median": round(statistics.median(imp_cli), 1),
        "prefect_imported_by_cli_import": cli_prefect,
        "process_path_import_total_ms": round(total_proc, 1),
        "process_path_top_level_imports_ms": {k: round(v, 1) for v, k in heavy},
        "prefect_imported_on_process_path": bool(prefect_mods),
        "prefect_modules_on_process_path": len(prefect_mods),
    }
    out["met"] = not out["prefect_imported_on_process_path"] and all(rc == 0 for rc in rcs)
    return out


def _clean_env(work: Path) -> dict:
    env = dict(os.environ, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_HOME=str(work / "prefect-home"))
    env.pop("PREFECT_API_URL", None)
    env.pop("PREFECT_PROFILES_PATH", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


# --------------------------------------------------------------------------- 5: incremental inbox


def bench_inbox(corpus: Corpus, processor, work: Path, n: int, repeats: int = 5) -> dict:
    from protokollant.inbox import run_inbox

    sizes = sorted({n, max(1, n // 2)}, reverse=True)
    runs = []
    offset = 0
    for size in sizes:
        base = work / f"inbox-bench-{size}"
        inbox, outbox = base / "inbox", base / "outbox"
        fill(inbox, corpus.copies(size, offset))
        offset += size
        timed = TimedProcessor(processor)
        t = time.perf_counter()
        first = run_inbox(inbox, outbox, timed, stable_seconds=0)
        first_s = time.perf_counter() - t
        first_proc_s = timed.seconds
        t = time.perf_counter()
        run_inbox(inbox, outbox, processor, stable_seconds=0)  # nothing new: the ledger skips all
        empty_s = time.perf_counter() - t
        seconds, outside, processed, dups = [], [], [], []
        for _ in range(repeats):
            fill(inbox, corpus.copies(1, offset))
            offset += 1
            timed = TimedProcessor(processor)
            t = time.perf_counter()
            s = run_inbox(inbox, outbox, timed, stable_seconds=0)
            seconds.append(time.perf_counter() - t)
            outside.append(seconds[-1] - timed.seconds)
            processed.append(len(s.processed))
            dups.append(len(s.duplicates))
        runs.append({
            "already_processed": size,
            "first_run_seconds": round(first_s, 3),
            "first_run_processed": len(first.processed),
            "first_run_failed": len(first.failed),
            "first_run_outside_process_file_seconds": round(first_s - first_proc_s, 3),
            "empty_run_seconds": round(empty_s, 4),
            "second_run_seconds_runs": [round(x, 4) for x in seconds],
            "second_run_seconds_median": round(statistics.median(seconds), 4),
            "second_run_outside_process_file_ms_median": round(statistics.median(outside) * 1000, 2),
            "second_run_processed": processed,
            "second_run_duplicates": dups,
        })
        shutil.rmtree(base, ignore_errors=True)
    out = {"runs": runs}
    out["only_new_processed"] = all(p == [1] * repeats for p in (r["second_run_processed"] for r in runs))
    if len(runs) == 2:
        out["n_vs_half_ratio"] = round(runs[0]["second_run_seconds_median"] / runs[1]["second_run_seconds_median"], 3)
        out["target_n_vs_half_ratio_max"] = TARGETS["inbox_n_ratio"]
    out["met"] = out["only_new_processed"] and out.get("n_vs_half_ratio", 1.0) <= TARGETS["inbox_n_ratio"]
    return out


# --------------------------------------------------------------------------- 6: Prefect vs library (child processes)


class TimedProcessor:
    """Wraps a Processor; adds up the time spent in process_file (the library's per-document work)."""

    def __init__(self, inner):
        self.inner = inner
        self.seconds = 0.0
        self.calls = 0

    def process_file(self, path, outbox, *, stem=None):
        t = time.perf_counter()
        try:
            return self.inner.process_file(path, outbox, stem=stem)
        finally:
            self.seconds += time.perf_counter() - t
            self.calls += 1

    def group_commit(self):
        return self.inner.group_commit()

    def process_files(self, items, outbox):
        # the same batches (and group commits) as a Prefect batch task, without Prefect
        from protokollant.inbox import process_batch

        return process_batch(self, items, outbox)


def _vm_hwm_mb(pid: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _child_pids() -> list[int]:
    pids: list[int] = []
    try:
        for task in Path("/proc/self/task").iterdir():
            pids += [int(x) for x in (task / "children").read_text().split()]
    except OSError:
        pass
    return sorted(set(pids))


def child_main(variant: str, inbox: Path, outbox: Path, warm_doc: Path, result_path: Path, batch_size: int = 25) -> int:
    import resource

    t0 = time.perf_counter()
    res: dict = {"variant": variant}
    scratch = Path(tempfile.mkdtemp(prefix="bench-warm-"))
    if variant == "prefect":
        import protokollant.orchestration.minutes as fm

        res["import_seconds"] = round(time.perf_counter() - t0, 3)
        inner = fm.get_processor("blank")
        t = time.perf_counter()
        inner.nlp
        res["nlp_load_seconds"] = round(time.perf_counter() - t, 3)
        inner.process_file(warm_doc, scratch)
        timed = TimedProcessor(inner)
        fm.register_processor("blank", timed)

        from prefect import flow

        @flow(name="bench-warmup", persist_result=False)
        def warmup() -> int:
            return 1

        t = time.perf_counter()
        warmup()
        res["server_startup_seconds"] = round(time.perf_counter() - t, 3)
        t = time.perf_counter()
        summary = fm.inbox_flow(inbox=str(inbox), outbox=str(outbox), model="blank", stable_seconds=0, batch_size=batch_size)
        res["wall_seconds"] = round(time.perf_counter() - t, 3)
        res["batch_size"] = batch_size
        c = summary["counts"] if "counts" in summary else {}
        res["processed"] = c.get("processed")
        res["failed"] = c.get("failed")
    else:
        from protokollant.inbox import run_inbox
        from protokollant.pipeline import Processor

        res["import_seconds"] = round(time.perf_counter() - t0, 3)
        inner = Processor("blank")
        t = time.perf_counter()
        inner.nlp
        res["nlp_load_seconds"] = round(time.perf_counter() - t, 3)
        inner.process_file(warm_doc, scratch)
        timed = TimedProcessor(inner)
        t = time.perf_counter()
        s = run_inbox(inbox, outbox, timed, stable_seconds=0, batch_size=batch_size)
        res["wall_seconds"] = round(time.perf_counter() - t, 3)
        res["processed"] = len(s.processed)
        res["failed"] = len(s.failed)
    res["process_file_seconds"] = round(timed.seconds, 3)
    res["process_file_calls"] = timed.calls
    res["prefect_imported"] = "prefect" in sys.modules
    # ru_maxrss of an exec'd child starts at the parent's RSS at fork time on Linux;
    # VmHWM (/proc) belongs to this process image only. Children (Prefect's server) read while alive.
    res["self_peak_rss_mb"] = _vm_hwm_mb("self") or round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    kids = _child_pids()
    res["children_peak_rss_mb"] = {str(k): _vm_hwm_mb(str(k)) for k in kids}
    res["peak_rss_mb_incl_children"] = round(res["self_peak_rss_mb"] + sum(v or 0 for v in res["children_peak_rss_mb"].values()), 1)
    res["total_child_seconds"] = round(time.perf_counter() - t0, 3)
    result_path.write_text(json.dumps(res), encoding="utf-8")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


def run_child(variant: str, files: list[Path], warm_doc: Path, work: Path, timeout: float, batch_size: int = 25) -> dict:
    base = Path(tempfile.mkdtemp(prefix=f"{variant}-{len(files)}-", dir=work))
    inbox, outbox = base / "inbox", base / "outbox"
    fill(inbox, files)
    result = base / "result.json"
    env = _clean_env(base)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_child", variant, str(inbox), str(outbox), str(warm_doc), str(result), str(batch_size)]
    with open(base / "stdout.log", "wb") as out, open(base / "stderr.log", "wb") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=base, stdout=out, stderr=err)
        deadline = t + timeout
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, ru = os.wait4(proc.pid, 0)
                break
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
    if not result.exists():
        tail = (base / "stderr.log").read_text(errors="replace")[-1500:]
        shutil.rmtree(base, ignore_errors=True)
        return {"error": f"{variant} child failed or timed out after {wall:.0f} s (exit {proc.returncode})", "stderr_tail": tail,
                "docs": len(files), "child_wall_seconds": round(wall, 3), "wall_seconds": None}
    res = json.loads(result.read_text())
    res["docs"] = len(files)
    res["child_wall_seconds"] = round(wall, 3)
    res["wait4_maxrss_mb"] = round(ru.ru_maxrss / 1024, 1)  # inflated: includes the parent's RSS at fork
    shutil.rmtree(base, ignore_errors=True)
    return res


def bench_prefect(corpus: Corpus, docs: int, work: Path, double: bool, deadline: float, batch_size: int = 25) -> dict:
    files = corpus.copies(docs)
    warm_doc = corpus.copies(1, docs * 2 + 10)[0]
    timeout = max(60.0, deadline - time.perf_counter())
    log(f"prefect: library variant, {docs} docs")
    lib = run_child("library", files, warm_doc, work, timeout, batch_size)
    log(f"prefect: prefect variant, {docs} docs")
    pf = run_child("prefect", files, warm_doc, work, max(60.0, deadline - time.perf_counter()), batch_size)
    if lib.get("error") or pf.get("error"):
        return {"docs": docs, "library": lib, "prefect": pf, "error": lib.get("error") or pf.get("error"), "double": {"skipped": True, "reason": "error"}}
    out: dict = {
        "docs": docs,
        "batch_size": batch_size,
        "library": lib,
        "prefect": pf,
        "flow_wall_seconds": pf["wall_seconds"],
        "library_wall_seconds": lib["wall_seconds"],
        "server_startup_seconds": pf.get("server_startup_seconds"),
        "overhead_share": round(1 - lib["wall_seconds"] / pf["wall_seconds"], 3),
        "overhead_share_in_process": round(1 - pf["process_file_seconds"] / pf["wall_seconds"], 3),
        # Time outside process_file in the flow minus the same in run_inbox: Prefect's own cost,
        # without the run-to-run noise of process_file itself (±2 s per 1,000 docs on 2 cores).
        "overhead_share_net": round(((pf["wall_seconds"] - pf["process_file_seconds"]) - (lib["wall_seconds"] - lib["process_file_seconds"])) / pf["wall_seconds"], 3),
        "library_non_processing_share": round(1 - lib["process_file_seconds"] / lib["wall_seconds"], 3),
        "overhead_per_doc_ms": round((pf["wall_seconds"] - lib["wall_seconds"]) / docs * 1000, 1),
        "flow_vs_library_ratio": round(pf["wall_seconds"] / lib["wall_seconds"], 3),
    }
    # Double the documents only if it fits: estimate from the measured runs (x2 for the larger set).
    estimate = 2 * (lib["child_wall_seconds"] + pf["child_wall_seconds"]) * 1.15
    remaining = deadline - time.perf_counter()
    if double and estimate < remaining:
        files2 = corpus.copies(2 * docs)
        log(f"prefect: library variant, {2 * docs} docs")
        lib2 = run_child("library", files2, warm_doc, work, max(60.0, deadline - time.perf_counter()), batch_size)
        log(f"prefect: prefect variant, {2 * docs} docs")
        pf2 = run_child("prefect", files2, warm_doc, work, max(60.0, deadline - time.perf_counter()), batch_size)
        if lib2.get("error") or pf2.get("error"):
            out["double"] = {"skipped": True, "reason": lib2.get("error") or pf2.get("error"), "library": lib2, "prefect": pf2}
            return out
        out["double"] = {
            "docs": 2 * docs, "library": lib2, "prefect": pf2,
            "flow_ratio": round(pf2["wall_seconds"] / pf["wall_seconds"], 3),
            "library_ratio": round(lib2["wall_seconds"] / lib["wall_seconds"], 3),
            "target_flow_ratio_max": TARGETS["prefect_scaling_ratio"],
        }
        out["double"]["met"] = out["double"]["flow_ratio"] <= TARGETS["prefect_scaling_ratio"]
    else:
        out["double"] = {"skipped": True, "reason": f"estimated {estimate:.0f} s > remaining {remaining:.0f} s" if double else "--no-double"}
    return out


# --------------------------------------------------------------------------- report


def rows(r: dict) -> list[tuple[str, str, str, str]]:
    yn = lambda b: "yes" if b else "NO"  # noqa: E731
    out = []
    if "startup" in r:
        out.append(("NLP pipeline load (blank, start-up)", f"{r['startup']['pipeline_load_seconds']:.2f} s", "-", "-"))
    if r.get("reading"):
        x = r["reading"]
        out.append((f"read: python-docx median/doc ({x['docs']} docs)", f"{x['python_docx_median_ms']:.2f} ms", "-", "-"))
        out.append(("read: read_document median/doc", f"{x['read_document_median_ms']:.2f} ms", "-", "-"))
        out.append(("read: ratio read_document/python-docx (median; total)", f"{x['ratio_median']:.2f}x; {x['ratio_total']:.2f}x", "<= 1.5x", yn(x["met"])))
    if r.get("pipeline"):
        x = r["pipeline"]
        out.append((f"pipeline: process_file median/doc ({x['docs']} docs, {x['failed']} failed)", f"{x['process_file_median_ms']:.2f} ms ({x['docs_per_second']:.0f} docs/s)", "-", "-"))
        out.append(("pipeline: ratio process_file/python-docx (median; total)", f"{x['ratio_median']:.2f}x; {x['ratio_total']:.2f}x", "<= 3x", yn(x["met"])))
    if r.get("cli"):
        x = r["cli"]
        out.append((f"`protokollant process` {x['docs']} docs: wall (1 doc)", f"{x['cli_wall_s']:.1f} s ({x['cli_one_doc_wall_s']:.1f} s); python-docx {x['python_docx_wall_s']:.1f} s ({x['python_docx_one_doc_wall_s']:.1f} s)", "-", "-"))
        out.append((f"`protokollant process` / python-docx: without start-up; wall (median of {x['runs']})", f"{x['ratio_without_startup']:.2f}x; {x['ratio_wall']:.2f}x", "<= 3x", yn(x["met"])))
    if r.get("nlp"):
        x = r["nlp"]
        out.append((f"NLP: words/s ({x['words']} words, {x['texts']} lines)", f"{x['words_per_second']:,} ({x['tokens_per_second']:,} tok/s)", ">= 100,000", yn(x["met"])))
        shares = ", ".join(f"{k} {v['share']:.0%}" for k, v in sorted(x["components"].items(), key=lambda kv: -kv[1]["seconds"]))
        out.append(("NLP: component time shares", shares, "-", f"slowest: {x['slowest_component']}"))
    if r.get("cold"):
        x = r["cold"]
        out.append((f"cold start `protokollant process` 1 doc (median of {len(x['wall_seconds_runs'])})", f"{x['wall_seconds_median']:.2f} s", "-", "-"))
        out.append(("import protokollant.cli (-X importtime, total)", f"{x['import_cli_total_ms_median']:.0f} ms (cum. {x['import_cli_cumulative_ms_median']:.0f} ms)", "-", "-"))
        out.append(("prefect imported on `process` path", "yes" if x["prefect_imported_on_process_path"] else "no", "no", yn(not x["prefect_imported_on_process_path"])))
    if r.get("inbox"):
        x = r["inbox"]
        for run in x["runs"]:
            out.append((f"inbox: 2nd run, {run['already_processed']} done + 1 new (median of {len(run['second_run_processed'])})",
                        f"{run['second_run_seconds_median'] * 1000:.1f} ms, processed {run['second_run_processed']}", "only new", yn(all(p == 1 for p in run["second_run_processed"]))))
            out.append((f"inbox: 2nd run {run['already_processed']}: time outside process_file (median)", f"{run['second_run_outside_process_file_ms_median']:.1f} ms", "-", "-"))
            out.append((f"inbox: first run {run['already_processed']} docs (outside process_file) / empty re-run",
                        f"{run['first_run_seconds']:.1f} s ({run['first_run_outside_process_file_seconds']:.1f} s) / {run['empty_run_seconds'] * 1000:.1f} ms", "-", "-"))
        if "n_vs_half_ratio" in x:
            out.append(("inbox: 2nd-run time N vs N/2", f"{x['n_vs_half_ratio']:.2f}x", "~1x (<= 1.5x)", yn(x["n_vs_half_ratio"] <= TARGETS["inbox_n_ratio"])))
    if r.get("prefect"):
        x = r["prefect"]
        if x.get("skipped"):
            out.append(("prefect", "skipped", "-", "-"))
        elif x.get("error"):
            out.append(("orchestration", x["error"], "-", "NO"))
        else:
            out.append((f"orchestration: {x['docs']} docs (batch {x.get('batch_size', '-')}), flow wall / run_inbox wall", f"{x['flow_wall_seconds']:.1f} s / {x['library_wall_seconds']:.1f} s ({x['flow_vs_library_ratio']:.2f}x)", "-", "-"))
            out.append(("orchestration: share of flow time outside library", f"{x['overhead_share']:.1%} ({x['overhead_per_doc_ms']:.0f} ms/doc)",
                        f"<= {TARGETS['prefect_overhead_share']:.0%}", yn(x["overhead_share"] <= TARGETS["prefect_overhead_share"])))
            if "overhead_share_net" in x:
                out.append(("orchestration: net share (outside process_file, flow minus library)", f"{x['overhead_share_net']:.1%}", "-", "-"))
            out.append(("orchestration: temporary server start-up (excluded)", f"{x['server_startup_seconds']:.1f} s", "-", "-"))
            out.append(("orchestration: peak RSS (VmHWM) flow process (+ Prefect server) / library",
                        f"{x['prefect']['self_peak_rss_mb']:.0f} MB (+{x['prefect']['peak_rss_mb_incl_children'] - x['prefect']['self_peak_rss_mb']:.0f} MB) / {x['library']['self_peak_rss_mb']:.0f} MB",
                        f"< {TARGETS['prefect_peak_rss_mb']} MB", yn(x["prefect"]["peak_rss_mb_incl_children"] < TARGETS["prefect_peak_rss_mb"])))
            d = x.get("double", {})
            if d.get("skipped"):
                out.append(("orchestration: 2x docs time ratio", f"skipped ({d['reason']})", "<= 2.1x", "-"))
            else:
                out.append((f"orchestration: flow time {d['docs']} vs {x['docs']} docs (library)", f"{d['flow_ratio']:.2f}x ({d['library_ratio']:.2f}x)", "<= 2.1x", yn(d["met"])))
    return out


def print_table(table: list[tuple[str, str, str, str]]) -> None:
    heads = ("measurement", "value", "target", "met?")
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(heads)]
    line = " | ".join(h.ljust(w) for h, w in zip(heads, widths))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for r in table:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--_child":
        return child_main(argv[1], Path(argv[2]), Path(argv[3]), Path(argv[4]), Path(argv[5]), *(int(a) for a in argv[6:7]))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+", type=Path, help="folder(s) with real-size minutes (.docx); read-only")
    ap.add_argument("--copies", type=int, default=700, help="documents for reading/pipeline/NLP (default 700)")
    ap.add_argument("--inbox-docs", type=int, default=1000, help="already-processed files N for the incremental inbox run (also N/2)")
    ap.add_argument("--prefect-docs", type=int, default=1000, help="documents through the Prefect flow (and 2x if time allows)")
    ap.add_argument("--skip-prefect", action="store_true", help="no orchestration section")
    ap.add_argument("--no-double", action="store_true", help="do not run the 2x-documents Prefect scaling check")
    ap.add_argument("--prefect-batch-size", type=int, default=25, help="documents per Prefect task run (inbox_flow batch_size)")
    ap.add_argument("--cold-runs", type=int, default=3, help="cold-start repetitions (median)")
    ap.add_argument("--cli-runs", type=int, default=3, help="repetitions of the protokollant process comparison (median)")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {','.join(SECTIONS)}")
    ap.add_argument("--budget", type=float, default=570, help="seconds; the 2x Prefect run is skipped if it would not fit")
    ap.add_argument("--json", type=Path, help="write all figures here")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    deadline = started + args.budget
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(SECTIONS)
    if unknown:
        ap.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    if args.skip_prefect:
        only.discard("prefect")

    import spacy

    work = Path(tempfile.mkdtemp(prefix="protokollant-speed-"))
    report: dict = {
        "command": " ".join([Path(sys.executable).name, "bench/speed.py", *argv]),
        "env": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(), "spacy": spacy.__version__},
    }
    try:
        sources = source_files(args.corpus)
        corpus = Corpus(sources, work)
        files = corpus.copies(args.copies)
        report["corpus"] = {
            "folders": [str(p) for p in args.corpus], "source_files": len(sources), "copies": len(files),
            "source_bytes": sum(p.stat().st_size for p in sources),
        }
        log(f"{len(sources)} source files -> {len(files)} copies in {work}")

        from protokollant.pipeline import Processor

        processor = Processor("blank")
        t = time.perf_counter()
        processor.nlp
        report["startup"] = {"pipeline_load_seconds": round(time.perf_counter() - t, 3)}
        processor.process_file(files[0], work / "warm-out")  # warm caches once before timing

        if only & {"reading", "pipeline"}:
            log("reading / pipeline")
            report["reading"], report["pipeline"] = bench_read_and_pipeline(files, processor, work, "pipeline" in only)
            shutil.rmtree(work / "outbox-pipeline", ignore_errors=True)
        if "nlp" in only:
            log("nlp")
            report["nlp"] = bench_nlp(files, processor.nlp)
        if "cold" in only:
            log("cold start")
            report["cold"] = bench_cold(sources[0], work, runs=args.cold_runs)
        if "cli" in only:
            log(f"protokollant process on {len(files)} documents")
            report["cli"] = bench_cli(files, work, runs=args.cli_runs)
        if "inbox" in only:
            log(f"inbox (N={args.inbox_docs})")
            report["inbox"] = bench_inbox(corpus, processor, work, args.inbox_docs)
        if "prefect" in only:
            report["prefect"] = bench_prefect(corpus, args.prefect_docs, work, not args.no_double, deadline, args.prefect_batch_size)
        elif args.skip_prefect:
            report["prefect"] = {"skipped": True}
        report["total_seconds"] = round(time.perf_counter() - started, 1)
        table = rows(report)
        report["table"] = [dict(zip(("measurement", "value", "target", "met"), r)) for r in table]
        print_table(table)
        print(f"\ntotal {report['total_seconds']} s; command: {report['command']}")
        if args.json:
            args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
