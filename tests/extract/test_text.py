from detente.extract.page.sentences import split_sentences


def test_sentences_keep_offsets_into_the_text():
    text = (
        "Headline Without Stop\n\nGen. Asim Munir met the minister. They agreed to cooperate on security.\n"
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Gen. Asim Munir met the minister.",
        "They agreed to cooperate on security.",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_page_furniture_is_dropped():
    text = (
        "Share on Facebook | Share on X | Copy link\n"
        "• Pakistan will continue sharing expertise, says minister.\n"
        "The ministers met in Rome on Monday to review the defence accord.\n"
        "Photo of the two ministers meeting in the capital city. — Reuters\n"
        "Related story line\n"
        "Related story line\n"
    )
    assert [s.text for s in split_sentences(text)] == [
        "The ministers met in Rome on Monday to review the defence accord."
    ]


def test_each_line_is_its_own_paragraph():
    text = "The ministers met in Rome on Monday.\nThe chiefs held talks in Paris on Friday."
    first, second = split_sentences(text)
    assert first.paragraph != second.paragraph


def test_a_long_paragraph_without_final_stop_is_still_body():
    text = (
        "On March 30, the foreign minister held talks with his counterpart in the capital. "
        "The two discussed the ways to develop bilateral cooperation"
    )
    assert len(split_sentences(text)) == 2
