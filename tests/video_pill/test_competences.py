"""The DigComp ids are fd_core's (shared by the blocks); each block words a bad list its own way."""
import pytest

from fd_core.digcomp import DIGCOMP_COMPETENCE_IDS, UnknownCompetences, competence_ids
from fd_xblocks.video_pill.competences import clean_competences
from fd_xblocks.video_pill.errors import PillInputError


def test_ids_come_back_unique_and_in_framework_order():
    assert competence_ids("4.2; 1.1, 4.2") == ["1.1", "4.2"]
    assert competence_ids([" 5.4", "2.1"]) == ["2.1", "5.4"]
    assert len(DIGCOMP_COMPETENCE_IDS) == 21


def test_unknown_ids_and_wrong_types_are_refused():
    with pytest.raises(UnknownCompetences) as unknown:
        competence_ids("1.1, 6.1, 0.9")
    assert unknown.value.unknown == ["6.1", "0.9"]
    with pytest.raises(UnknownCompetences) as wrong:
        competence_ids({"1.1": True})
    assert wrong.value.unknown == []


def test_the_pill_keeps_its_own_messages():
    with pytest.raises(PillInputError) as unknown:
        clean_competences(["1.1", "9.9"])
    assert unknown.value.translate(str) == (
        "Unknown DigComp competence: 9.9. Use ids from 1.1 to 5.4, such as 1.2 or 4.2.")
    with pytest.raises(PillInputError) as wrong:
        clean_competences(42)
    assert wrong.value.translate(str) == "DigComp competences must be a list of ids such as 1.2."
    assert clean_competences("2.1,1.3") == ["1.3", "2.1"]
