"""Self-checks of exercise 01-letters: a template, a share counted by hand, a pandas comparison.

Expected values are computed here from the model and the kit's data (the invented example
customers and the "anniversary" template, seed 0), never typed in, so they follow the data.
The checks keep their own copy of the Q2 letter, so editing the notebook's copy changes nothing.
"""
from seminar.classroom.checks import Exact, Number, Predicate
from seminar.models.letters import (Template, as_template, check_nuggets, compare, compose,
                             example_customers, template)
from seminar.text import InputError

_CUSTOMERS = example_customers()

#: Q1: Bilal's nuggets (all of them, and no others) and at least this much stock text.
Q1_CUSTOMER = "Bilal"
Q1_MIN_STOCK_WORDS = 10

#: Q2: the letter counted by hand.
Q2_TEMPLATE = "Dear {beloved},\nI still laugh about {memory}, and at {beloved}'s face.\nLove, {sender}"
Q2_CUSTOMER = "Dorota"
Q2_SHARE = compose(Q2_TEMPLATE, _CUSTOMERS.loc[Q2_CUSTOMER]).own_share("words")

#: Q3 and Q4: the kit's anniversary template for every example customer, seed 0.
_TABLE = compare(template("anniversary"), _CUSTOMERS, seed=0)
Q3_MOST_OWN = str(_TABLE["own_share_words"].idxmax())
Q4_MEAN_CHARS = float(_TABLE.loc[_TABLE["missing"] == "", "own_share_chars"].mean())


def _braces(names) -> str:
    return ", ".join("{" + n + "}" for n in names)


def uses_all_nuggets(answer):
    """True if ``answer`` is a template using every nugget Q1's customer sent and no other,
    with at least one choice and some stock text; else a specific hint."""
    if not isinstance(answer, (str, Template)):
        return (f"Not yet: my_template should be text (a str in quotes), not "
                f"{type(answer).__name__}.")
    try:
        tpl = as_template(answer)
    except InputError as exc:
        return f"Not yet: the writer cannot read your template. {exc}"
    sent = list(check_nuggets(_CUSTOMERS.loc[Q1_CUSTOMER]))
    extra = [n for n in tpl.nuggets if n not in sent]
    if extra:
        return (f"Not yet: {Q1_CUSTOMER} sent no {_braces(extra)}. Use only the nuggets he sent "
                f"(their names are in the table above).")
    absent = [n for n in sent if n not in tpl.nuggets]
    if absent:
        return f"Not yet: your template does not use {_braces(absent)} yet."
    if tpl.choices < 1:
        return "Not yet: add at least one choice among stock phrases, such as [Dear|Dearest]."
    letter = compose(tpl, _CUSTOMERS.loc[Q1_CUSTOMER], customer=Q1_CUSTOMER)
    if letter.counts()["stock_words"] < Q1_MIN_STOCK_WORDS:
        return (f"Not yet: the writer must write something too: at least {Q1_MIN_STOCK_WORDS} "
                "words of stock text around the nuggets.")
    return True


CHECKS = {
    "q1": Predicate(test=uses_all_nuggets,
                    hint="Not yet: write a template as text that uses every nugget Bilal sent."),
    "q2": Number(expected=Q2_SHARE, rel_tol=0.005,
                 hint="Not yet: list the words one by one and mark each as the customer's or "
                      "the writer's. Read the rule for a word that starts in a nugget and ends "
                      "in the stock text again."),
    "q3": Exact(expected=Q3_MOST_OWN,
                hint="Not yet: find the row with the largest own_share_words (sort_values or "
                     "idxmax) and give the customer's name as text."),
    "q4": Number(expected=Q4_MEAN_CHARS, rel_tol=0.005,
                 hint="Not yet: keep only the rows whose missing column is empty text, then take "
                      "the mean of own_share_chars."),
}
