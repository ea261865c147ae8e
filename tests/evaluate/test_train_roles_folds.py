"""scripts/train_roles.py --two-fold: the two folds are whole source groups, together all of them,
so each fold is scored by a model that never saw its sources."""
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _train_roles():
    sys.path.insert(0, str(ROOT / "scripts"))  # the script imports its sibling build_corpus
    spec = importlib.util.spec_from_file_location("train_roles", ROOT / "scripts" / "train_roles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_folds_split_whole_groups_by_parity():
    groups = ["r1", "r10", "r2", "w1", "w10", "w2", "w3"]
    first, second = _train_roles().parity_folds(groups)
    assert first == ["r10", "r2", "w1", "w3"]
    assert second == ["r1", "w10", "w2"]
    assert sorted(first + second) == sorted(groups)
