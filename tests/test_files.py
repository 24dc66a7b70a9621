import os
import stat

from seminar.files import temp_beside, write_atomic


def test_write_atomic_writes_an_ordinary_readable_file(tmp_path):
    target = tmp_path / "sub" / "a.ipynb"
    write_atomic(target, "héllo\n")
    assert target.read_text(encoding="utf-8") == "héllo\n"
    assert stat.S_IMODE(os.stat(target).st_mode) & 0o044 == 0o044  # group and others can read
    assert [p.name for p in target.parent.iterdir()] == ["a.ipynb"]  # no temporary left


def test_write_atomic_replaces_whole_or_not_at_all(tmp_path):
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_temp_beside_is_in_the_same_folder(tmp_path):
    tmp = temp_beside(tmp_path / "x.zip")
    try:
        assert tmp.parent == tmp_path and tmp.exists()
    finally:
        tmp.unlink()
