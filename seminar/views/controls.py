"""Accessible controls for the apps: a slider, a drop-down list and an on/off button.

ipywidgets' own slider draws a handle with no accessible name and no readable value, and
its drop-down lets the arrow keys move JupyterLab's cell cursor. These controls are small
anywidget front ends over native HTML elements, so the browser does the hard part:

- :class:`Slider`: an ``<input type="range">`` with a ``<label>`` tied to it, an
  ``aria-valuetext`` in plain words ("2.27 million", not an exponent), a visible readout,
  a linear or a logarithmic scale, and the keyboard (arrows, Page Up/Down, Home, End);
- :class:`Dropdown`: a ``<select>`` with its ``<label>``;
- :class:`Toggle`: a ``<button>`` with ``aria-pressed``.

Each sits in an element marked ``data-lm-suppress-shortcuts``, so keys pressed in it reach
the control and never JupyterLab's notebook shortcuts. Label and control wrap onto two
lines when the column is narrow (800 px, or 200 % zoom), never forcing a sideways scroll.

They behave like ipywidgets' controls from Python: ``.value``, ``.observe(f, names="value")``,
``.disabled``, ``.description`` (the label), ``.layout`` and ``add_class``.
"""
from __future__ import annotations

import math
from numbers import Real
from typing import Callable

import anywidget
import traitlets

from seminar.text import plain_number

_CSS = """
.seminar-control { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 10px;
  margin: 3px 0; max-width: 100%; box-sizing: border-box; font-size: var(--jp-ui-font-size1, 13px); }
.seminar-control label { flex: 0 1 14em; min-width: 8em; color: var(--jp-ui-font-color1, #111); }
.seminar-control input[type=range] { flex: 1 1 12em; min-width: 8em; max-width: 26em; margin: 0; }
.seminar-control output { flex: 0 1 auto; min-width: 6em; font-variant-numeric: tabular-nums; }
.seminar-control select { flex: 0 1 auto; max-width: 100%; min-width: 8em; font: inherit;
  padding: 2px 4px; }
.seminar-control button { font: inherit; padding: 3px 10px; border: 1px solid #555;
  border-radius: 3px; background: #f4f4f4; color: #111; cursor: pointer; }
.seminar-control button[aria-pressed=true] { background: #1f4e79; color: #fff; }
.seminar-control button[aria-pressed=true]::before { content: "\\2714\\00a0"; }
.seminar-control :focus-visible { outline: 2px solid #005fcc; outline-offset: 2px; }
.seminar-control [disabled] { opacity: 0.55; cursor: not-allowed; }
"""

_SHARED_JS = """
function box(el, cls) {
  el.classList.add("seminar-control", cls);
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  // keys typed here belong to the control, not to the notebook around it
  el.addEventListener("keydown", (e) => e.stopPropagation());
  // an id unique in the page, whatever number of copies of this module are loaded
  return "seminar-control-" + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
}
"""

_SLIDER_JS = _SHARED_JS + """
function render({ model, el }) {
  const id = box(el, "seminar-slider");
  const label = document.createElement("label");
  const input = document.createElement("input");
  const out = document.createElement("output");
  input.type = "range"; input.id = id; label.htmlFor = id; out.htmlFor = id;
  out.setAttribute("aria-hidden", "true");  // the value is read out through aria-valuetext
  el.append(label, input, out);
  const log = () => model.get("scale") === "log";
  const toPos = (v) => log() ? Math.log10(v) : v;
  const draw = () => {
    label.textContent = model.get("description");
    input.min = toPos(model.get("min")); input.max = toPos(model.get("max"));
    input.step = model.get("step") > 0 ? model.get("step") : "any";
    input.value = toPos(model.get("value"));
    input.disabled = model.get("disabled");
    input.setAttribute("aria-valuetext", model.get("readout"));
    out.textContent = model.get("readout");
  };
  const send = () => {
    const p = parseFloat(input.value);
    model.set("value", log() ? Math.pow(10, p) : p);
    model.save_changes();
  };
  input.addEventListener("input", () => { if (model.get("continuous_update")) send(); });
  input.addEventListener("change", send);
  model.on("change", draw);
  draw();
}
export default { render };
"""

_DROPDOWN_JS = _SHARED_JS + """
function render({ model, el }) {
  const id = box(el, "seminar-dropdown");
  const label = document.createElement("label");
  const select = document.createElement("select");
  select.id = id; label.htmlFor = id;
  el.append(label, select);
  const draw = () => {
    label.textContent = model.get("description");
    const labels = model.get("labels");
    if (select.options.length !== labels.length ||
        [...select.options].some((o, i) => o.textContent !== labels[i])) {
      select.replaceChildren(...labels.map((text, i) => {
        const o = document.createElement("option"); o.value = String(i); o.textContent = text; return o;
      }));
    }
    select.value = String(model.get("index"));
    select.disabled = model.get("disabled");
  };
  select.addEventListener("change", () => {
    model.set("index", parseInt(select.value, 10)); model.save_changes();
  });
  model.on("change", draw);
  draw();
}
export default { render };
"""

