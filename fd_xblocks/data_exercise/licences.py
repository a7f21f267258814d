"""The licences a dataset may carry, with the attribution each asks for (DCAT-AP_IT style card)."""
from .errors import N_

LICENCES = {
    "CC-BY-4.0": {"name": "Creative Commons Attribuzione 4.0 (CC BY 4.0)",
                  "url": "https://creativecommons.org/licenses/by/4.0/deed.it",
                  "asks": N_("Credit the publisher, link the licence and say if you changed the data.")},
    "CC-BY-3.0-IT": {"name": "Creative Commons Attribuzione 3.0 Italia (CC BY 3.0 IT)",
                     "url": "https://creativecommons.org/licenses/by/3.0/it/",
                     "asks": N_("Credit the publisher, link the licence and say if you changed the data.")},
    "IODL-2.0": {"name": "Italian Open Data License v2.0 (IODL 2.0)",
                 "url": "https://www.dati.gov.it/iodl/2.0/",
                 "asks": N_("Credit the publisher and link the licence.")},
    "CC0-1.0": {"name": "Creative Commons CC0 1.0",
                "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.it",
                "asks": N_("No credit is required, but naming the source is good practice.")},
    "ODbL-1.0": {"name": "Open Database License (ODbL 1.0)",
                 "url": "https://opendatacommons.org/licenses/odbl/1-0/",
                 "asks": N_("Credit the source and share what you build from the data under the same licence.")},
}


def attribution(title, publisher, licence_id, snapshot, changed):
    """The credit line the licence asks for, such as the one a learner should copy into a report."""
    licence = LICENCES.get(licence_id)
    parts = [f"{title} © {publisher}" if publisher else title]
    if licence:
        parts.append(licence["name"])
    if snapshot:
        parts.append(snapshot)
    line = ", ".join(part for part in parts if part)
    return f"{line}. {changed}" if changed else line
