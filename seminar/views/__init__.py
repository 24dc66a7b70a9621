"""Thin ipywidgets front ends over the kit's models. No model logic lives here."""
