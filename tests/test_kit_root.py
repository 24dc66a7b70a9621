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


def _a_kit(folder):
    for sub in ("lessons", "readings", "exercises"):
        (folder / sub).mkdir(parents=True)
    return folder


def test_the_kit_around_the_notebook_wins_over_the_package_kit(tmp_path):
    """A hub's kernel starts in the student's clone: its readings are the instructor's last
    push, even where the package imported is another kit's (here this checkout's)."""
    clone = _a_kit(tmp_path / "home" / "her-seminar.git")
    root, module = _kit_root_seen_from(clone / "exercises", KIT_ROOT)
    assert module == str(PACKAGE_DIR / "__init__.py")
    assert root == str(clone)


def test_outside_any_kit_the_package_kit_is_used(tmp_path):
    root, _ = _kit_root_seen_from(tmp_path, KIT_ROOT)
    assert root == str(KIT_ROOT)


PTH = KIT_ROOT / "jupyter-config" / "seminar-from-clone.pth"


def test_the_hub_pth_imports_seminar_from_the_clone_around_the_kernel(tmp_path):
    """Set-up (b) of instructors/hub-admin.md: the hub installs only the dependencies and
    jupyter-config/seminar-from-clone.pth; a kernel started in a clone imports its code."""
    site = tmp_path / "site-packages"
    site.mkdir()
    shutil.copy(PTH, site)
    clone = _a_kit(tmp_path / "home" / "her-seminar")
    shutil.copytree(PACKAGE_DIR, clone / "seminar", ignore=shutil.ignore_patterns("__pycache__"))
    probe = ("import site, sys; n = len(sys.path); site.addsitedir(sys.argv[1]); "
             "import seminar; print(seminar.__file__); print(seminar.KIT_ROOT); print(len(sys.path) - n)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    seen = lambda cwd: subprocess.run([sys.executable, "-c", probe, str(site)], cwd=cwd, env=env,  # noqa: E731
                                      capture_output=True, text=True, timeout=60)
    inside = seen(clone / "exercises")
    assert inside.returncode == 0 and not inside.stderr, inside.stderr
    module, root, added = inside.stdout.split()
    assert (module, root, added) == (str(clone / "seminar" / "__init__.py"), str(clone), "2")
    outside = seen(tmp_path)  # no kit around: the .pth adds nothing (only the site folder)
    assert outside.stderr == "" and outside.stdout.split()[-1] == "1"
