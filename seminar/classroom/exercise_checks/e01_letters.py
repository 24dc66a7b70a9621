"""Self-checks of exercise 01-letters: a template, words counted by hand, a table read, a choice.

The core (q1 to q5) is a template written as text, two counts, a name read off the table
and a letter; q11 ("Going further", optional) asks for the pandas filter and mean.

Expected values are computed here from the model and the kit's data (the invented example
customers and the "anniversary" template, seed 0), never typed in, so they follow the data.
The checks keep their own copy of the Q2 letter, so editing the notebook's copy changes nothing.
"""
from seminar.classroom.checks import Choice, Exact, Number, Predicate
from seminar.models.letters import (Template, as_template, check_nuggets, compare, compose,
                             example_customers, template)
from seminar.text import InputError

_CUSTOMERS = example_customers()

#: Q1: Bilal's nuggets (all of them, and no others) and at least this much stock text.
Q1_CUSTOMER = "Bilal"
Q1_MIN_STOCK_WORDS = 10

#: Q2 and Q3: the letter counted by hand.
Q2_TEMPLATE = "Dear {beloved},\nI still laugh about {memory}, and at {beloved}'s face.\nLove, {sender}"
Q2_CUSTOMER = "Dorota"
_COUNTS = compose(Q2_TEMPLATE, _CUSTOMERS.loc[Q2_CUSTOMER]).counts()
Q2_OWN_WORDS = int(_COUNTS["own_words"])
Q3_STOCK_WORDS = int(_COUNTS["stock_words"])

#: Q4 and Q11: the kit's anniversary template for every example customer, seed 0.
_TABLE = compare(template("anniversary"), _CUSTOMERS, seed=0)
Q4_MOST_OWN = str(_TABLE["own_share_words"].idxmax())
Q11_MEAN_CHARS = float(_TABLE.loc[_TABLE["missing"] == "", "own_share_chars"].mean())


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
    "q1": Predicate(test=uses_all_nuggets, expects="text",
                    hint="Not yet: write a template as text that uses every nugget Bilal sent."),
    "q2": Number(expected=Q2_OWN_WORDS, rel_tol=0,
                 hint="Not yet: list the words one by one and mark each as Dorota's or the "
                      "writer's. A nugget of several words counts every word; a word that starts "
                      "in a nugget and ends in the stock text belongs to its first character."),
    "q3": Number(expected=Q3_STOCK_WORDS, rel_tol=0,
                 hint="Not yet: count the writer's words: the greeting, the words around the "
                      "nuggets and the closing. Punctuation is not a word; a word that starts in "
                      "a nugget is not the writer's."),
    "q4": Exact(expected=Q4_MOST_OWN,
                hint="Not yet: look down the column \"own share by words\" for its largest value, and "
                     "give the customer's name on that row, in quotes."),
    "q5": Choice("B", {
        "A": "that is the question of Q8, not what the count measures: the telegram template "
             "has the largest share and is the poorest letter.",
        "B": "",
        "C": "the count looks only at where each word came from; a writer who knew nothing "
             "about the customer would get the same share from the same template.",
        "D": "the count never looks at a reader; the same share can move one reader and bore another.",
    }, hint="Not yet: what does the count look at, word by word?"),
    "q11": Number(expected=Q11_MEAN_CHARS, rel_tol=0.005,
                  hint="Not yet: keep only the rows whose missing column is empty text, then take "
                       "the mean of own_share_chars."),
}

#: "Going further (optional, for those who code)".
OPTIONAL = {"q11"}
