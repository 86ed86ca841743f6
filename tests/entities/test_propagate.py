from arabic_entities.entities.propagate import propagate
from arabic_entities.entities.resolve import SpanCandidate


def run(words, candidates, sentences=None):
    starts, position = [], 0
    for w in words:
        starts.append(position)
        position += len(w) + 1
    return propagate(
        words,
        candidates,
        norm_starts=starts,
        norm_ends=[s + len(w) for s, w in zip(starts, words)],
        sentences=sentences or [0] * len(words),
    )


def span(label, words, first, score=0.9):
    return SpanCandidate(
        label=label,
        words=tuple(words),
        norm_start=0,
        norm_end=0,
        sentence=0,
        score=score,
        token_start=first,
        token_end=first + len(words),
    )


def test_surname_and_cliticized_forms_are_found_again():
    words = ["قال", "دونالد", "ترامب", "إن", "ترامب", "ووترامب", "وترامب"]
    found = run(words, [span("PERS", ["دونالد", "ترامب"], 1)])
    assert [(c.words, c.label) for c in found] == [(("ترامب",), "PERS"), (("وترامب",), "PERS")]


def test_multi_word_names_match_whole_and_never_across_sentences():
    words = ["زار", "البيت", "الأبيض", "ثم", "البيت", "الأبيض", "البيت", "الأبيض"]
    found = run(words, [span("ORG", ["البيت", "الأبيض"], 1)], sentences=[0, 0, 0, 0, 0, 0, 0, 1])
    assert [(c.token_start, c.token_end) for c in found] == [(4, 6)]


def test_low_confidence_and_short_names_do_not_spread():
    assert run(["فلان", "فلان"], [span("PERS", ["فلان"], 0, score=0.3)]) == []
    assert run(["سي", "سي"], [span("ORG", ["سي"], 0)]) == []


def test_a_name_never_spreads_onto_a_particle():
    words = ["قال", "علي", "إن", "الأمر", "على", "ما", "يرام", "وإن", "علي", "غائب"]
    found = run(words, [span("PERS", ["علي"], 1)])
    assert [c.token_start for c in found] == []  # علي is also how على is written: only the recognizer decides


def test_a_common_noun_does_not_spread():
    words = ["قال", "أمين", "إن", "الأمين", "العام", "وصل", "آمين"]
    assert run(words, [span("PERS", ["أمين"], 1)]) == []


def test_known_names_from_several_tables_longest_first():
    from arabic_entities.entities.propagate import KnownNames

    words = ["وصل", "إلى", "بنزرت", "ثم", "سيدي", "بوزيد"]
    starts = [0, 4, 8, 14, 17, 22]
    found = propagate(
        words,
        [],
        norm_starts=starts,
        norm_ends=[s + len(w) for s, w in zip(starts, words)],
        sentences=[0] * 6,
        known=[KnownNames({("سيدي",): "PERS"}), KnownNames({("بنزرت",): "LOC", ("سيدي", "بوزيد"): "LOC"})],
    )
    assert [(c.words, c.label) for c in found] == [(("بنزرت",), "LOC"), (("سيدي", "بوزيد"), "LOC")]


def test_a_name_never_spreads_onto_a_word_written_with_another_hamza():
    words = ["قال", "محمد", "أمين", "آمين", "آمين"]
    assert run(words, [span("PERS", ["محمد", "أمين"], 1)]) == []
