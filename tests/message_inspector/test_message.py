"""The message model: what an author may write, and how a learner's marks are scored."""
import pytest

from fd_xblocks.message_inspector.message import MessageError, clean_message, link_host, score

pytestmark = pytest.mark.unit


def scam():
    return clean_message({
        "channel": "sms", "sender_name": "INPS", "expected_action": "report",
        "parts": [
            {"id": "a", "text": "Gentile utente, "},
            {"id": "b", "text": "entro 24 ore", "role": "sign", "sign": "urgency", "explanation": "Fretta."},
            {"id": "c", "text": "inps.it", "role": "sign", "sign": "link", "href": "https://inps-x.info/",
             "explanation": "<p onclick='x()'>Dominio diverso.</p><script>alert(1)</script>"},
            {"id": "d", "text": "Grazie", "role": "genuine", "explanation": "Un saluto normale."},
        ]})


def test_all_signs_and_the_right_action_score_full_marks():
    result = score(scam(), ["b", "c"], "report")
    assert result["score"] == 1.0 and result["found"] == ["b", "c"] and result["missed"] == []


def test_a_genuine_part_marked_takes_away_a_found_sign():
    result = score(scam(), ["b", "c", "d"], "report")
    assert result["wrong"] == ["d"]
    assert result["score"] == pytest.approx(0.7 * 0.5 + 0.3)


def test_marking_everything_is_not_rewarded_and_a_wrong_action_costs_30_percent():
    assert score(scam(), ["b", "c", "d"], "trust")["score"] == pytest.approx(0.35)
    assert score(scam(), [], "report")["score"] == pytest.approx(0.3)


def test_a_genuine_message_teaches_not_to_over_flag():
    message = clean_message({"channel": "notice", "sender_name": "IO", "expected_action": "trust", "parts": [
        {"id": "a", "text": "Avviso TARI", "role": "genuine", "explanation": "Ok."},
        {"id": "b", "text": "Paga in app", "role": "genuine", "explanation": "Ok."}]})
    assert score(message, [], "trust")["score"] == 1.0
    assert score(message, ["a"], "trust")["score"] == pytest.approx(0.7 * 0.5 + 0.3)
    assert score(message, ["a", "b"], "report")["score"] == 0.0


def test_explanations_are_cleaned_and_links_are_kept_as_data():
    message = scam()
    link = message["parts"][2]
    assert "script" not in link["explanation"] and "onclick" not in link["explanation"]
    assert link["href"] == "https://inps-x.info/" and link_host(link["href"]) == "inps-x.info"


@pytest.mark.parametrize(("change", "field"), [
    ({"channel": "fax"}, "channel"),
    ({"expected_action": "pay"}, "expected_action"),
    ({"parts": []}, "parts"),
    ({"parts": "testo"}, "parts"),
    ({"parts": [{"text": "solo testo"}]}, "parts"),
    ({"parts": [{"text": "x", "role": "sign", "explanation": ""}]}, "parts[0]"),
    ({"parts": [{"text": "x", "role": "sign", "explanation": "e", "href": "javascript:alert(1)"}]}, "parts[0]"),
    ({"parts": [{"text": "x", "role": "sign", "explanation": "e", "id": "A B"}]}, "parts[0]"),
    ({"parts": [{"text": "x", "role": "sign", "explanation": "e", "id": "a"},
                {"text": "y", "role": "genuine", "explanation": "e", "id": "a"}]}, "parts[1]"),
    ({"sender_name": ["x"]}, "sender_name"),
    ({"sender_name": ""}, "sender_name"),
    ({"channel": "email", "subject": ""}, "subject"),
])
def test_bad_author_input_names_the_field(change, field):
    data = {"channel": "sms", "sender_name": "INPS", "expected_action": "report",
            "parts": [{"text": "entro oggi", "role": "sign", "sign": "urgency", "explanation": "Fretta."}]}
    data.update(change)
    with pytest.raises(MessageError) as error:
        clean_message(data)
    assert error.value.field == field
