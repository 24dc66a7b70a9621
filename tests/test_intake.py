"""intake.read_notebook: any JSON becomes a tidy notebook or a reason in plain words."""
import json

import pytest

from seminar.instructor import intake


def nb(cells, **extra):
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells,
                       **extra}).encode()


def code(**fields):
    return {"cell_type": "code", "source": "x = 1", "metadata": {}, "outputs": [],
            "execution_count": None, "id": "c1", **fields}


@pytest.mark.parametrize("data, words", [
    (nb([1]), "cell 1 is not a cell"),
    (nb([code(), "text"]), "cell 2 is not a cell"),
    (nb([code(source=5)]), "cell 1 has no text"),
    (nb([code(source=["a", None])]), "cell 1 has no text"),
    (nb([code(cell_type=None)]), "cell 1 has no type"),
    (nb("cells"), "no list of cells"),
])
def test_a_broken_notebook_gets_a_plain_reason(data, words):
    got, why = intake.read_notebook(data)
    assert got is None and words in why


def test_odd_fields_are_tidied():
    data = nb([code(id=["x"], metadata=[], source=["a = 1\n", "b = 2"], outputs={"x": 1}),
               code(id=7, attachments=[1])], metadata=["m"])
    got, why = intake.read_notebook(data)
    assert why == ""
    assert got.metadata == {} and got.cells[0].metadata == {}
    assert "id" not in got.cells[0] and "id" not in got.cells[1]
    assert got.cells[0].source == "a = 1\nb = 2"
    assert got.cells[0].outputs == []


def test_a_good_notebook_keeps_its_ids_and_text():
    got, why = intake.read_notebook(nb([code(id="cell-03", source=["a\n", "b"])]))
    assert why == "" and got.cells[0].id == "cell-03" and got.cells[0].source == "a\nb"
