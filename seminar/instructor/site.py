"""``python -m seminar site OUTDIR``: the course as a static website, with PDF handouts.

1. Copies every lesson and exercise notebook to a temporary folder and runs it there
   (nbclient, saving the widgets' state), so the kit's own files are never touched.
2. Writes one page per lesson (without the cells tagged ``instructor``) and per exercise (the
   student version: exercises/ never holds solutions) with nbconvert. Widgets appear as static
   snapshots, rendered from their saved state by ``@jupyter-widgets/html-manager`` and
   require.js, which are installed from npm at build time (``npm ci`` of
   ``seminar/instructor/web/package-lock.json`` into a cache folder, ``KIT_NPM_CACHE`` or
   ``~/.cache/between-the-words/npm``) and shipped inside OUTDIR: the site loads nothing from
   any other host.
3. Writes the course pages (syllabus, essay, viewing guide, bibliography, reading packet; see
   ``python -m seminar syllabus``) and an index with the lesson map.
4. Prints PDF handouts of each lesson without its code cells, the syllabus and the reading
   packet, with Debian's Chromium (``--no-pdf`` skips them).

No absolute path of the build machine is left in the output: the temporary folder, the kit's
folder, the Python prefix and the home folder are replaced by short names.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from seminar.text import InputError

HELP = "build a static website of the course (lessons, exercises, course pages) with PDF handouts"

WEB_DIR = Path(__file__).with_name("web")
TEMPLATE_DIR = Path(__file__).with_name("site_template")
MARKER = ".seminar-site"
KIT_FOLDERS = {"lessons", "exercises", "solutions", "readings", "seminar", "course", "tests",
               "rubrics", "benchmarks", "instructors", ".git"}
WIDGET_FONTS = "*.woff2"
DEFAULT_ALT = "A figure made by the code above; the text beside it describes what it shows."

SITE_CSS = """
/* Between the Words site: nothing cut off at the page edge, on screen or on paper. */
nav.site { font-family: var(--jp-ui-font-family, sans-serif); font-size: 0.95em; padding: 0.6em 1em;
           border-bottom: 1px solid #ccc; margin-bottom: 1em; }
nav.site a { color: #0b4f8a; }
main { max-width: 60rem; margin: 0 auto; }
.jp-OutputArea-output pre, .jp-InputArea pre, .highlight pre, pre {
  white-space: pre-wrap !important; overflow-wrap: anywhere; word-break: break-word; }
.jp-OutputArea-output, .jp-RenderedHTMLCommon { overflow-x: auto; max-width: 100%; }
.jp-RenderedHTMLCommon table { display: block; overflow-x: auto; max-width: 100%; }
img, svg, canvas, video { max-width: 100% !important; height: auto; }
.jupyter-widgets, .widget-box, .widget-hbox, .widget-vbox, .widget-output, .jupyter-widgets-output-area {
  max-width: 100% !important; box-sizing: border-box; }
.widget-hbox, .jp-HBox { flex-wrap: wrap; }
.handout-source { font-size: 0.9em; overflow-wrap: anywhere; margin: 0 1em 1em; }
@media print {
  nav.site { display: none; }
  main { max-width: none; }
  .jp-Cell, .jp-OutputArea-output { overflow: visible !important; }
  .jp-RenderedHTMLCommon table { display: table; table-layout: fixed; width: 100%; font-size: 0.85em; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { overflow-wrap: anywhere; }
  .jupyter-widgets * { max-width: 100% !important; }
  .jp-Cell { break-inside: avoid-page; }
}
@page { size: A4; margin: 14mm 12mm; }
"""


# ---------------------------------------------------------------- npm assets

def npm_cache() -> Path:
    return Path(os.environ.get("KIT_NPM_CACHE") or Path.home() / ".cache" / "between-the-words" / "npm")


def npm_modules(cache: Path | None = None) -> Path:
    """node_modules holding html-manager and require.js, installed by ``npm ci`` if missing."""
    lock = (WEB_DIR / "package-lock.json").read_bytes()
    key = hashlib.sha256(lock + (WEB_DIR / "package.json").read_bytes()).hexdigest()[:12]
    target = Path(cache or npm_cache()) / key
    modules = target / "node_modules"
    if (modules / "@jupyter-widgets/html-manager/dist/embed-amd.js").is_file() and \
            (modules / "requirejs/require.js").is_file():
        return modules
    npm = shutil.which("npm")
    if not npm:
        raise InputError("The site needs npm (Debian: sudo apt-get install -y npm) to fetch the widget "
                         "renderer once; or set KIT_NPM_CACHE to a folder where it is installed.")
    target.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(WEB_DIR / name, target / name)
    done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                          cwd=target, capture_output=True, text=True)
    if done.returncode != 0:
        raise InputError(f"npm ci failed in {target}: {done.stderr.strip()[-600:]}")
    return modules


def copy_assets(out: Path, modules: Path, page_dirs: list[str]) -> None:
    static = out / "_static"
    manager = static / "html-manager"
    manager.mkdir(parents=True, exist_ok=True)
    dist = modules / "@jupyter-widgets/html-manager/dist"
    shutil.copy2(dist / "embed-amd.js", manager / "embed-amd.js")
    for font in dist.glob(WIDGET_FONTS):
        # the manager's stylesheet asks for its fonts beside the page, not beside the script
        for folder in page_dirs:
            (out / folder).mkdir(parents=True, exist_ok=True)
            shutil.copy2(font, out / folder / font.name)
    notices = ["Scripts shipped in this folder, installed from npm when the site was built:", ""]
    for package in ("@jupyter-widgets/html-manager", "requirejs"):
        meta = json.loads((modules / package / "package.json").read_text(encoding="utf-8"))
        notices.append(f"- {meta.get('name')} {meta.get('version')}: licence {meta.get('license')}, "
                       f"{meta.get('homepage') or ''}".rstrip(", "))
    notices += ["", "The widget renderer bundles Font Awesome Free (fonts: SIL OFL 1.1)."]
    (static / "LICENSES.txt").write_text("\n".join(notices) + "\n", encoding="utf-8")
    shutil.copy2(modules / "requirejs/require.js", static / "require.js")
    (static / "site.css").write_text(SITE_CSS, encoding="utf-8")


# ---------------------------------------------------------------- notebooks

def execute(src: Path, workdir: Path, timeout: int, drop_tags: tuple[str, ...] = ()):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(src, as_version=4)
    nb.cells = [c for c in nb.cells if not set(c.get("metadata", {}).get("tags", [])) & set(drop_tags)]
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                            allow_errors=False, resources={"metadata": {"path": str(workdir)}})
    try:
        client.execute()
    except Exception as exc:  # nbclient's CellExecutionError and kernel failures
        first = str(exc).strip().splitlines()
        raise InputError(f"{src.name} did not run: {first[-1] if first else exc}") from None
    snapshot_controls(nb)
    return nb


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def control_snapshot_html(state: dict) -> str | None:
    """What one of the kit's accessible controls (seminar.views.controls) looked like, as HTML.

    The controls are anywidget front ends, which the site's widget renderer cannot load without
    fetching code from another host; the page shows their label and value instead, in words.
    None for any other anywidget.
    """
    from seminar.text import escape

    label = escape(str(state.get("description", "")))
    if "readout" in state and "scale" in state:  # Slider
        shown = escape(str(state.get("readout", "")))
    elif "labels" in state and "index" in state:  # Dropdown
        labels, index = state.get("labels") or [], state.get("index", 0)
        shown = escape(str(labels[index])) if isinstance(index, int) and 0 <= index < len(labels) else ""
    elif "tooltip" in state and isinstance(state.get("value"), bool):  # Toggle
        return (f'<p class="seminar-control-snapshot"><b>{label}</b>: '
                f'{"on" if state["value"] else "off"}</p>')
    else:
        return None
    return f'<p class="seminar-control-snapshot"><b>{label}</b>: {shown}</p>'


def _html_widget_state(html: str) -> tuple[dict, dict]:
    """The saved state of an ipywidgets HTML widget showing ``html``, and of its layout and style."""
    import uuid

    layout, style = uuid.uuid4().hex, uuid.uuid4().hex
    controls = {"model_module": "@jupyter-widgets/controls", "model_module_version": "2.0.0"}
    entry = {"model_name": "HTMLModel", **controls,
             "state": {"_dom_classes": [], "layout": f"IPY_MODEL_{layout}",
                       "style": f"IPY_MODEL_{style}", "value": html}}
    deps = {layout: {"model_name": "LayoutModel", "model_module": "@jupyter-widgets/base",
                     "model_module_version": "2.0.0", "state": {}},
            style: {"model_name": "HTMLStyleModel", **controls, "state": {}}}
    return entry, deps


def snapshot_controls(nb) -> int:
    """Replace the saved state of the kit's anywidget controls by plain HTML widgets (in place).

    Each keeps its model id, so the boxes around it still find it. Returns how many changed.
    """
    saved = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    changed = 0
    for model_id, entry in list(saved.items()):
        if entry.get("model_module") != "anywidget":
            continue
        html = control_snapshot_html(entry.get("state", {}))
        if html is None:
            continue
        saved[model_id], deps = _html_widget_state(html)
        saved.update(deps)
        changed += 1
    return changed


def exporter(site_root: str, exclude_code: bool = False):
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    c = Config()
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATE_DIR)]
    c.HTMLExporter.template_name = "btw-site"
    c.HTMLExporter.require_js_url = f"{site_root}_static/require.js"
    c.HTMLExporter.widget_renderer_url = f"{site_root}_static/html-manager/embed-amd.js"
    c.HTMLExporter.mathjax_url = ""
    c.HTMLExporter.jquery_url = ""
    c.HTMLExporter.embed_images = True
    if exclude_code:
        c.TemplateExporter.exclude_input = True
        c.TemplateExporter.exclude_input_prompt = True
        c.TemplateExporter.exclude_output_prompt = True
    return HTMLExporter(config=c)


def render(nb, title: str, site_root: str, binder: str, handout: str | None,
           exclude_code: bool = False) -> str:
    nb.metadata["title"] = title
    body, _ = exporter(site_root, exclude_code).from_notebook_node(nb, resources={
        "site_root": site_root, "binder_url": binder, "handout_href": handout,
        "default_alt": DEFAULT_ALT, "printable": exclude_code})
    return body


_HREF = re.compile(r'(href|src)="([^"#:?]+)(#[^"]*)?"')


def fix_links(text: str, folder: str, site_files: set[str], printable: bool = False,
              kit_root: Path | None = None) -> str:
    """Point the relative links of a page in ``folder`` (e.g. "lessons") at what the site has.

    A link to a notebook the site shows goes to its page; a link to any other file of the kit
    goes to the repository on GitHub. In a printable page, links to the site's own files are
    dropped, so that a PDF never holds a file:// address of the build machine.
    """
    import posixpath

    from seminar.classroom.course import BRANCH, REPOSITORY

    def repl(m: re.Match) -> str:
        attr, target, anchor = m.group(1), m.group(2), m.group(3) or ""
        path = posixpath.normpath(posixpath.join(folder, target))
        if path.startswith("../"):
            return m.group(0)
        page = path[:-len(".ipynb")] + ".html" if path.endswith(".ipynb") else path
        if path.startswith("_static/") or target.endswith(".woff2"):
            return m.group(0)  # the site's own scripts, styles and fonts
        if page in site_files:
            if printable and attr == "href":
                return "data-site-href=\"{}\"".format(posixpath.relpath(page, folder) + anchor)
            return f'{attr}="{posixpath.relpath(page, folder)}{anchor}"'
        if attr == "src":
            return m.group(0)
        if printable and kit_root is not None and not (kit_root / path).exists():
            return f'data-site-href="{target}{anchor}"'
        return f'{attr}="https://github.com/{REPOSITORY}/blob/{BRANCH}/{path}{anchor}"'

    return _HREF.sub(repl, text)


def site_files(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


def scrub(text: str, roots: dict[str, str]) -> str:
    """Replace the build machine's folders by short names (longest first)."""
    for path, name in sorted(roots.items(), key=lambda kv: -len(kv[0])):
        if path and len(path) > 1:
            text = text.replace(path, name)
            text = text.replace(path.replace("/", "\\/"), name)  # JSON-escaped slashes
    return text


def machine_paths(*extra: Path) -> dict[str, str]:
    from seminar import KIT_ROOT

    roots = {str(Path(p).resolve()): "." for p in extra}
    roots.update({str(p): "." for p in extra})
    roots[str(KIT_ROOT)] = "."
    for prefix in {sys.prefix, sys.base_prefix}:
        if len(Path(prefix).parts) > 2:  # a virtual environment, not /usr itself
            roots[str(Path(prefix))] = "PYTHON"
    roots[str(Path.home())] = "~"
    return roots


# ---------------------------------------------------------------- index

def index_page(lessons, built: dict[str, dict], docs: list[tuple[str, str]]) -> str:
    from seminar.classroom.course import binder_url

    esc = html.escape
    rows = []
    for les in lessons:
        n = f"{les.number:02d}"
        if n not in built:
            continue
        b = built[n]
        links = [f'<a href="{esc(b["lesson"])}">lesson</a>']
        if b.get("exercise"):
            links.append(f'<a href="{esc(b["exercise"])}">exercise</a>')
        if b.get("handout"):
            links.append(f'<a href="{esc(b["handout"])}">handout (PDF)</a>')
        binder = f'<a href="{esc(binder_url("lessons/" + les.path.name))}">Binder</a>'
        readings = ", ".join(dict.fromkeys(re.sub(r"-\d+$", "", r) for r in les.readings))
        rows.append(
            f"<tr><td><a href=\"{esc(b['lesson'])}\">{n} {esc(les.title)}</a></td>"
            f"<td>{esc(les.questions[0] if les.questions else '')}</td><td>{esc(readings) or '–'}</td>"
            f"<td>{esc(les.toy) or '–'}</td><td>{les.teaching_min} + {les.exercise_min} min</td>"
            f"<td>{' · '.join(links)} · {binder}</td></tr>")
    doc_links = "".join(f'<li><a href="{esc(href)}">{esc(name)}</a></li>' for name, href in docs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Between the Words: a seminar on Her (2013)</title>
<link rel="stylesheet" href="_static/course.css">
</head>
<body>
<main>
<h1>Between the Words</h1>
<p>A seminar in film and philosophy on Spike Jonze's <em>Her</em> (2013). Read the lessons and
exercises here; open them in Binder (or your course's JupyterHub) to run the toys and write your
answers. The pages show each toy as a still snapshot.</p>
<h2>The course</h2>
<ul class="course-docs">{doc_links}</ul>
<h2>Lesson map</h2>
<table class="lesson-map">
<thead><tr><th>Lesson</th><th>Question</th><th>Readings</th><th>Toy</th><th>Time</th><th>Open</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p>Text CC-BY-4.0, code MIT; excerpts keep their own rights and are quoted briefly for teaching and
criticism. Scripts in <code>_static/</code> keep their own licences
(<a href="_static/LICENSES.txt">_static/LICENSES.txt</a>).</p>
</main>
</body>
</html>
"""


# ---------------------------------------------------------------- build

def _select(lessons, only: str | None):
    if not only:
        return lessons
    wanted = {w.strip().zfill(2) for w in only.split(",") if w.strip()}
    bad = [w for w in wanted if not re.fullmatch(r"\d\d", w)]
    if bad:
        raise InputError(f"--lessons takes lesson numbers such as 00,05, not {', '.join(bad)}.")
    chosen = [les for les in lessons if f"{les.number:02d}" in wanted]
    missing = wanted - {f"{les.number:02d}" for les in chosen}
    if missing:
        raise InputError(f"There is no lesson {', '.join(sorted(missing))}.")
    return chosen


def prepare_outdir(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file, not a folder.")
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file() and not force:
            raise InputError(f"{out} is not empty and was not made by this command: choose another "
                             "folder, or add --force to replace what is in it.")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Built by python -m seminar site; rebuilding replaces this folder.\n",
                              encoding="utf-8")


def build(root: Path, out: Path, only: str | None = None, pdf: bool = True, force: bool = False,
          timeout: int = 300, log=print) -> dict:
    from seminar.classroom.course import binder_url, lesson_list
    from seminar.files import write_atomic
    from seminar.instructor import coursedocs as cd
    from seminar.instructor.pdf import print_pdf
    from seminar.instructor.syllabus import write_documents

    root, out = Path(root).resolve(), Path(out).resolve()
    if out == root or out in root.parents or (out.parent == root and out.name in KIT_FOLDERS):
        raise InputError(f"{out} is the kit's folder or one of its own; choose another OUTDIR.")
    started = time.time()
    try:
        every = lesson_list(root)
    except ValueError as exc:
        raise InputError(f"A lesson's first cell cannot be read: {exc}") from None
    lessons = _select(every, only)
    cd.load_course_file(root)  # fail early on a broken course file
    modules = npm_modules()
    prepare_outdir(out, force)
    copy_assets(out, modules, ["lessons", "exercises"])
    (out / "_static" / "course.css").write_text(cd.CSS, encoding="utf-8")
    built: dict[str, dict] = {}
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="seminar-site-") as tmp:
        work = Path(tmp)
        roots = machine_paths(work, root)
        for folder in ("lessons", "exercises"):
            (work / folder).mkdir()
        for les in lessons:
            n = f"{les.number:02d}"
            entry = built.setdefault(n, {})
            t0 = time.time()
            src = work / "lessons" / les.path.name
            shutil.copy2(les.path, src)
            nb = execute(src, work / "lessons", timeout, drop_tags=("instructor",))
            stem = les.path.stem
            handout = f"../handouts/{stem}.pdf" if pdf else None
            page = render(nb, f"{n} {les.title}", "../", binder_url(f"lessons/{les.path.name}"), handout)
            write_atomic(out / "lessons" / f"{stem}.html", scrub(page, roots))
            entry["lesson"] = f"lessons/{stem}.html"
            if pdf:
                printable = render(nb, f"{n} {les.title}", "../", binder_url(f"lessons/{les.path.name}"),
                                   None, exclude_code=True)
                handout_page = out / "handouts" / f"{stem}.html"
                write_atomic(handout_page, fix_links(scrub(printable, roots), "handouts", site_files(out),
                                                     printable=True, kit_root=root))
                print_pdf(handout_page, out / "handouts" / f"{stem}.pdf")
                entry["handout"] = f"handouts/{stem}.pdf"
            exercise = root / "exercises" / les.path.name
            if exercise.is_file():
                dst = work / "exercises" / exercise.name
                shutil.copy2(exercise, dst)
                enb = execute(dst, work / "exercises", timeout)
                page = render(enb, f"Exercise {n}: {les.title}", "../",
                              binder_url(f"exercises/{exercise.name}"), None)
                write_atomic(out / "exercises" / f"{stem}.html", scrub(page, roots))
                entry["exercise"] = f"exercises/{stem}.html"
            timings[n] = time.time() - t0
            log(f"  {n} {les.title}: {timings[n]:.1f} s")
    nav = '<nav class="site" aria-label="Site"><a href="../index.html">Between the Words: all lessons</a></nav>\n'
    write_documents(root, out / "course", pdf=pdf, nav=nav, css_href="../_static/course.css")
    docs = [("Syllabus", "course/syllabus.html"), ("The final essay", "course/essay.html"),
            ("Peer-review sheet", "course/peer-review.html"),
            ("Viewing guide and screening plan", "course/viewing-guide.html"),
            ("Reading packet", "course/reading-packet.html"), ("Bibliography", "course/bibliography.html")]
    if pdf:
        docs += [("Syllabus (PDF)", "course/syllabus.pdf"), ("Reading packet (PDF)", "course/reading-packet.pdf")]
    write_atomic(out / "index.html", index_page(lessons, built, docs))
    files = site_files(out)
    for path in out.rglob("*.html"):  # links between pages, once all pages exist; no machine paths
        text = path.read_text(encoding="utf-8")
        folder = path.parent.relative_to(out).as_posix()
        clean = scrub(fix_links(text, folder, files), roots) if folder in ("lessons", "exercises") \
            else scrub(text, roots)
        if clean != text:
            path.write_text(clean, encoding="utf-8")
    return {"seconds": time.time() - started, "lessons": timings, "out": out}


def folder_size(path: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in Path(path).rglob(pattern) if p.is_file())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("outdir", metavar="OUTDIR", help="the folder to write the site into")
    parser.add_argument("--lessons", metavar="NN,NN", help="only these lessons (and their exercises)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF handouts")
    parser.add_argument("--force", action="store_true",
                        help="replace OUTDIR even if it holds files this command did not make")
    parser.add_argument("--timeout", type=int, default=300, metavar="S",
                        help="longest a notebook cell may run, in seconds (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    if args.timeout <= 0:
        raise InputError("--timeout must be a positive number of seconds.")
    result = build(Path(args.root), Path(args.outdir), only=args.lessons, pdf=not args.no_pdf,
                   force=args.force, timeout=args.timeout)
    out = result["out"]
    mb = folder_size(out) / 1e6
    pdf_mb = folder_size(out, "*.pdf") / 1e6
    print(f"Built {out} in {result['seconds']:.0f} s: {mb:.1f} MB (PDFs {pdf_mb:.1f} MB). "
          f"Open {out / 'index.html'} or serve it: python -m http.server -d {out}")
    return 0