_TOGGLE_JS = _SHARED_JS + """
function render({ model, el }) {
  box(el, "seminar-toggle");
  const button = document.createElement("button");
  button.type = "button";
  el.append(button);
  const draw = () => {
    button.textContent = model.get("description");
    button.setAttribute("aria-pressed", model.get("value") ? "true" : "false");
    button.disabled = model.get("disabled");
    const tip = model.get("tooltip");
    if (tip) button.title = tip; else button.removeAttribute("title");
  };
  button.addEventListener("click", () => { model.set("value", !model.get("value")); model.save_changes(); });
  model.on("change", draw);
  draw();
}
export default { render };
"""


def _finite(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{what} must be a number, not {type(value).__name__}.")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"{what} is too large.") from None
    if not math.isfinite(number):
        raise ValueError(f"{what} must be a finite number.")
    return number


class Slider(anywidget.AnyWidget):
    """A labelled slider whose value a screen reader reads in plain words.

    ``scale="log"`` spreads ``min``..``max`` evenly in powers of ten; ``step`` is then in
    powers of ten (0.01 moves by about 2.3 %). ``readout`` turns a value into the words shown
    and read out (default: :func:`seminar.text.plain_number`); ``integer=True`` rounds values.
    """
    _esm = _SLIDER_JS
    _css = _CSS
    value = traitlets.Float(0.0).tag(sync=True)
    min = traitlets.Float(0.0).tag(sync=True)
    max = traitlets.Float(1.0).tag(sync=True)
    step = traitlets.Float(0.01).tag(sync=True)
    scale = traitlets.Unicode("linear").tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    readout = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    continuous_update = traitlets.Bool(True).tag(sync=True)

    def __init__(self, value, *, min, max, description: str, step: float = 0.01,
                 scale: str = "linear", integer: bool = False,
                 readout: Callable[[float], str] | None = None, **kwargs):
        lo, hi = _finite(min, "min"), _finite(max, "max")
        if not lo < hi:
            raise ValueError("min must be smaller than max.")
        if scale not in ("linear", "log"):
            raise ValueError('scale must be "linear" or "log".')
        if scale == "log" and lo <= 0:
            raise ValueError("A log-scale slider needs min above zero.")
        if not description.strip():
            raise ValueError("Every slider needs a description (its visible, spoken label).")
        self._integer = integer
        self._format = readout or (lambda v: plain_number(v))
        super().__init__(min=lo, max=hi, step=_finite(step, "step"), scale=scale,
                         description=description, **kwargs)
        self.value = self._clamp(_finite(value, "value"))
        self._write_readout()
        self.observe(self._on_value, names="value")

    def _clamp(self, value: float) -> float:
        value = max(self.min, min(self.max, value))
        return float(round(value)) if self._integer else value

    @traitlets.validate("value")
    def _valid_value(self, proposal):
        value = proposal["value"]
        if not math.isfinite(value):
            return self.value
        return self._clamp(value)

    def _on_value(self, change) -> None:
        self._write_readout()

    def _write_readout(self) -> None:
        self.readout = self._format(int(self.value) if self._integer else self.value)


class Dropdown(anywidget.AnyWidget):
    """A labelled drop-down list. ``options`` is a list of labels or of (label, value) pairs."""
    _esm = _DROPDOWN_JS
    _css = _CSS
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    index = traitlets.Int(0).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    value = traitlets.Any()

    def __init__(self, options, *, description: str, value=None, **kwargs):
        pairs = [(str(o[0]), o[1]) if isinstance(o, tuple) else (str(o), o) for o in options]
        if not pairs:
            raise ValueError("A drop-down list needs at least one option.")
        if not description.strip():
            raise ValueError("Every drop-down list needs a description (its label).")
        self._values = [v for _, v in pairs]
        super().__init__(labels=[label for label, _ in pairs], description=description, **kwargs)
        start = self._values.index(value) if value is not None and value in self._values else 0
        self.index = start
        self.value = self._values[start]
        self.observe(self._on_index, names="index")
        self.observe(self._on_value, names="value")

    @property
    def options(self) -> list:
        return list(zip(self.labels, self._values))

    def _on_index(self, change) -> None:
        if 0 <= change["new"] < len(self._values):
            self.value = self._values[change["new"]]
        else:
            self.index = change["old"]

    def _on_value(self, change) -> None:
        if change["new"] in self._values:
            index = self._values.index(change["new"])
            if index != self.index:
                self.index = index
        else:
            self.value = change["old"]


class Toggle(anywidget.AnyWidget):
    """An on/off button that says its state (``aria-pressed``) and shows a tick when on."""
    _esm = _TOGGLE_JS
    _css = _CSS
    value = traitlets.Bool(False).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(self, value: bool = False, *, description: str, **kwargs):
        if not description.strip():
            raise ValueError("Every button needs a description (its visible, spoken name).")
        super().__init__(value=bool(value), description=description, **kwargs)
