"""The 21 competences of the DigComp 2.x framework, by id ("1.1" .. "5.4")."""
from .errors import N_, PillInputError

DIGCOMP_COMPETENCE_IDS = (
    "1.1", "1.2", "1.3",
    "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
    "3.1", "3.2", "3.3", "3.4",
    "4.1", "4.2", "4.3", "4.4",
    "5.1", "5.2", "5.3", "5.4",
)


def clean_competences(value):
    """Return the list of DigComp ids, unique and in framework order, or raise PillInputError."""
    if isinstance(value, str):
        value = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise PillInputError(N_("DigComp competences must be a list of ids such as 1.2."),
                             "digcomp_competences")
    unknown = [item for item in value if item.strip() not in DIGCOMP_COMPETENCE_IDS]
    if unknown:
        raise PillInputError(
            N_("Unknown DigComp competence: {ids}. Use ids from 1.1 to 5.4, such as 1.2 or 4.2."),
            "digcomp_competences", ids=", ".join(unknown[:5]),
        )
    chosen = {item.strip() for item in value}
    return [cid for cid in DIGCOMP_COMPETENCE_IDS if cid in chosen]
