from django.http import Http404
from wagtail import hooks

from core.public_files import is_public, may_see


@hooks.register("before_serve_document")
def serve_public_documents_only(document, request):
    """``/documents/<id>/<name>`` of a document no live page uses yet: 404, as for no
    document, except for staff who may use it (core.public_files)."""
    if not is_public(document) and not may_see(request.user, document):
        raise Http404
