from parallax.extract.lines import page_lines


def test_sentence_split_by_inline_elements_is_made_whole():
    # What get_text("\n") makes of
    # <p>Rescue teams pulled <a>three survivors</a> from the rubble overnight<em>, state media reported.</em></p>
    text = "Rescue teams pulled\nthree survivors\nfrom the rubble overnight\n, state media reported.\nThe search goes on."
    assert page_lines(text) == [
        "Rescue teams pulled three survivors from the rubble overnight, state media reported.",
        "The search goes on.",
    ]


def test_lower_case_after_a_comma_continues():
    assert page_lines("The storm hit the coast,\nkilling at least 12 people.") == [
        "The storm hit the coast, killing at least 12 people."
    ]


def test_link_lists_and_tags_stay_apart():
    menu = "Share\nfacebook\nlinkedin\ntwitter\nemail\nprint"
    assert page_lines(menu) == menu.split("\n")
    tags = "The Best Sheets Are Only $25\namazon.com Digg Picks"
    assert page_lines(tags) == tags.split("\n")


def test_a_heading_in_capitals_keeps_apart_from_a_byline_in_lower_case():
    # A blog's headline printed in capitals over its byline: no sentence broken by a link.
    text = "HOMEMADE SPICED HONEY PEAR JAM FOR THE HOLIDAYS\nwritten by Regan"
    assert page_lines(text) == text.split("\n")
    # A sentence in mixed case goes on as before.
    assert page_lines("The Navy captured TWENTY PIRATES\nin the Gulf of Aden on Saturday.") == [
        "The Navy captured TWENTY PIRATES in the Gulf of Aden on Saturday."
    ]


def test_a_finished_sentence_or_a_blank_line_ends_the_line():
    assert page_lines("He left the room.\nthen the lights went out") == ["He left the room.", "then the lights went out"]
    assert page_lines("the first paragraph ends here without a stop\n\nand a new one starts") == [
        "the first paragraph ends here without a stop", "and a new one starts"
    ]


def test_a_linked_name_inside_a_sentence_joins_it_a_name_alone_does_not():
    # <p>As a defense, the Browns had 11 hits on <a>Mason Rudolph</a> (well, 12 if you count the helmet hit).</p>
    text = "As a defense, the Browns had 11 hits on\nMason Rudolph\n(well, 12 if you count the helmet hit)."
    assert page_lines(text) == ["As a defense, the Browns had 11 hits on Mason Rudolph (well, 12 if you count the helmet hit)."]
    menu = "Stories we are reading about\nMason Rudolph\nMyles Garrett"
    assert page_lines(menu) == menu.split("\n")


def test_a_drop_cap_rejoins_its_word():
    # A browser's text of <p><span class="drop-cap">H</span>ong Kong is burning.</p>
    assert page_lines("H\nong Kong is burning. The authorities pour fuel on it.") == [
        "Hong Kong is burning. The authorities pour fuel on it."
    ]
    assert page_lines("“A\nnd then,” she said, “it was gone.”") == ["“And then,” she said, “it was gone.”"]
    # A space kept after the letter is a word's end: "A" / " man" is "A man".
    assert page_lines("A\n man was arrested on Friday.") == ["A man was arrested on Friday."]
    # A letter heading a list (an index of names) is no drop cap.
    assert page_lines("B\nBaker, Tom\nBrown, Ann") == ["B", "Baker, Tom", "Brown, Ann"]


def test_an_icons_name_or_a_template_field_opening_a_line_is_left_out():
    # Icon fonts print their icons' names; a failed template prints its field's. Neither is text:
    # kept, they joined the headline above as a sentence's lower-case continuation.
    text = ("Introducing Our New Chief Executive Officer\nchevron_left Browse All Posts\n\n"
            "Today's Paper Obits Puzzles\nstory.lead_photo.caption The two leaders shake hands in Helsinki.")
    assert page_lines(text) == [
        "Introducing Our New Chief Executive Officer", "Browse All Posts",
        "Today's Paper Obits Puzzles", "The two leaders shake hands in Helsinki.",
    ]
    # Words joined by underscores inside a line are the text's own ("the snake_case name").
    assert page_lines("Python code names variables in snake_case as in max_value here.") == [
        "Python code names variables in snake_case as in max_value here."]
    # ... and so is a commenter's name alone on its line, which tells a comment thread.
    assert page_lines("Comments (2)\nold_stevedore\nThey never inspect the cranes.") == [
        "Comments (2)", "old_stevedore", "They never inspect the cranes."]


def test_non_ascii_spaces_are_spaces_and_invisible_marks_go():
    # What a page's &nbsp;, &thinsp;, &shy; and zero-width spaces leave in its scraped text.
    text = "Angela\u202fMerkel met Vladimir\u2009Putin in\u00a0Berlin.\n\u200bThe Bundes\u00adregierung\u2060 said\ufeff so."
    assert page_lines(text) == ["Angela Merkel met Vladimir Putin in Berlin.", "The Bundesregierung said so."]
    assert page_lines("Emoji stay whole: \U0001F468\u200d\U0001F469\u200d\U0001F467") == ["Emoji stay whole: \U0001F468\u200d\U0001F469\u200d\U0001F467"]


