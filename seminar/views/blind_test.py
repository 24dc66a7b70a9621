"""The blind test app: the class sends cards and guesses who answered, the rulebook or a person.

A thin front end over :mod:`seminar.models.blind_test`, for the instructor's screen. With a
classmate answering, show ``app.classmate_box`` in a cell of its own, where the class cannot see
it (JupyterLab: right-click the output, "Create New View for Cell Output", and move that view to a
screen the projector does not show). Everything runs in the notebook's kernel.

    app = blind_test_app(seed=7)
    app.card.value = "Are you human?"
    app.send.click()
    app.guess_room.click()
"""
from __future__ import annotations

import warnings

import ipywidgets as widgets

from seminar.models import blind_test as model
from seminar.text import escape
from seminar.views.common import App, guarded, message_html, status_box
from seminar.views.room import ROW, TEXT_BOX, shapes_html, trace_html

_CARD = ("font-size:1.2em;padding:6px 10px;border:1px solid #888;border-radius:4px;"
         "background:#fffdf5;display:inline-block")


def answer_html(round_: model.Round | None) -> str:
    """The answer the class sees: the same box, whoever wrote it."""
    if round_ is None:
        return ""
    if not round_.ready:
        return '<div class="seminar-blind-answer"><i>Waiting for the answer…</i></div>'
    text = shapes_html(round_.shown) if round_.shown else "<i>(a blank card)</i>"
    return (f'<div class="seminar-blind-answer"><b>Answer to card {round_.number}:</b> '
            f'<span style="{_CARD}">{text}</span></div>')


def reveal_html(round_: model.Round) -> str:
    who = "the rulebook" if round_.source == model.ROOM else "a person"
    verdict = "Right" if round_.correct else "Wrong"
    used = ("This is the answer the class saw." if round_.source == model.ROOM else
            "The class saw the person's answer; this is what the rulebook would have said: "
            f"{shapes_html(round_.room.output)}")
    return (f'<div class="seminar-blind-reveal"><p><b>{verdict}:</b> the answer came from '
            f'<b>{who}</b>.</p><p>{used}</p>{trace_html(round_.room)}</div>')


class BlindTestApp(App):
    """The app. Build it with :func:`blind_test_app`."""

    def __init__(self, test: model.BlindTest):
        self.test = test
        self.status = status_box()
        self.card = widgets.Text(placeholder="Type a card, e.g. Are you human?", description="Card in:",
                                 layout=widgets.Layout(**TEXT_BOX))
        self.send = widgets.Button(description="Send", button_style="primary", icon="paper-plane",
                                   tooltip="Pass the card in")
        self.answer = widgets.HTML()
        self.guess_room = widgets.Button(description="Guess: the rulebook", icon="book",
                                         tooltip="The answer came from the rulebook",
                                         layout=widgets.Layout(width="190px"))
        self.guess_human = widgets.Button(description="Guess: a person", icon="user",
                                          tooltip="The answer came from a person",
                                          layout=widgets.Layout(width="190px"))
        self.reveal = widgets.HTML()
        self.score = widgets.HTML()
        self.send.on_click(guarded(self.status)(self._send))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self.card.on_submit(guarded(self.status)(self._send))
        self.guess_room.on_click(guarded(self.status)(lambda _b: self._guess(model.ROOM)))
        self.guess_human.on_click(guarded(self.status)(lambda _b: self._guess(model.HUMAN)))
        # the classmate's box (shown separately, see the module's docstring)
        self.classmate_status = status_box()
        self.classmate_card = widgets.HTML()
        self.classmate_answer = widgets.Text(placeholder="Your answer, as yourself",
                                             description="Answer:", layout=widgets.Layout(**TEXT_BOX))
        self.classmate_send = widgets.Button(description="Send answer", icon="reply",
                                             tooltip="Send your answer to the class's card")
        self.classmate_send.on_click(guarded(self.classmate_status)(self._classmate))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self.classmate_answer.on_submit(guarded(self.classmate_status)(self._classmate))
        self.classmate_box = widgets.VBox([
            widgets.HTML("<b>Classmate's box</b>: answer each card as yourself."),
            self.classmate_card, widgets.HBox([self.classmate_answer, self.classmate_send],
                                              layout=widgets.Layout(**ROW)),
            self.classmate_status], layout=widgets.Layout(max_width="760px"))
        self.classmate_box.add_class("seminar-blind-classmate")
        self._show_score()
        self._set_buttons()
        self.widget = widgets.VBox([
            widgets.HBox([self.card, self.send], layout=widgets.Layout(**ROW)), self.status,
            self.answer, widgets.HBox([self.guess_room, self.guess_human],
                                      layout=widgets.Layout(**ROW)), self.reveal, self.score,
        ], layout=widgets.Layout(max_width="760px"))
        self.widget.add_class("seminar-blind-app")

    def _set_buttons(self) -> None:
        waiting = self.test.current
        can_guess = waiting is not None and waiting.ready
        self.guess_room.disabled = self.guess_human.disabled = not can_guess
        self.send.disabled = waiting is not None
        self.classmate_send.disabled = not (waiting is not None and not waiting.ready)

    def _show_score(self) -> None:
        right, done = self.test.score()
        source = ("a classmate" if self.test.classmate else "a prepared list of answers written by people")
        self.score.value = (f'<div class="seminar-blind-score">Score: {right} right out of {done}. '
                            f'The person is {escape(source)}.</div>')

    def _send(self, _widget=None) -> None:
        round_ = self.test.send(self.card.value)
        self.answer.value = answer_html(round_)
        self.reveal.value = ""
        self.card.value = ""
        if round_.ready:
            self.status.value = message_html("Who wrote this answer? Guess below.", "info")
            self.classmate_card.value = ""
        else:
            self.status.value = message_html("The card has gone in; wait for the answer.", "info")
            self.classmate_card.value = f"<p>Card {round_.number}: {shapes_html(round_.card)}</p>"
        self._set_buttons()

    def _classmate(self, _widget=None) -> None:
        round_ = self.test.answer_as_classmate(self.classmate_answer.value)
        self.classmate_answer.value = ""
        self.classmate_card.value = ""
        self.classmate_status.value = message_html("Sent. Wait for the next card.", "ok")
        self.answer.value = answer_html(round_)
        self.status.value = message_html("Who wrote this answer? Guess below.", "info")
        self._set_buttons()

    def _guess(self, who: str) -> None:
        round_ = self.test.guess(who)
        self.reveal.value = reveal_html(round_)
        self.status.value = message_html("Revealed. Send the next card when you are ready.", "ok")
        self._show_score()
        self._set_buttons()


def blind_test_app(*, classmate: bool = False, human_answers=model.HUMAN_ANSWERS, seed: int = 0,
                   rulebook=None) -> BlindTestApp:
    """The blind test, with the kit's English rulebook and prepared answers unless others are given."""
    return BlindTestApp(model.BlindTest(rulebook, human_answers=human_answers, classmate=classmate,
                                        seed=seed))
