"""Readings: every excerpt the kit quotes, written once in readings/<slug>.md and used by id.

In a notebook::

    from seminar.classroom.readings import show
    show("leibniz-1")            # last line of a cell: the passage as a cited quotation

Also: ``excerpt(id)`` (the text and its citation as data), ``reading(slug)`` (a whole
reading: citation, guide, key terms, questions, excerpts), ``readings()`` and
``catalogue()`` (a pandas DataFrame, one row per excerpt, with the notebooks that use it).

The machine-readable catalogue readings/catalogue.csv is generated, never edited by hand.
After adding an excerpt, or a notebook that shows one, regenerate it with::

    python -m seminar refresh            # rewrite readings/catalogue.csv (and the README's lesson map)
    python -m seminar refresh --check    # exit status 1 if either is out of date

or from Python with ``write_catalogue()``. The tests fail while the file is out of date.

Format of readings/<slug>.md (README.md in that folder, if any, is skipped)::

    ---
    slug: "leibniz"                 (values are JSON strings, integers, or empty)
    kind: "primary"                 essay | primary | secondary
    title: "The Monadology, §17"
    author: "Leibniz"               empty where the text names no author
    translator: "Robert Latta"
    outlet:                         outlet or publisher, where the source gives one
    year: 1714
    source: "sources/public-domain.md"      relative to the shared folder beside the kit
    rights: "public domain"         or "copyrighted: short quotation"
    ---
    # Title
    ## Citation / ## Guide / ## Key terms / ## Discussion questions / ## Excerpts
    ### leibniz-1
    > the verbatim passage ("…" marks words left out; one line per verse for poetry)

    Speaks to: the scene or argument it speaks to.

An excerpt is found in notebooks by the calls ``show("id")`` and ``excerpt("id")`` in code cells.
"""
from __future__ import annotations

import csv
import difflib
import functools
import io
import json
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from seminar import KIT_ROOT
from seminar.text import escape

READINGS_DIR = KIT_ROOT / "readings"
CATALOGUE_CSV = READINGS_DIR / "catalogue.csv"
#: Folders (under the kit root) whose notebooks are scanned for excerpt ids.
NOTEBOOK_DIRS = ("lessons", "exercises", "solutions")
#: The shared material beside the kit (absent in a user's clone).
SHARED_DIR = KIT_ROOT.parent / "shared"

KINDS = ("essay", "primary", "secondary")
RIGHTS = ("copyrighted: short quotation", "public domain")
#: Longest excerpt, in words, that the kit quotes from a copyrighted text.
MAX_COPYRIGHTED_WORDS = 80
ELLIPSIS = "…"
CATALOGUE_COLUMNS = ["excerpt_id", "reading", "title", "kind", "source", "rights", "words",
                     "lessons", "notebooks"]

#: show("id"), excerpt("id"), readings.show('id', ...) in a code cell.
_CALL = re.compile(r"""\b(?:show|excerpt)\(\s*(['"])([^'"\n]{1,80})\1\s*[,)]""")


class ReadingFormatError(ValueError):
    """A readings/*.md file does not follow the format; the message names the file and the problem."""


