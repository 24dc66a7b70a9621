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
