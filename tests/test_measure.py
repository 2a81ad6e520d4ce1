"""Text measurement (publish/measure.py): the pieces a line may not be broken inside, found by one regular
expression, against the rule written out character by character; line counts and widths from them."""

from __future__ import annotations

import random

from delegation_lists.publish.measure import LATIN_EM, NO_END, NO_START, breaks, char_em, longest_piece, text_pt, wrapped


def rule_breaks(text: str, size: float) -> list[list[float]]:
    """The rule as the module's docstring says it: a line breaks anywhere between Chinese characters, not before
    closing punctuation, not after opening punctuation, not inside a run of Latin letters and digits (but after
    a hyphen or a slash)."""
    def latin(ch: str) -> bool:
        return ch < "\u2000" and not ch.isspace()

    pieces: list[list[float]] = []
    prev = ""
    for ch in text:
        w = char_em(ch) * size
        if pieces and (ch in NO_START or prev in NO_END or (latin(ch) and latin(prev) and prev not in "-/")):
            pieces[-1].append(w)
        else:
            pieces.append([w])
        prev = ch
    return pieces


def test_pieces_follow_the_rule_on_random_text():
    rng = random.Random(15)
    alphabet = [chr(c) for c in range(0x3100)] + list("".join(NO_START | NO_END) + "-/ \u3000中文法律") * 40
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 50)))
        for size in (10.0, 14.0):
            pieces = rule_breaks(text, size)
            assert breaks(text, size) == pieces, repr(text)
            lines = text.split("\n")
            assert longest_piece(text, size) == max((sum(p) for line in lines for p in rule_breaks(line, size)), default=0.0)


def test_widths_and_lines():
    assert text_pt("行政许可", 10) == 40.0 and text_pt("ab1", 10) == 3 * LATIN_EM * 10
    assert text_pt("𠀀é中", 10) == (2 + LATIN_EM) * 10  # (é is below U+2000: a Latin letter's width)
    assert [len(p) for p in breaks("（一）依法", 10)] == [3, 1, 1]  # 「（一）」 cannot be parted
    assert wrapped("对违反规定的行为进行处罚", 60.0, 10) == 2
    assert wrapped("511A0004200009-511602000000", 60.0, 10) == 4  # a run longer than a line breaks anywhere
    assert wrapped("第一行\n第二行", 100.0, 10) == 2
    assert longest_piece("（一）依法", 10) == 30.0
