"""Thai queries on Elasticsearch or OpenSearch, for large deployments (docs/search.md).

The search fields (``thai.index``) already send segmented Thai to any backend; this wraps
Wagtail's Elasticsearch or OpenSearch backend so that queries are segmented the same way.
``WRAPPED_BACKEND`` names it (default Elasticsearch 8, whose client is then needed:
``pip install "elasticsearch>=8,<9"``); the other options are the wrapped backend's own.
"""

from django.utils.module_loading import import_string

from thai.backends.common import thai_backend_class

DEFAULT_BACKEND = "modelsearch.backends.elasticsearch8.Elasticsearch8SearchBackend"


def SearchBackend(params):
    """The wrapped backend with Thai queries (Wagtail calls this by name)."""
    params = dict(params)
    backend_class = import_string(params.pop("WRAPPED_BACKEND", DEFAULT_BACKEND))
    return thai_backend_class(backend_class)(params)
