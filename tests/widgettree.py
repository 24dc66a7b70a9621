"""Helpers for tests that drive the kit's apps in Python, without a browser."""
import ipywidgets as widgets


def html_values(widget):
    """Every HTML string the app shows, walking the widget tree."""
    out = []
    if isinstance(widget, (widgets.HTML, widgets.HTMLMath)):
        out.append(widget.value)
    for child in getattr(widget, "children", ()):
        out.extend(html_values(child))
    return out


def fixed_widths(widget):
    """Every fixed width in pixels (layout.width "NNNpx") set anywhere in the widget tree."""
    out = []
    layout = getattr(widget, "layout", None)
    width = getattr(layout, "width", None) or ""
    if isinstance(width, str) and width.endswith("px"):
        out.append(float(width[:-2]))
    for child in getattr(widget, "children", ()):
        out.extend(fixed_widths(child))
    return out