class UnknownExcerptError(KeyError):
    """No excerpt or reading has this id; the message names the closest ones."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Excerpt:
    """One verbatim passage, with what a notebook needs to show and cite it."""

    id: str
    text: str
    reading: str
    title: str
    citation: str
    speaks_to: str
    rights: str
    source: str = ""
    kind: str = ""

    @property
    def words(self) -> int:
        """Number of words (whitespace-separated; an ellipsis "…" alone does not count)."""
        return len([w for w in self.text.split() if w != ELLIPSIS])

    @property
    def copyrighted(self) -> bool:
        return self.rights.startswith("copyrighted")


@dataclass(frozen=True)
class Reading:
    """One readings/<slug>.md file."""

    slug: str
    kind: str
    title: str
    author: str | None
    translator: str | None
    outlet: str | None
    year: int | str | None
    source: str
    rights: str
    citation: str
    citation_note: str
    guide: str
    key_terms: tuple[tuple[str, str], ...]
    questions: tuple[str, ...]
    excerpts: tuple[Excerpt, ...]
    path: Path | None = field(default=None, compare=False)

    @property
    def guide_words(self) -> int:
        return len(re.sub(r"[*_`#]", " ", self.guide).split())


# ---------------------------------------------------------------- parsing

def _value(raw: str, where: str):
    raw = raw.strip()
    if raw == "":
        return None
    if raw.startswith('"'):
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ReadingFormatError(f"{where}: cannot read the quoted value {raw!r} ({exc}).") from None
    if raw.isdigit():
        return int(raw)
    return raw


def _sections(body: str, level: str) -> list[tuple[str, str]]:
    """Split ``body`` at headings of the given level ("## " or "### ")."""
    out: list[tuple[str, str]] = []
    name, buf = None, []
    for line in body.split("\n"):
        if line.startswith(level) and not line.startswith(level + "#"):
            if name is not None:
                out.append((name, "\n".join(buf).strip()))
            name, buf = line[len(level):].strip(), []
        elif name is not None:
            buf.append(line)
    if name is not None:
        out.append((name, "\n".join(buf).strip()))
    return out


def _list_items(text: str, marker: re.Pattern) -> list[str]:
    items: list[str] = []
    for line in text.split("\n"):
        m = marker.match(line)
        if m:
            items.append(m.group(1).strip())
        elif line.strip() and items and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()
    return items


def _parse_excerpt(eid: str, block: str, where: str) -> tuple[str, str]:
    quote: list[str] = []
    rest: list[str] = []
    for line in block.split("\n"):
        if line.startswith(">"):
            if rest:
                raise ReadingFormatError(f"{where}, {eid}: the quoted passage must come in one block.")
            quote.append(line[1:].removeprefix(" ").rstrip())
        else:
            rest.append(line)
    text = "\n".join(quote).strip()
    if not text:
        raise ReadingFormatError(f"{where}, {eid}: no quoted passage (lines starting with '>').")
    other = " ".join(line.strip() for line in rest if line.strip())
    if not other.startswith("Speaks to:"):
        raise ReadingFormatError(f"{where}, {eid}: after the passage, write 'Speaks to: ...'.")
    speaks_to = other[len("Speaks to:"):].strip()
    if not speaks_to:
        raise ReadingFormatError(f"{where}, {eid}: 'Speaks to:' is empty.")
    return text, speaks_to


def parse_reading(text: str, path: Path | None = None) -> Reading:
    """Parse the text of one readings/<slug>.md file; raise ReadingFormatError saying what is wrong."""
    where = path.name if path else "reading"
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    m = re.match(r"---\n(.*?)\n---\n(.*)\Z", text, re.S)
    if not m:
        raise ReadingFormatError(f"{where}: must start with a front-matter block between '---' lines.")
    meta: dict = {}
    for line in m.group(1).split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, raw = line.partition(":")
        if not sep:
            raise ReadingFormatError(f"{where}: front-matter line {line!r} is not 'key: value'.")
        meta[key.strip()] = _value(raw, where)
    for key in ("slug", "kind", "title", "source", "rights"):
        if not meta.get(key):
            raise ReadingFormatError(f"{where}: front matter needs '{key}'.")
    slug = meta["slug"]
    if path is not None and path.stem != slug:
        raise ReadingFormatError(f"{where}: slug {slug!r} must match the file name.")
    if meta["kind"] not in KINDS:
        raise ReadingFormatError(f"{where}: kind must be one of {', '.join(KINDS)}.")
    if meta["rights"] not in RIGHTS:
        raise ReadingFormatError(f"{where}: rights must be one of {' / '.join(RIGHTS)}.")

    sections = {name.lower(): content for name, content in _sections(m.group(2), "## ")}
    for name in ("citation", "guide", "key terms", "discussion questions", "excerpts"):
        if name not in sections:
            raise ReadingFormatError(f"{where}: missing the section '## {name.capitalize()}'.")
    cite_paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", sections["citation"]) if p.strip()]
    if not cite_paragraphs:
        raise ReadingFormatError(f"{where}: the section '## Citation' is empty.")
    citation, citation_note = cite_paragraphs[0], " ".join(cite_paragraphs[1:])
    key_terms = []
    for item in _list_items(sections["key terms"], re.compile(r"^- (.*)")):
        km = re.match(r"\*\*(.+?)\*\*:?\s*(.*)", item)
        key_terms.append((km.group(1), km.group(2)) if km else (item, ""))
    questions = _list_items(sections["discussion questions"], re.compile(r"^\d+\.\s+(.*)"))

    excerpts = []
    for eid, block in _sections(sections["excerpts"], "### "):
        if not re.fullmatch(re.escape(slug) + r"-[1-9]\d*", eid):
            raise ReadingFormatError(f"{where}: excerpt id {eid!r} must look like '{slug}-<number>'.")
        quote, speaks_to = _parse_excerpt(eid, block, where)
        excerpts.append(Excerpt(
            id=eid, text=quote, reading=slug, title=meta["title"], citation=citation,
            speaks_to=speaks_to, rights=meta["rights"], source=meta["source"], kind=meta["kind"],
        ))
    return Reading(
        slug=slug, kind=meta["kind"], title=meta["title"], author=meta.get("author"),
        translator=meta.get("translator"), outlet=meta.get("outlet"), year=meta.get("year"),
        source=meta["source"], rights=meta["rights"], citation=citation, citation_note=citation_note,
        guide=sections["guide"], key_terms=tuple(key_terms), questions=tuple(questions),
        excerpts=tuple(excerpts), path=path,
    )


def _reading_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.md") if p.name.lower() != "readme.md")


@functools.lru_cache(maxsize=8)
def _load(directory: str, signature: tuple) -> dict[str, Reading]:
    out: dict[str, Reading] = {}
    seen: dict[str, str] = {}
    for path in _reading_files(Path(directory)):
        r = parse_reading(path.read_text(encoding="utf-8"), path)
        for e in r.excerpts:
            if e.id in seen:
                raise ReadingFormatError(f"Excerpt id {e.id!r} appears twice ({seen[e.id]} and {path.name}).")
            seen[e.id] = path.name
        out[r.slug] = r
    return out


def load_readings(directory: Path | str = READINGS_DIR) -> dict[str, Reading]:
    """All readings in ``directory`` by slug. Parsed once; parsed again only when a file changes."""
    directory = Path(directory)
    signature = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in _reading_files(directory))
    return _load(str(directory.resolve()), signature)


def clear_cache() -> None:
    """Forget parsed readings (they are re-read on the next call)."""
    _load.cache_clear()


# ---------------------------------------------------------------- lookups

def _stem(key: str) -> str:
    return re.sub(r"-\d+$", "", key)


def _unknown(kind: str, key: str, known: list[str]) -> UnknownExcerptError:
    close = difflib.get_close_matches(key, known, n=4, cutoff=0.6)
    if not close and key:  # compare the reading part of the id: "bergson-7" -> the bergson-* ids
        stems = sorted({_stem(k) for k in known})
        near = set(difflib.get_close_matches(_stem(key), stems, n=2, cutoff=0.6))
        near |= {s for s in stems if s.startswith(_stem(key))}
        close = [k for k in known if _stem(k) in near][:6]
    if close:
        hint = "Did you mean " + ", ".join(f'"{c}"' for c in close) + "?"
    else:
        hint = "No id is close to it."
    where = ("See seminar.classroom.readings.catalogue() for every excerpt id." if kind == "excerpt"
             else "Readings: " + ", ".join(known) + ".")
    return UnknownExcerptError(f'There is no {kind} "{key}". {hint} {where}')


def _key(value: object, what: str, example: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f'The {what} must be text such as "{example}", not {type(value).__name__}.')
    key = value.strip().lower()
    if not key:
        raise UnknownExcerptError(f'The {what} is empty: give one such as "{example}".')
    return key


def readings(directory: Path | str = READINGS_DIR) -> list[Reading]:
    """Every reading, sorted by slug."""
    return [r for _, r in sorted(load_readings(directory).items())]


def all_excerpts(directory: Path | str = READINGS_DIR) -> dict[str, Excerpt]:
    """Every excerpt by id, in reading order."""
    return {e.id: e for r in readings(directory) for e in r.excerpts}


def reading(slug: str, directory: Path | str = READINGS_DIR) -> Reading:
    """The reading with this slug (e.g. "leibniz"); an unknown slug names the closest ones."""
    key = _key(slug, "reading slug", "leibniz")
    found = load_readings(directory)
    if key not in found:
        raise _unknown("reading", key, sorted(found))
    return found[key]


def excerpt(excerpt_id: str, directory: Path | str = READINGS_DIR) -> Excerpt:
    """The excerpt with this id (e.g. "leibniz-1"); an unknown id names the closest ones."""
    key = _key(excerpt_id, "excerpt id", "leibniz-1")
    found = all_excerpts(directory)
    if key not in found:
        raise _unknown("excerpt", key, list(found))
    return found[key]


# ---------------------------------------------------------------- display

class Quotation:
    """A cited quotation that Jupyter shows as HTML (everything escaped) and a console as text."""

    def __init__(self, item: Excerpt):
        self.excerpt = item

    def _repr_html_(self) -> str:
        e = self.excerpt
        paragraphs = [p for p in re.split(r"\n\s*\n", e.text) if p.strip()]
        body = "".join(
            '<p style="margin:0 0 0.4em 0">' + "<br>".join(escape(line) for line in p.split("\n")) + "</p>"
            for p in paragraphs
        )
        return (
            f'<figure class="seminar-excerpt" data-excerpt-id="{escape(e.id)}" style="margin:0.6em 0">'
            '<blockquote style="margin:0;padding:0.3em 0.9em;border-left:4px solid #8a6d3b">'
            f"{body}</blockquote>"
            '<figcaption style="margin:0.3em 0 0 1.3em;font-size:0.9em">'
            f"— {escape(e.citation)} <code style=\"white-space:nowrap\">{escape(e.id)}</code></figcaption></figure>"
        )

    def __repr__(self) -> str:
        e = self.excerpt
        lines = []
        for line in e.text.split("\n"):
            lines.extend(textwrap.wrap(line, width=88, initial_indent="  ", subsequent_indent="  ") or [""])
        caption = textwrap.fill(f"— {e.citation} [{e.id}]", width=88,
                                initial_indent="    ", subsequent_indent="      ")
        return "\n".join(lines) + "\n" + caption

    def _repr_pretty_(self, p, cycle) -> None:  # IPython's plain-text display
        p.text(repr(self))


def show(excerpt_id: str, directory: Path | str = READINGS_DIR) -> Quotation:
    """The excerpt as a cited quotation; put ``show("leibniz-1")`` as the last line of a cell."""
    return Quotation(excerpt(excerpt_id, directory))


# ---------------------------------------------------------------- notebooks and catalogue

def ids_in_source(source: str) -> list[str]:
    """Excerpt ids in show("...")/excerpt("...") calls in a piece of code, in order."""
    return [m.group(2).strip().lower() for m in _CALL.finditer(source)]


def ids_in_notebook(path: Path) -> list[str]:
    """Excerpt ids that the code cells of a notebook pass to show() or excerpt()."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReadingFormatError(f"Cannot read notebook {path}: {exc}") from None
    ids: list[str] = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            src = cell.get("source", "")
            ids.extend(ids_in_source("".join(src) if isinstance(src, list) else src))
    return ids


