"""``python -m seminar links``: Binder and nbgitpuller links that open each exercise in JupyterLab."""
import csv
import io
import posixpath
import urllib.parse
from types import SimpleNamespace

import pytest

from seminar.instructor import links
from seminar.classroom.course import BRANCH, REPOSITORY
from seminar.text import InputError
from tests.assignkit import NAME, cli, make_kit

HUB = "https://hub.example.edu"
REPO = "https://github.com/some-teacher/her-seminar.git"
REPO_FORMS = [REPO, "https://github.com/some-teacher/her-seminar",
              "https://gitlab.example.edu/group/sub/her-seminar.git/"]


def nbgitpuller_1_3(link: str, parent: str = "") -> tuple[str, str]:
    """Where nbgitpuller 1.3 clones the link's repository and which page it then opens,
    following its handlers.py line by line (UIHandler.get picks the page and the
    targetpath it hands to the page's script; SyncHandler.get clones into
    <root>/<NBGITPULLER_PARENTPATH>/<targetpath>). tests/browser/test_hub.py checks the same
    on a real hub.
    Returns (clone folder relative to the server root, JupyterLab path of the page)."""
    query = {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlparse(link).query).items()}
    repo = query["repo"]
    target = query.get("targetpath") or query.get("targetPath", repo.rstrip("/").split("/")[-1])
    url_path = query.get("urlpath") or query.get("urlPath")
    if url_path:
        page = url_path
    else:
        page = posixpath.join(parent, target, query.get("subpath") or query.get("subPath", "."))
        page = ("lab/tree/" + page if query.get("app", "notebook").lower() == "lab"
                else "notebooks/" + page)
    clone = posixpath.normpath(posixpath.join(parent, target))
    return clone, page


@pytest.mark.parametrize("repo", REPO_FORMS)
@pytest.mark.parametrize("parent", ["", "courses"])
@pytest.mark.parametrize("target", [None, "her", "courses/her"])
def test_nbgitpuller_opens_the_exercise_it_cloned(repo, parent, target):
    link = links.nbgitpuller_link(HUB, repo, "main", "exercises/02-x.ipynb", target_path=target)
    clone, page = nbgitpuller_1_3(link, parent)
    assert page == f"lab/tree/{clone}/exercises/02-x.ipynb"
    if target:
        assert clone == posixpath.join(parent, target) if parent else clone == target


def test_the_old_urlpath_links_were_broken():
    """What the links were before issue 21: the check above can fail."""
    old = HUB + "/hub/user-redirect/git-pull?" + urllib.parse.urlencode(
        [("repo", REPO), ("branch", "main"),
         ("urlpath", "lab/tree/her-seminar/exercises/02-x.ipynb")])
    clone, page = nbgitpuller_1_3(old)
    assert clone == "her-seminar.git" and page != f"lab/tree/{clone}/exercises/02-x.ipynb"


@pytest.fixture
def kit(tmp_path):
    return make_kit(tmp_path / "kit")


def test_binder_link_opens_the_exercise_in_jupyterlab(kit):
    done = cli("links", "--root", str(kit), "--format", "csv")
    assert done.returncode == 0, done.stderr
    [row] = list(csv.DictReader(io.StringIO(done.stdout)))
    assert row["exercise"] == NAME and row["title"] == "Demo: hours and squares"
    url = urllib.parse.urlparse(row["binder"])
    assert (url.scheme, url.netloc, url.path) == ("https", "mybinder.org", f"/v2/gh/{REPOSITORY}/{BRANCH}")
    assert urllib.parse.parse_qs(url.query) == {"urlpath": [f"lab/tree/exercises/{NAME}.ipynb"]}


def test_nbgitpuller_link_has_the_documented_parameters(kit):
    done = cli("links", NAME, "--root", str(kit), "--format", "csv", "--hub", HUB + "/",
               "--repo", REPO, "--branch", "spring 2025/week#1")
    assert done.returncode == 0, done.stderr
    [row] = list(csv.DictReader(io.StringIO(done.stdout)))
    url = urllib.parse.urlparse(row["hub"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == HUB + "/hub/user-redirect/git-pull"
    assert urllib.parse.parse_qs(url.query) == {
        "repo": [REPO], "branch": ["spring 2025/week#1"],
        "subPath": [f"exercises/{NAME}.ipynb"], "app": ["lab"]}
    assert "repo=https%3A%2F%2Fgithub.com%2Fsome-teacher%2Fher-seminar.git" in url.query
    assert "branch=spring+2025%2Fweek%231" in url.query  # nothing left unescaped
    assert "#" not in row["hub"] and " " not in row["hub"]
    assert "spring%202025%2Fweek%231" in row["binder"]


def test_target_path_moves_the_folder():
    link = links.nbgitpuller_link(HUB, REPO, "main", "exercises/x.ipynb", target_path="courses/her")
    query = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)
    assert query["targetPath"] == ["courses/her"]
    assert query["subPath"] == ["exercises/x.ipynb"] and "urlpath" not in query


@pytest.mark.parametrize("repo, folder", [
    ("https://github.com/o/kit", "kit"), ("https://github.com/o/kit/", "kit"),
    ("https://gitlab.example.edu/group/sub/kit.git", "kit"), ("git@github.com:o/kit.git", "kit"),
])
def test_repo_folder(repo, folder):
    assert links.repo_folder(repo) == folder


@pytest.mark.parametrize("hub, expected", [
    ("https://hub.example.edu", "https://hub.example.edu"),
    ("https://hub.example.edu/", "https://hub.example.edu"),
    ("https://hub.example.edu/hub/home", "https://hub.example.edu"),
    ("https://uni.edu/jupyter/", "https://uni.edu/jupyter"),
])
def test_hub_address_is_normalised(hub, expected):
    assert links.check_hub(hub) == expected


@pytest.mark.parametrize("args, words", [
    (["--hub", HUB], "both --hub and --repo"),
    (["--hub", "hub.example.edu", "--repo", REPO], "--hub must be"),
    (["--hub", HUB, "--repo", "https://github.com/"], "repository's name"),
    (["99-nothing"], "There is no exercises/99-nothing.ipynb"),
    (["--binder-repo", "not a repo"], "OWNER/NAME"),
    (["--hub", HUB, "--repo", REPO, "--target-path", "../elsewhere"], "--target-path must be"),
    (["--hub", HUB, "--repo", REPO, "--target-path", "/"], "--target-path must be"),
])
def test_bad_input_is_one_clear_line(kit, args, words):
    done = cli("links", "--root", str(kit), *args)
    assert done.returncode == 1 and words in done.stderr and "Traceback" not in done.stderr


def test_markdown_table_ready_to_paste(kit):
    done = cli("links", "--root", str(kit), "--hub", HUB, "--repo", REPO)
    lines = done.stdout.strip().split("\n")
    assert lines[0] == "| Exercise | Binder | JupyterHub |"
    assert len(lines) == 3 and lines[2].startswith(f"| {NAME}: Demo: hours and squares | [open on Binder](")
    assert "[open on the hub](https://hub.example.edu/hub/user-redirect/git-pull?repo=" in lines[2]


def test_titles_with_pipes_are_escaped():
    table = [{"exercise": "01-x", "title": "A | B", "binder": "u"}]
    assert "A \\| B" in links.markdown(table)


def test_no_exercises_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no exercise notebooks"):
        links.run(SimpleNamespace(root=str(tmp_path), names=[], hub=None, repo=None, branch=None,
                                  binder_repo=None, target_path=None, format="markdown"))
