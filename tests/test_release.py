"""``python -m seminar release``: student versions only, never overwriting without --force."""
import shutil
import zipfile

import pytest

from seminar.instructor import exercises as gen
from tests.assignkit import NAME, cli, make_kit

OTHER = "02-other"


@pytest.fixture
def kit(tmp_path):
    root = make_kit(tmp_path / "kit")
    text = (root / "solutions" / f"{NAME}.ipynb").read_text(encoding="utf-8")
    (root / "solutions" / f"{OTHER}.ipynb").write_text(text.replace('"01-demo"', f'"{OTHER}"'),
                                                       encoding="utf-8")
    gen.write_exercise(OTHER, root)
    return root


def exercise_bytes(root, name):
    return (root / "exercises" / f"{name}.ipynb").read_bytes()


def test_release_to_a_folder_copies_the_student_versions(kit, tmp_path):
    target = tmp_path / "lms" / "week1"
    done = cli("release", NAME, OTHER, "--root", str(kit), "--to", str(target))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in target.iterdir()) == [f"{NAME}.ipynb", f"{OTHER}.ipynb"]
    released = (target / f"{NAME}.ipynb").read_bytes()
    assert released == exercise_bytes(kit, NAME)
    assert b"hours = minutes / 60" not in released and b"assert square(4)" not in released
    assert b"What to look for" not in released and b"Instructor note" not in released


def test_refuses_to_overwrite_and_writes_nothing(kit, tmp_path):
    target = tmp_path / "lms"
    target.mkdir()
    (target / f"{OTHER}.ipynb").write_text("a student's edited copy", encoding="utf-8")
    done = cli("release", "--root", str(kit), "--to", str(target))
    assert done.returncode == 1
    assert "already exist" in done.stderr and "--force" in done.stderr
    assert f"{OTHER}.ipynb" in done.stderr and "Traceback" not in done.stderr
    assert (target / f"{OTHER}.ipynb").read_text(encoding="utf-8") == "a student's edited copy"
    assert not (target / f"{NAME}.ipynb").exists()  # nothing partial
    assert [p.name for p in target.iterdir()] == [f"{OTHER}.ipynb"]  # no temporary files left
    forced = cli("release", "--root", str(kit), "--to", str(target), "--force")
    assert forced.returncode == 0 and "replaced" in forced.stdout
    assert (target / f"{OTHER}.ipynb").read_bytes() == exercise_bytes(kit, OTHER)


def test_an_identical_file_is_left_alone(kit, tmp_path):
    target = tmp_path / "lms"
    assert cli("release", NAME, "--root", str(kit), "--to", str(target)).returncode == 0
    again = cli("release", NAME, "--root", str(kit), "--to", str(target))
    assert again.returncode == 0 and "already there (identical)" in again.stdout


def test_release_to_a_zip(kit, tmp_path):
    target = tmp_path / "week1.zip"
    done = cli("release", NAME, "--root", str(kit), "--to", str(target))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(target) as z:
        assert z.namelist() == [f"{NAME}.ipynb"]
        assert z.read(f"{NAME}.ipynb") == exercise_bytes(kit, NAME)
    before = target.read_bytes()
    again = cli("release", NAME, OTHER, "--root", str(kit), "--to", str(target))
    assert again.returncode == 1 and "already exists" in again.stderr
    assert target.read_bytes() == before
    forced = cli("release", NAME, OTHER, "--root", str(kit), "--to", str(target), "--force")
    assert forced.returncode == 0
    with zipfile.ZipFile(target) as z:
        assert z.namelist() == [f"{NAME}.ipynb", f"{OTHER}.ipynb"]


def test_refuses_an_exercise_out_of_date_with_its_solution(kit, tmp_path):
    solution = kit / "solutions" / f"{NAME}.ipynb"
    solution.write_text(solution.read_text(encoding="utf-8").replace("126 minutes", "127 minutes"),
                        encoding="utf-8")
    done = cli("release", NAME, "--root", str(kit), "--to", str(tmp_path / "lms"))
    assert done.returncode == 1 and "out of date" in done.stderr and "python -m seminar exercises" in done.stderr
    assert not (tmp_path / "lms").exists()


def test_unknown_names_and_missing_folders(kit, tmp_path):
    done = cli("release", "99-nothing", "--root", str(kit), "--to", str(tmp_path / "x"))
    assert done.returncode == 1 and "99-nothing" in done.stderr
    done = cli("release", NAME, "--root", str(kit), "--to", str(tmp_path / "no" / "such" / "a.zip"))
    assert done.returncode == 1 and "does not exist" in done.stderr
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    done = cli("release", NAME, "--root", str(kit), "--to", str(a_file))
    assert done.returncode == 1 and "not a folder" in done.stderr


def test_release_accepts_file_names(kit, tmp_path):
    shutil.rmtree(kit / "lessons")
    done = cli("release", f"exercises/{NAME}.ipynb", "--root", str(kit), "--to", str(tmp_path / "o"))
    assert done.returncode == 0 and (tmp_path / "o" / f"{NAME}.ipynb").exists()