def notebook_uses(root: Path | str = KIT_ROOT) -> dict[str, list[str]]:
    """For every excerpt id used anywhere, the notebooks (paths relative to ``root``) that use it."""
    root = Path(root)
    uses: dict[str, set[str]] = {}
    for folder in NOTEBOOK_DIRS:
        for nb in sorted((root / folder).glob("*.ipynb")):
            for eid in ids_in_notebook(nb):
                uses.setdefault(eid, set()).add(nb.relative_to(root).as_posix())
    return {k: sorted(v) for k, v in sorted(uses.items(), key=lambda item: natural_key(item[0]))}


def natural_key(text: str) -> tuple:
    """Sort key comparing the numbers inside ids as numbers: dispatch-2 before dispatch-10."""
    return tuple(int(part) if part.isdigit() else part
                 for part in re.split(r"(\d+)", str(text)) if part)


def catalogue_rows(root: Path | str = KIT_ROOT) -> list[dict]:
    """One dict per excerpt: the rows of the catalogue."""
    root = Path(root)
    uses = notebook_uses(root)
    rows = []
    for r in readings(root / "readings"):
        for e in r.excerpts:
            used = uses.get(e.id, [])
            rows.append({
                "excerpt_id": e.id, "reading": r.slug, "title": r.title, "kind": r.kind,
                "source": r.source, "rights": r.rights, "words": e.words,
                "lessons": "; ".join(sorted({Path(p).stem for p in used})),
                "notebooks": "; ".join(used),
            })
    return rows


