"""Blocks' ``public/`` files, served as the LMS serves ``local_resource_url``: cacheable, compressible.

The URL names the block type and the file; the content is read through the block class's own
``open_local_resource`` (which refuses anything outside its public folder). Browsers keep a file for a
day and revalidate it with its ETag, so the second pill of a course costs no script or stylesheet bytes.
"""
import hashlib
import mimetypes
from functools import lru_cache

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.views.decorators.http import require_GET
from xblock.core import XBlock
from xblock.exceptions import DisallowedFileError
from xblock.plugin import PluginMissingError

MAX_AGE = 24 * 3600


@lru_cache(maxsize=256)
def _read(block_type, resource):
    try:
        block_class = XBlock.load_class(block_type)
        with block_class.open_local_resource(resource) as handle:
            content = handle.read()
    except (PluginMissingError, DisallowedFileError, OSError, ValueError, ModuleNotFoundError) as error:
        raise Http404(resource) from error
    return content, '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


@require_GET
def block_resource(request, block_type, resource):
    content, etag = _read(block_type, resource)
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        kind, _ = mimetypes.guess_type(resource)
        response = HttpResponse(content, content_type=kind or "application/octet-stream")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
