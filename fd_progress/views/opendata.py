"""Open data: daily figures per metric and scope (CSV, JSON) and their DCAT-AP_IT metadata."""

import csv
import json

from django.conf import settings
from django.db.models import Max, Min
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from fd_core.privacy import suppress

from ..metrics import PEOPLE_METRICS, ScopeType
from ..models import DailyCount
from .dashboard import csv_safe, point_names, scope_label

FIELDS = ["day", "metric", "scope_type", "scope_value", "scope_label", "value"]
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
DAILY = "http://publications.europa.eu/resource/authority/frequency/DAILY"


class _Echo:
    def write(self, value):
        return value


def daily_rows():
    """Every daily figure, oldest first; people figures under 5 become ``None``."""
    names = point_names()
    rows = DailyCount.objects.exclude(value=0).order_by("day", "metric", "scope_type", "scope_value")
    for day, metric, scope_type, scope_value, value in rows.values_list(
        "day", "metric", "scope_type", "scope_value", "value"
    ).iterator(chunk_size=5000):
        number = int(value) if value == int(value) else float(value)
        if metric in PEOPLE_METRICS:
            number = suppress(number)
        label = scope_label(scope_type, scope_value, names)
        yield [day.isoformat(), metric, scope_type, scope_value, str(label), number]


def daily_csv(request):
    writer = csv.writer(_Echo())
    lines = (writer.writerow(row) for row in _with_header(daily_rows()))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="fd-progress-daily.csv"'
    return response


def _with_header(rows):
    yield FIELDS
    for row in rows:
        yield ["" if value is None else csv_safe(value) if isinstance(value, str) else value for value in row]


def daily_json(request):
    data = [dict(zip(FIELDS, row, strict=True)) for row in daily_rows()]
    response = JsonResponse({"fields": FIELDS, "data": data, "licence": LICENCE})
    response["Content-Disposition"] = 'attachment; filename="fd-progress-daily.json"'
    return response


def _text(values):
    return [{"@value": text, "@language": lang} for lang, text in values.items()]


def metadata(request):
    span = DailyCount.objects.aggregate(start=Min("day"), end=Max("day"))
    titles = getattr(settings, "FD_PROGRESS_DATASET_TITLE", {})
    publisher = {
        "@type": ["foaf:Agent", "dcatapit:Agent"],
        "foaf:name": settings.FD_PROGRESS_PUBLISHER_NAME,
        "dct:identifier": settings.FD_PROGRESS_PUBLISHER_ID,
    }
    licence = {"@id": LICENCE, "@type": "dct:LicenseDocument", "foaf:name": "CC BY 4.0"}

    def distribution(name, media_type, file_type):
        url = request.build_absolute_uri(reverse(f"fd_progress:{name}"))
        return {
            "@id": url,
            "@type": ["dcat:Distribution", "dcatapit:Distribution"],
            "dcat:accessURL": {"@id": url},
            "dcat:downloadURL": {"@id": url},
            "dcat:mediaType": media_type,
            "dct:format": {"@id": f"http://publications.europa.eu/resource/authority/file-type/{file_type}"},
            "dct:license": licence,
        }

    dataset = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatapit": "http://dati.gov.it/onto/dcatapit#",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": request.build_absolute_uri(reverse("fd_progress:open-data-metadata")),
        "@type": ["dcat:Dataset", "dcatapit:Dataset"],
        "dct:identifier": f"{settings.FD_PROGRESS_PUBLISHER_ID}:fd-progress-daily",
        "dct:title": _text(titles),
        "dct:description": _text(
            {
                "it": "Cifre giornaliere del programma per metrica (persone raggiunte, iscrizioni, "
                "corsi completati, "
                "autovalutazioni, badge, incontri, presenze, ore di facilitazione) e ambito (programma, "
                "organizzazione, corso, partner, quartiere, punto di facilitazione, scuola). "
                "I gruppi con meno di 5 persone sono oscurati.",
                "en": "Daily figures of the programme per metric (people reached, registrations, "
                "courses completed, "
                "self-assessments, badges, sessions, attendances, hours of one-to-one help) and scope "
                "(programme, organisation, course, partner, district, facilitation point, school). "
                "Groups of fewer than 5 people are suppressed.",
            }
        ),
        "dct:publisher": publisher,
        "dct:rightsHolder": publisher,
        "dct:license": licence,
        "dct:accrualPeriodicity": {"@id": DAILY},
        "dct:modified": {"@value": timezone.localdate().isoformat(), "@type": "xsd:date"},
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/EDUC"},
        "dcat:keyword": ["competenze digitali", "digital skills", "DigComp", str(ScopeType.DISTRICT.label)],
        "dcat:distribution": [
            distribution("open-data-csv", "text/csv", "CSV"),
            distribution("open-data-json", "application/json", "JSON"),
        ],
    }
    if span["start"]:
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": span["start"].isoformat(), "@type": "xsd:date"},
            "dcat:endDate": {"@value": span["end"].isoformat(), "@type": "xsd:date"},
        }
    return HttpResponse(json.dumps(dataset, ensure_ascii=False, indent=2), content_type="application/ld+json")