def test_any_line_break_parts_lines():
    lines = ["Storm hits the coast", "", "Rescue teams pulled three survivors from the rubble."]
    for newline in ("\n", "\r\n", "\r", "\u2028"):
        assert page_lines(newline.join(lines)) == [lines[0], lines[2]]


def test_a_bracket_alone_opens_the_next_node():
    # get_text("\n") of <p><strong>[</strong><a><strong>Engadget</strong></a><strong>]</strong></p>
    assert page_lines("Stadia delivers.\n[\nEngadget\n]\nStadia isn't a console.") == [
        "Stadia delivers.", "[Engadget]", "Stadia isn't a console."
    ]
    assert page_lines("(\nGetty Images\n)") == ["(Getty Images)"]


def test_an_embedded_posts_date_rejoins_its_author():
    # An embedded tweet's signature as text nodes: the date is a link of its own.
    text = "Yes this is real:\n— Dianna E. Anderson (@diannaeanderson)\nNovember 18, 2019\nSo many people were talking."
    assert page_lines(text) == [
        "Yes this is real:", "— Dianna E. Anderson (@diannaeanderson) November 18, 2019", "So many people were talking."
    ]
    # A date under any other line stays on its own.
    assert page_lines("By Jane Doe\nNovember 18, 2019") == ["By Jane Doe", "November 18, 2019"]


def test_a_word_in_lower_case_joins_when_the_sentence_ends_with_it_or_goes_on_under_it():
    # "… told Gizmodo via <a>email</a>." as text nodes; a menu's words have no full stop under them.
    assert page_lines("Dempsey told Gizmodo via\nemail\n.") == ["Dempsey told Gizmodo via email."]
    # A paragraph's last word a text browser wrapped onto a line of its own ends the sentence.
    assert page_lines("David Garcia finished second in the 50 yard\nfreestyle.\n\nThe relay won.") == [
        "David Garcia finished second in the 50 yard freestyle.", "The relay won."
    ]
    # ... or when it goes on under it in lower case: "NASA has" / "committed" / "to that timeline."
    assert page_lines("Only one company has\ncommitted\nto that timeline.") == ["Only one company has committed to that timeline."]
    menu = "Share this article\nfacebook\ntwitter\nemail"
    assert page_lines(menu) == menu.split("\n")


def test_an_opening_quote_mark_ends_no_line():
    # '… has been dubbed “<a>bird fancier’s lung</a>.”'
    assert page_lines("which has been dubbed “\nbird fancier’s lung.\n”") == ["which has been dubbed “bird fancier’s lung.”"]


def test_a_quotation_closed_after_a_comma_goes_on_with_its_attribution():
    assert page_lines("“It’s a shame to see a comrade die in this way,”\nthe doctor said.") == [
        "“It’s a shame to see a comrade die in this way,” the doctor said."
    ]
    # A quotation closed after its full stop ends the line.
    assert page_lines("“It’s a shame.”\nthe doctor's words went unanswered") == [
        "“It’s a shame.”", "the doctor's words went unanswered"
    ]


def test_words_in_quotation_marks_inside_a_sentence_join_it():
    text = "The ombudsman called on the\n“interim”\ngovernment to withdraw military units."
    assert page_lines(text) == ["The ombudsman called on the “interim” government to withdraw military units."]


def test_a_page_written_one_text_node_a_line_joins_labels_and_lists():
    list_ = ["The launch titles are uninspiring. They include:", "Grid 2019", ",", "Gylt", ", and", "Kine",
             ". About half came out this year."]
    label = ["See it now:", "Amazon"]
    # Lines opening with a comma or a full stop show how the page was written; a browser's text has none.
    assert page_lines("\n".join(label + list_)) == [
        "See it now: Amazon", list_[0], "Grid 2019, Gylt, and Kine. About half came out this year."
    ]
    browser = ["See it now:", "Amazon", "Grid 2019, Gylt and Kine came out this year."]
    assert page_lines("\n".join(browser)) == browser
    # ... and a sentence goes on after its comma there, whatever follows it.
    films = ["Unlike the first two films in the series,", "Star Trek Beyond", "was directed by Justin Lin", "."]
    assert page_lines("\n".join(list_ + films)) == page_lines("\n".join(list_)) + [
        "Unlike the first two films in the series, Star Trek Beyond was directed by Justin Lin."]
    # ... and after "and", "of", "the": no sentence ends on them. ("to" may: "the rights to".)
    reports = ["according to reports from The Wrap and", "Deadline", "."]
    assert page_lines("\n".join(list_ + reports))[-1] == "according to reports from The Wrap and Deadline."
    caption = ["Her seventh album is the only one she owns the rights to", "She also accused the label of more."]
    assert page_lines("\n".join(list_ + caption))[-2:] == caption


def test_by_alone_rejoins_the_name_it_introduces():
    # "By <a>Ana Swanson</a>" one text node a line.
    assert page_lines("By\nAna Swanson\nWhen the talks began") == ["By Ana Swanson", "When the talks began"]
    assert page_lines("Written by:\nAna Swanson") == ["Written by: Ana Swanson"]
    assert page_lines("Stand by\nMe") == ["Stand by", "Me"]


def test_a_drop_cap_under_a_photo_s_credit_is_no_name_in_its_sentence():
    assert page_lines("Photograph: AFP via Getty\nH\nong Kong is burning.") == [
        "Photograph: AFP via Getty", "Hong Kong is burning."
    ]
