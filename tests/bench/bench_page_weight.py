"""What a learner's browser downloads of ours before a pill's video starts, compressed, as the sandbox sends it.

Two units with a pill each (course ``public-services``), read through Django's test client with
``Accept-Encoding: gzip``: the unit page, every script and stylesheet it links from the blocks'
resources and the site, and the captions track the video shows by default (the transcript reuses it).
The video file, its poster and the hls.js library (only for HLS streams) are not counted.

- first pill, cold cache: nothing cached yet; goal 50 KB.
- next pill, warm cache: the scripts and stylesheets come from the browser's cache (they are
  static resources with ``Cache-Control: max-age``), so only the page and its captions; goal 15 KB.
"""
import re
from pathlib import Path

from tests.bench.timing import human_bytes

REPO = Path(__file__).resolve().parents[2]
COURSE_DIR = REPO / "course_content" / "public-services"
LINKS = re.compile(r"""<(?:script[^>]*\ssrc|link[^>]*\shref)=["'](?P<url>/[^"']+)["']""")
RUNTIME_VENDOR = "/static/workbench/"  # the runtime's own jQuery (the LMS ships its own): not ours
DEFAULT_TRACK = re.compile(r'<track kind="captions" src="(?P<url>[^"]+)"[^>]*\sdefault>')


def _static_size(url):
    """A site static file as the web server sends it (gzipped); the test settings do not serve them."""
    import gzip

    from django.conf import settings
    from django.contrib.staticfiles import finders

    path = finders.find(url.removeprefix(settings.STATIC_URL))
    return len(gzip.compress(Path(path).read_bytes(), 6)), "gzip (web server)", "max-age"


def _size(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(body), response.get("Content-Encoding", ""), response.get("Cache-Control", "")


def _weigh(client, url, cached):
    """(bytes fetched for this page, resources it linked, detail)."""
    page = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert page.status_code == 200, url
    html = page.content
    if page.get("Content-Encoding") == "gzip":
        import gzip

        html = gzip.decompress(html)
    text = html.decode()
    total, encodings = len(page.content), {"page": page.get("Content-Encoding", "identity")}
    for link in LINKS.findall(text):
        if link in cached or link.startswith(RUNTIME_VENDOR):
            continue
        from django.conf import settings

        if link.startswith(settings.STATIC_URL):
            size, encoding, cache = _static_size(link)
        else:
            size, encoding, cache = _size(client.get(link, HTTP_ACCEPT_ENCODING="gzip"))
        total += size
        encodings[link.rsplit("/", 1)[-1]] = encoding or "identity"
        if "max-age" in cache:
            cached.add(link)
    track = DEFAULT_TRACK.search(text)
    if track:
        size, encoding, _ = _size(client.get(track["url"].replace("&amp;", "&"), HTTP_ACCEPT_ENCODING="gzip"))
        total += size
        encodings["captions"] = encoding or "identity"
    return total, encodings


def run():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from sandbox.courses import import_course
    from sandbox.enrollment import enroll

    course = import_course(COURSE_DIR)
    user, _ = get_user_model().objects.get_or_create(username="bench-weight-learner")
    enroll(user, course)
    client = Client()
    client.force_login(user)
    units = [reverse("sandbox:unit", args=[str(course.course_key),
                                           str(course.course_key.make_usage_key("vertical", name))])
             for name in ("spid-e-cie", "pagopa-e-app-io")]
    cached = set()
    first, first_detail = _weigh(client, units[0], cached)
    second, second_detail = _weigh(client, units[1], cached)
    return [
        {"name": "own bytes before the video, first pill (cold cache) / 50 KB", "ratio": round(first / 51200, 2),
         "goal": "<= 1.0", "detail": f"{human_bytes(first)}: page, linked scripts and stylesheets, default "
                                     f"captions; encodings {first_detail}"},
        {"name": "own bytes before the video, next pill (warm cache) / 15 KB", "ratio": round(second / 15360, 2),
         "goal": "<= 1.0", "detail": f"{human_bytes(second)}: page and captions, {len(cached)} cached resources; "
                                     f"encodings {second_detail}"},
    ]
