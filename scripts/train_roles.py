#!/usr/bin/env python3
"""Train the sentence-role model (models/roles/) from the project corpus (corpus/src).

    python scripts/train_roles.py                  # train on everything, write models/roles
    python scripts/train_roles.py --cross-source   # also: leave one source group out, score it
    python scripts/train_roles.py --two-fold       # also: two folds of source groups, each scored by the other's model

Groups are the corpus' source folders (writers/w1 … , real/r1 …): the cross-source table
trains without one group and scores the whole extraction on it, with the rules alone and
with rules + model, so it shows what the model adds on sources it never saw. Its figures
are written to models/roles/metrics.json. A fixed seed: the same corpus gives the same model.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_corpus import build  # noqa: E402

from protokollant.evaluate import Figures, score_record  # noqa: E402
from protokollant.extract.minutes import extract_record  # noqa: E402
from protokollant.extract.roles import COMPONENT  # noqa: E402
from protokollant.ingest import read_document  # noqa: E402
from protokollant.nlp.pipeline import build_pipeline  # noqa: E402
from protokollant.nlp.roles import RoleModel  # noqa: E402
from protokollant.role_training import corpus_examples, train, unit_scores  # noqa: E402

AREAS = ("decisions", "actions", "topics", "institutions")


def build_groups(src: Path, out: Path) -> dict[str, Path]:
    """Render each source folder (a group: <kind>/<source>) into out/<source>."""
    folders = {}
    for folder in sorted(p.parent for p in src.rglob("*.gold.json")):
        group = folder.name
        if group not in folders:
            build(folder, out / group)
            folders[group] = out / group
    return folders


def extraction_figures(nlp, folder: Path) -> Figures:
    """The whole extraction scored on one built folder (per document, as `protokollant evaluate`)."""
    figures = Figures()
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = Path(gold["doc"]).name
        data = (folder / name).read_bytes()
        record = extract_record(read_document(data, name=name), nlp, data=data, file_name=name)
        figures.docs.append(score_record(gold, record, doc=name))
    return figures


def add(a: Figures | None, b: Figures) -> Figures:
    return b if a is None else Figures(docs=a.docs + b.docs)


def summary(fig: Figures) -> dict:
    """Totals for metrics.json: [matched, gold, predicted] per area, [right, total] responsible."""
    areas = {k: [fig.area(k).tp, fig.area(k).gold, fig.area(k).pred] for k in AREAS}
    return {"areas": areas, "responsible": [fig.responsible.correct, fig.responsible.total]}


def row(label: str, fig: Figures) -> str:
    cells = [f"{fig.area(k).f1:.2f}" for k in AREAS]
    responsible = fig.responsible.value
    return f"| {label} | " + " | ".join(cells) + f" | {1.0 if responsible is None else responsible:.2f} |"


def parity_folds(groups: list[str]) -> tuple[list[str], list[str]]:
    """Two folds of whole source groups: odd writer groups with even real ones (w1, w3, …, r2, r4, …)
    against the rest. A group is never split, so a fold's sources are unseen by the other's model."""
    first = [g for g in groups if g[1:].isdigit() and int(g[1:]) % 2 == (1 if g[0] == "w" else 0)]
    return first, [g for g in groups if g not in first]


def two_fold(nlp, component, corpus, folders, args) -> dict:
    """Train on one fold, score the other with the rules alone and with rules + model, writers and
    real minutes apart: the cross-source figures on the whole current corpus (a few minutes, where
    the leave-one-group-out table needs one model per group)."""
    table = ["| scored fold | documents | decisions F1 | actions F1 | topics F1 | institutions F1 | responsible |",
             "|---|---|---|---|---|---|---|"]
    out: dict = {}
    first, second = parity_folds(corpus.groups())
    for name, scored, trained in (("A", first, set(second)), ("B", second, set(first))):
        model = train([e for e in corpus.examples if e.group in trained], seed=args.seed, epochs=args.epochs, l2=args.l2, rate=args.rate)
        for kind, prefix in (("writers", "w"), ("real", "r")):
            groups = [g for g in scored if g.startswith(prefix)]
            figures = {}
            for label, scoring in (("rules", RoleModel()), ("rules+model", model)):
                component.model = scoring  # an untrained RoleModel leaves the rules alone
                total = None
                for group in groups:
                    total = add(total, extraction_figures(nlp, folders[group]))
                figures[label] = total
                table.append(row(f"fold {name} {kind} {label} | {total.documents}", total))
                print(table[-1], flush=True)
            out[f"{name}/{kind}"] = {"groups": groups, **{k: summary(v) for k, v in figures.items()}}
    return {"folds": out, "table": table}


GRID = [(w, v) for w in (0.0, 0.3, 0.6, 1.0) for v in (0.0, 0.05, 0.1, 0.2)]


def grid(nlp, component, corpus, folders, args) -> dict:
    """Cross-source totals for other settings of the component's weights (printed, returned)."""
    models = {g: train([e for e in corpus.examples if e.group != g], seed=args.seed, epochs=args.epochs, l2=args.l2, rate=args.rate) for g in corpus.groups()}
    saved = component.decision_weight, component.task_veto
    out = {}
    for weight, veto in GRID:
        component.decision_weight, component.task_veto = weight, veto
        total = None
        for group in corpus.groups():
            component.model = models[group]
            total = add(total, extraction_figures(nlp, folders[group]))
        out[f"{weight}/{veto}"] = summary(total)
        print(row(f"decision_weight {weight}, task_veto {veto}", total), flush=True)
    component.decision_weight, component.task_veto = saved
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "corpus" / "src")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "models" / "roles")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--l2", type=float, default=1e-5)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--cross-source", action="store_true", help="leave-one-group-out table (slower)")
    parser.add_argument("--grid", action="store_true", help="with --cross-source: also try other decision weights / task vetoes")
    parser.add_argument("--two-fold", action="store_true", help="two folds of whole source groups, each scored by a model trained on the other")
    args = parser.parse_args(argv)

    nlp = build_pipeline("blank")
    component = nlp.get_pipe(COMPONENT)
    with tempfile.TemporaryDirectory() as tmp:
        folders = build_groups(args.corpus, Path(tmp))
        corpus = corpus_examples(folders, nlp)
        print(f"{len(corpus.documents)} Dokumente, {len(corpus.examples)} Sätze, Gruppen: {', '.join(corpus.groups())}")
        metrics: dict = {"documents": len(corpus.documents), "sentences": len(corpus.examples), "groups": corpus.groups()}
        if args.cross_source:
            table = ["| held-out group | decisions F1 | actions F1 | topics F1 | institutions F1 | responsible |", "|---|---|---|---|---|---|"]
            rules_total = model_total = None
            per_group = {}
            for group in corpus.groups():
                model = train([e for e in corpus.examples if e.group != group], seed=args.seed, epochs=args.epochs, l2=args.l2, rate=args.rate)
                component.model = RoleModel()
                rules = extraction_figures(nlp, folders[group])
                component.model = model
                combined = extraction_figures(nlp, folders[group])
                held = [e for e in corpus.examples if e.group == group]
                per_group[group] = {"rules": summary(rules), "rules+model": summary(combined), "sentences": unit_scores(model, held)}
                table += [row(f"{group} rules", rules), row(f"{group} rules+model", combined)]
                rules_total, model_total = add(rules_total, rules), add(model_total, combined)
                print(table[-2], table[-1], sep="\n", flush=True)
            table += [row("all rules", rules_total), row("all rules+model", model_total)]
            if args.grid:
                metrics["grid"] = grid(nlp, component, corpus, folders, args)
            metrics["cross_source"] = {
                "groups": per_group, "rules": summary(rules_total), "rules+model": summary(model_total), "table": table,
            }
            print("\n".join(table))
        if args.two_fold:
            metrics["two_fold"] = two_fold(nlp, component, corpus, folders, args)
            print("\n".join(metrics["two_fold"]["table"]))
        model = train(corpus.examples, seed=args.seed, epochs=args.epochs, l2=args.l2, rate=args.rate)
        model.meta["training_sentences"] = unit_scores(model, corpus.examples)
        model.to_disk(args.out)
        (args.out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"Modell geschrieben: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
