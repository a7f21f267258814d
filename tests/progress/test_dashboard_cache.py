"""The dashboard's charts and target sections are cached, yet always show today's counts in the page's language."""
import re

import pytest
from django.conf import settings
from django.core.cache import cache

from .conftest import speak_english
from .test_pages import reach

pytestmark = pytest.mark.django_db


def chart_of(html):
    return re.search(r"<svg [^>]*role=\"img\"[^>]*>.*?</svg>", html, re.S).group(0)


def test_new_counts_show_a_new_chart_and_table(staff_client, year_target):
    cache.clear()
    reach(range(1, 8), days_ago=3)
    before = speak_english(staff_client).get("/fd/progress/").content.decode()
    assert "Value today: 7 of 5,000" in chart_of(before)
    reach(range(8, 20), days_ago=1)
    after = speak_english(staff_client).get("/fd/progress/").content.decode()
    assert "Value today: 19 of 5,000" in chart_of(after) and "Value today: 7 of" not in after
    assert '<td class="num">19</td>' in after  # the chart's data table too


def test_an_edited_target_shows_its_new_title(staff_client, year_target):
    speak_english(staff_client).get("/fd/progress/")
    year_target.title_en = "6,000 people by December"
    year_target.goal = 6000
    year_target.save()
    html = speak_english(staff_client).get("/fd/progress/").content.decode()
    assert "6,000 people by December" in chart_of(html) and "5,000 people by December" not in html


def test_languages_do_not_mix(staff_client, client, year_target):
    reach(range(1, 8), days_ago=3)
    italian = staff_client.get("/fd/progress/").content.decode()
    english = speak_english(staff_client).get("/fd/progress/").content.decode()
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "it"
    italian_again = staff_client.get("/fd/progress/").content.decode()
    assert "Valore oggi" in chart_of(italian) and "Value today" not in italian
    assert "Value today" in chart_of(english) and "Valore oggi" not in english
    assert "Chart data as a table" in english and "Chart data as a table" not in italian
    assert "Valore oggi" in italian_again and "Value today" not in italian_again
    public_english = speak_english(client).get("/fd/progress/public/").content.decode()
    assert "Value today: 7 of 5,000" in public_english and "Valore oggi" not in public_english
