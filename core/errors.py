"""Error pages in Thai: the admin's in the admin's frame (``templates/wagtailadmin/403.html``,
``404.html``, ``500.html``), the public site's in the site's (``templates/403.html`` …). Django
would otherwise answer a refused admin action (an approval forced by someone who may not
approve) with a bare English "403 Forbidden"."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views import defaults

ADMIN_PREFIX = "/admin/"


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
    if _in_admin(request):
        return HttpResponseServerError(loader.get_template("wagtailadmin/500.html").render())
    return defaults.server_error(request)
