"""The time lexicon's helpers."""


def test_time_lexicon_weekdays_named():
    from newsweave.time.lexicon import weekdays_named

    assert weekdays_named("early Sunday") == {6}
    assert weekdays_named("Sunday’s attack and Monday evening") == {6, 0}
    assert weekdays_named("last month") == set()
