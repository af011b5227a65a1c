"""Error pages in Thai: the admin's in the admin's frame (``templates/wagtailadmin/403.html``,
``404.html``, ``500.html``), the public site's in the site's (``templates/403.html`` …). Django
would otherwise answer a refused admin action (an approval forced by someone who may not
approve) with a bare English "403 Forbidden"."""

import logging

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"

# The 500 page when even the site's frame cannot render (the cache or the database is most
# often what failed behind a 500): needs neither.
PLAIN = """<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>ขออภัย ระบบขัดข้อง | เทศบาลนครนครสวรรค์</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>ขออภัย ระบบขัดข้องชั่วคราว</h1>
<p>กรุณาลองใหม่อีกครั้งในภายหลัง หรือโทรติดต่อเทศบาลนครนครสวรรค์</p>
<p lang="en">Sorry, something went wrong. Please try again later.</p>
<p><a href="/">กลับหน้าหลัก</a></p></main></body></html>
"""


def _in_admin(request):
    return request.path.startswith(ADMIN_PREFIX)


def permission_denied(request, exception=None):
    if _in_admin(request):
        return render(request, "wagtailadmin/403.html", status=403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception=None):
    if _in_admin(request):
        return render(request, "wagtailadmin/404.html", status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    try:
        if _in_admin(request):
            return HttpResponseServerError(loader.get_template("wagtailadmin/500.html").render())
        return defaults.server_error(request)
    except Exception:
        logger.exception("The 500 page could not be rendered; served the plain one")
        return HttpResponseServerError(PLAIN)


def unavailable():
    """503 while a side service a request needs cannot be reached (the file store): the plain
    page, which needs neither the cache nor the database, and a hint to come back."""
    response = HttpResponse(PLAIN, status=503)
    response["Retry-After"] = "60"
    return response
