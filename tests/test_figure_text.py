"""Every app figure keeps its text at least 10 CSS px when the notebook column is narrow.

An app's picture shrinks with its column (800 px window, or 200 % zoom at 683x450) until
its ``min-width``; below that it scrolls sideways. So the smallest text of each figure, shown
at that min-width, must measure at least MIN_TEXT_PX: a point is 1/72 inch, and a figure
``w`` inches wide shown ``m`` px wide shows ``pt`` points as ``pt / 72 * m / w`` px.
"""
import io
import math
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from seminar.views.common import FIGURE_MIN_WIDTH, figure_html  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


# ---- the measure (only tests need it): a drawn figure's smallest text at a shown width
#: The smallest text a figure may show, in CSS pixels, at its narrowest.
MIN_TEXT_PX = 10.0


def smallest_text_pt(fig) -> float:
    """The size in points of the smallest visible text in a drawn matplotlib Figure.

    Call it after the figure is drawn (``png_of``): tick labels exist only then.
    """
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip() and t.get_figure() is not None]
    if not sizes:
        raise ValueError("The figure has no text to measure.")
    return min(sizes)


def text_px_at(fig, shown_width: float) -> float:
    """Height in CSS px of the figure's smallest text when the picture is ``shown_width`` px wide.

    A point is 1/72 inch whatever the dpi: shown ``shown_width`` px wide, a figure
    ``w`` inches wide shows ``pt`` points as ``pt / 72 * shown_width / w`` px.
    """
    return smallest_text_pt(fig) / 72 * shown_width / fig.get_figwidth()


def readable_min_width(fig, floor: int = FIGURE_MIN_WIDTH) -> int:
    """The narrowest a drawn figure may be shown with its text >= ``MIN_TEXT_PX``, never less
    than ``floor`` (narrower than that, it scrolls sideways rather than shrink)."""
    need = MIN_TEXT_PX * 72 * fig.get_figwidth() / smallest_text_pt(fig)
    return max(int(floor), math.ceil(need))


def _duration():
    from seminar.views.duration import duration_app
    app = duration_app()
    return app.fig, app.plot.value


def _attention():
    from seminar.views.attention import attention_app
    app = attention_app()
    return app.fig, app.image.value


def _community():
    from seminar.views.community import community_app
    app = community_app()
    return app.fig, app.image.value


def _companion():
    from seminar.views.companion import companion_app
    app = companion_app()
    app.apply(engagement=0, people=10, words=10, growth=10)
    return app.fig, app.figure.value


def _poll():
    from seminar.views.poll import class_view, spread_plot
    view = class_view()
    return spread_plot(view.result.table), view.plot.value


def _letters():
    from seminar.views.letters import chart_plot, letters_app
    app = letters_app()
    app._compare()
    fig = chart_plot(app.last_table)
    fig.savefig(io.BytesIO(), format="png")  # draws it: the tick labels exist only then
    return fig, app.chart.value


#: view module -> how to build its app's figure and the HTML the app shows it in.
APP_FIGURES = {"duration": _duration, "attention": _attention, "community": _community,
               "companion": _companion, "poll": _poll, "letters": _letters}


def test_every_view_that_shows_a_figure_is_measured_here():
    views = ROOT / "seminar" / "views"
    showing = {p.stem for p in views.glob("*.py")
               if p.stem != "common" and re.search(r"\bfigure_html\(", p.read_text())}
    assert showing == set(APP_FIGURES), "add the new app's figure to APP_FIGURES"


@pytest.mark.parametrize("name", sorted(APP_FIGURES))
def test_app_figure_text_is_at_least_10_css_px_at_its_narrowest(name):
    fig, html = APP_FIGURES[name]()
    floor = re.search(r"min-width:\s*(\d+)px", html)
    assert floor, f"{name}: the figure has no min-width, so it shrinks without limit"
    narrowest = int(floor.group(1))
    assert narrowest <= 600, f"{name}: min-width {narrowest} px is wider than a narrow column"
    px = text_px_at(fig, narrowest)
    assert px >= MIN_TEXT_PX, (f"{name}: smallest text {smallest_text_pt(fig)} pt is "
                               f"{px:.1f} px when shown {narrowest} px wide")
    assert readable_min_width(fig) <= narrowest


def test_the_measure_catches_small_text_and_a_missing_floor():
    from matplotlib.figure import Figure
    fig = Figure(figsize=(7.6, 4), dpi=100)
    ax = fig.subplots()
    ax.text(0.5, 0.5, "small", fontsize=8)
    fig.savefig(io.BytesIO(), format="png")
    assert smallest_text_pt(fig) == 8
    assert text_px_at(fig, 560) < MIN_TEXT_PX  # 8 / 72 * 560 / 7.6 = 8.2 px
    assert readable_min_width(fig) == 684      # the width at which 8 pt is 10 px
    assert "min-width" not in figure_html(b"png", "words")
    assert "min-width:560px" in figure_html(b"png", "words", min_width=560)
    with pytest.raises(ValueError, match="no text"):
        smallest_text_pt(Figure())