def catalogue(root: Path | str = KIT_ROOT):
    """The catalogue as a pandas DataFrame: one row per excerpt, with the lessons that use it."""
    import pandas as pd

    return pd.DataFrame(catalogue_rows(root), columns=CATALOGUE_COLUMNS)


def lesson_usage(root: Path | str = KIT_ROOT):
    """Which lesson uses which excerpt: one row per excerpt a lesson quotes, one column per
    lesson (its number), "✓" where that lesson's notebook in lessons/ shows the excerpt."""
    import pandas as pd

    root = Path(root)
    lesson_numbers = sorted(p.name[:2] for p in (root / "lessons").glob("[0-9][0-9]-*.ipynb"))
    titles = {e.id: r.title for r in readings(root / "readings") for e in r.excerpts}
    rows = {}
    for eid, used in notebook_uses(root).items():
        numbers = {Path(p).name[:2] for p in used if p.startswith("lessons/")}
        if numbers:
            rows[eid] = {"reading": titles.get(eid, "?"),
                         **{n: "✓" if n in numbers else "" for n in lesson_numbers}}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["reading", *lesson_numbers])
    table.index.name = "excerpt"
    return table


def catalogue_csv(root: Path | str = KIT_ROOT) -> str:
    """The text of readings/catalogue.csv as it should be now."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CATALOGUE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(catalogue_rows(root))
    return buf.getvalue()


def write_catalogue(root: Path | str = KIT_ROOT) -> Path:
    """Regenerate readings/catalogue.csv under ``root``; return its path."""
    path = Path(root) / "readings" / "catalogue.csv"
    path.write_text(catalogue_csv(root), encoding="utf-8")
    return path


# ---------------------------------------------------------------- verbatim comparison

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})


def normalise(text: str) -> str:
    """Text reduced for comparison: NFC, curly quotes made straight, all whitespace one space."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return " ".join(text.split())


