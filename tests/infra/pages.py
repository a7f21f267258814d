"""Tiny pages served by ``live_server`` only for the fixture tests (``@pytest.mark.urls``)."""
from django.http import HttpResponse
from django.urls import path

GOOD_PAGE = """<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Pagina accessibile</title></head>
<body><main><h1>Pillole di dati aperti</h1>
<p>Una pagina senza problemi di accessibilità.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Logo di Firenze Digitale">
<button type="button">Inizia</button>
</main></body></html>"""

# Three known serious/critical problems: no lang, an image without alt, a button without a name.
BAD_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Pagina con problemi</title></head>
<body><main><h1>Pillole</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<button type="button"></button>
</main></body></html>"""

KEYBOARD_PAGE = """<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Tastiera</title></head>
<body><main><h1>Tastiera</h1>
<a id="first" href="/infra/good/">Prima</a>
<label><input id="agree" type="checkbox"> Accetto</label>
<button id="go" type="button" onclick="document.getElementById('out').textContent='premuto'">Vai</button>
<p id="out" aria-live="polite"></p>
</main></body></html>"""


def good(request):
    return HttpResponse(GOOD_PAGE)


def bad(request):
    return HttpResponse(BAD_PAGE)


def keyboard(request):
    return HttpResponse(KEYBOARD_PAGE)


def whoami(request):
    name = request.user.username if request.user.is_authenticated else "anonymous"
    return HttpResponse(f'<!doctype html><html lang="it"><title>chi</title><p id="user">{name}</p></html>')


urlpatterns = [
    path("infra/good/", good),
    path("infra/bad/", bad),
    path("infra/keyboard/", keyboard),
    path("infra/whoami/", whoami),
]
