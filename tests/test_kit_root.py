"""The kit finds its folders when the package is installed as a copy (Binder runs `pip install .`)."""
import os
import shutil
import subprocess
import sys

from seminar import KIT_ROOT, PACKAGE_DIR


def _kit_root_seen_from(cwd, pythonpath, **env):
    out = subprocess.run(
        [sys.executable, "-c", "import seminar; print(seminar.KIT_ROOT); print(seminar.__file__)"],
        cwd=cwd, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(pythonpath), **env})
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_a_copy_of_the_package_finds_the_kit_from_a_notebook_folder(tmp_path):
    site = tmp_path / "site-packages"
    shutil.copytree(PACKAGE_DIR, site / "seminar", ignore=shutil.ignore_patterns("__pycache__"))
    root, module = _kit_root_seen_from(KIT_ROOT / "lessons", site)
    assert module.startswith(str(site))  # really the copy, not the kit's own package
    assert root == str(KIT_ROOT)


def test_a_copy_outside_any_kit_falls_back_and_the_variable_wins(tmp_path):
    site = tmp_path / "site-packages"
    shutil.copytree(PACKAGE_DIR, site / "seminar", ignore=shutil.ignore_patterns("__pycache__"))
    root, _ = _kit_root_seen_from(tmp_path, site)
    assert root == str(site)
    root, _ = _kit_root_seen_from(tmp_path, site, SEMINAR_KIT_ROOT=str(KIT_ROOT))
    assert root == str(KIT_ROOT)
