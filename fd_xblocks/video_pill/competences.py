"""The pill's check of its DigComp tags (the ids themselves are in :mod:`fd_core.digcomp`)."""
from fd_core.digcomp import DIGCOMP_COMPETENCE_IDS, UnknownCompetences, competence_ids

from .errors import N_, PillInputError

__all__ = ["DIGCOMP_COMPETENCE_IDS", "clean_competences"]


def clean_competences(value):
    """Return the list of DigComp ids, unique and in framework order, or raise PillInputError."""
    try:
        return competence_ids(value)
    except UnknownCompetences as error:
        if not error.unknown:
            raise PillInputError(N_("DigComp competences must be a list of ids such as 1.2."),
                                 "digcomp_competences") from None
        raise PillInputError(
            N_("Unknown DigComp competence: {ids}. Use ids from 1.1 to 5.4, such as 1.2 or 4.2."),
            "digcomp_competences", ids=", ".join(error.unknown[:5]),
        ) from None
