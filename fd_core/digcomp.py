"""The 21 competences of the DigComp 2.x framework by id ("1.1" .. "5.4"), shared by the blocks.

The blocks tag their content with these ids; each block turns a bad list into its own error
message (``UnknownCompetences`` says what was wrong), so no block reaches into another's modules.
"""

DIGCOMP_COMPETENCE_IDS = (
    "1.1", "1.2", "1.3",
    "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
    "3.1", "3.2", "3.3", "3.4",
    "4.1", "4.2", "4.3", "4.4",
    "5.1", "5.2", "5.3", "5.4",
)


class UnknownCompetences(ValueError):
    """Not a list of DigComp ids: ``unknown`` holds the ids not in the framework (empty when the
    value was not a list of strings at all)."""

    def __init__(self, unknown=()):
        self.unknown = list(unknown)
        super().__init__(", ".join(self.unknown) or "not a list of DigComp competence ids")


def competence_ids(value):
    """The DigComp ids in ``value`` (a list, or a string separated by commas or semicolons), unique
    and in framework order; raises ``UnknownCompetences``."""
    if isinstance(value, str):
        value = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UnknownCompetences()
    unknown = [item for item in value if item.strip() not in DIGCOMP_COMPETENCE_IDS]
    if unknown:
        raise UnknownCompetences(unknown)
    chosen = {item.strip() for item in value}
    return [cid for cid in DIGCOMP_COMPETENCE_IDS if cid in chosen]