def verbatim_problem(quote: str, source_text: str, *, markdown_source: bool = False) -> str | None:
    """None if ``quote`` occurs in ``source_text``, else what is wrong.

    Allowed differences: whitespace, straight against curly quotes, and "…" where words are left
    out (every kept fragment must occur, in order). In a Markdown source, the '>' that marks a
    blockquote line is markup, not text, and is ignored.
    """
    if markdown_source:
        source_text = re.sub(r"(?m)^[ \t]*>[ \t]?", "", source_text)
    haystack = normalise(source_text)
    position = 0
    fragments = [f.strip() for f in normalise(quote).split(ELLIPSIS)]
    fragments = [f for f in fragments if f]
    if not fragments:
        return "the excerpt is empty"
    for fragment in fragments:
        found = haystack.find(fragment, position)
        if found < 0:
            elsewhere = haystack.find(fragment) >= 0
            # find the longest start of the fragment that does occur, to point at the difference
            lo, hi = 0, len(fragment)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if haystack.find(fragment[:mid], position) >= 0:
                    lo = mid
                else:
                    hi = mid - 1
            if elsewhere:
                return f"fragment out of order: {fragment[:60]!r}"
            return (f"not found in the source: {fragment[:70]!r}; it matches up to "
                    f"{fragment[max(0, lo - 30):lo]!r} then differs at {fragment[lo:lo + 30]!r}")
        position = found + len(fragment)
    return None


def check_verbatim(item: Excerpt, shared: Path | str = SHARED_DIR) -> str | None:
    """None if the excerpt occurs verbatim in its source file under ``shared``, else the problem."""
    path = Path(shared) / item.source
    if not path.is_file():
        return f"source file {item.source} not found under {shared}"
    return verbatim_problem(item.text, path.read_text(encoding="utf-8"),
                            markdown_source=path.suffix == ".md")
